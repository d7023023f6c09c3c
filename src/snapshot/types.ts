import type { ArticleEntry, DuplicateProbe } from '../corpus/catalog.ts';
import type { Article, LoadIssue } from '../corpus/types.ts';
import type { SearchOptions, SearchResult, SourceName } from '../search/types.ts';
import type { TimelineQuery, TimelineResult } from '../timeline/types.ts';

/** What `/korpus status` shows; computed once per snapshot so status is instant. */
export interface CorpusStats {
  articles: number;
  /** Publishers by article count, most first. */
  publishers: { name: string; count: number }[];
  /** Earliest and latest publication day (or month/year) in the corpus. */
  dateRange: { from: string; to: string } | null;
}

/** Where a cited article can be read, by article id. */
export type SourceUrls = Record<string, string | null>;

/**
 * The questions a snapshot answers, all asynchronous: the bot hosts each snapshot in a worker
 * thread (src/bot/corpus-worker.ts), so building a new one never stalls the gateway. Results are
 * plain data. A snapshot whose worker has stopped rejects with `CorpusUnavailableError`.
 */
export interface CorpusQueries {
  search(query: string, opts?: SearchOptions): Promise<SearchResult>;
  suggest(prefix: string, limit?: number): Promise<string[]>;
  /** Outlets and credited origins whose name holds the text, most articles first (the `sumber` filter's names). */
  sources(prefix?: string): Promise<SourceName[]>;
  article(id: string): Promise<Article | undefined>;
  /** The timeline, with the url of every cited article, so a renderer can link its sources. */
  timeline(q: TimelineQuery): Promise<{ result: TimelineResult; urls: SourceUrls }>;
  /** Id of an article already in the corpus with the same (normalized) url or the same body text (`bodyTextHash`). */
  duplicateOf(probe: DuplicateProbe): Promise<string | null>;
  /** Articles whose title holds the typed words, those added through the inbox first (to pick one to remove). */
  titles(typed: string, limit?: number): Promise<ArticleEntry[]>;
}

/** What a snapshot is, besides its queries: plain data, so it crosses from a worker thread as is. */
export interface SnapshotFacts {
  readonly errors: readonly LoadIssue[];
  readonly warnings: readonly LoadIssue[];
  /** Article id → content hash, to tell a reload's changed articles from unchanged ones. */
  readonly hashes: ReadonlyMap<string, string>;
  /** Article id → its file (relative to the corpus folder), to tell which articles a file error cost. */
  readonly files: ReadonlyMap<string, string>;
  readonly stats: CorpusStats;
  readonly loadedAt: Date;
  readonly durationMs: number;
}

/**
 * Everything a query needs, built together and never mutated: a query holds one
 * snapshot from start to end, so a reload can never show it half a corpus.
 */
export interface Snapshot extends SnapshotFacts {
  readonly dir: string;
  readonly queries: CorpusQueries;
  /**
   * Write what this snapshot built (search index, timeline) to the cache folder, if it has one. The
   * store calls it only once the snapshot serves: a refused or failed build never touches the cache.
   * Resolves true when it wrote, false when there was nothing to write (no cache folder, or a derived snapshot).
   */
  persist(): Promise<boolean>;
  /**
   * Free what the snapshot holds once it is no longer served: as soon as the queries under way
   * have finished and `graceMs` has passed without one (0: at once).
   */
  retire(graceMs?: number): void;
  /**
   * The next snapshot derived from this one, at a cost that follows the change: `change.add` files
   * loaded (replacing the articles they held), `change.remove` files' articles dropped. This one keeps
   * answering until it is retired, which then frees nothing the derived one still uses.
   */
  derive(change: SnapshotChange, hooks: SnapshotHooks): Promise<Snapshot>;
  /**
   * A reload at a cost that follows the change: the folder is loaded and compared with this snapshot,
   * and when few articles differ the next snapshot is derived from this one (as `derive` does);
   * otherwise nothing is touched and the store builds a new snapshot from scratch.
   */
  refresh(limits: RefreshLimits, hooks: SnapshotHooks): Promise<Refresh>;
}

export interface RefreshLimits {
  /** SnapshotParams.maxRefreshShare: beyond it, `too-large`. */
  maxChangedShare: number;
  /** The shrink guard's SnapshotParams.maxShrink; null when the admin forces the reload. */
  maxShrink: number | null;
}

/** What `Snapshot.refresh` did. Only `derived` changed anything. */
export type Refresh =
  | { kind: 'derived'; snapshot: Snapshot }
  /** The shrink guard refused the folder's articles; `facts` are theirs, for the report. */
  | { kind: 'refused'; refusal: ShrinkRefusal; facts: Omit<SnapshotFacts, 'loadedAt' | 'durationMs'> }
  /** The corpus folder itself could not be read (folderFailure): nothing was compared, nothing touched. */
  | { kind: 'unusable'; failure: StoreFailure }
  /** `changed` articles differ from the last full build (counting earlier refreshes), more than `limit`: build anew. */
  | { kind: 'too-large'; changed: number; limit: number };

