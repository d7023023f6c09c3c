// The timeline worker: holds a corpus's events in its own thread and answers queries with topic
// matches made elsewhere. It is never sent an article: `open` reads the cached timeline, citations
// included, and `adopt` decodes one a throwaway thread extracted (extract-worker.ts).
import type { Article } from '../corpus/types.ts';
import { collectGarbage } from '../workers/collect.ts';
import { serve } from '../workers/rpc.ts';
import {
  decodeTimeline,
  readCachedTimeline,
  writeTimelineCache,
  type EncodedTimeline,
  type ObtainedTimeline,
  type TimelineOrigin,
} from './timeline-cache.ts';
import type { TopicMatch } from './timeline.ts';
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
  /**
   * Serve the timeline another thread extracted and encoded (extract-worker.ts). `hash` files it for
   * `writeCache`; `cacheNote` says why no cached one served.
   */
  adopt(encoded: EncodedTimeline, hash?: string, cacheNote?: string): TimelineOrigin {
    const timeline = decodeTimeline(encoded);
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
    collectGarbage({ compact: true });
  },
};

export type TimelineWorker = typeof timelineWorker;

serve(timelineWorker);
