// The snapshot every query reads, and every change to it: reloads (with the shrink guard), recovery
// after a worker crash, cache writes once a snapshot serves.
import { diffSnapshots, shrinkRefusal } from './compare.ts';
import { CorpusUnavailableError, ReloadInProgressError } from './errors.ts';
import { DEFAULT_SNAPSHOT_PARAMS, type SnapshotParams } from './params.ts';
import type {
  Refresh,
  ReloadOutcome,
  ReloadReport,
  Snapshot,
  SnapshotBuilder,
  SnapshotChange,
  SnapshotFacts,
  SnapshotHooks,
  SnapshotOptions,
  StoreHealth,
} from './types.ts';

/** What happens in the store with no caller to answer, for the log. */
export type StoreEvent =
  | { kind: 'crashed'; error: Error }
  | { kind: 'recovery-failed'; attempt: number; outcome: ReloadOutcome; retryInMs: number }
  | { kind: 'recovered'; attempt: number; articles: number; durationMs: number }
  | { kind: 'cache-written'; durationMs: number }
  | { kind: 'cache-write-failed'; error: unknown }
  /** A reload could not be derived from the serving snapshot (Snapshot.refresh failed): it was built anew instead. */
  | { kind: 'refresh-failed'; error: Error };

export interface StoreOptions extends SnapshotOptions {
  /** How a snapshot is built; default `buildSnapshot` in this thread (the bot builds in a worker). */
  build?: SnapshotBuilder;
  params?: Partial<SnapshotParams>;
  onEvent?: (event: StoreEvent) => void;
}

export interface ChangeOptions {
  /** Swap in even what the shrink guard refuses (`/korpus muat-ulang paksa:True`). */
  force?: boolean;
  /**
   * Build the next snapshot from scratch even when few articles changed (`/korpus muat-ulang penuh:True`):
   * a derived snapshot answers the same, but a full build also compacts the index and is cached.
   */
  full?: boolean;
}

/**
 * A change derived from the current snapshot (add/remove) rather than built anew; never refused by the
 * shrink guard. `load`: the first snapshot, built from that folder (there is no current one yet).
 */
type StoreChange = ChangeOptions & { derive?: SnapshotChange; load?: string };

/** Let the event loop breathe between heavy stages. */
const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

const messageOf = (error: unknown): string => {
  if (!(error instanceof Error)) return String(error);
  return error.cause instanceof Error ? `${error.message}: ${error.cause.message}` : error.message;
};

/** The folder of a store's first snapshot, still to be built (module-private: only `open` starts one). */
class FirstLoad {
  constructor(readonly dir: string) {}
}

interface Running {
  startedAt: Date;
  by: string | undefined;
  done: Promise<void>;
}

/**
 * Holds the snapshot every query reads. A reload builds the next one aside and swaps it in with one
 * assignment; a failed or refused reload leaves the current one serving and the cache folder as it
 * was. When the served snapshot's worker dies, the store rebuilds it, retrying with backoff until a
 * snapshot serves again; meanwhile queries reject with CorpusUnavailableError. So do they while the
 * first snapshot loads (`SnapshotStore.open`).
 */
export class SnapshotStore {
  readonly params: Readonly<SnapshotParams>;
  /** Settles once the first snapshot serves; rejects when it cannot be built (the store then never serves). */
  readonly loaded: Promise<void>;
  /** Null only while the first snapshot loads. */
  #current: Snapshot | null;
  #running: Running | null = null;
  #last: ReloadOutcome | null = null;
  #health: StoreHealth;
  #closed = false;
  #wake: { timer: NodeJS.Timeout; resolve: () => void } | null = null;

