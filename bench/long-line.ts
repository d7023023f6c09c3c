/**
 * A hostile .jsonl line: one 200 MB line between two good ones. Loading must reject it by its size while
 * streaming (issue 9: ≤ 2 s, ≤ 100 MB extra RSS), and still load the two good lines. Reports the median of
 * RUNS loads (time, peak RSS above the RSS before the load, sampled every 5 ms) and, as the baseline of the
 * same run, the time to stream the same file through without looking at it.
 *
 *   npx tsx bench/long-line.ts [megabytes]      (npm run bench -- long-line runs it with --expose-gc)
 */
import { createReadStream } from 'node:fs';
import { mkdtemp, open, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { loadCorpus } from '../src/corpus/load.ts';

const MB = 1024 * 1024;
const LINE_MB = Number(process.argv[2] ?? 200);
const RUNS = 3;
const gc = (globalThis as { gc?: () => void }).gc;

const median = (xs: readonly number[]): number => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;
const good = (id: string): string => JSON.stringify({ id, title: `Judul ${id}`, date: '2024-06-19', body: `Isi artikel ${id}.` });

async function writeCorpus(path: string): Promise<void> {
  const file = await open(path, 'w');
  try {
    await file.write(`${good('sebelum')}\n{"id":"raksasa","body":"`);
    const block = Buffer.alloc(MB, 'a');
    for (let i = 0; i < LINE_MB; i++) await file.write(block);
    await file.write(`"}\n${good('sesudah')}\n`);
  } finally {
    await file.close();
  }
}

/** Seconds and peak extra RSS (MB) of `task`. */
async function measure(task: () => Promise<unknown>): Promise<{ seconds: number; extraRssMb: number }> {
  gc?.();
  const before = process.memoryUsage.rss();
  let peak = before;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 5);
  const start = performance.now();
  await task();
  const seconds = (performance.now() - start) / 1000;
  clearInterval(timer);
  peak = Math.max(peak, process.memoryUsage.rss());
  return { seconds, extraRssMb: (peak - before) / MB };
}

async function drain(path: string): Promise<void> {
  for await (const chunk of createReadStream(path, { highWaterMark: MB })) void chunk;
}

const dir = await mkdtemp(join(tmpdir(), 'kliping-long-line-'));
try {
  const path = join(dir, 'raksasa.jsonl');
  await writeCorpus(path);
  const loads: { seconds: number; extraRssMb: number }[] = [];
  const reads: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    reads.push((await measure(() => drain(path))).seconds);
    let loaded: Awaited<ReturnType<typeof loadCorpus>> | undefined;
    loads.push(await measure(async () => (loaded = await loadCorpus(path))));
    const ids = loaded!.articles.map((a) => a.id).join(',');
    const rejected = loaded!.errors.map((e) => `${e.line}:${e.problem.kind}`).join(',');
    if (ids !== 'sebelum,sesudah' || rejected !== '2:too-large') throw new Error(`unexpected load: articles ${ids}, errors ${rejected}`);
  }
  const seconds = median(loads.map((l) => l.seconds));
  const baseline = median(reads);
  console.log(`${LINE_MB} MB line, median of ${RUNS}:`);
  console.log(
    `  load (line rejected, 2 good lines kept): ${seconds.toFixed(2)} s, extra RSS ${median(loads.map((l) => l.extraRssMb)).toFixed(0)} MB`,
  );
  console.log(`  baseline (stream the file, no parsing):   ${baseline.toFixed(2)} s  → ratio ${(seconds / baseline).toFixed(2)}×`);
} finally {
  await rm(dir, { recursive: true, force: true });
}
