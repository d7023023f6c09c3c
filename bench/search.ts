/**
 * /cari benchmark: `npx tsx bench/search.ts` (the bench runner adds --expose-gc).
 * In one run, on ../shared/corpora/news-id.jsonl with ../shared/eval/known-item-dev.jsonl:
 * the default-minisearch baseline (default tokenizer, title+body, title boost 2, prefix + fuzzy 0.2)
 * and our engine — MRR@10, recall@10, p50/p99 per query, build, warm start, heap — then the same at
 * 4× the corpus (copies with fresh ids; a copy of the target counts as the target).
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import MiniSearch from 'minisearch';
import type { Article } from '../src/corpus/types.ts';
import { loadCorpus } from '../src/corpus/load.ts';
import { SearchEngine } from '../src/search/engine.ts';
import { evaluate, readQueries, warmupQueries, type KnownItemQuery, type QualityFigures } from '../scripts/eval.ts';

const CORPUS = resolve('../shared/corpora/news-id.jsonl');
const QUERIES = resolve('../shared/eval/known-item-dev.jsonl');
const SCALE = 4;
/** At 4× the baseline answers in ~0.1–1.5 s a query: a tenth of the queries keeps the bench short. */
const BASELINE_SCALED_QUERY_SHARE = 10;

interface Row {
  engine: string;
  quality: QualityFigures;
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

async function baseline(articles: readonly Article[], queries: KnownItemQuery[]): Promise<Row> {
  const before = heapMB();
  let started = performance.now();
  const index = new MiniSearch<{ id: number; title: string; body: string }>({
    fields: ['title', 'body'],
    searchOptions: { boost: { title: 2 }, prefix: true, fuzzy: 0.2 },
  });
  index.addAll(articles.map((a, i) => ({ id: i, title: a.title, body: a.paragraphs.join('\n\n') })));
  const buildS = (performance.now() - started) / 1000;
  const heap = heapMB() - before;
  for (const q of warmupQueries(articles, 100)) index.search(q);
  const totalMB = heapMB();
  started = performance.now();
  const quality = evaluate(queries, (query) =>
    index
      .search(query)
      .slice(0, 10)
      .map((r) => originalId(articles[r.id as number]!.id)),
  );
  return { engine: 'minisearch default', quality, buildS, warmS: null, heapMB: heap, totalMB, queries: queries.length };
}

async function ours(articles: readonly Article[], queries: KnownItemQuery[]): Promise<Row> {
  const cacheDir = mkdtempSync(join(tmpdir(), 'kliping-bench-'));
  try {
    const before = heapMB();
    let started = performance.now();
    let engine: SearchEngine | null = await SearchEngine.build(articles, { cacheDir });
    const buildS = (performance.now() - started) / 1000;
    engine.writeCache(cacheDir);
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
    const quality = evaluate(queries, (query) => warm.search(query, { limit: 10 }).hits.map((h) => originalId(h.articleId)));
    return { engine: 'kliping (ours)', quality, buildS, warmS, heapMB: heap, totalMB, queries: queries.length };
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

function kinds(row: Row): string {
  return Object.entries(row.quality.byKind)
    .map(([kind, k]) => `${kind} ${k.mrr10.toFixed(3)}/${k.recall10.toFixed(3)} (n=${k.n})`)
    .join(', ');
}

async function main(): Promise<void> {
  if (!existsSync(CORPUS) || !existsSync(QUERIES)) {
    console.warn(`bench/search: skipped, ${CORPUS} or ${QUERIES} is absent`);
    return;
  }
  if (!globalThis.gc) console.warn('bench/search: run with --expose-gc for honest heap figures');
  const articles = (await loadCorpus(CORPUS)).articles;
  const queries = readQueries(QUERIES);
  console.log(
    `corpus: ${articles.length} articles; ${queries.length} known-item queries. Memory = heapUsed + arrayBuffers after gc: ` +
      'index MB is the engine alone, total MB the process with the corpus loaded. Latency per query; ours includes excerpts.',
  );

  const base1 = await baseline(articles, queries);
  const ours1 = await ours(articles, queries);
  console.log(table(`\n1× (${articles.length} articles)`, [base1, ours1], base1));
  console.log(`MRR/recall by kind — baseline: ${kinds(base1)}\n                     ours: ${kinds(ours1)}`);

  const big = scaled(articles, SCALE);
  const sampled = queries.filter((_, i) => i % BASELINE_SCALED_QUERY_SHARE === 0);
  const ours4 = await ours(big, queries);
  const base4 = await baseline(big, sampled);
  console.log(
    table(`\n${SCALE}× (${big.length} articles; baseline on every ${BASELINE_SCALED_QUERY_SHARE}th query)`, [base4, ours4], base4),
  );

  const growth = (a: number, b: number) => `${(b / a).toFixed(2)}×`;
  console.log(
    `\nscale curve, ours 1× → ${SCALE}×: p50 ${growth(ours1.quality.p50Ms, ours4.quality.p50Ms)}, p99 ${growth(ours1.quality.p99Ms, ours4.quality.p99Ms)}, ` +
      `build ${growth(ours1.buildS, ours4.buildS)}, warm ${growth(ours1.warmS!, ours4.warmS!)}, heap ${growth(ours1.heapMB, ours4.heapMB)}, ` +
      `MRR ${ours1.quality.mrr10.toFixed(3)} → ${ours4.quality.mrr10.toFixed(3)}`,
  );
}

await main();
