// The timeline worker: extracts a corpus's events in its own thread, so extraction runs beside the
// search index build instead of after it, and answers queries with topic matches made elsewhere.
// With a cache folder, a corpus seen before is read back instead of extracted (timeline-cache.ts).
import type { Article } from '../corpus/types.ts';
import { serve } from '../workers/rpc.ts';
import { obtainTimeline, type TimelineOrigin } from './timeline-cache.ts';
import type { Timeline, TopicMatch } from './timeline.ts';
import type { TimelineQuery, TimelineResult } from './types.ts';

let timeline: Timeline | null = null;

serve({
  /** Extract the events, or read them from the cache folder. */
  build(articles: Article[], cacheDir?: string): TimelineOrigin {
    const obtained = obtainTimeline(articles, cacheDir);
    timeline = obtained.timeline;
    return obtained.origin;
  },
  /** `matches` are the engine's `matchArticles(q.topic, TOPIC_ARTICLE_LIMIT)`, made by the caller. */
  query(q: TimelineQuery, matches: TopicMatch[]): TimelineResult {
    if (!timeline) throw new Error('timeline not built yet');
    return timeline.query(q, matches);
  },
});
