// The snapshot every query reads, and every change to it: reloads (with the shrink guard), recovery
// after a worker crash, cache writes once a snapshot serves.
import { corpusStats, diffSnapshots, shrinkRefusal } from './compare.ts';
import { CorpusUnavailableError, ReloadInProgressError, failureOf, folderFailure } from './errors.ts';
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
  StoreFailure,
  StoreHealth,
} from './types.ts';

/** What happens in the store with no caller to answer, for the log. */
export type StoreEvent =
  | { kind: 'crashed'; error: Error }
  /** An attempt to serve a snapshot failed: the first load (`load-failed`), or a rebuild after a crash. */
  | { kind: 'load-failed' | 'recovery-failed'; attempt: number; outcome: ReloadOutcome; retryInMs: number }
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

/** A change derived from the current snapshot (add/remove) rather than built anew; never refused by the shrink guard. */
type StoreChange = ChangeOptions & { derive?: SnapshotChange };

/** Let the event loop breathe between heavy stages. */
const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** What a first load is compared with: nothing served before it. */
const NOTHING: Pick<SnapshotFacts, 'stats' | 'hashes'> = { stats: corpusStats([]), hashes: new Map() };

interface Running {
  startedAt: Date;
  by: string | undefined;
  done: Promise<void>;
}

/**
 * Holds the snapshot every query reads. A reload builds the next one aside and swaps it in with one
 * assignment; a failed or refused reload leaves the current one serving and the cache folder as it
 * was. Until a snapshot serves (the first load, `SnapshotStore.open`, or after the served snapshot's
 * worker died), the store builds one, retrying with backoff (SnapshotParams.recovery*); meanwhile
 * queries reject with CorpusUnavailableError.
 */
export class SnapshotStore {
  readonly params: Readonly<SnapshotParams>;
  /** Settles once the first snapshot serves; rejects only when the store is closed before that. */
  readonly loaded: Promise<void>;
  readonly #dir: string;
  /** Null until the first snapshot serves. */
  #current: Snapshot | null;
  #running: Running | null = null;
  #last: ReloadOutcome | null = null;
  #health: StoreHealth;
  #closed = false;
  #wake: { timer: NodeJS.Timeout; resolve: () => void } | null = null;
  /** Cache writes under way: `close` waits for them. */
  readonly #writes = new Set<Promise<void>>();
  #settleLoaded: { resolve: () => void; reject: (error: Error) => void } | null = null;
  /** Aborted by `close`: stops a build under way (SnapshotHooks.signal). */
  readonly #closing = new AbortController();

