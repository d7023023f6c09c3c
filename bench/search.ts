/**
 * /cari benchmark: `npx tsx bench/search.ts` (the bench runner adds --expose-gc).
 * In one run, for each dev set (headline and body-detail queries over ../shared/corpora/news-id.jsonl,
 * FacQA questions over ../shared/corpora/facqa-passages.jsonl): default minisearch (title boost 2, prefix +
 * fuzzy 0.2), plain minisearch BM25 (no prefix, no fuzzy) and our engine — MRR@10, recall@10, p50/p99 per
 * query — with ratios to default minisearch; cold build, warm start and heap on news-id. With
 * `BENCH_SCALE=4` also the same at 4× news-id (copies with fresh ids; a copy of the target counts as it).
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import MiniSearch from 'minisearch';
import type { Article } from '../src/corpus/types.ts';
import { loadCorpus } from '../src/corpus/load.ts';
import { SearchEngine } from '../src/search/engine.ts';
import { evaluate, readQueries, warmupQueries, type KnownItemQuery, type QualityFigures } from '../scripts/eval.ts';

const NEWS = resolve('../shared/corpora/news-id.jsonl');
const FACQA = resolve('../shared/corpora/facqa-passages.jsonl');
const SETS = [
  { name: 'headline', queries: resolve('../shared/eval/known-item-dev.jsonl'), corpus: NEWS },
  { name: 'detail', queries: resolve('../shared/eval/detail-dev.jsonl'), corpus: NEWS },
  { name: 'questions', queries: resolve('../shared/eval/facqa-dev.jsonl'), corpus: FACQA },
];
const SCALE = Number(process.env.BENCH_SCALE ?? 1);
/** At 4× the baseline answers in ~0.1–1.5 s a query: a tenth of the queries keeps the bench short. */
const BASELINE_SCALED_QUERY_SHARE = 10;

interface Row {
  engine: string;
  /** Of the first query set. */
  quality: QualityFigures;
  /** Of every query set given, in order. */
  perSet: QualityFigures[];
  buildS: number;
  warmS: number | null;
  heapMB: number;
  /** The whole process after gc: corpus, index and the bench's own small state. */
  totalMB: number;
  queries: number;
}

function heapMB(): number {
  globalThis.gc?.();
  globalThis.gc?.();
  const usage = process.memoryUsage();
  return (usage.heapUsed + usage.arrayBuffers) / 1e6;
}

/** Copies of every article with fresh ids ("id~2"), so the corpus is `factor` times larger. */
function scaled(articles: readonly Article[], factor: number): Article[] {
  const out = [...articles];
  for (let copy = 2; copy <= factor; copy++) for (const a of articles) out.push({ ...a, id: `${a.id}~${copy}` });
  return out;
}

const originalId = (id: string) => id.replace(/~\d+$/, '');

/** Default minisearch as a new user sets it up, or plain BM25 (no prefix, no fuzzy, no boost). */
type Baseline = 'minisearch default' | 'minisearch BM25';

async function baseline(articles: readonly Article[], sets: KnownItemQuery[][], kind: Baseline = 'minisearch default'): Promise<Row> {
  const before = heapMB();
  let started = performance.now();
  const index = new MiniSearch<{ id: number; title: string; body: string }>({
    fields: ['title', 'body'],
    searchOptions: kind === 'minisearch default' ? { boost: { title: 2 }, prefix: true, fuzzy: 0.2 } : {},
  });
  index.addAll(articles.map((a, i) => ({ id: i, title: a.title, body: a.paragraphs.join('\n\n') })));
  const buildS = (performance.now() - started) / 1000;
  const heap = heapMB() - before;
  for (const q of warmupQueries(articles, 100)) index.search(q);
  const totalMB = heapMB();
  started = performance.now();
  const perSet = sets.map((queries) =>
    evaluate(queries, (query) =>
      index
        .search(query)
        .slice(0, 10)
        .map((r) => originalId(articles[r.id as number]!.id)),
    ),
  );
  return { engine: kind, quality: perSet[0]!, perSet, buildS, warmS: null, heapMB: heap, totalMB, queries: sets[0]!.length };
}