  /** Serve `initial` (tests serve a prepared snapshot); SnapshotStore.open passes a FirstLoad instead. */
  constructor(
    initial: Snapshot | FirstLoad,
    private readonly opts: StoreOptions = {},
  ) {
    this.params = Object.freeze({ ...DEFAULT_SNAPSHOT_PARAMS, ...opts.params });
    if (initial instanceof FirstLoad) {
      this.#current = null;
      this.#health = { state: 'loading', since: new Date() };
      this.loaded = this.#change(undefined, { load: initial.dir }, false).then((outcome) => {
        if (outcome.status !== 'swapped') throw new Error(outcome.status === 'failed' ? outcome.error : 'the store was closed');
      });
      // Seen by whoever awaits `loaded`, maybe later than the failure: not an unhandled rejection meanwhile.
      this.loaded.catch(() => {});
    } else {
      this.#current = initial;
      this.#health = { state: 'serving' };
      this.loaded = Promise.resolve();
    }
  }

  /**
   * Start building the first snapshot from `dir` and return at once, so the caller can do its own
   * start-up meanwhile (the bot logs in). Until it serves, queries reject with CorpusUnavailableError
   * (`loading`), `health` says `loading` and a reload is refused as in progress; `loaded` settles then.
   */
  static open(dir: string, opts: StoreOptions = {}): SnapshotStore {
    return new SnapshotStore(new FirstLoad(dir), opts);
  }

  /** Build the first snapshot from `dir` and serve it; rejects when it cannot be built. */
  static async create(dir: string, opts: StoreOptions = {}): Promise<SnapshotStore> {
    const store = SnapshotStore.open(dir, opts);
    await store.loaded;
    return store;
  }

  /** The snapshot serving now. Throws CorpusUnavailableError (`loading`) while the first one loads. */
  get current(): Snapshot {
    if (!this.#current) throw new CorpusUnavailableError({ loading: true });
    return this.#current;
  }

  /**
   * The snapshot to query now. Throws CorpusUnavailableError while the first one loads or a crashed one
   * is being rebuilt, so a handler can answer before deferring (a deferred reply cannot turn ephemeral).
   */
  serving(): Snapshot {
    if (this.#health.state === 'recovering') throw new CorpusUnavailableError();
    return this.current;
  }

  /** The reload running now, if any. */
  get running(): { startedAt: Date; by: string | undefined } | null {
    return this.#running && { startedAt: this.#running.startedAt, by: this.#running.by };
  }

  /** The last reload an admin asked for; null until the first. */
  get lastReload(): ReloadOutcome | null {
    return this.#last;
  }

  get health(): StoreHealth {
    return this.#health;
  }

  /** Stop serving: frees the current snapshot at once and stops any recovery. */
  close(): void {
    this.#closed = true;
    this.#wakeUp();
    this.#current?.retire(0);
  }

  /** Serve `next` from now on. Tests use it to serve a prepared snapshot. */
  swap(next: Snapshot): void {
    this.#current = next;
    this.#health = { state: 'serving' };
  }

  /**
   * Build a new snapshot from the same folder and swap it in, unless the shrink guard refuses it.
   * @throws ReloadInProgressError when a reload is already running.
   */
  async reload(by?: string, opts: ChangeOptions = {}): Promise<ReloadOutcome> {
    return this.#change(by, opts, true);
  }

  /**
   * Make the articles of `files` (paths relative to the corpus folder, already written) live: the next
   * snapshot is derived from this one (Snapshot.derive), loading only those files.
   * @throws ReloadInProgressError when another change is running.
   */
  add(files: string[], by?: string): Promise<ReloadOutcome> {
    return this.#change(by, { derive: { add: files, remove: [] } }, true);
  }

  /** Stop serving the articles of `files` (already moved away), derived like `add`. */
  remove(files: string[], by?: string): Promise<ReloadOutcome> {
    return this.#change(by, { derive: { add: [], remove: files } }, true);
  }

  /** Runs synchronously up to the build, so the lock is taken in the caller's tick. */
  async #change(by: string | undefined, opts: StoreChange, record: boolean): Promise<ReloadOutcome> {
    if (this.#running) throw new ReloadInProgressError(this.#running.startedAt, this.#running.by);
    let finished!: () => void;
    this.#running = { startedAt: new Date(), by, done: new Promise((resolve) => (finished = resolve)) };
    try {
      const outcome = await this.#rebuild(by, opts);
      if (record) this.#last = outcome;
      return outcome;
    } finally {
      this.#running = null;
      finished();
    }
  }

  async #rebuild(by: string | undefined, opts: StoreChange): Promise<ReloadOutcome> {
    if (opts.load !== undefined) return this.#loadFirst(opts.load);
    const before = this.current;
    const started = performance.now();
    const who = by === undefined ? {} : { by };
    let next: Snapshot;
    let derived = opts.derive !== undefined;
    try {
      // The caller took the lock synchronously; let it send its acknowledgement before the heavy work starts.
      await yieldToEventLoop();
      const hooks = { onCrash: (error: Error) => this.#crashed(next, error) };
      if (opts.derive) next = await before.derive(opts.derive, hooks);
      else {
        const refreshed = await this.#refresh(before, opts, hooks);
        if (refreshed?.kind === 'refused') {
          const { refusal, facts } = refreshed;
          const report = { ...reportOf(before, facts), durationMs: performance.now() - started, how: 'derived' as const };
          return { status: 'refused', refusal, report, finishedAt: new Date(), ...who };
        }
        derived = refreshed?.kind === 'derived';
        // Beside a snapshot that serves, a full build trades time for memory (SnapshotOptions.oneStageAtATime).
        const beside = this.#health.state === 'serving';
        next = refreshed?.kind === 'derived' ? refreshed.snapshot : await build(this.opts, this.params, before.dir, hooks, beside);
      }
    } catch (error) {
      return { status: 'failed', error: messageOf(error), durationMs: performance.now() - started, finishedAt: new Date(), ...who };
    }
    const report: ReloadReport = { ...reportOf(before, next), durationMs: performance.now() - started, how: derived ? 'derived' : 'full' };
    // A derived reload met the shrink guard before it touched anything (Snapshot.refresh).
    const refusal = opts.force || derived ? null : shrinkRefusal(before, next, this.params.maxShrink);
    if (refusal || this.#closed) {
      next.retire(0);
      if (refusal) return { status: 'refused', refusal, report, finishedAt: new Date(), ...who };
      return { status: 'failed', error: 'the store was closed', durationMs: report.durationMs, finishedAt: new Date(), ...who };
    }
    this.#current = next;
    this.#health = { state: 'serving' };
    this.#wakeUp();
    before.retire(this.params.retireGraceMs);
    this.#persist(next);
    return { status: 'swapped', report, finishedAt: new Date(), ...who };
  }

  /** The first snapshot: built, served, then cached; nothing to compare it with or to guard. */
  async #loadFirst(dir: string): Promise<ReloadOutcome> {
    const started = performance.now();
    let first: Snapshot;
    try {
      first = await build(this.opts, this.params, dir, { onCrash: (error) => this.#crashed(first, error) });
    } catch (error) {
      return { status: 'failed', error: messageOf(error), durationMs: performance.now() - started, finishedAt: new Date() };
    }
    if (this.#closed) {
      first.retire(0);
      return { status: 'failed', error: 'the store was closed', durationMs: performance.now() - started, finishedAt: new Date() };
    }
    this.#current = first;
    this.#health = { state: 'serving' };
    this.#persist(first);
    const report = { ...reportOf(first, first), durationMs: performance.now() - started, how: 'full' as const };
    return { status: 'swapped', report, finishedAt: new Date() };
  }

  /**
   * A reload derived from `before` when few articles changed; null when it must be built anew: asked
   * to (`full`), `before`'s worker is dead (recovery), too many changed, or the attempt failed (then
   * nothing was touched, and the log says why the reload took the long way).
   */
  async #refresh(before: Snapshot, opts: StoreChange, hooks: SnapshotHooks): Promise<Exclude<Refresh, { kind: 'too-large' }> | null> {
    if (opts.full || this.params.maxRefreshShare <= 0 || this.#health.state === 'recovering') return null;
    const limits = { maxChangedShare: this.params.maxRefreshShare, maxShrink: opts.force ? null : this.params.maxShrink };
    try {
      const refreshed = await before.refresh(limits, hooks);
      return refreshed.kind === 'too-large' ? null : refreshed;
    } catch (error) {
      this.opts.onEvent?.({ kind: 'refresh-failed', error: error instanceof Error ? error : new Error(String(error)) });
      return null;
    }
  }

  /** Write the caches of a snapshot that now serves; in the background, so a reload's answer does not wait for the disk. */
  #persist(snapshot: Snapshot): void {
    const started = performance.now();
    snapshot.persist().then(
      (wrote) => {
        if (wrote) this.opts.onEvent?.({ kind: 'cache-written', durationMs: performance.now() - started });
      },
      (error: unknown) => this.opts.onEvent?.({ kind: 'cache-write-failed', error }),
    );
  }

  #crashed(snapshot: Snapshot, error: Error): void {
    if (this.#closed || snapshot !== this.#current || this.#health.state === 'recovering') return;
    this.#health = { state: 'recovering', since: new Date(), cause: error.message, attempts: 0, lastAttempt: null, nextAttemptAt: null };
    this.opts.onEvent?.({ kind: 'crashed', error });
    void this.#recover();
  }

  /** Rebuild at once, then with growing delays, until a snapshot serves again (from here or an admin's reload). */
  async #recover(): Promise<void> {
    let delay = this.params.recoveryFirstDelayMs;
    while (!this.#closed && this.#health.state === 'recovering') {
      if (this.#running) {
        await this.#running.done;
        continue;
      }
      const health = this.#health;
      const attempt = health.attempts + 1;
      this.#health = { ...health, attempts: attempt, nextAttemptAt: null };
      const outcome = await this.#change(undefined, {}, false);
      if (outcome.status === 'swapped') {
        this.opts.onEvent?.({ kind: 'recovered', attempt, articles: outcome.report.after, durationMs: outcome.report.durationMs });
        return;
      }
      if (this.#closed || this.#health.state !== 'recovering') return;
      this.#health = { ...this.#health, lastAttempt: outcome, nextAttemptAt: new Date(Date.now() + delay) };
      this.opts.onEvent?.({ kind: 'recovery-failed', attempt, outcome, retryInMs: delay });
      await this.#sleep(delay);
      delay = Math.min(delay * this.params.recoveryBackoff, this.params.recoveryMaxDelayMs);
    }
  }

  /** Wait `ms`, or less when a swap or `close` wakes the store. */
  #sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.#wake = null;
        resolve();
      }, ms);
      timer.unref();
      this.#wake = { timer, resolve };
    });
  }

  #wakeUp(): void {
    if (!this.#wake) return;
    clearTimeout(this.#wake.timer);
    this.#wake.resolve();
    this.#wake = null;
  }
}

/** The counts of a reload's report: `after` against `before`. */
function reportOf(before: SnapshotFacts, after: Omit<SnapshotFacts, 'loadedAt' | 'durationMs'>) {
  return {
    before: before.stats.articles,
    after: after.stats.articles,
    ...diffSnapshots(before, after),
    errors: after.errors,
    warnings: after.warnings,
  };
}

/** The store's builder gets the build options only (they may cross to a worker thread, so no functions). */
async function build(opts: StoreOptions, params: SnapshotParams, dir: string, hooks: SnapshotHooks, beside = false): Promise<Snapshot> {
  // buildSnapshot is loaded when first used: a store whose snapshots build in a worker (the bot) never loads the core here.
  const { build: builder = (await import('./build.ts')).buildSnapshot, cacheDir } = opts;
  const options: SnapshotOptions = {
    ...(cacheDir !== undefined && { cacheDir }),
    youngGenerationMb: params.workerYoungGenerationMb,
    ...(beside && { oneStageAtATime: true }),
  };
  return builder(dir, options, hooks);
}
