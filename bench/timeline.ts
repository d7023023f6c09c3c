/**
 * Timeline benchmark over ../shared/corpora/news-id.jsonl: what event extraction adds to loading
 * the corpus (bar: ≤ 25%) — in-thread, and as a snapshot builds it (in its own worker, beside the
 * search index: wall-clock of buildSnapshot against the same build without a timeline, cold and with
 * the index and timeline caches warm) — what reading the cached timeline costs instead of extracting
 * it, and how long a timeline query takes, with and without a topic (bar: ≤ 200 ms), including the
 * search engine's topic match. Then the timeline's quality checks: scripts/timeline-eval.ts (dev key
 * events, on-topic share, future-dated and broken lines) and scripts/timeline-sentence-eval.ts (IndoSum).
 *
 *   npx tsx bench/timeline.ts [corpus.jsonl]      (npm run bench runs it with --expose-gc)
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { loadCorpus } from '../src/corpus/load.ts';
import { SearchEngine } from '../src/search/engine.ts';
import { articleHash, buildSnapshot, corpusStats, type SnapshotOptions } from '../src/snapshot.ts';
import { readCachedTimeline, timelineCorpusHash, writeCachedTimeline } from '../src/timeline/timeline-cache.ts';
import { Timeline, TOPIC_ARTICLE_LIMIT } from '../src/timeline/timeline.ts';

const corpus = resolve(process.argv[2] ?? '../shared/corpora/news-id.jsonl');
if (!existsSync(corpus)) {
  console.log(`Skipped: ${corpus} is absent (the timeline bench needs the shared news corpus).`);
  process.exit(0);
}

const LOAD_RUNS = 3;
const QUERY_RUNS = 40;
const TOPICS = ['Habibie', 'revisi UU KPK', 'gempa', 'banjir', 'kebakaran hutan', 'Jokowi'];

const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};
const p99 = (xs: readonly number[]): number => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil(xs.length * 0.99) - 1)]!;
const ms = (x: number): string => `${x.toFixed(1)} ms`;
const heapMb = (): number => {
  globalThis.gc?.();
  return process.memoryUsage().heapUsed / 2 ** 20;
};
function time<T>(work: () => T): { value: T; ms: number } {
  const start = performance.now();
  const value = work();
  return { value, ms: performance.now() - start };
}

console.log(`corpus: ${corpus}`);
const loadTimes: number[] = [];
const buildTimes: number[] = [];
let articles: Awaited<ReturnType<typeof loadCorpus>>['articles'] = [];
let timeline: Timeline | undefined;
for (let run = 0; run < LOAD_RUNS; run++) {
  const start = performance.now();
  articles = (await loadCorpus(corpus)).articles;
  loadTimes.push(performance.now() - start);
  timeline = undefined;
  const built = time(() => Timeline.build(articles));
  buildTimes.push(built.ms);
  timeline = built.value;
}
console.log(`articles: ${articles.length}, events: ${timeline!.size}`);
const load = median(loadTimes);
const build = median(buildTimes);
const engineStart = performance.now();
const engine = await SearchEngine.build(articles);
const engineMs = performance.now() - engineStart;
const snapshot = load + engineMs;
const pct = (part: number, whole: number): string => `${((100 * part) / whole).toFixed(0)}%`;
console.log(`\nload                                   ms      extraction adds`);
console.log(`loadCorpus (median of ${LOAD_RUNS})           ${ms(load).padStart(10)}`);
console.log(`Timeline.build (median of ${LOAD_RUNS})       ${ms(build).padStart(10)}   ${pct(build, load)} of loadCorpus (bar ≤ 25%)`);
// The first build fills the analyzer's word caches; a snapshot built in a fresh worker pays that.
console.log(
  `Timeline.build (first run, cold)     ${ms(buildTimes[0]!).padStart(10)}   ${pct(buildTimes[0]!, loadTimes[0]!)} of its loadCorpus`,
);
console.log(`SearchEngine.build (1 run)           ${ms(engineMs).padStart(10)}`);
console.log(
  `in-thread: loadCorpus + engine      ${ms(snapshot).padStart(10)}   ${pct(build, snapshot)} of it if extracted after (ratio ${((snapshot + build) / snapshot).toFixed(2)}×)`,
);

/** What buildSnapshot does, less the timeline: the snapshot load the extraction is measured against. */
async function snapshotWithoutTimeline(opts: SnapshotOptions): Promise<void> {
  const load = await loadCorpus(corpus);
  await SearchEngine.build(load.articles, opts);
  for (const article of load.articles) articleHash(article);
  corpusStats(load.articles);
}
async function snapshotWithTimeline(opts: SnapshotOptions): Promise<void> {
  (await buildSnapshot(corpus, opts)).retire(0);
}
async function wallClock(build: (opts: SnapshotOptions) => Promise<void>, opts: SnapshotOptions): Promise<number> {
  globalThis.gc?.();
  const start = performance.now();
  await build(opts);
  return performance.now() - start;
}
const cacheDir = mkdtempSync(join(tmpdir(), 'kliping-bench-index-'));
// What a warm start does in the timeline worker instead of extracting: hash the corpus, read the file.
const written = time(() => writeCachedTimeline(cacheDir, timelineCorpusHash(articles), timeline!));
const readTimes: number[] = [];
for (let run = 0; run < LOAD_RUNS; run++) {
  const read = time(() => readCachedTimeline(cacheDir, timelineCorpusHash(articles), articles.length));
  if (read.value.timeline?.size !== timeline!.size) throw new Error(`cached timeline not read back: ${read.value.reason}`);
  readTimes.push(read.ms);
}
console.log(`timeline cache: write (1 run)         ${ms(written.ms).padStart(10)}`);
console.log(
  `timeline cache: hash + read (median) ${ms(median(readTimes)).padStart(10)}   ${pct(median(readTimes), build)} of Timeline.build`,
);
(await SearchEngine.build(articles, { cacheDir })).writeCache(cacheDir); // warms the index cache; the timeline's is warm above
console.log(`
snapshot build, wall-clock (median of ${LOAD_RUNS}, alternating)   without timeline   with timeline   extraction adds`);
for (const [label, opts] of [
  ['cold index (no cache)', {}],
  ['warm caches (cacheDir: index + timeline)', { cacheDir }],
] as const) {
  const without: number[] = [];
  const withTimeline: number[] = [];
  for (let run = 0; run < LOAD_RUNS; run++) {
    without.push(await wallClock(snapshotWithoutTimeline, opts));
    withTimeline.push(await wallClock(snapshotWithTimeline, opts));
  }
  const base = median(without);
  const full = median(withTimeline);
  console.log(
    `${label.padEnd(58)} ${ms(base).padStart(12)}   ${ms(full).padStart(12)}   ${pct(full - base, base).padStart(5)} to load time (bar ≤ 25%)`,
  );
}

