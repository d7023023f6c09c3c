/**
 * Corpus loading benchmark over ../shared/corpora/news-id.jsonl: the .jsonl as is, and the same
 * articles written out once as .txt pages (title line, date line, body) in a temporary folder,
 * sharded in 256 sub-folders. Reports articles/s (median of RUNS) and memory: peak heap and RSS
 * sampled during a load, and the heap the loaded corpus retains after gc. The baseline is the raw
 * cost in the same run: reading and JSON-parsing every line, or reading every .txt file.
 *
 *   npx tsx bench/corpus.ts [corpus.jsonl]      (npm run bench runs it with --expose-gc)
 */
import { createReadStream, existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import { loadCorpus } from '../src/corpus/load.ts';
import { toPageText } from '../src/corpus/page-text.ts';
import type { LoadResult } from '../src/corpus/types.ts';

const corpus = resolve(process.argv[2] ?? '../shared/corpora/news-id.jsonl');
if (!existsSync(corpus)) {
  console.log(`Skipped: ${corpus} is absent (the corpus bench needs the shared news corpus).`);
  process.exit(0);
}

const RUNS = 3;
const MB = 1024 * 1024;
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) console.log('(no --expose-gc: retained-heap figures include garbage; npm run bench passes the flag)');

const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[s.length >> 1]!;
};

interface Measure {
  seconds: number[];
  count: number;
  peakHeap: number;
  peakRss: number;
  retainedHeap: number;
}

/** Times `task` RUNS times, sampling memory every 10 ms while it runs. */
async function measure<T>(task: () => Promise<T>, count: (result: T) => number): Promise<Measure> {
  const m: Measure = { seconds: [], count: 0, peakHeap: 0, peakRss: 0, retainedHeap: 0 };
  for (let run = 0; run < RUNS; run++) {
    gc?.();
    const before = process.memoryUsage().heapUsed;
    const sample = (): void => {
      const { heapUsed, rss } = process.memoryUsage();
      m.peakHeap = Math.max(m.peakHeap, heapUsed);
      m.peakRss = Math.max(m.peakRss, rss);
    };
    const timer = setInterval(sample, 10);
    const start = performance.now();
    const result = await task();
    m.seconds.push((performance.now() - start) / 1000);
    clearInterval(timer);
    sample();
    m.count = count(result);
    gc?.();
    m.retainedHeap = Math.max(m.retainedHeap, process.memoryUsage().heapUsed - before);
  }
  return m;
}

async function parseJsonlLines(path: string): Promise<number> {
  let n = 0;
  for await (const line of createInterface({ input: createReadStream(path), crlfDelay: Infinity })) {
    if (line.trim() !== '') {
      JSON.parse(line);
      n++;
    }
  }
  return n;
}

async function readAllFiles(root: string): Promise<number> {
  let n = 0;
  for (const shard of await readdir(root)) {
    for (const name of await readdir(join(root, shard))) {
      await readFile(join(root, shard, name), 'utf8');
      n++;
    }
  }
  return n;
}

async function writePages(root: string): Promise<number> {
  let n = 0;
  const shards = new Set<string>();
  for await (const line of createInterface({ input: createReadStream(corpus), crlfDelay: Infinity })) {
    if (line.trim() === '') continue;
    const row = JSON.parse(line) as { id: string; title: string; date: string; body: string };
    const shard = (n % 256).toString(16).padStart(2, '0');
    if (!shards.has(shard)) {
      await mkdir(join(root, shard));
      shards.add(shard);
    }
    await writeFile(join(root, shard, `${row.id}.txt`), toPageText(row));
    n++;
  }
  return n;
}

const loaded = (r: LoadResult): number => r.articles.length;
const dir = await mkdtemp(join(tmpdir(), 'kliping-bench-corpus-'));
try {
  const writeStart = performance.now();
  const written = await writePages(dir);
  console.log(`Wrote ${written} .txt pages to ${dir} in ${((performance.now() - writeStart) / 1000).toFixed(1)} s`);
  console.log(`Corpus: ${corpus}; ${RUNS} runs each; machine shared with other work, so figures are indicative.\n`);

  const rows: [string, Measure, Measure][] = [
    [
      '.jsonl',
      await measure(
        () => parseJsonlLines(corpus),
        (n) => n,
      ),
      await measure(() => loadCorpus(corpus), loaded),
    ],
    [
      '.txt folder',
      await measure(
        () => readAllFiles(dir),
        (n) => n,
      ),
      await measure(() => loadCorpus(dir), loaded),
    ],
  ];

  const header = [
    'format',
    'articles',
    'load s (median)',
    'articles/s',
    'baseline s',
    'load/baseline',
    'peak heap MB',
    'peak RSS MB',
    'retained heap MB',
  ];
  const table = rows.map(([name, base, load]) => [
    name,
    String(load.count),
    median(load.seconds).toFixed(2),
    Math.round(load.count / median(load.seconds)).toLocaleString('en'),
    median(base.seconds).toFixed(2),
    `${(median(load.seconds) / median(base.seconds)).toFixed(1)}×`,
    (load.peakHeap / MB).toFixed(0),
    (load.peakRss / MB).toFixed(0),
    (load.retainedHeap / MB).toFixed(0),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...table.map((r) => r[i]!.length)));
  const fmt = (cells: string[]): string => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  console.log(fmt(header));
  for (const r of table) console.log(fmt(r));
  console.log(`\nall runs (s): ${rows.map(([name, , load]) => `${name} ${load.seconds.map((s) => s.toFixed(2)).join(' / ')}`).join('; ')}`);
  console.log('baseline: .jsonl = stream + JSON.parse every line; .txt = read every file as UTF-8.');
} finally {
  await rm(dir, { recursive: true, force: true });
}
