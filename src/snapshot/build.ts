// A snapshot built in this thread: the corpus loaded, the search index here, the timeline in a
// worker thread of its own. The bot runs this inside its corpus worker (src/bot/corpus-worker.ts).
import { existsSync } from 'node:fs';
import { writeEachCache } from '../cache/write-each.ts';
import { loadCorpusFiles } from '../corpus/load.ts';
import { openCorpus, type OpenedCorpus } from '../corpus/corpus-cache.ts';
import { ArticleCatalog } from '../corpus/catalog.ts';
import type { Article, LoadIssue } from '../corpus/types.ts';
import { SearchEngine } from '../search/engine.ts';
import { TOPIC_ARTICLE_LIMIT } from '../timeline/timeline.ts';
import type { TimelineQuery, TimelineResult } from '../timeline/types.ts';
import { timelineCacheFile, timelineCorpusHash, type EncodedTimeline, type TimelineOrigin } from '../timeline/timeline-cache.ts';
import type { ExtractWorker } from '../timeline/extract-worker.ts';
import type { TimelineWorker } from '../timeline/worker.ts';
import { collectGarbage } from '../workers/collect.ts';
import { handOver, WorkerClient } from '../workers/rpc.ts';
import { articleHash, corpusStats, factsOf, shrinkRefusal } from './compare.ts';
import { folderFailure, unavailable } from './errors.ts';
import { lendArticle, plainArticle } from '../corpus/text-file.ts';
import type {
  CorpusQueries,
  Refresh,
  RefreshLimits,
  Snapshot,
  SnapshotChange,
  SnapshotFacts,
  SnapshotHooks,
  SnapshotOptions,
  SourceUrls,
} from './types.ts';

/** Let the event loop breathe between heavy stages. */
const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

const TIMELINE_WORKER = new URL('../timeline/worker.ts', import.meta.url);
const EXTRACT_WORKER = new URL('../timeline/extract-worker.ts', import.meta.url);

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
    sources: async (prefix) => engine.sources(prefix),
    article: async (id) => {
      const found = engine.article(id);
      return found && plainArticle(found);
    },
    timeline: async (q) => {
      const topic = q.topic?.trim() ?? '';
      const result = await timeline(q, topic === '' ? [] : engine.matchArticles(topic, TOPIC_ARTICLE_LIMIT));
      const urls: SourceUrls = {};
      for (const event of result.events)
        for (const source of event.sources) urls[source.articleId] = engine.article(source.articleId)?.url ?? null;
      return { result, urls };
    },
  };
}

/**
 * The timeline of `articles`: opened by the timeline worker from the cache folder when it holds
 * theirs (`hash`, their timelineCorpusHash, given with a cache folder), else extracted in a throwaway
 * thread (extractTimeline) and answered encoded, for the timeline worker to adopt (`adopt`). The
 * timeline worker is sent no article.
 */
async function obtainTimeline(
  timeline: WorkerClient<TimelineWorker>,
  articles: readonly Article[],
  hash: string | undefined,
  opts: SnapshotOptions,
): Promise<{ origin: TimelineOrigin } | { adopt: () => Promise<TimelineOrigin> }> {
  let missing: string | undefined;
  if (opts.cacheDir !== undefined && hash !== undefined) {
    const opened = await timeline.api.open(hash, opts.cacheDir, articles.length);
    if ('origin' in opened) return { origin: opened.origin };
    missing = opened.missing;
  }
  const encoded = await extractTimeline(articles, opts);
  return { adopt: () => timeline.api.adopt(handOver(encoded, [encoded.payload.buffer as ArrayBuffer]), hash, missing) };
}

/**
 * Articles lent to the extraction thread per call: it holds one batch (and the next, on its way)
 * instead of the whole corpus's metadata while it extracts, merges and encodes.
 */
const EXTRACT_BATCH_ARTICLES = 1000;

/**
 * The events of `articles`, extracted in a thread of their own that is stopped once it has answered:
 * what extraction leaves behind (hundreds of MB at a large corpus) is freed with the thread, at once.
 * The articles are lent a batch at a time (their text read there from this thread's open files,
 * never copied here); the next batch is sent before the last is done, so the thread never waits.
 */