// A query as the bot makes it: topic matched by the engine, events picked in the timeline worker.
const served = await buildSnapshot(corpus, { cacheDir });
console.log(`\nsnapshot timeline query, through the worker (${QUERY_RUNS} runs)   median     p99`);
for (const topic of TOPICS) {
  const runs: number[] = [];
  for (let i = 0; i <= QUERY_RUNS; i++) {
    const start = performance.now();
    await served.queries.timeline({ topic });
    if (i > 0) runs.push(performance.now() - start); // the first run warms the worker's word caches
  }
  console.log(`${`"${topic}"`.padEnd(58)} ${ms(median(runs)).padStart(9)}  ${ms(p99(runs)).padStart(9)}`);
}
served.retire(0);
rmSync(cacheDir, { recursive: true, force: true });

const tl = timeline!;
console.log(`\nquery (${QUERY_RUNS} runs each)          first      median     p99        events/total   matcher median`);
for (const topic of ['', ...TOPICS]) {
  const q = topic === '' ? {} : { topic };
  // The engine's topic match is part of a query's time, as the snapshot makes it.
  const ask = () => tl.query(q, topic === '' ? [] : engine.matchArticles(topic, TOPIC_ARTICLE_LIMIT));
  const first = time(ask);
  const runs: number[] = [];
  const matcherRuns: number[] = [];
  for (let i = 0; i < QUERY_RUNS; i++) {
    runs.push(time(ask).ms);
    if (topic !== '') matcherRuns.push(time(() => engine.matchArticles(topic, TOPIC_ARTICLE_LIMIT)).ms);
  }
  const label = topic === '' ? '(no topic)' : `"${topic}"`;
  const counts = `${first.value.events.length}/${first.value.total}`;
  const matcher = topic === '' ? '' : ms(median(matcherRuns));
  console.log(
    `${label.padEnd(32)} ${ms(first.ms).padStart(9)}  ${ms(median(runs)).padStart(9)}  ${ms(p99(runs)).padStart(9)}  ${counts.padStart(12)}   ${matcher}`,
  );
}

// What a timeline keeps in memory: heap with a second one built, minus heap without it.
const heapWithout = heapMb();
const second = Timeline.build(articles);
const heapWith = heapMb();
console.log(
  `\ntimeline heap: ${globalThis.gc ? `${(heapWith - heapWithout).toFixed(0)} MB (${second.size} events)` : 'run with --expose-gc'}`,
);
console.log('Bar: a topic timeline ≤ 200 ms (p99). Machine shared with other work: figures are indicative.');

// Quality beside speed: the dev key events (issue 11) and the sentence scorer against IndoSum's human picks.
for (const script of ['../scripts/timeline-eval.ts', '../scripts/timeline-sentence-eval.ts']) {
  console.log(`\n--- ${script.slice(3)} ---`);
  spawnSync(process.execPath, ['--import', 'tsx', fileURLToPath(new URL(script, import.meta.url))], { stdio: 'inherit' });
}
