// The corpus worker: builds one snapshot and answers its queries, off the thread that talks to Discord.
import { parentPort, workerData } from 'node:worker_threads';
import { buildSnapshot, type SnapshotOptions } from '../snapshot.ts';
import type { WorkerReply, WorkerRequest, WorkerStatus } from './worker-snapshot.ts';

const port = parentPort!;
const { dir, opts } = workerData as { dir: string; opts: SnapshotOptions };

function describeError(error: unknown): { message: string; stack?: string } {
  return error instanceof Error ? { message: error.message, ...(error.stack && { stack: error.stack }) } : { message: String(error) };
}

try {
  const snapshot = await buildSnapshot(dir, opts);
  const { errors, warnings, hashes, stats, loadedAt, durationMs } = snapshot;
  port.on('message', async ({ id, method, args }: WorkerRequest) => {
    let reply: WorkerReply;
    try {
      const query = snapshot.queries[method] as (...a: unknown[]) => Promise<unknown>;
      reply = { id, ok: true, value: await query(...args) };
    } catch (error) {
      reply = { id, ok: false, error: describeError(error) };
    }
    port.postMessage(reply);
  });
  port.postMessage({ status: 'ready', meta: { errors, warnings, hashes, stats, loadedAt, durationMs } } satisfies WorkerStatus);
} catch (error) {
  port.postMessage({ status: 'failed', error: describeError(error) } satisfies WorkerStatus);
}