/** Files (relative to the corpus folder) whose articles come in or go (SnapshotStore.add/remove). */
export interface SnapshotChange {
  add: string[];
  remove: string[];
}

export interface SnapshotOptions {
  cacheDir?: string;
  /** Young generation of the snapshot's worker threads (SnapshotParams.workerYoungGenerationMb). */
  youngGenerationMb?: number;
  /**
   * Run the build's heavy stages (timeline extraction, index build) one after the other rather than
   * side by side: slower, but only one stage's transient memory at a time. For a build beside a
   * snapshot that serves meanwhile (a reload), where memory is the limit and time is not.
   */
  oneStageAtATime?: boolean;
  /**
   * Nothing serves meanwhile (the first load, the rebuild after a crash): the snapshot serves searches
   * as soon as its index is ready, and its timeline follows (a timeline query waits for it). A cached
   * timeline is then read only once the snapshot serves; one to extract is started at once, as always.
   */
  searchFirst?: boolean;
}

export interface SnapshotHooks {
  /** Told when a thread of the snapshot dies unexpectedly while it is served. */
  onCrash?: (error: Error) => void;
  /**
   * Aborted when the store closes: a build, derive or refresh under way in a worker thread stops that
   * thread and rejects at once, instead of running to its end (tens of seconds for a large corpus).
   */
  signal?: AbortSignal;
}

export type SnapshotBuilder = (dir: string, opts: SnapshotOptions, hooks: SnapshotHooks) => Promise<Snapshot>;

/** Ids in a change set, with a few examples to show. */
export interface IdChanges {
  count: number;
  sample: string[];
}

export interface ReloadReport {
  before: number;
  after: number;
  added: IdChanges;
  removed: IdChanges;
  changed: IdChanges;
  /** Files or lines the new load skipped, each with its reason. */
  errors: readonly LoadIssue[];
  warnings: readonly LoadIssue[];
  durationMs: number;
  /** Derived from the snapshot before (only the articles that changed were processed), or built from scratch. */
  how: 'derived' | 'full';
}

/**
 * Why a built snapshot was not swapped in (the shrink guard): it would lose more than `limit` of the
 * articles, or some to file errors. `files` are the errors that cost articles. Forcing overrides it.
 */
export interface ShrinkRefusal {
  kind: 'shrink';
  /** Articles of the current snapshot the new one lacks. */
  lost: number;
  /** The share lost above which a reload is refused (SnapshotParams.maxShrink). */
  limit: number;
  /** Of `lost`, those whose file the new load could not read. */
  lostToErrors: number;
  files: readonly LoadIssue[];
}

/**
 * Why a build gave no snapshot to serve, or why the served one stopped: typed, so that the core says no
 * sentence; the bot words it (src/wording/store-failure.ts), the log keeps it as data.
 */
export type StoreFailure =
  /** The corpus folder (or file) does not exist: moved, not mounted yet, or CORPUS_DIR mistyped. */
  | { kind: 'corpus-missing' }
  /** The corpus folder itself could not be read (`code`: the system's, e.g. EACCES). */
  | { kind: 'corpus-unreadable'; code: string }
  /** A first load found no article, only these errors (the corpus folder unreadable, every file broken). */
  | { kind: 'corpus-empty'; errors: readonly LoadIssue[] }
  /** A thread building or serving the snapshot stopped (killed, out of memory, a native crash); `detail` is the stop's own (English) message. */
  | { kind: 'worker-stopped'; detail: string }
  /** The store was closed (the bot is stopping) before the snapshot could serve. */
  | { kind: 'closed' }
  /** Another change to the corpus was running: the store throws ReloadInProgressError, a caller that reports it as an outcome says this. */
  | { kind: 'busy' }
  /** Anything else: the error's own (English) message, kept as is. */
  | { kind: 'build-failed'; detail: string };

export type ReloadOutcome =
  | { status: 'swapped'; report: ReloadReport; finishedAt: Date; by?: string }
  /** Built, but not swapped in; `report` says what the swap would have changed. */
  | { status: 'refused'; refusal: ShrinkRefusal; report: ReloadReport; finishedAt: Date; by?: string }
  /** No snapshot came of it; `failure` says why. */
  | { status: 'failed'; failure: StoreFailure; durationMs: number; finishedAt: Date; by?: string };

/** The store's own attempts to get a snapshot serving: the first load, or a rebuild after a crash. */
export interface StoreAttempts {
  /** Builds tried so far, the one under way included. */
  attempts: number;
  /** The last attempt's outcome once one failed or was refused; null before. */
  lastAttempt: ReloadOutcome | null;
  /** When the next attempt starts, while one is scheduled. */
  nextAttemptAt: Date | null;
}

/** Whether the served snapshot answers, and if not, how the store's attempts to serve one go. */
export type StoreHealth =
  | { state: 'serving' }
  /** No snapshot has served yet (SnapshotStore.open): the first one is being built, retried until it serves. */
  | ({ state: 'loading'; since: Date } & StoreAttempts)
  /** The served snapshot's worker died (`cause`, since `since`): rebuilt, retried until one serves. */
  | ({ state: 'recovering'; since: Date; cause: StoreFailure } & StoreAttempts);