async function ours(articles: readonly Article[], sets: KnownItemQuery[][]): Promise<Row> {
  const cacheDir = mkdtempSync(join(tmpdir(), 'kliping-bench-'));
  try {
    const before = heapMB();
    let started = performance.now();
    let engine: SearchEngine | null = await SearchEngine.build(articles, { cacheDir });
    const buildS = (performance.now() - started) / 1000;
    engine = null;
    heapMB();
    started = performance.now();
    engine = await SearchEngine.build(articles, { cacheDir });
    const warmS = (performance.now() - started) / 1000;
    if (engine.origin !== 'cache') throw new Error(`warm start did not use the cache: ${engine.cacheNote}`);
    const totalMB = heapMB();
    const heap = totalMB - before;
    const warm = engine;
    for (const q of warmupQueries(articles)) warm.search(q);
    const perSet = sets.map((queries) =>
      evaluate(queries, (query) => warm.search(query, { limit: 10 }).hits.map((h) => originalId(h.articleId))),
    );
    // contract 1: one article added (a copy under a new id), then removed again; medians of 5
    const one = { ...articles[0]!, id: `${articles[0]!.id}~new` };
    const extendMs: number[] = [];
    const withoutMs: number[] = [];
    for (let i = 0; i < 5; i++) {
      let at = performance.now();
      const extended = await warm.extend([one]);
      extendMs.push(performance.now() - at);
      at = performance.now();
      extended.without(new Set([one.id]));
      withoutMs.push(performance.now() - at);
    }
    const median = (xs: number[]) => xs.sort((x, y) => x - y)[xs.length >> 1]!;
    console.log(
      `  kliping over ${articles.length} articles: extend by 1 article ${median(extendMs).toFixed(1)} ms, without 1 ${median(withoutMs).toFixed(1)} ms (medians of 5)`,
    );
    return { engine: 'kliping (ours)', quality: perSet[0]!, perSet, buildS, warmS, heapMB: heap, totalMB, queries: sets[0]!.length };
  } finally {
    rmSync(cacheDir, { recursive: true, force: true });
  }
}

