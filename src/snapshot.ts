import { createHash } from 'node:crypto';
import { ArticleCatalog, type ArticleEntry, type DuplicateProbe } from './corpus/catalog.ts';
import { loadCorpus } from './corpus/load.ts';
import { SearchEngine } from './search/engine.ts';
import { TOPIC_ARTICLE_LIMIT } from './timeline/timeline.ts';
import { WorkerClient } from './workers/rpc.ts';
import type { Article, LoadIssue } from './corpus/types.ts';
import type { SearchOptions, SearchResult } from './search/types.ts';
import type { TimelineOrigin } from './timeline/timeline-cache.ts';
import type { TimelineQuery, TimelineResult } from './timeline/types.ts';

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
 * plain data.
 */
export interface CorpusQueries {
  search(query: string, opts?: SearchOptions): Promise<SearchResult>;
  suggest(prefix: string, limit?: number): Promise<string[]>;
  publishers(prefix?: string): Promise<string[]>;
  article(id: string): Promise<Article | undefined>;
  /** The timeline, with the url of every cited article, so a renderer can link its sources. */
  timeline(q: TimelineQuery): Promise<{ result: TimelineResult; urls: SourceUrls }>;
  /** Id of an article already in the corpus with the same (normalized) url or the same body text (`bodyTextHash`). */
  duplicateOf(probe: DuplicateProbe): Promise<string | null>;
  /** Articles whose title holds the typed words, those added through the inbox first (to pick one to remove). */
  titles(typed: string, limit?: number): Promise<ArticleEntry[]>;
}

/**
 * Everything a query needs, built together and never mutated: a query holds one
 * snapshot from start to end, so a reload can never show it half a corpus.
 */
export interface Snapshot {
  readonly dir: string;
  readonly errors: readonly LoadIssue[];
  readonly warnings: readonly LoadIssue[];
  /** Article id → content hash, to tell a reload's changed articles from unchanged ones. */
  readonly hashes: ReadonlyMap<string, string>;
  readonly stats: CorpusStats;
  readonly loadedAt: Date;
  readonly durationMs: number;
  readonly queries: CorpusQueries;
  /**
   * Free what the snapshot holds once it is no longer served: after `afterMs` (default: long
   * enough for queries already under way to finish), or at once with 0.
   */
  retire(afterMs?: number): void;
}

export interface SnapshotOptions {
  cacheDir?: string;
}

/** Let the event loop breathe between heavy stages. */
const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** How long a replaced snapshot keeps answering queries that were already under way. */
export const RETIRE_AFTER_MS = 60_000;

const TIMELINE_WORKER = new URL('./timeline/worker.ts', import.meta.url);

/** A timeline held elsewhere (the timeline worker): asked with the engine's topic matches. */
export type TimelineQuerier = (q: TimelineQuery, matches: { id: string; score: number }[]) => Promise<TimelineResult>;

/**
 * Queries answered in this thread from the engine; the timeline's with the engine's topic matches.
 * The catalog (duplicates, titles) is built on first use: most snapshots are never asked.
 */
export function localQueries(engine: SearchEngine, timeline: TimelineQuerier, articles: readonly Article[]): CorpusQueries {
  let catalog: ArticleCatalog | null = null;
  const catalogue = (): ArticleCatalog => (catalog ??= new ArticleCatalog(articles));
  return {
    duplicateOf: async (probe) => catalogue().duplicateOf(probe),
    titles: async (typed, limit) => catalogue().titles(typed, limit),
    search: async (query, opts) => engine.search(query, opts),
    suggest: async (prefix, limit) => engine.suggest(prefix, limit),
    publishers: async (prefix) => engine.publishers(prefix),
    article: async (id) => engine.article(id),
    timeline: async (q) => {
      // What Timeline.query would ask its matcher for, asked here where the engine lives.
      const topic = q.topic?.trim() ?? '';
      const result = await timeline(q, topic === '' ? [] : engine.matchArticles(topic, TOPIC_ARTICLE_LIMIT));
      const urls: SourceUrls = {};
      for (const event of result.events)
        for (const source of event.sources) urls[source.articleId] = engine.article(source.articleId)?.url ?? null;
      return { result, urls };
    },
  };
}

export interface SnapshotHooks {
  /** Told when the timeline worker dies unexpectedly while the snapshot is served. */
  onCrash?: (error: Error) => void;
}

