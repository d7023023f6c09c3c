// Every worker thread the bot starts, with the module it runs, so a test can kill one as a crash would.
// vi.mock is per test file; a file that needs them mocks node:worker_threads with this module:
//   vi.mock('node:worker_threads', async (original) => (await import('./threads.ts')).recordWorkers(original));
import type * as WorkerThreads from 'node:worker_threads';

export const threads: { module: string; worker: WorkerThreads.Worker }[] = [];

export async function recordWorkers(importOriginal: () => Promise<unknown>): Promise<typeof WorkerThreads> {
  const original = (await importOriginal()) as typeof WorkerThreads;
  class RecordedWorker extends original.Worker {
    constructor(...args: ConstructorParameters<typeof original.Worker>) {
      super(...args);
      threads.push({ module: String((args[1]?.workerData as { module?: string } | undefined)?.module), worker: this });
    }
  }
  return { ...original, Worker: RecordedWorker };
}

/** The last corpus worker started after the first `since` threads, if any. */
export function lastCorpusWorker(since = 0): WorkerThreads.Worker | undefined {
  return threads.slice(since).findLast((t) => t.module.endsWith('/corpus-worker.ts'))?.worker;
}