async function extractTimeline(articles: readonly Article[], opts: SnapshotOptions): Promise<EncodedTimeline> {
  const extractor = new WorkerClient<ExtractWorker>(EXTRACT_WORKER, 'timeline extraction', {
    stoppedError: unavailable,
    ...(opts.youngGenerationMb !== undefined && { resourceLimits: { maxYoungGenerationSizeMb: opts.youngGenerationMb } }),
  });
  try {
    let previous: Promise<void> = Promise.resolve();
    for (let from = 0; from < articles.length; from += EXTRACT_BATCH_ARTICLES) {
      const sent = extractor.api.add(articles.slice(from, from + EXTRACT_BATCH_ARTICLES).map(lendArticle));
      sent.catch(() => {}); // awaited next round: a thread that dies rejects both calls at once
      await previous;
      previous = sent;
    }
    await previous;
    return await extractor.api.finish();
  } finally {
    // Before the caller may close the files it lent: the thread reads them until it stops.
    await extractor.terminate();
  }
}

/** What the snapshots derived from one build share: freed when the last of them is retired. */
interface Shared {
  dir: string;
  cacheDir: string | undefined;
  timeline: WorkerClient<TimelineWorker>;
  /**
   * Settles once the timeline worker holds the timeline (rejects if it could not get it): with
   * SnapshotOptions.searchFirst, the snapshot serves searches before. Every use of the worker waits for it.
   */
  timelineReady: Promise<unknown>;
  /** The corpus as opened: its text files, and the parse cache to write. */
  corpus: OpenedCorpus;
  /** The serving snapshot's crash hook; null once it is retired. */
  onCrash: ((error: Error) => void) | null;
}

/** One snapshot's own part: the engine, its articles and their facts. */
interface Version {
  engine: SearchEngine;
  articles: readonly Article[];
  facts: Omit<SnapshotFacts, 'loadedAt' | 'durationMs'>;
  started: number;
  /** Derived by `derive` or `refresh`: its engine and timeline are not a full build's, so nothing is cached. */
  derived: boolean;
  /** Articles added, changed or removed by `refresh` since the last full build… */
  drift: number;
  /** …and how many articles that build had. */
  base: number;
}

/**
 * Build a snapshot in this thread, with its timeline in a worker thread of its own: extraction
 * (seconds of CPU) runs on another core while the search index builds, instead of after it.
 * The corpus opens through the parse cache (corpus-cache.ts): unchanged files are not parsed again,
 * and article text stays in a file (text-file.ts). Nothing is written to the cache folder until
 * `persist`. Retire the snapshot when done with it: that stops the timeline worker and closes the
 * text files (which a thread's exit closes too: Node closes the descriptors a worker opened).
 */
