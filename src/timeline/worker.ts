// The timeline worker: extracts a corpus's events in its own thread, so extraction runs beside the
// search index build instead of after it, and answers queries with topic matches made elsewhere.
import type { Article } from '../corpus/types.ts';
import { serve } from '../workers/rpc.ts';
import { Timeline } from './timeline.ts';
import type { TimelineQuery, TimelineResult } from './types.ts';

let timeline: Timeline | null = null;

serve({
  /** Extract the events; answers their number. */
  build(articles: Article[]): number {
    timeline = Timeline.build(articles);
    return timeline.size;
  },
  /** `matches` are the engine's `matchArticles(q.topic, TOPIC_ARTICLE_LIMIT)`, made by the caller. */
  query(q: TimelineQuery, matches: { id: string; score: number }[]): TimelineResult {
    if (!timeline) throw new Error('timeline not built yet');
    return timeline.query(q, { matchArticles: () => matches });
  },
});