/**
 * Build a snapshot in this thread, with its timeline in a worker thread of its own: extraction
 * (seconds of CPU) runs on another core while the search index builds, instead of after it. The
 * bot builds in a worker instead (src/bot/corpus-worker.ts), which runs this. Retire the snapshot
 * when done with it: that stops the timeline worker.
 */
export async function buildSnapshot(dir: string, opts: SnapshotOptions = {}, hooks: SnapshotHooks = {}): Promise<Snapshot> {
  const started = performance.now();
  let serving = false;
  // Started first, so the thread boots while the corpus loads.
  const timelineWorker = new WorkerClient(TIMELINE_WORKER, 'timeline worker', (error) => {
    if (serving) hooks.onCrash?.(error);
  });
  try {
    const load = await loadCorpus(dir);
    // The articles are cloned to the worker: cheaper than loading them twice, and the same corpus for sure.
    // With a cache folder, the worker reads a timeline it extracted before from the same corpus.
    const extracted = timelineWorker.call<TimelineOrigin>(
      'build',
      opts.cacheDir === undefined ? [load.articles] : [load.articles, opts.cacheDir],
    );
    extracted.catch(() => {}); // awaited below, once this thread's own work is done
    await yieldToEventLoop();
    const engine = await SearchEngine.build(load.articles, opts.cacheDir ? { cacheDir: opts.cacheDir } : {});
    const hashes = hashArticles(load.articles);
    const stats = corpusStats(load.articles);
    await extracted;
    serving = true;
    return Object.freeze({
      dir,
      errors: load.errors,
      warnings: load.warnings,
      hashes,
      stats,
      loadedAt: new Date(),
      durationMs: performance.now() - started,
      queries: localQueries(engine, (q, matches) => timelineWorker.call('query', [q, matches]), load.articles),
      retire: (afterMs = RETIRE_AFTER_MS) => {
        serving = false;
        setTimeout(() => void timelineWorker.terminate(), afterMs).unref();
      },
    });
  } catch (error) {
    void timelineWorker.terminate();
    throw error;
  }
}

/** Hash what a reader sees of an article; its file position does not count as a change. */
export function articleHash(article: Article): string {
  const { title, date, publisher, origin, author, editor, url, captions, paragraphs } = article;
  const content = JSON.stringify([title, date, publisher, origin, author, editor, url, captions, paragraphs]);
  return createHash('sha1').update(content).digest('base64url');
}

function hashArticles(articles: readonly Article[]): Map<string, string> {
  const hashes = new Map<string, string>();
  for (const article of articles) hashes.set(article.id, articleHash(article));
  return hashes;
}

export function corpusStats(articles: readonly Article[]): CorpusStats {
  const counts = new Map<string, number>();
  let from: string | null = null;
  let to: string | null = null;
  for (const article of articles) {
    if (article.publisher) counts.set(article.publisher, (counts.get(article.publisher) ?? 0) + 1);
    const iso = article.date?.iso;
    if (iso === undefined) continue;
    if (from === null || iso < from) from = iso;
    if (to === null || iso > to) to = iso;
  }
  const publishers = [...counts]
    .map(([name, count]) => ({ name, count }))
    .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
  return { articles: articles.length, publishers, dateRange: from && to ? { from, to } : null };
}

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
}

export type ReloadOutcome =
  | { status: 'swapped'; report: ReloadReport; finishedAt: Date; by?: string }
  | { status: 'failed'; reason: string; errors: readonly LoadIssue[]; durationMs: number; finishedAt: Date; by?: string };

/** A reload asked for while another runs. */
export class ReloadInProgressError extends Error {
  constructor(
    readonly startedAt: Date,
    readonly startedBy: string | undefined,
  ) {
    super('a corpus reload is already running');
    this.name = 'ReloadInProgressError';
  }
}

const SAMPLE_SIZE = 10;

/** Old and new snapshots compared by id and content hash. */
export function diffSnapshots(before: Snapshot, after: Snapshot): Pick<ReloadReport, 'added' | 'removed' | 'changed'> {
  const added = changes();
  const removed = changes();
  const changed = changes();
  for (const [id, hash] of after.hashes) {
    const old = before.hashes.get(id);
    if (old === undefined) note(added, id);
    else if (old !== hash) note(changed, id);
  }
  for (const id of before.hashes.keys()) if (!after.hashes.has(id)) note(removed, id);
  return { added, removed, changed };
}

function changes(): IdChanges {
  return { count: 0, sample: [] };
}

function note(set: IdChanges, id: string): void {
  set.count++;
  if (set.sample.length < SAMPLE_SIZE) set.sample.push(id);
}