export async function buildSnapshot(dir: string, opts: SnapshotOptions = {}, hooks: SnapshotHooks = {}): Promise<Snapshot> {
  const started = performance.now();
  const crash: { onCrash: ((error: Error) => void) | null } = { onCrash: null };
  // Started first, so the thread boots while the corpus loads.
  const timeline = new WorkerClient<TimelineWorker>(TIMELINE_WORKER, 'timeline worker', {
    onStop: (error) => crash.onCrash?.(error),
    stoppedError: unavailable,
    ...(opts.youngGenerationMb !== undefined && { resourceLimits: { maxYoungGenerationSizeMb: opts.youngGenerationMb } }),
  });
  let corpus: OpenedCorpus | undefined;
  let extracted: Promise<TimelineOrigin> | undefined;
  /** The timeline extracted (or opened from the cache), before any adoption. */
  let timelineAtHand: Promise<unknown> | undefined;
  /** Told whether the index was built: an extracted timeline waits for it, and is dropped if the build failed. */
  let indexDone = (_built: boolean): void => {};
  const indexBuilt = new Promise<boolean>((resolve) => (indexDone = resolve));
  try {
    corpus = await openCorpus(dir, opts.cacheDir === undefined ? {} : { cacheDir: opts.cacheDir });
    // Opening leaves the parse cache's rows (or the parsed files) as garbage, and the heap as large as
    // they made it: a full collection gives that back before extraction and the index build add theirs,
    // compacting while what lives is still small (see collectGarbage).
    collectGarbage({ compact: true });
    const { articles } = corpus;
    const hash = opts.cacheDir === undefined ? undefined : timelineCorpusHash(articles);
    // An extracted timeline is adopted only once the index is built: encoded, it takes a fraction of
    // what the timeline worker's decoded copy does, and the index build's last steps are its largest.
    const obtain = (): Promise<TimelineOrigin> => {
      const got = obtainTimeline(timeline, articles, hash, opts);
      timelineAtHand = got;
      return got.then(async (had) => {
        if ('origin' in had) return had.origin;
        if (!(await indexBuilt)) throw new Error('the snapshot build failed before its timeline was adopted');
        // Beside a serving snapshot, the index build's garbage (its growing arrays) goes first.
        if (opts.oneStageAtATime) collectGarbage();
        return had.adopt();
      });
    };
    // Searches first: a cached timeline is read once the snapshot serves, so that reading it does not
    // compete with the index for the processor; one to extract starts now and is not waited for.
    const readLater = opts.searchFirst === true && hash !== undefined && existsSync(timelineCacheFile(opts.cacheDir!, hash));
    if (!readLater) {
      extracted = obtain();
      extracted.catch(() => {}); // awaited below, once this thread's own work is done
    }
    // Beside a serving snapshot, one heavy stage at a time: the timeline's (extracted, not yet adopted), then the index's.
    if (opts.oneStageAtATime) await timelineAtHand;
    await yieldToEventLoop();
    const engine = await SearchEngine.build(articles, opts.cacheDir === undefined ? {} : { cacheDir: opts.cacheDir });
    indexDone(true);
    const facts = factsOf(articles, corpus);
    if (!opts.searchFirst) await extracted;
    // Read later: after this turn, in which the caller (the corpus worker) answers with the snapshot.
    const timelineReady = extracted ?? new Promise((resolve) => setImmediate(resolve)).then(obtain);
    const shared: Shared = Object.assign(crash, { dir, cacheDir: opts.cacheDir, timeline, timelineReady, corpus });
    // A timeline that cannot be had after the snapshot serves breaks it, as a dead timeline thread does.
    if (opts.searchFirst)
      timelineReady.catch((error: unknown) => crash.onCrash?.(error instanceof Error ? error : new Error(String(error))));
    return serveSnapshot(shared, { engine, articles, facts, started, derived: false, drift: 0, base: articles.length }, hooks);
  } catch (error) {
    // The extraction thread reads the corpus's files until it stops: they close after it.
    indexDone(false);
    void Promise.allSettled([extracted])
      .then(() => timeline.terminate())
      .then(() => corpus?.close());
    throw error;
  }
}

function serveSnapshot(shared: Shared, version: Version, hooks: SnapshotHooks): Snapshot {
  shared.onCrash = hooks.onCrash ?? null;
  let superseded = false;
  const { engine } = version;
  const { cacheDir } = shared;
  return Object.freeze({
    dir: shared.dir,
    ...version.facts,
    loadedAt: new Date(),
    durationMs: performance.now() - version.started,
    queries: localQueries(engine, (q, matches) => shared.timelineReady.then(() => shared.timeline.api.query(q, matches)), version.articles),
    persist: async () => {
      if (cacheDir === undefined || version.derived) return false;
      // All three once the timeline is in: an extraction still running holds its memory until then.
      await shared.timelineReady;
      await writeEachCache([
        () => shared.corpus.persist(),
        () => engine.writeCache(cacheDir),
        () => shared.timeline.api.writeCache(cacheDir),
      ]);
      return true;
    },
    retire: (graceMs = 0) => {
      // A derived snapshot serves from the same timeline thread and text file: it frees them.
      if (superseded) return;
      shared.onCrash = null;
      // The extraction thread reads the corpus's files until it stops: they close after it.
      void Promise.allSettled([shared.timelineReady])
        .then(() => shared.timeline.retire(graceMs))
        .then(() => shared.corpus.close());
    },
    derive: async (change: SnapshotChange, next: SnapshotHooks) => {
      const derived = await deriveVersion(shared, version, change);
      superseded = true;
      return serveSnapshot(shared, derived, next);
    },
    refresh: async (limits: RefreshLimits, next: SnapshotHooks): Promise<Refresh> => {
      const refreshed = await refreshVersion(shared, version, limits);
      if (!('engine' in refreshed)) return refreshed;
      superseded = true;
      return { kind: 'derived', snapshot: serveSnapshot(shared, refreshed, next) };
    },
  });
}

/** What a change does to a version: ids that go, articles that come (replacing any of the same id), the facts after. */
interface Step {
  gone: ReadonlySet<string>;
  incoming: readonly Article[];
  facts: Omit<SnapshotFacts, 'loadedAt' | 'durationMs' | 'stats'>;
  drift: number;
}