function table(title: string, rows: Row[], base: Row): string {
  const ratio = (a: number, b: number) => (b === 0 ? '–' : `${(a / b).toFixed(2)}×`);
  const lines = [
    ['engine', 'queries', 'MRR@10', 'recall@10', 'p50 ms', 'p99 ms', 'build s', 'warm s', 'index MB', 'total MB'],
    ...rows.map((r) => [
      r.engine,
      String(r.queries),
      r.quality.mrr10.toFixed(3),
      r.quality.recall10.toFixed(3),
      r.quality.p50Ms.toFixed(2),
      r.quality.p99Ms.toFixed(2),
      r.buildS.toFixed(1),
      r.warmS === null ? '–' : r.warmS.toFixed(2),
      r.heapMB.toFixed(0),
      r.totalMB.toFixed(0),
    ]),
    ...rows
      .filter((r) => r !== base)
      .map((r) => [
        `  ratio to baseline`,
        '',
        ratio(r.quality.mrr10, base.quality.mrr10),
        ratio(r.quality.recall10, base.quality.recall10),
        ratio(r.quality.p50Ms, base.quality.p50Ms),
        ratio(r.quality.p99Ms, base.quality.p99Ms),
        ratio(r.buildS, base.buildS),
        '–',
        ratio(r.heapMB, base.heapMB),
        ratio(r.totalMB, base.totalMB),
      ]),
  ];
  const widths = lines[0]!.map((_, i) => Math.max(...lines.map((l) => l[i]!.length)));
  return [title, ...lines.map((l) => l.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  '))].join('\n');
}

function kinds(row: Pick<Row, 'quality'>): string {
  return Object.entries(row.quality.byKind)
    .map(([kind, k]) => `${kind} ${k.mrr10.toFixed(3)}/${k.recall10.toFixed(3)} (n=${k.n})`)
    .join(', ');
}

function loaded(path: string): Promise<Article[]> {
  return loadCorpus(path).then((result) => result.articles);
}

/** Quality and latency alone (no build figures): the rows for one query set. */
function qualityTable(title: string, rows: { engine: string; quality: QualityFigures }[]): string {
  const base = rows[0]!;
  const ratio = (a: number, b: number) => (b === 0 ? '–' : `${(a / b).toFixed(2)}×`);
  const lines = [
    ['engine', 'MRR@10', 'recall@10', 'p50 ms', 'p99 ms', 'MRR ratio', 'p50 ratio', 'p99 ratio'],
    ...rows.map((r) => [
      r.engine,
      r.quality.mrr10.toFixed(3),
      r.quality.recall10.toFixed(3),
      r.quality.p50Ms.toFixed(2),
      r.quality.p99Ms.toFixed(2),
      ratio(r.quality.mrr10, base.quality.mrr10),
      ratio(r.quality.p50Ms, base.quality.p50Ms),
      ratio(r.quality.p99Ms, base.quality.p99Ms),
    ]),
  ];
  const widths = lines[0]!.map((_, i) => Math.max(...lines.map((l) => l[i]!.length)));
  return [title, ...lines.map((l) => l.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  '))].join('\n');
}

async function main(): Promise<void> {
  const missing = [NEWS, FACQA, ...SETS.map((s) => s.queries)].filter((path) => !existsSync(path));
  if (missing.length > 0) {
    console.warn(`bench/search: skipped, absent: ${missing.join(', ')}`);
    return;
  }
  if (!globalThis.gc) console.warn('bench/search: run with --expose-gc for honest heap figures');
  const news = await loaded(NEWS);
  console.log(
    `news-id: ${news.length} articles. Memory = heapUsed + arrayBuffers after gc: index MB is the engine alone, total MB the ` +
      'process with the corpus loaded. Latency per query; ours includes excerpts. Ratios are to default minisearch, same run.',
  );

  // each engine is built once per corpus and asked every query set of that corpus
  const results: Record<string, QualityFigures> = {};
  let ours1: Row | undefined;
  let base1: Row | undefined;
  for (const corpus of [NEWS, FACQA]) {
    const articles = corpus === NEWS ? news : await loaded(corpus);
    const sets = SETS.filter((set) => set.corpus === corpus);
    const queries = sets.map((set) => readQueries(set.queries));
    const rows = [await baseline(articles, queries), await baseline(articles, queries, 'minisearch BM25'), await ours(articles, queries)];
    if (corpus === NEWS) {
      [base1, , ours1] = rows;
      console.log(table(`\nheadline queries, build and memory, 1× (${news.length} articles)`, [rows[0]!, rows[2]!], rows[0]!));
    }
    sets.forEach((set, i) => {
      const perSet = rows.map((r) => ({ engine: r.engine, quality: r.perSet[i]! }));
      console.log(qualityTable(`\n${set.name} (${queries[i]!.length} queries over ${articles.length} articles)`, perSet));
      console.log(perSet.map((r) => `  ${r.engine}: ${kinds(r)}`).join('\n'));
      results[set.name] = rows[2]!.perSet[i]!;
    });
  }

  if (SCALE > 1 && ours1 && base1) {
    const headline = readQueries(SETS[0]!.queries);
    const big = scaled(news, SCALE);
    const sampled = headline.filter((_, i) => i % BASELINE_SCALED_QUERY_SHARE === 0);
    const oursBig = await ours(big, [headline]);
    const baseBig = await baseline(big, [sampled]);
    console.log(
      table(`\n${SCALE}× (${big.length} articles; baseline on every ${BASELINE_SCALED_QUERY_SHARE}th query)`, [baseBig, oursBig], baseBig),
    );
    const growth = (a: number, b: number) => `${(b / a).toFixed(2)}×`;
    console.log(
      `\nscale curve, ours 1× → ${SCALE}×: p50 ${growth(ours1.quality.p50Ms, oursBig.quality.p50Ms)}, p99 ${growth(ours1.quality.p99Ms, oursBig.quality.p99Ms)}, ` +
        `build ${growth(ours1.buildS, oursBig.buildS)}, warm ${growth(ours1.warmS!, oursBig.warmS!)}, heap ${growth(ours1.heapMB, oursBig.heapMB)}`,
    );
  }
  console.log(JSON.stringify(results));
}

await main();
