// A throwaway thread that extracts a corpus's events and answers them encoded (the timeline cache's
// form), then is stopped. Extraction's garbage (every article's text, the sentences split from it)
// ends with the thread instead of staying in the serving timeline worker's heap, which decodes a
// compact copy as a warm start does. The articles come lent (text-file.ts), a batch at a time: each
// one's text is read from the corpus's file when extraction reaches it, so the text is never copied
// between threads, and a batch is dropped once extracted, so the corpus's articles are never all here.
import { borrowArticle, type LentArticle, type TextFile } from '../corpus/text-file.ts';
import { handOver, serve } from '../workers/rpc.ts';
import { SegmentBuilder } from './segment.ts';
import { encodeTimeline, type EncodedTimeline } from './timeline-cache.ts';

const files = new Map<number, TextFile>();
let builder = new SegmentBuilder();

const extractWorker = {
  /** Extract the next articles of the corpus, in order. */
  add(lent: LentArticle[]): void {
    for (const article of lent) builder.add(borrowArticle(article, files));
  },
  /** The events of every article added, encoded; the next `add` starts another corpus. */
  finish(): EncodedTimeline {
    const { citations, parts } = builder.build();
    builder = new SegmentBuilder();
    const encoded = encodeTimeline({ parts, articleCitations: citations });
    // Moved, not copied: the payload is the largest thing this thread makes.
    return handOver(encoded, [encoded.payload.buffer as ArrayBuffer]);
  },
};

export type ExtractWorker = typeof extractWorker;

serve(extractWorker);