/**
 * The next version: the engine and the timeline are extended and cut, not rebuilt. The incoming
 * articles keep their text in the heap (they are few); the file's text stays where it is, shared
 * with the version before. Up to the timeline's change nothing shared is touched, so a failure
 * before it leaves `from` serving as it was.
 */
async function nextVersion(shared: Shared, from: Version, step: Step, started: number): Promise<Version> {
  const engine = await from.engine.without(step.gone).extend(step.incoming);
  await shared.timelineReady;
  await shared.timeline.api.change(step.incoming as Article[], [...step.gone]);
  const articles = [...from.articles.filter((a) => !step.gone.has(a.id)), ...step.incoming];
  return {
    engine,
    articles,
    facts: { ...step.facts, stats: corpusStats(articles) },
    started,
    derived: true,
    drift: step.drift,
    base: from.base,
  };
}

/** The next version for SnapshotStore.add/remove: only `change`'s files are loaded. */
async function deriveVersion(shared: Shared, from: Version, change: SnapshotChange): Promise<Version> {
  const started = performance.now();
  const load = await loadCorpusFiles(shared.dir, change.add);
  const touched = new Set([...change.add, ...change.remove]);
  const gone = new Set<string>();
  for (const [id, file] of from.facts.files) if (touched.has(file)) gone.add(id);
  for (const article of load.articles) gone.add(article.id);
  const hashes = new Map(from.facts.hashes);
  const files = new Map(from.facts.files);
  for (const id of gone) {
    hashes.delete(id);
    files.delete(id);
  }
  for (const article of load.articles) {
    hashes.set(article.id, articleHash(article));
    files.set(article.id, article.file);
  }
  const untouched = (issue: LoadIssue): boolean => !touched.has(issue.file);
  const facts = {
    errors: [...from.facts.errors.filter(untouched), ...load.errors],
    warnings: [...from.facts.warnings.filter(untouched), ...load.warnings],
    hashes,
    files,
  };
  return nextVersion(shared, from, { gone, incoming: load.articles, facts, drift: from.drift }, started);
}

/** What a reader sees of an article beyond its content hash: where it is and the notes on it. */
const placeOf = (article: Article): string => JSON.stringify([article.file, article.line ?? null, article.warnings]);

/**
 * A reload's next version, derived from `from` when the folder's articles differ from it by little:
 * the folder is opened as a full build opens it (through the parse cache, so unchanged files are not
 * read and no text enters the heap; ids, duplicates and file errors exactly a full load's), compared
 * with `from` by id, content hash and place, and only the articles that differ go into the engine and
 * the timeline, with their text in the heap (they are few). Beyond `limits.maxChangedShare` of the
 * last full build's articles (counting earlier refreshes), or when the shrink guard refuses, nothing
 * is touched and the reason is returned.
 */
async function refreshVersion(
  shared: Shared,
  from: Version,
  limits: RefreshLimits,
): Promise<Version | Exclude<Refresh, { kind: 'derived' }>> {
  const started = performance.now();
  const corpus = await openCorpus(shared.dir, shared.cacheDir === undefined ? {} : { cacheDir: shared.cacheDir });
  let incoming: Article[];
  let facts: ReturnType<typeof factsOf>;
  try {
    facts = factsOf(corpus.articles, corpus);
    const failure = folderFailure(shared.dir, corpus.errors);
    if (failure) return { kind: 'unusable', failure };
    if (limits.maxShrink !== null) {
      const refusal = shrinkRefusal(from.facts, facts, limits.maxShrink);
      if (refusal) return { kind: 'refused', refusal, facts };
    }
    const before = new Map(from.articles.map((article) => [article.id, article]));
    const differs = (article: Article): boolean => {
      const old = before.get(article.id);
      return old === undefined || from.facts.hashes.get(article.id) !== facts.hashes.get(article.id) || placeOf(old) !== placeOf(article);
    };
    incoming = corpus.articles.filter(differs).map(plainArticle);
  } finally {
    corpus.close();
  }
  const gone = new Set(incoming.map((article) => article.id));
  for (const id of from.facts.hashes.keys()) if (!facts.hashes.has(id)) gone.add(id);
  const changed = gone.size;
  const limit = Math.floor(limits.maxChangedShare * from.base);
  if (from.drift + changed > limit) return { kind: 'too-large', changed: from.drift + changed, limit };
  return nextVersion(shared, from, { gone, incoming, facts, drift: from.drift + changed }, started);
}