export type SnapshotBuilder = (dir: string, opts: SnapshotOptions) => Promise<Snapshot>;

/** The store's builder gets the build options only (they may cross to a worker thread, so no functions). */
function runBuilder(opts: SnapshotOptions & { build?: SnapshotBuilder }, dir: string): Promise<Snapshot> {
  const { build = buildSnapshot, cacheDir } = opts;
  return build(dir, cacheDir === undefined ? {} : { cacheDir });
}

/**
 * Holds the snapshot every query reads. A reload builds the next one aside and
 * swaps it in with one assignment; a failed reload leaves the current one serving.
 */
export class SnapshotStore {
  #current: Snapshot;
  #running: { startedAt: Date; by: string | undefined } | null = null;
  #last: ReloadOutcome | null = null;

  constructor(
    initial: Snapshot,
    private readonly opts: SnapshotOptions & { build?: SnapshotBuilder } = {},
  ) {
    this.#current = initial;
  }

  static async create(dir: string, opts: SnapshotOptions & { build?: SnapshotBuilder } = {}): Promise<SnapshotStore> {
    return new SnapshotStore(await runBuilder(opts, dir), opts);
  }

  get current(): Snapshot {
    return this.#current;
  }

  /** The reload running now, if any. */
  get running(): { startedAt: Date; by: string | undefined } | null {
    return this.#running;
  }

  /** The last reload's outcome; null until the first reload. */
  get lastReload(): ReloadOutcome | null {
    return this.#last;
  }

  /** Stop serving: frees the current snapshot at once. */
  close(): void {
    this.#current.retire(0);
  }

  /** Serve `next` from now on. Used by reload; tests use it to serve a prepared snapshot. */
  swap(next: Snapshot): void {
    this.#current = next;
  }

  /**
   * Build a new snapshot from the same folder and swap it in.
   * @throws ReloadInProgressError when a reload is already running.
   */
  async reload(by?: string): Promise<ReloadOutcome> {
    if (this.#running) throw new ReloadInProgressError(this.#running.startedAt, this.#running.by);
    this.#running = { startedAt: new Date(), by };
    const before = this.#current;
    const started = performance.now();
    try {
      // The caller took the lock synchronously; let it send its acknowledgement before the heavy work starts.
      await yieldToEventLoop();
      const next = await runBuilder(this.opts, before.dir);
      const failure = refusal(before, next);
      if (failure) next.retire();
      if (failure)
        return this.#finish({
          status: 'failed',
          reason: failure,
          errors: next.errors,
          durationMs: performance.now() - started,
          finishedAt: new Date(),
          by,
        });
      this.#current = next;
      before.retire();
      const report: ReloadReport = {
        before: before.stats.articles,
        after: next.stats.articles,
        ...diffSnapshots(before, next),
        errors: next.errors,
        warnings: next.warnings,
        durationMs: performance.now() - started,
      };
      return this.#finish({ status: 'swapped', report, finishedAt: new Date(), by });
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      return this.#finish({ status: 'failed', reason, errors: [], durationMs: performance.now() - started, finishedAt: new Date(), by });
    } finally {
      this.#running = null;
    }
  }

  /**
   * Make the articles of `files` (paths relative to the corpus folder, already written) live.
   * Naive for now: a full reload; the incremental version derives the next snapshot from this one.
   * @throws ReloadInProgressError when another change is running.
   */
  add(_files: string[], by?: string): Promise<ReloadOutcome> {
    return this.reload(by);
  }

  /** Stop serving the articles of `files` (already moved away). Naive for now: a full reload. */
  remove(_files: string[], by?: string): Promise<ReloadOutcome> {
    return this.reload(by);
  }

  #finish(outcome: ReloadOutcome): ReloadOutcome {
    this.#last = outcome;
    return outcome;
  }
}

/**
 * Why a freshly built snapshot must not replace the current one, if it must not:
 * a folder that suddenly yields nothing is far likelier a mistake (unmounted disk,
 * wrong permissions) than an intent to serve an empty corpus.
 */
function refusal(before: Snapshot, next: Snapshot): string | null {
  if (next.stats.articles === 0 && before.stats.articles > 0) {
    const why = next.errors.length > 0 ? `; ${next.errors.length} berkas gagal dibaca` : '';
    return `korpus baru kosong (0 artikel${why}), jadi korpus lama (${before.stats.articles} artikel) tetap dipakai`;
  }
  return null;
}
