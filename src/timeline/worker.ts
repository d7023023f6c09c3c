// The timeline worker: extracts a corpus's events in its own thread, so extraction runs beside the
// search index build instead of after it, and answers queries with topic matches made elsewhere.
// With a cache folder, a corpus seen before is read back instead of extracted (timeline-cache.ts).
// It keeps the events, not the articles' text: the corpus worker holds the one copy of that.
import type { Article } from '../corpus/types.ts';
import { serve } from '../workers/rpc.ts';
import { obtainTimeline, writeTimelineCache, type ObtainedTimeline, type TimelineOrigin } from './timeline-cache.ts';
import { Timeline } from './timeline.ts';
import type { TimelineQuery, TimelineResult } from './types.ts';

let obtained: ObtainedTimeline | null = null;

function current(): ObtainedTimeline {
  if (!obtained) throw new Error('timeline not built yet');
  return obtained;
}

/** What a query reads of an article (Contract 2: id, title, publisher, url, date); the text is dropped. */
function withoutText(article: Article): Article {
  const { id, file, format, title, titleDerived, date, publisher, origin, url } = article;
  return {
    id,
    file,
    format,
    title,
    titleDerived,
    date,
    publisher,
    origin,
    author: null,
    editor: null,
    url,
    captions: [],
    paragraphs: [],
    warnings: [],
  };
}

const timelineWorker = {
  /** Extract the events, or read them from the cache folder. Nothing is written (see `writeCache`). */
  build(articles: Article[], cacheDir?: string): TimelineOrigin {
    const read = obtainTimeline(articles, cacheDir);
    obtained = { ...read, timeline: Timeline.fromParts(articles.map(withoutText), read.timeline.parts) };
    return read.origin;
  },
  /** `matches` are the engine's `matchArticles(q.topic, TOPIC_ARTICLE_LIMIT)`, made by the caller. */
  query(q: TimelineQuery, matches: { id: string; score: number }[]): TimelineResult {
    return current().timeline.query(q, { matchArticles: () => matches });
  },
  /** Persist an extracted timeline, once the snapshot it belongs to serves. */
  writeCache(cacheDir: string): void {
    writeTimelineCache(cacheDir, current());
  },
};

export type TimelineWorker = typeof timelineWorker;

serve(timelineWorker);
