/**
 * Calls into a worker thread and their answers: the plumbing shared by every worker that holds a
 * part of a snapshot (the bot's corpus worker, the timeline worker). Plain data crosses, by
 * structured clone; an error crosses as its message and stack.
 */
import { parentPort, Worker } from 'node:worker_threads';

export interface WorkerRequest {
  id: number;
  method: string;
  args: unknown[];
}
export interface ReportedError {
  message: string;
  stack?: string;
}
export type WorkerReply = { id: number; ok: true; value: unknown } | { id: number; ok: false; error: ReportedError };

/** What a worker module offers: methods called with plain data, answering plain data. */
export type Handlers = Record<string, (...args: never[]) => unknown>;

function describeError(error: unknown): ReportedError {
  return error instanceof Error ? { message: error.message, ...(error.stack && { stack: error.stack }) } : { message: String(error) };
}

function errorFrom(reported: ReportedError): Error {
  const error = new Error(reported.message);
  if (reported.stack) error.stack = reported.stack;
  return error;
}

/** In a worker module: answer the parent's calls, in the order they come. */
export function serve(handlers: Handlers): void {
  const port = parentPort;
  if (!port) throw new Error('serve() runs in a worker thread');
  port.on('message', async ({ id, method, args }: WorkerRequest) => {
    let reply: WorkerReply;
    try {
      const handler = handlers[method] as ((...a: unknown[]) => unknown) | undefined;
      if (!handler) throw new Error(`unknown method ${method}`);
      reply = { id, ok: true, value: await handler(...args) };
    } catch (error) {
      reply = { id, ok: false, error: describeError(error) };
    }
    port.postMessage(reply);
  });
}

/**
 * A worker thread running `module` (a TypeScript module that calls `serve`). Once it stops (a
 * crash, out of memory, or `terminate`), every call under way and every later one rejects, and
 * `onStop` is told why, unless the stop was asked for.
 */
export class WorkerClient {
  readonly #worker: Worker;
  readonly #pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  #nextId = 0;
  #stopped: Error | null = null;

  constructor(
    module: URL,
    readonly name: string,
    onStop?: (error: Error) => void,
  ) {
    this.#worker = new Worker(new URL('./entry.mjs', import.meta.url), { workerData: { module: module.href } });
    this.#worker.on('message', (reply: WorkerReply) => {
      const waiter = this.#pending.get(reply.id);
      this.#pending.delete(reply.id);
      if (reply.ok) waiter?.resolve(reply.value);
      else waiter?.reject(errorFrom(reply.error));
    });
    const fail = (error: Error): void => {
      if (this.#stopped) return;
      this.#stopped = error;
      for (const waiter of this.#pending.values()) waiter.reject(error);
      this.#pending.clear();
      onStop?.(error);
    };
    this.#worker.on('error', (error) => fail(new Error(`${name} failed: ${error.message}`, { cause: error })));
    this.#worker.on('exit', (code) => fail(new Error(`${name} stopped (exit code ${code})`)));
  }

  call<T>(method: string, args: unknown[]): Promise<T> {
    return new Promise((resolve, reject) => {
      if (this.#stopped) return reject(this.#stopped);
      const id = this.#nextId++;
      this.#pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      this.#worker.postMessage({ id, method, args } satisfies WorkerRequest);
    });
  }

  /** Stop the thread; calls under way reject. Not reported to `onStop`. */
  terminate(): Promise<void> {
    if (!this.#stopped) {
      this.#stopped = new Error(`${this.name} stopped`);
      for (const waiter of this.#pending.values()) waiter.reject(this.#stopped);
      this.#pending.clear();
    }
    return this.#worker.terminate().then(() => undefined);
  }
}
