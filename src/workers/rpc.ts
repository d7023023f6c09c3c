/**
 * Calls into a worker thread and their answers: the plumbing shared by every worker that holds a
 * part of a snapshot (the bot's corpus worker, the timeline worker). A worker module describes what
 * it offers as one object of methods (`serve`); the parent calls them through `WorkerClient.api`,
 * typed from that same object, so a method is written once. Plain data crosses, by structured
 * clone; an error crosses as a `ReportedError` (reportError → errorFrom), keeping its class.
 */
import { parentPort, Worker, type ResourceLimits } from 'node:worker_threads';

interface WorkerRequest {
  id: number;
  method: string;
  args: unknown[];
}

/**
 * An error as it crosses between threads: its name (the class's), message and stack, its own fields
 * (those that clone: a CorpusUnavailableError's `loading`, a ReloadInProgressError's `startedAt`) and
 * its cause, crossed the same way. Made by `reportError` only, read by `errorFrom` only.
 */
interface ReportedError {
  name: string;
  message: string;
  stack?: string;
  fields: Record<string, unknown>;
  cause?: ReportedError;
}
type WorkerReply = { id: number; ok: true; value: unknown } | { id: number; ok: false; error: ReportedError };

type Method = (...args: never[]) => unknown;

/** An error class whose instances a client rebuilds as such (WorkerClientOptions.errors). */
export type ErrorClass = abstract new (...args: never[]) => Error;

/** The parent's view of a worker's methods: the same names and arguments, each answering a promise. */
export type Remote<Api> = {
  readonly [K in keyof Api]: Api[K] extends (...args: infer A) => infer R ? (...args: A) => Promise<Awaited<R>> : never;
};

/** Causes followed: enough for a stop seen through two threads, bounded against a cycle. */
const MAX_CAUSES = 4;

function clones(value: unknown): boolean {
  try {
    structuredClone(value);
    return true;
  } catch {
    return false;
  }
}

function reportError(error: unknown, depth = 0): ReportedError {
  if (!(error instanceof Error)) return { name: 'Error', message: String(error), fields: {} };
  const fields: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(error)) if (key !== 'name' && key !== 'cause' && clones(value)) fields[key] = value;
  return {
    name: error.name,
    message: error.message,
    ...(error.stack !== undefined && { stack: error.stack }),
    fields,
    ...(error.cause !== undefined && depth < MAX_CAUSES && { cause: reportError(error.cause, depth + 1) }),
  };
}

/** The error `reported` describes: an instance of its class when `classes` holds one of that name, else an Error of that name. */
function errorFrom(reported: ReportedError, classes: readonly ErrorClass[]): Error {
  const cause = reported.cause && errorFrom(reported.cause, classes);
  const error = new Error(reported.message, cause && { cause });
  const kind = classes.find((c) => c.name === reported.name);
  // Rebuilt without running its constructor: the fields are the original's, as they were.
  if (kind) Object.setPrototypeOf(error, kind.prototype);
  Object.assign(error, reported.fields);
  if (error.name !== reported.name) error.name = reported.name;
  if (reported.stack) error.stack = reported.stack;
  return error;
}

/** Buffers that go with a value when it crosses (see `handOver`). */
const handedOver = new WeakMap<object, ArrayBuffer[]>();

/**
 * `value`, marked so that `buffers` move with it to the other thread instead of being copied: a large
 * answer or argument (an encoded timeline) then never exists twice, nor three times while the copy is
 * made. The buffers are unusable on this side afterwards.
 */
export function handOver<T extends object>(value: T, buffers: ArrayBuffer[]): T {
  handedOver.set(value, buffers);
  return value;
}

const buffersOf = (values: readonly unknown[]): ArrayBuffer[] =>
  values.flatMap((value) => (typeof value === 'object' && value !== null ? (handedOver.get(value) ?? []) : []));

/**
 * In a worker module: answer the parent's calls with `handlers`' methods, in the order they come.
 * A method `handlers` lacks is looked up on `delegate()` (the object the worker currently serves),
 * so forwarding a whole interface needs no list of its methods.
 */
export function serve(handlers: object, delegate?: () => object): void {
  const port = parentPort;
  if (!port) throw new Error('serve() runs in a worker thread');
  const find = (method: string): Method | undefined => {
    const own = Object.hasOwn(handlers, method) ? (handlers as Record<string, unknown>)[method] : undefined;
    if (typeof own === 'function') return own.bind(handlers) as Method;
    const target = delegate?.();
    const forwarded = target && method in target ? (target as Record<string, unknown>)[method] : undefined;
    return typeof forwarded === 'function' ? (forwarded.bind(target) as Method) : undefined;
  };
  port.on('message', async ({ id, method, args }: WorkerRequest) => {
    let reply: WorkerReply;
    try {
      const handler = find(method) as ((...a: unknown[]) => unknown) | undefined;
      if (!handler) throw new Error(`unknown method ${method}`);
      reply = { id, ok: true, value: await handler(...args) };
    } catch (error) {
      reply = { id, ok: false, error: reportError(error) };
    }
    port.postMessage(reply, reply.ok ? buffersOf([reply.value]) : []);
  });
}

/** A preload of tsx (`--import tsx`, or the tsx CLI's `--require …/tsx/dist/preflight.cjs`), by its specifier. */
const TSX = /(?:^|[/\\])tsx(?:[/\\]|$)/;