  /**
   * Serve `initial`, a prepared snapshot (tests), or build the first one from the corpus folder
   * `initial` names, retrying until it serves (`SnapshotStore.open`).
   */
  constructor(
    initial: Snapshot | string,
    private readonly opts: StoreOptions = {},
  ) {
    this.params = Object.freeze({ ...DEFAULT_SNAPSHOT_PARAMS, ...opts.params });
    if (typeof initial !== 'string') {
      this.#dir = initial.dir;
      this.#current = initial;
      this.#health = { state: 'serving' };
      this.loaded = Promise.resolve();
      return;
    }
    this.#dir = initial;
    this.#current = null;
    this.#health = { state: 'loading', since: new Date(), attempts: 0, lastAttempt: null, nextAttemptAt: null };
    this.loaded = new Promise((resolve, reject) => (this.#settleLoaded = { resolve, reject }));
    // Seen by whoever awaits `loaded`, maybe later than a close: not an unhandled rejection meanwhile.
    this.loaded.catch(() => {});
    // Takes the lock in this tick: a reload asked right after `open` is refused as in progress.
    void this.#serveAgain();
  }

  /**
   * Start building the first snapshot from `dir` and return at once, so the caller can do its own
   * start-up meanwhile (the bot logs in). Until a snapshot serves, queries reject with
   * CorpusUnavailableError, `health` says `loading` (with the failed attempts, retried with backoff),
   * and `loaded` settles then.
   */
  static open(dir: string, opts: StoreOptions = {}): SnapshotStore {
    return new SnapshotStore(dir, opts);
  }

  /** Build the first snapshot from `dir` and serve it, retrying as `open` does; rejects only if closed first. */
  static async create(dir: string, opts: StoreOptions = {}): Promise<SnapshotStore> {
    const store = SnapshotStore.open(dir, opts);
    await store.loaded;
    return store;
  }

  /** The snapshot serving now. Throws CorpusUnavailableError while the first one loads. */
  get current(): Snapshot {
    if (!this.#current) throw this.#unavailable();
    return this.#current;
  }

  /**
   * The snapshot to query now. Throws CorpusUnavailableError while the first one loads or a crashed one
   * is being rebuilt, so a handler can answer before deferring (a deferred reply cannot turn ephemeral).
   */
  serving(): Snapshot {
    if (this.#health.state === 'recovering') throw this.#unavailable();
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

  /**
   * Stop serving: stops the retries at once, lets a cache write under way finish (it is short, and a
   * file cut halfway would be lost), then stops a build under way (its worker thread; SnapshotHooks.signal)
   * and frees the current snapshot. Resolves once no build and no cache write is under way any more,
   * so the cache folder may be removed then.
   */
  async close(): Promise<void> {
    if (!this.#closed) {
      this.#closed = true;
      this.#wakeUp();
      this.#settleLoaded?.reject(new Error('the store was closed before its first snapshot served'));
      // A refresh may run in the thread that writes: the write ends before any thread is stopped.
      await Promise.allSettled([...this.#writes]);
      this.#closing.abort();
      this.#current?.retire(0);
    }
    while (this.#running || this.#writes.size > 0) await Promise.all([this.#running?.done, ...this.#writes]);
  }

  /** Serve `next` from now on. Tests use it to serve a prepared snapshot. */
  swap(next: Snapshot): void {
    this.#current = next;
    this.#health = { state: 'serving' };
    this.#wakeUp();
    this.#settleLoaded?.resolve();
  }

  /**
   * Build a new snapshot from the same folder and swap it in, unless the shrink guard refuses it.
   * While no snapshot has served yet, this is one more attempt at the first load.
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
      // Once the lock is free: whoever awaited the first snapshot may reload at once.
      if (this.#current) this.#settleLoaded?.resolve();
    }
  }

  async #rebuild(by: string | undefined, opts: StoreChange): Promise<ReloadOutcome> {
    const before = this.#current;
    const started = performance.now();
    const who = by === undefined ? {} : { by };
    const failed = (failure: StoreFailure): ReloadOutcome => ({
      status: 'failed',
      failure,
      durationMs: performance.now() - started,
      finishedAt: new Date(),
      ...who,
    });
    // An add or remove is derived from the snapshot serving: there is none yet.
    if (before === null && opts.derive) throw this.#unavailable();
    let next: Snapshot;
    let derived = opts.derive !== undefined;
    try {
      // The caller took the lock synchronously; let it send its acknowledgement before the heavy work starts.
      await yieldToEventLoop();
      if (this.#closed) return failed({ kind: 'closed' });
      const hooks = { onCrash: (error: Error) => this.#crashed(next, error), signal: this.#closing.signal };
      if (before === null) next = await build(this.opts, this.params, this.#dir, hooks);
      else if (opts.derive) next = await before.derive(opts.derive, hooks);
      else {
        const refreshed = await this.#refresh(before, opts, hooks);
        if (refreshed?.kind === 'unusable') return failed(refreshed.failure);
        if (refreshed?.kind === 'refused') {
          const { refusal, facts } = refreshed;
          const report = { ...reportOf(before, facts), durationMs: performance.now() - started, how: 'derived' as const };
          return { status: 'refused', refusal, report, finishedAt: new Date(), ...who };
        }
        derived = refreshed?.kind === 'derived';
        // Beside a snapshot that serves, a full build trades time for memory (SnapshotOptions.oneStageAtATime).
        const beside = this.#health.state === 'serving';
        if (refreshed?.kind === 'derived') next = refreshed.snapshot;
        else if (this.#closed) return failed({ kind: 'closed' });
        else next = await build(this.opts, this.params, this.#dir, hooks, beside);
      }
    } catch (error) {
      // Stopped by close, or failed on its own meanwhile: either way the store is closing.
      return failed(this.#closed ? { kind: 'closed' } : failureOf(error));
    }
    const report: ReloadReport = {
      ...reportOf(before ?? NOTHING, next),
      durationMs: performance.now() - started,
      how: derived ? 'derived' : 'full',
    };
    // Derived snapshots were checked before they were made (Snapshot.refresh), or change only the files named.
    const unusable = this.#closed ? ({ kind: 'closed' } as const) : derived ? null : unusableBuild(this.#dir, next, before === null);
    if (unusable) {
      next.retire(0);
      return failed(unusable);
    }
    // A derived reload met the shrink guard before it touched anything (Snapshot.refresh).
    const refusal = before === null || opts.force || derived ? null : shrinkRefusal(before, next, this.params.maxShrink);
    if (refusal) {
      next.retire(0);
      return { status: 'refused', refusal, report, finishedAt: new Date(), ...who };
    }
    this.#current = next;
    this.#health = { state: 'serving' };
    this.#wakeUp();
    before?.retire(this.params.retireGraceMs);
    this.#persist(next);
    return { status: 'swapped', report, finishedAt: new Date(), ...who };
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
      if (!this.#closed) this.opts.onEvent?.({ kind: 'refresh-failed', error: error instanceof Error ? error : new Error(String(error)) });
      return null;
    }
  }

  /** Write the caches of a snapshot that now serves; in the background, so a reload's answer does not wait for the disk. */
  #persist(snapshot: Snapshot): void {
    const started = performance.now();
    const write: Promise<void> = snapshot
      .persist()
      .then(
        (wrote) => {
          if (wrote) this.opts.onEvent?.({ kind: 'cache-written', durationMs: performance.now() - started });
        },
        (error: unknown) => this.opts.onEvent?.({ kind: 'cache-write-failed', error }),
      )
      .finally(() => this.#writes.delete(write));
    this.#writes.add(write);
  }

  #crashed(snapshot: Snapshot, error: Error): void {
    if (this.#closed || snapshot !== this.#current || this.#health.state === 'recovering') return;
    const cause: StoreFailure = { kind: 'worker-stopped', detail: error.message };
    this.#health = { state: 'recovering', since: new Date(), cause, attempts: 0, lastAttempt: null, nextAttemptAt: null };
    this.opts.onEvent?.({ kind: 'crashed', error });
    void this.#serveAgain();
  }

  /**
   * Build at once, then after growing delays, until a snapshot serves (from here or an admin's reload):
   * the first load, and the rebuild after a crash.
   */
  async #serveAgain(): Promise<void> {
    let delay = this.params.recoveryFirstDelayMs;
    for (;;) {
      const health = this.#health;
      if (this.#closed || health.state === 'serving') return;
      if (this.#running) {
        await this.#running.done;
        continue;
      }
      const attempt = health.attempts + 1;
      this.#health = { ...health, attempts: attempt, nextAttemptAt: null };
      const outcome = await this.#change(undefined, {}, false);
      if (outcome.status === 'swapped') {
        if (health.state === 'recovering') {
          this.opts.onEvent?.({ kind: 'recovered', attempt, articles: outcome.report.after, durationMs: outcome.report.durationMs });
        }
        return;
      }
      const now = this.health; // not narrowed by the assignment above: the build may have swapped
      if (this.#closed || now.state === 'serving') return;
      this.#health = { ...now, lastAttempt: outcome, nextAttemptAt: new Date(Date.now() + delay) };
      const kind = now.state === 'loading' ? 'load-failed' : 'recovery-failed';
      this.opts.onEvent?.({ kind, attempt, outcome, retryInMs: delay });
      await this.#sleep(delay);
      delay = Math.min(delay * this.params.recoveryBackoff, this.params.recoveryMaxDelayMs);
    }
  }

  /** Queries cannot be answered now: the first snapshot loads (`loading` until an attempt failed), or one is rebuilt. */
  #unavailable(): CorpusUnavailableError {
    const health = this.#health;
    return new CorpusUnavailableError({ loading: health.state === 'loading' && health.lastAttempt === null });
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

/**
 * Why a built snapshot must not serve, forced or not: the corpus folder itself could not be read
 * (folderFailure); or, for the `first` (nothing to lose, but it must hold something), no article but
 * errors (every file broken). A folder that is merely empty serves (as empty).
 */
function unusableBuild(dir: string, built: SnapshotFacts, first: boolean): StoreFailure | null {
  const folder = folderFailure(dir, built.errors);
  if (folder || !first || built.stats.articles > 0 || built.errors.length === 0) return folder;
  return { kind: 'corpus-empty', errors: built.errors };
}

/** The counts of a reload's report: `after` against `before`. */
function reportOf(before: Pick<SnapshotFacts, 'stats' | 'hashes'>, after: Omit<SnapshotFacts, 'loadedAt' | 'durationMs'>) {
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
    // Beside a snapshot that serves, memory is the limit; with none, the time until searches answer.
    ...(beside ? { oneStageAtATime: true } : { searchFirst: true }),
  };
  return builder(dir, options, hooks);
}
