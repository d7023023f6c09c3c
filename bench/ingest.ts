/**
 * Time from Simpan to searchable on ../shared/corpora/news-id.jsonl, as the bot does it: the
 * candidate is saved into masuk/ of a corpus folder holding (a symlink to) news-id.jsonl, then
 * `store.add([file])` makes it live in a new worker snapshot (spawnSnapshot, no index cache), then
 * one search finds it. Baseline measured in the same run: `store.reload()` of the same folder
 * (a full rebuild). `store.add` derives the next snapshot from the current one (only the new file is
 * loaded; the engine and the timeline are extended), so the ratio is far below 1.
 *
 *   npx tsx bench/ingest.ts [corpus.jsonl]      (npm run bench -- ingest)
 */
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { spawnSnapshot } from '../src/bot/worker-snapshot.ts';
import { candidateFromFile } from '../src/ingest/candidate.ts';
import { saveCandidate } from '../src/ingest/inbox-files.ts';
import { SnapshotStore } from '../src/snapshot.ts';

const corpus = resolve(process.argv[2] ?? '../shared/corpora/news-id.jsonl');
if (!existsSync(corpus)) {
  console.log(`Skipped: ${corpus} is absent (the ingest bench needs the shared news corpus).`);
  process.exit(0);
}

const RUNS = 3;
const seed = fileURLToPath(new URL('../seeds/001_1742510e8f838e75.txt', import.meta.url));
const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};
const sec = (ms: number): string => `${(ms / 1000).toFixed(2)} s`;

const folder = await mkdtemp(join(tmpdir(), 'kliping-bench-ingest-'));
await symlink(corpus, join(folder, basename(corpus)));
const store = await SnapshotStore.create(folder, { build: (dir, opts) => spawnSnapshot(dir, opts) });
console.log(`corpus: ${corpus} (${store.current.stats.articles} articles), folder ${folder}`);

const text = await readFile(seed, 'utf8');
const reloads: number[] = [];
const adds: { save: number; add: number; search: number; total: number }[] = [];
for (let run = 0; run < RUNS; run++) {
  let started = performance.now();
  const reloaded = await store.reload('bench');
  if (reloaded.status !== 'swapped') throw new Error(`reload ${reloaded.status}: ${JSON.stringify(reloaded)}`);
  reloads.push(performance.now() - started);

  // A new article each run: the seed's text with a marker word no corpus article has.
  const marker = `kodeuji${run}x${Date.now().toString(36)}`;
  const read = await candidateFromFile('bench.txt', Buffer.from(`${text}\n\nCatatan redaksi ${marker} untuk pengujian.\n`));
  if (!read.ok) throw new Error(`candidate: ${JSON.stringify(read.problem)}`);
  started = performance.now();
  const saved = await saveCandidate(folder, read.candidate, read.candidate.articles);
  const savedAt = performance.now();
  const outcome = await store.add([saved.file], 'bench');
  if (outcome.status !== 'swapped') throw new Error(`add ${outcome.status}: ${JSON.stringify(outcome)}`);
  const addedAt = performance.now();
  const result = await store.current.queries.search(marker);
  const done = performance.now();
  if (result.hits[0]?.articleId !== saved.file.replace(/\.txt$/, '')) throw new Error(`the added article is not found by "${marker}"`);
  adds.push({ save: savedAt - started, add: addedAt - savedAt, search: done - addedAt, total: done - started });
  console.log(`run ${run + 1}: reload ${sec(reloads.at(-1)!)}; Simpan → searchable ${sec(adds.at(-1)!.total)}`);
}
await store.close();
await rm(folder, { recursive: true, force: true });

const reload = median(reloads);
const total = median(adds.map((a) => a.total));
console.log(`\nSimpan → searchable on ${store.current.stats.articles} articles (median of ${RUNS}):`);
console.log(`  full reload (baseline, same run)   ${sec(reload)}`);
console.log(
  `  save + store.add + first search     ${sec(total)}  (save ${median(adds.map((a) => a.save)).toFixed(1)} ms, add ${sec(median(adds.map((a) => a.add)))}, search ${median(adds.map((a) => a.search)).toFixed(1)} ms)`,
);
console.log(`  ratio to the full reload           ${(total / reload).toFixed(2)}×`);
process.exit(0);
