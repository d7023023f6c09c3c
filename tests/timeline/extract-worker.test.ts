import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCorpus, type OpenedCorpus } from '../../src/corpus/corpus-cache.ts';
import { lendArticle, StoredArticle } from '../../src/corpus/text-file.ts';
import { SearchEngine } from '../../src/search/engine.ts';
import type { ExtractWorker } from '../../src/timeline/extract-worker.ts';
import { decodeTimeline } from '../../src/timeline/timeline-cache.ts';
import { Timeline, TOPIC_ARTICLE_LIMIT } from '../../src/timeline/timeline.ts';
import type { TimelineQuery } from '../../src/timeline/types.ts';
import { WorkerClient } from '../../src/workers/rpc.ts';

const seeds = fileURLToPath(new URL('../../seeds/', import.meta.url));
const EXTRACT_WORKER = new URL('../../src/timeline/extract-worker.ts', import.meta.url);
const QUERIES: TimelineQuery[] = [{}, { limit: 50 }, { topic: 'Putin' }, { topic: 'rudal', from: '2024-01-01', to: '2024-12-31' }];

let corpus: OpenedCorpus;
beforeAll(async () => {
  corpus = await openCorpus(seeds);
});
afterAll(() => corpus.close());

describe('the timeline extraction thread', () => {
  it('reads the lent articles, a batch at a time, from this thread’s open text file and answers a timeline equal to one built here', async () => {
    expect(corpus.articles.length).toBeGreaterThan(0);
    expect(corpus.articles.every((a) => a instanceof StoredArticle)).toBe(true);
    const texts = corpus.articles.map((a) => a.paragraphs);
    const lent = corpus.articles.map(lendArticle);
    // What crosses is metadata and a place in the file: no paragraph of any article.
    const crossing = JSON.stringify(structuredClone(lent));
    for (const article of corpus.articles) for (const paragraph of article.paragraphs) expect(crossing).not.toContain(paragraph);

    const extractor = new WorkerClient<ExtractWorker>(EXTRACT_WORKER, 'timeline extraction');
    let encoded;
    try {
      const half = Math.ceil(lent.length / 2);
      await extractor.api.add(lent.slice(0, half));
      await extractor.api.add(lent.slice(half));
      encoded = await extractor.api.finish();
    } finally {
      await extractor.terminate();
    }
    const adopted = decodeTimeline(encoded);
    const built = Timeline.build(corpus.articles);
    const engine = await SearchEngine.build(corpus.articles);
    const answers = (timeline: Timeline) =>
      QUERIES.map((q) => timeline.query(q, q.topic ? engine.matchArticles(q.topic, TOPIC_ARTICLE_LIMIT) : []));
    expect(adopted.size).toBe(built.size);
    expect(answers(adopted)).toEqual(answers(built));
    // The file stays open here after the other thread stopped: it was lent, not handed over.
    expect(corpus.articles.map((a) => a.paragraphs)).toEqual(texts);
  });
});
