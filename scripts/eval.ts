/**
 * Known-item evaluation of /cari over one or more query sets:
 * `npm run eval -- --queries A.jsonl --queries B.jsonl --corpus X.jsonl [--corpus Y.jsonl] [--cache DIR]`
 * (one corpus for every set, or one per set in the same order). Queries are JSON lines with `query`,
 * `target_id` and optional `kinds` ("morph", "typo", "detail", "question"). Prints one table, a row per set
 * and per kind; the last line is one JSON object keyed by set name, each `{mrr10, recall10, p50Ms, p99Ms, byKind}`.
 * `npm run eval -- timeline [...]` scores /timeline instead (scripts/timeline-eval.ts).
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
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

/** One row per set and per kind of query in it. */
export function qualityTable(sets: Record<string, QualityFigures>): string {
  const rows = [['set', 'kind', 'n', 'MRR@10', 'recall@10', 'p50 ms', 'p99 ms']];
  for (const [name, figures] of Object.entries(sets)) {
    const n = Object.values(figures.byKind).reduce((s, k) => s + k.n, 0);
    rows.push([
      name,
      'all',
      String(n),
      figures.mrr10.toFixed(3),
      figures.recall10.toFixed(3),
      figures.p50Ms.toFixed(2),
      figures.p99Ms.toFixed(2),
    ]);
    for (const [kind, k] of Object.entries(figures.byKind))
      rows.push(['', kind, String(k.n), k.mrr10.toFixed(3), k.recall10.toFixed(3), '', '']);
  }
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  return rows.map((r) => r.map((cell, i) => (i < 2 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  ')).join('\n');
}

/** A query set and the corpus it is asked over; `name` is the file name without `.jsonl`. */
export interface EvalSet {
  name: string;
  queries: string;
  corpus: string;
}

/**
 * Pairs `--queries` files with `--corpus` files: one corpus serves every set, or each set names its own
 * (in the same order).
 */
export function pairSets(queries: readonly string[], corpora: readonly string[]): EvalSet[] | string {
  if (queries.length === 0 || corpora.length === 0) return 'at least one --queries and one --corpus are needed';
  if (corpora.length !== 1 && corpora.length !== queries.length) {
    return `${corpora.length} --corpus for ${queries.length} --queries: give one corpus for all, or one per query file`;
  }
  const names = new Set<string>();
  return queries.map((path, i) => {
    let name = basename(path).replace(/\.jsonl$/, '');
    for (let n = 2; names.has(name); n++) name = `${basename(path).replace(/\.jsonl$/, '')}-${n}`;
    names.add(name);
    return { name, queries: path, corpus: corpora.length === 1 ? corpora[0]! : corpora[i]! };
  });
}

const USAGE = 'usage: npm run eval -- --queries PATH [--queries PATH …] --corpus PATH [--corpus PATH …] [--cache DIR]';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      corpus: { type: 'string', multiple: true },
      queries: { type: 'string', multiple: true },
      cache: { type: 'string' },
    },
  });
  const sets = pairSets(values.queries ?? [], values.corpus ?? []);
  if (typeof sets === 'string') {
    console.error(`${sets}\n${USAGE}`);
    process.exitCode = 2;
    return;
  }
  const engines = new Map<string, SearchEngine>();
  const results: Record<string, QualityFigures> = {};
  for (const set of sets) {
    let engine = engines.get(set.corpus);
    if (!engine) {
      let started = performance.now();
      const articles = (await loadCorpus(set.corpus)).articles;
      const loadMs = performance.now() - started;
      started = performance.now();
      engine = await SearchEngine.build(articles, values.cache ? { cacheDir: values.cache } : {});
      const buildMs = performance.now() - started;
      for (const q of warmupQueries(articles)) engine.search(q);
      engines.set(set.corpus, engine);
      console.log(
        `corpus ${set.corpus}: ${articles.length} articles, loaded in ${(loadMs / 1000).toFixed(1)} s, index ${engine.origin} in ${(buildMs / 1000).toFixed(1)} s`,
      );
    }
    const queries = readQueries(set.queries);
    const search = engine;
    results[set.name] = evaluate(queries, (query) => search.search(query, { limit: 10 }).hits.map((h) => h.articleId));
    console.log(`queries ${set.queries} (${set.name}): ${queries.length}`);
  }
  console.log('latency per query, excerpts included');
  console.log(qualityTable(results));
  console.log(JSON.stringify(results));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  if (process.argv[2] === 'timeline') await (await import('./timeline-eval.ts')).main(process.argv.slice(3));
  else await main();
}
