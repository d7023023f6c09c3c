// The timeline worker: extracts a corpus's events in its own thread, so extraction runs beside the
// search index build instead of after it, and answers queries with topic matches made elsewhere.
// It keeps the events, not the articles' text: the corpus worker holds the one copy of that. A warm
// start sends it no article at all: `open` reads the cached timeline, citations included.
import type { Article } from '../corpus/types.ts';
import { collectGarbage } from '../workers/collect.ts';
import { serve } from '../workers/rpc.ts';
import { readCachedTimeline, writeTimelineCache, type ObtainedTimeline, type TimelineOrigin } from './timeline-cache.ts';
import { Timeline, type TopicMatch } from './timeline.ts';
import type { TimelineQuery, TimelineResult } from './types.ts';

let obtained: ObtainedTimeline | null = null;

function current(): ObtainedTimeline {
  if (!obtained) throw new Error('timeline not built yet');
  return obtained;
}

const timelineWorker = {
  /**
   * The timeline cached under `hash` (timelineCorpusHash of the `articleCount` articles) in `cacheDir`:
   * the file holds all it needs, so no article is sent. The reason instead when there is none to use (then `build`).
   */
  open(hash: string, cacheDir: string, articleCount: number): { origin: TimelineOrigin } | { missing: string } {
    const read = readCachedTimeline(cacheDir, hash, articleCount);
    if (!read.timeline) return { missing: read.reason ?? 'no cached timeline' };
    const origin: TimelineOrigin = { events: read.timeline.size, origin: 'cache' };
    obtained = { timeline: read.timeline, origin, hash };
    collectGarbage();
    return { origin };
  },
  /** Extract the events (a Timeline keeps no article text). `hash` files them for `writeCache`. */
  build(articles: Article[], hash?: string, cacheNote?: string): TimelineOrigin {
    const timeline = Timeline.build(articles);
    const origin: TimelineOrigin = { events: timeline.size, origin: 'built', ...(cacheNote !== undefined && { cacheNote }) };
    obtained = { timeline, origin, ...(hash !== undefined && { hash }) };
    collectGarbage();
    return origin;
  },
  /** The next timeline derived from this one (SnapshotStore.add/remove); with no hash, it is never cached. */
  change(added: Article[], removed: string[]): void {
    const { timeline, origin } = current();
    const next = timeline.without(new Set(removed)).extend(added);
    obtained = { timeline: next, origin };
  },
  /** `matches` are the engine's `matchArticles(q.topic, TOPIC_ARTICLE_LIMIT)`, made by the caller. */
  query(q: TimelineQuery, matches: TopicMatch[]): TimelineResult {
    return current().timeline.query(q, matches);
  },
  /** Persist an extracted timeline, once the snapshot it belongs to serves. */
  writeCache(cacheDir: string): void {
    writeTimelineCache(cacheDir, current());
    collectGarbage();
  },
};

export type TimelineWorker = typeof timelineWorker;

serve(timelineWorker);
