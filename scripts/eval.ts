/**
 * Known-item evaluation of /cari: `npm run eval -- --corpus PATH --queries PATH [--cache DIR]`.
 * `npm run eval -- timeline [...]` scores /timeline instead (scripts/timeline-eval.ts).
 * Queries are JSON lines with `query`, `target_id` and optional `kinds` ("morph", "typo").
 * Prints a quality table; the last line is one JSON object with the figures.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { loadCorpus } from '../src/corpus/load.ts';
import { SearchEngine } from '../src/search/engine.ts';
import type { Article } from '../src/corpus/types.ts';

export interface KnownItemQuery {
  query: string;
  target: string;
  kind: string;
}

export interface QualityFigures {
  mrr10: number;
  recall10: number;
  p50Ms: number;
  p99Ms: number;
  byKind: Record<string, { n: number; mrr10: number; recall10: number }>;
}

/** `kinds: []` is a plain query; several kinds join with "+" ("morph+typo"). */
export function readQueries(path: string): KnownItemQuery[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => {
      const record = JSON.parse(line) as { query: string; target_id: string; kinds?: string[] };
      const kinds = [...(record.kinds ?? [])].sort();
      return { query: record.query, target: record.target_id, kind: kinds.length === 0 ? 'plain' : kinds.join('+') };
    });
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/**
 * Warm-up queries that are not the evaluated ones: two to four words from titles across the corpus,
 * every third one with a letter dropped, so every code path (typo readings included) is compiled before
 * timing starts.
 */
export function warmupQueries(articles: readonly Article[], count = 1000): string[] {
  const queries: string[] = [];
  const step = Math.max(1, Math.floor(articles.length / count));
  for (let i = 0; i < articles.length && queries.length < count; i += step) {
    const words = articles[i]!.title.split(/\s+/)
      .filter((w) => w.length > 3)
      .slice(0, 2 + (i % 3));
    if (words.length < 2) continue;
    if (i % 3 === 0) words[0] = words[0]!.slice(0, 2) + words[0]!.slice(3);
    queries.push(words.join(' '));
  }
  return queries;
}

/** Ranks of the target among the top 10 (0 when absent) and per-query latency, for any search function. */
export function evaluate(queries: KnownItemQuery[], search: (query: string) => string[]): QualityFigures {
  const times: number[] = [];
  const perKind = new Map<string, { n: number; rr: number; found: number }>();
  let rr = 0;
  let found = 0;
  for (const q of queries) {
    const started = performance.now();
    const ids = search(q.query);
    times.push(performance.now() - started);
    const rank = ids.slice(0, 10).indexOf(q.target) + 1;
    const reciprocal = rank > 0 ? 1 / rank : 0;
    rr += reciprocal;
    found += rank > 0 ? 1 : 0;
    const kind = perKind.get(q.kind) ?? { n: 0, rr: 0, found: 0 };
    kind.n++;
    kind.rr += reciprocal;
    kind.found += rank > 0 ? 1 : 0;
    perKind.set(q.kind, kind);
  }
  times.sort((a, b) => a - b);
  const round = (x: number, digits = 4) => Number(x.toFixed(digits));
  const byKind: QualityFigures['byKind'] = {};
  for (const [kind, k] of [...perKind].sort()) byKind[kind] = { n: k.n, mrr10: round(k.rr / k.n), recall10: round(k.found / k.n) };
  return {
    mrr10: round(rr / Math.max(queries.length, 1)),
    recall10: round(found / Math.max(queries.length, 1)),
    p50Ms: round(percentile(times, 50), 3),
    p99Ms: round(percentile(times, 99), 3),
    byKind,
  };
}

export function qualityTable(figures: QualityFigures): string {
  const rows = [
    ['kind', 'n', 'MRR@10', 'recall@10'],
    ['all', String(Object.values(figures.byKind).reduce((s, k) => s + k.n, 0)), figures.mrr10.toFixed(3), figures.recall10.toFixed(3)],
    ...Object.entries(figures.byKind).map(([kind, k]) => [kind, String(k.n), k.mrr10.toFixed(3), k.recall10.toFixed(3)]),
  ];
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  return rows.map((r) => r.map((cell, i) => cell.padStart(widths[i]!)).join('  ')).join('\n');
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { corpus: { type: 'string' }, queries: { type: 'string' }, cache: { type: 'string' } },
  });
  if (!values.corpus || !values.queries) {
    console.error('usage: npm run eval -- --corpus PATH --queries PATH [--cache DIR]');
    process.exitCode = 2;
    return;
  }
  let started = performance.now();
  const articles = (await loadCorpus(values.corpus)).articles;
  const loadMs = performance.now() - started;
  started = performance.now();
  const engine = await SearchEngine.build(articles, values.cache ? { cacheDir: values.cache } : {});
  const buildMs = performance.now() - started;
  const queries = readQueries(values.queries);
  for (const q of warmupQueries(articles)) engine.search(q);

  const figures = evaluate(queries, (query) => engine.search(query, { limit: 10 }).hits.map((h) => h.articleId));
  console.log(
    `corpus ${values.corpus}: ${articles.length} articles, loaded in ${(loadMs / 1000).toFixed(1)} s, index ${engine.origin} in ${(buildMs / 1000).toFixed(1)} s`,
  );
  console.log(`queries ${values.queries}: ${queries.length}`);
  console.log(qualityTable(figures));
  console.log(`latency per query (excerpts included): p50 ${figures.p50Ms.toFixed(2)} ms, p99 ${figures.p99Ms.toFixed(2)} ms`);
  console.log(JSON.stringify(figures));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  if (process.argv[2] === 'timeline') await (await import('./timeline-eval.ts')).main(process.argv.slice(3));
  else await main();
}