/**
 * The parent's node options a worker gets: its preloads (`--import`, `--require`) except tsx's. A
 * worker compiles TypeScript itself, in its own thread (entry.mjs); an inherited `--import tsx` would
 * also start tsx's module-hooks thread, a second V8 isolate beside every worker. The other options
 * stay behind: V8's are refused in a worker's execArgv, and the process-wide ones already apply.
 */
export function workerPreloads(execArgv: readonly string[]): string[] {
  const kept: string[] = [];
  for (let at = 0; at < execArgv.length; at++) {
    const option = /^(--import|--require|-r)(?:=(.*))?$/.exec(execArgv[at]!);
    if (!option) continue;
    const specifier = option[2] ?? execArgv[++at];
    if (specifier !== undefined && !TSX.test(specifier)) kept.push(`${option[1] === '-r' ? '--require' : option[1]}=${specifier}`);
  }
  return kept;
}

export interface WorkerClientOptions {
  /** Told why the thread stopped (a crash, out of memory), unless the stop was asked for. */
  onStop?: (error: Error) => void;
  /** The error calls reject with once the thread has stopped; default: the stop's own error. */
  stoppedError?: (why: Error) => Error;
  /** V8 heap limits of the thread (see node:worker_threads). */
  resourceLimits?: ResourceLimits;
  /** Error classes the thread's errors are rebuilt as (matched by name); any other arrives as an Error keeping its name and fields. */
  errors?: readonly ErrorClass[];
}

/**
 * A worker thread running `module` (a TypeScript module that calls `serve`), offering `Api`. Once it
 * stops (a crash, out of memory, or `terminate`), every call under way and every later one rejects,
 * and `onStop` is told why, unless the stop was asked for.
 */
export class WorkerClient<Api extends object> {
  readonly #worker: Worker;
  readonly #pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  readonly #stoppedError: (why: Error) => Error;
  #idle: (() => void)[] = [];
  #nextId = 0;
  #stopped: Error | null = null;

  /** The worker's methods, called by name. */
  readonly api: Remote<Api>;

  constructor(
    module: URL,
    readonly name: string,
    options: WorkerClientOptions = {},
  ) {
    this.#stoppedError = options.stoppedError ?? ((why) => why);
    const errorClasses = options.errors ?? [];
    this.#worker = new Worker(new URL('./entry.mjs', import.meta.url), {
      workerData: { module: module.href },
      // Not the parent's tsx preload: the worker compiles TypeScript itself (entry.mjs), and an inherited
      // `--import tsx` would start tsx's module-hooks thread, a second isolate, beside every worker.
      execArgv: workerPreloads(process.execArgv),
      ...(options.resourceLimits && { resourceLimits: options.resourceLimits }),
    });
    this.#worker.on('message', (reply: WorkerReply) => {
      const waiter = this.#pending.get(reply.id);
      this.#pending.delete(reply.id);
      if (reply.ok) waiter?.resolve(reply.value);
      else waiter?.reject(errorFrom(reply.error, errorClasses));
      this.#notifyIdle();
    });
    const fail = (error: Error): void => {
      if (this.#stopped) return;
      this.#stop(error);
      options.onStop?.(error);
    };
    this.#worker.on('error', (error) => fail(new Error(`${name} failed: ${error.message}`, { cause: error })));
    this.#worker.on('exit', (code) => fail(new Error(`${name} stopped (exit code ${code})`)));
    // `then` is left out, so the proxy is never taken for a promise when returned from an async function.
    this.api = new Proxy({} as Remote<Api>, {
      get: (_, method) => (typeof method === 'string' && method !== 'then' ? (...args: unknown[]) => this.#call(method, args) : undefined),
    });
  }

  /** Calls sent and not yet answered. */
  get pending(): number {
    return this.#pending.size;
  }

  /** Resolves once no call is under way (at once when none is). */
  whenIdle(): Promise<void> {
    if (this.#pending.size === 0) return Promise.resolve();
    return new Promise((resolve) => this.#idle.push(resolve));
  }

  #call(method: string, args: unknown[]): Promise<unknown> {
    return new Promise((resolve, reject) => {
      if (this.#stopped) return reject(this.#stoppedError(this.#stopped));
      const id = this.#nextId++;
      this.#pending.set(id, { resolve, reject });
      this.#worker.postMessage({ id, method, args } satisfies WorkerRequest, buffersOf(args));
    });
  }

  #stop(why: Error): void {
    this.#stopped = why;
    for (const waiter of this.#pending.values()) waiter.reject(this.#stoppedError(why));
    this.#pending.clear();
    this.#notifyIdle();
  }

  #notifyIdle(): void {
    if (this.#pending.size > 0) return;
    for (const resolve of this.#idle.splice(0)) resolve();
  }

  /**
   * Stop the thread once no call is under way and `graceMs` has passed without a new one (0: once
   * idle). For a thread that served a snapshot now replaced: queries already asked still get answers.
   * Resolves once the thread has stopped.
   */
  async retire(graceMs: number): Promise<void> {
    for (;;) {
      await this.whenIdle();
      if (graceMs > 0) await new Promise((resolve) => setTimeout(resolve, graceMs).unref());
      if (this.#pending.size === 0) return this.terminate();
    }
  }

  /** Stop the thread; calls under way reject. Not reported to `onStop`. */
  terminate(): Promise<void> {
    if (!this.#stopped) this.#stop(new Error(`${this.name} stopped`));
    return this.#worker.terminate().then(() => undefined);
  }
}
