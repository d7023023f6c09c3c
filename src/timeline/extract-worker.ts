// A throwaway thread that extracts a corpus's events and answers them encoded (the timeline cache's
// form), then is stopped. Extraction's garbage (every article's text, the sentences split from it)
// ends with the thread instead of staying in the serving timeline worker's heap, which decodes a
// compact copy as a warm start does. The articles come lent (text-file.ts): each one's text is read
// from the corpus's file when extraction reaches it, so the text is never copied between threads.
import { borrowArticle, type LentArticle, type TextFile } from '../corpus/text-file.ts';
import { handOver, serve } from '../workers/rpc.ts';
import { encodeTimeline, type EncodedTimeline } from './timeline-cache.ts';
import { Timeline } from './timeline.ts';

const extractWorker = {
  extract(lent: LentArticle[]): EncodedTimeline {
    const files = new Map<number, TextFile>();
    const encoded = encodeTimeline(Timeline.build(lent.map((article) => borrowArticle(article, files))));
    // Moved, not copied: the payload is the largest thing this thread makes.
    return handOver(encoded, [encoded.payload.buffer as ArrayBuffer]);
  },
};

export type ExtractWorker = typeof extractWorker;

serve(extractWorker);
