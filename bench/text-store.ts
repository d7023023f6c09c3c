/**
 * What keeping article text on disk (src/corpus/text-file.ts) costs a query: `/cari` latency with
 * the text in the heap and with it read back from the snapshot's text file, same engine, same run,
 * p50/p99 over title-word queries and over the same queries as phrases (which read every candidate's
 * text); and the heap each way. `npm run bench -- text-store`.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { loadCorpus } from '../src/corpus/load.ts';
import { SearchEngine } from '../src/search/engine.ts';
import { StoredArticle, TextFile, writeText } from '../src/corpus/text-file.ts';
import { articleDigest } from '../src/corpus/article.ts';
import { warmupQueries } from '../scripts/eval.ts';

const CORPUS = resolve('../shared/corpora/news-id.jsonl');
if (!existsSync(CORPUS)) {
  console.log(`bench text-store: skipped, ${CORPUS} not found (see ../shared/README.md).`);
  process.exit(0);
}

const heapMB = (): number => {
  globalThis.gc?.();
  globalThis.gc?.();
  return process.memoryUsage().heapUsed / 1e6;
};
const percentile = (values: number[], p: number): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
};

const before = heapMB();
const { articles } = await loadCorpus(CORPUS);
const engine = await SearchEngine.build(articles);
const queries = warmupQueries(articles, 400);
const phrases = queries.map((q) => `"${q.split(' ').slice(0, 2).join(' ')}"`);

function latencies(list: string[]): number[] {
  return list.map((q) => {
    const started = performance.now();
    engine.search(q, { limit: 10 });
    return performance.now() - started;
  });
}

const rows: Record<string, string>[] = [];
function measure(label: string): void {
  for (const q of queries.slice(0, 50)) engine.search(q); // warm-up
  for (const [kind, list] of [
    ['words', queries],
    ['phrases', phrases],
  ] as const) {
    const times = latencies(list);
    rows.push({
      text: label,
      queries: `${list.length} ${kind}`,
      p50: `${percentile(times, 50).toFixed(2)} ms`,
      p99: `${percentile(times, 99).toFixed(2)} ms`,
    });
  }
}

const inHeap = heapMB() - before;
measure('in the heap');
const store = TextFile.temporary();
// in place: the engine holds this array
articles.forEach((a, doc) => (articles[doc] = new StoredArticle({ ...a, digest: articleDigest(a) }, a.id, writeText(store, a))));
const onDisk = heapMB() - before;
measure('read from the text file');
store.close();
console.table(rows);
console.log(
  `heap for articles + engine: ${inHeap.toFixed(0)} MB with the text in the heap, ${onDisk.toFixed(0)} MB with it in the text file`,
);
