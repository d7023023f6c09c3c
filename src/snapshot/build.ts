// A snapshot built in this thread: the corpus loaded, the search index here, the timeline in a
// worker thread of its own. The bot runs this inside its corpus worker (src/bot/corpus-worker.ts).
import { loadCorpus } from '../corpus/load.ts';
import { SearchEngine } from '../search/engine.ts';
import { TOPIC_ARTICLE_LIMIT } from '../timeline/timeline.ts';
import type { TimelineQuery, TimelineResult } from '../timeline/types.ts';
import type { TimelineWorker } from '../timeline/worker.ts';
import { WorkerClient } from '../workers/rpc.ts';
import { factsOf } from './compare.ts';
import { CorpusUnavailableError } from './errors.ts';
import type { CorpusQueries, Snapshot, SnapshotHooks, SnapshotOptions, SourceUrls } from './types.ts';

/** Let the event loop breathe between heavy stages. */
const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

const TIMELINE_WORKER = new URL('../timeline/worker.ts', import.meta.url);

/** A timeline held elsewhere (the timeline worker): asked with the engine's topic matches. */
export type TimelineQuerier = (q: TimelineQuery, matches: { id: string; score: number }[]) => Promise<TimelineResult>;

/** Queries answered in this thread from the engine; the timeline's with the engine's topic matches. */
export function localQueries(engine: SearchEngine, timeline: TimelineQuerier): CorpusQueries {
  return {
    search: async (query, opts) => engine.search(query, opts),
    suggest: async (prefix, limit) => engine.suggest(prefix, limit),
    publishers: async (prefix) => engine.publishers(prefix),
    article: async (id) => engine.article(id),
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
 * Build a snapshot in this thread, with its timeline in a worker thread of its own: extraction
 * (seconds of CPU) runs on another core while the search index builds, instead of after it.
 * Nothing is written to the cache folder until `persist`. Retire the snapshot when done with it:
 * that stops the timeline worker.
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
  });
  try {
    const load = await loadCorpus(dir);
    // The articles are cloned to the worker, which keeps their events and drops their text. With a
    // cache folder, it reads a timeline it extracted before from the same corpus.
    const extracted = timeline.api.build(load.articles, opts.cacheDir);
    extracted.catch(() => {}); // awaited below, once this thread's own work is done
    await yieldToEventLoop();
    const engine = await SearchEngine.build(load.articles, opts.cacheDir === undefined ? {} : { cacheDir: opts.cacheDir });
    const facts = factsOf(load.articles, load);
    await extracted;
    serving = true;
    return Object.freeze({
      dir,
      ...facts,
      loadedAt: new Date(),
      durationMs: performance.now() - started,
      queries: localQueries(engine, timeline.api.query),
      persist: async () => {
        if (opts.cacheDir === undefined) return;
        engine.writeCache(opts.cacheDir);
        await timeline.api.writeCache(opts.cacheDir);
      },
      retire: (graceMs = 0) => {
        serving = false;
        timeline.retire(graceMs);
      },
    });
  } catch (error) {
    void timeline.terminate();
    throw error;
  }
}
