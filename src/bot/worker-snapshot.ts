import { Worker } from 'node:worker_threads';
import type { CorpusQueries, Snapshot, SnapshotOptions } from '../snapshot.ts';

type Method = keyof CorpusQueries;
type SnapshotMeta = Pick<Snapshot, 'errors' | 'warnings' | 'hashes' | 'stats' | 'loadedAt' | 'durationMs'>;

/** Messages between the bot and a corpus worker (src/bot/corpus-worker.ts). */
export interface WorkerRequest {
  id: number;
  method: Method;
  args: unknown[];
}
export type WorkerReply = { id: number; ok: true; value: unknown } | { id: number; ok: false; error: { message: string; stack?: string } };
export type WorkerStatus = { status: 'ready'; meta: SnapshotMeta } | { status: 'failed'; error: { message: string; stack?: string } };

/** How long a replaced snapshot keeps answering queries that were already under way. */
const RETIRE_AFTER_MS = 60_000;

export interface WorkerSnapshotOptions extends SnapshotOptions {
  /** Told when the worker dies unexpectedly (a crash, or out of memory) while serving. */
  onCrash?: (error: Error) => void;
}

function errorFrom(reported: { message: string; stack?: string }): Error {
  const error = new Error(reported.message);
  if (reported.stack) error.stack = reported.stack;
  return error;
}

/**
 * Build a snapshot in a worker thread and serve its queries from there. Building a corpus is
 * seconds of CPU (tens of seconds for a large one) that would otherwise block the gateway and
 * every interaction; in a worker, the bot keeps answering from the old snapshot meanwhile.
 */
export function spawnSnapshot(dir: string, opts: WorkerSnapshotOptions = {}): Promise<Snapshot> {
  const buildOpts: SnapshotOptions = opts.cacheDir === undefined ? {} : { cacheDir: opts.cacheDir };
  const worker = new Worker(new URL('./corpus-worker.mjs', import.meta.url), { workerData: { dir, opts: buildOpts } });
  const pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  let nextId = 0;
  let stopped: Error | null = null;
  let retired = false;

  return new Promise<Snapshot>((resolveBuild, rejectBuild) => {
    let ready = false;
    const call = (method: Method, args: unknown[]): Promise<never> => new Promise((resolve, reject) => {
      if (stopped) return reject(stopped);
      const id = nextId++;
      pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      worker.postMessage({ id, method, args } satisfies WorkerRequest);
    });
    const queries: CorpusQueries = {
      search: (...args) => call('search', args),
      suggest: (...args) => call('suggest', args),
      publishers: (...args) => call('publishers', args),
      article: (...args) => call('article', args),
      timeline: (...args) => call('timeline', args),
    };

    worker.on('message', (message: WorkerStatus | WorkerReply) => {
      if ('status' in message) {
        if (message.status === 'failed') {
          rejectBuild(errorFrom(message.error));
          void worker.terminate();
          return;
        }
        ready = true;
        resolveBuild(Object.freeze({
          dir, ...message.meta, queries,
          retire: (afterMs = RETIRE_AFTER_MS) => {
            retired = true;
            setTimeout(() => void worker.terminate(), afterMs).unref();
          },
        }));
        return;
      }
      const waiter = pending.get(message.id);
      pending.delete(message.id);
      if (message.ok) waiter?.resolve(message.value);
      else waiter?.reject(errorFrom(message.error));
    });
    const fail = (error: Error): void => {
      if (stopped) return;
      stopped = error;
      for (const waiter of pending.values()) waiter.reject(error);
      pending.clear();
      if (!ready) rejectBuild(error);
      else if (!retired) opts.onCrash?.(error);
    };
    worker.on('error', (error) => fail(new Error(`corpus worker failed: ${error.message}`, { cause: error })));
    worker.on('exit', (code) => fail(new Error(`corpus worker stopped (exit code ${code})`)));
  });
}
