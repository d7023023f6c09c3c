// A snapshot built in this thread: the corpus loaded, the search index here, the timeline in a
// worker thread of its own. The bot runs this inside its corpus worker (src/bot/corpus-worker.ts).
import { loadCorpus } from '../corpus/load.ts';
import { withoutText } from '../corpus/article.ts';
import { ArticleCatalog } from '../corpus/catalog.ts';
import type { Article } from '../corpus/types.ts';
import { SearchEngine } from '../search/engine.ts';
import { TOPIC_ARTICLE_LIMIT } from '../timeline/timeline.ts';
import type { TimelineQuery, TimelineResult } from '../timeline/types.ts';
import { timelineCorpusHash } from '../timeline/timeline-cache.ts';
import type { TimelineWorker } from '../timeline/worker.ts';
import { WorkerClient } from '../workers/rpc.ts';
import { factsOf } from './compare.ts';
import { CorpusUnavailableError } from './errors.ts';
import { TextStore, moveTextToStore, plainArticle } from './text-store.ts';
import type { CorpusQueries, Snapshot, SnapshotHooks, SnapshotOptions, SourceUrls } from './types.ts';

/** Let the event loop breathe between heavy stages. */
const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

const TIMELINE_WORKER = new URL('../timeline/worker.ts', import.meta.url);

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

/** Calls to a stopped worker: the corpus cannot answer until a snapshot serves again. */
export const unavailable = (why: Error): Error => new CorpusUnavailableError({ cause: why });

/**
 * The timeline of `articles`, in the timeline worker: read from the cache folder when it holds theirs
 * (the worker then never sees the text), else extracted there from a copy of the articles, whose text
 * it drops once the events are out.
 */
async function obtainTimeline(timeline: WorkerClient<TimelineWorker>, articles: readonly Article[], cacheDir: string | undefined) {
  if (cacheDir === undefined) return timeline.api.build(articles as Article[]);
  const hash = timelineCorpusHash(articles);
  const opened = await timeline.api.open(articles.map(withoutText), hash, cacheDir);
  if ('origin' in opened) return opened.origin;
  return timeline.api.build(articles as Article[], hash, opened.missing);
}

/**
 * Build a snapshot in this thread, with its timeline in a worker thread of its own: extraction
 * (seconds of CPU) runs on another core while the search index builds, instead of after it.
 * Nothing is written to the cache folder until `persist`. Article text is then kept in a file
 * (text-store.ts). Retire the snapshot when done with it: that stops the timeline worker and closes
 * the text file (which a thread's exit closes too: Node closes the descriptors a worker opened).
 */
export async function buildSnapshot(dir: string, opts: SnapshotOptions = {}, hooks: SnapshotHooks = {}): Promise<Snapshot> {
  const started = performance.now();
  let serving = false;
  // Started first, so the thread boots while the corpus loads.
  const timeline = new WorkerClient<TimelineWorker>(TIMELINE_WORKER, 'timeline worker', {
    onStop: (error) => {
      if (serving) hooks.onCrash?.(error);
    },
    stoppedError: unavailable,
    ...(opts.youngGenerationMb !== undefined && { resourceLimits: { maxYoungGenerationSizeMb: opts.youngGenerationMb } }),
  });
  try {
    const load = await loadCorpus(dir);
    const extracted = obtainTimeline(timeline, load.articles, opts.cacheDir);
    extracted.catch(() => {}); // awaited below, once this thread's own work is done
    await yieldToEventLoop();
    const engine = await SearchEngine.build(load.articles, opts.cacheDir === undefined ? {} : { cacheDir: opts.cacheDir });
    const facts = factsOf(load.articles, load);
    // The timeline worker may still need a copy of the articles, text included (a cold start).
    await extracted;
    // From here the engine reads article text from disk: one copy of the text, and not in the heap.
    const text = TextStore.write(load.articles);
    moveTextToStore(load.articles, text);
    serving = true;
    return Object.freeze({
      dir,
      ...facts,
      loadedAt: new Date(),
      durationMs: performance.now() - started,
      queries: localQueries(engine, timeline.api.query, load.articles),
      persist: async () => {
        if (opts.cacheDir === undefined) return;
        engine.writeCache(opts.cacheDir);
        await timeline.api.writeCache(opts.cacheDir);
      },
      retire: (graceMs = 0) => {
        serving = false;
        void timeline.retire(graceMs).then(() => text.close());
      },
    });
  } catch (error) {
    void timeline.terminate();
    throw error;
  }
}
