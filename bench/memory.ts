// `npm run bench -- memory`: the bot's memory and start-up time, measured as an operator sees them. The
// real bot (`src/bot/main.ts`, as `npm start` runs it) is started as a child process against the local
// Discord (tests/e2e/fake-discord) and its RSS is read from /proc while it starts, answers, idles and
// reloads; once with an empty cache folder (cold), then again with the cache that run wrote (warm).
// Two reloads: one after an article of the corpus changed (derived from the serving snapshot, where the
// bot can), then `penuh: True` (the whole index built anew, as after a large change). The bot runs as
// `npm start` runs it: the same environment and node flags (read from package.json's start script).
// Each run waits for the bot's "index and timeline cache written" before going on: the steady reading
// is of a bot done starting, and a warm run needs the cache whole.
//
// Options (after `--`):
//   --corpus PATH     corpus to serve (default ../shared/corpora/news-id.jsonl)
//   --scale N         serve N copies of the corpus (distinct ids), e.g. 4 for the 4× figure
//                     (a .jsonl corpus; it is copied to a scratch folder either way)
//   --repo PATH       run another checkout's bot (e.g. /work/main) for a baseline on the same machine
//   --runs LIST       which runs, default cold,warm
//   --no-full         skip the full reload (a 4× corpus's takes many minutes on a busy machine)
//   --start-only      stop each run at its first answered /cari and its cache write (no steady reading,
//                     no reloads): for
//                     start-up times, e.g. `--runs cold,warm,warm,warm --start-only` (warm median printed)
import { spawn, type ChildProcess } from 'node:child_process';
import { createReadStream, createWriteStream, existsSync, readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { startFakeDiscord, type FakeDiscord } from '../tests/e2e/fake-discord/index.ts';
import { openApiValidator } from '../tests/e2e/fake-discord/openapi.ts';

const here = resolve(import.meta.dirname, '..');
const args = process.argv.slice(2);
const option = (name: string, fallback: string): string => {
  const at = args.indexOf(`--${name}`);
  return at >= 0 && args[at + 1] !== undefined ? args[at + 1]! : fallback;
};
const repo = resolve(option('repo', here));
const corpus = resolve(here, option('corpus', '../shared/corpora/news-id.jsonl'));
const scale = Number(option('scale', '1'));
const runs = option('runs', 'cold,warm').split(',');
const withFull = !args.includes('--no-full');
const startOnly = args.includes('--start-only');
/** Idle time before the steady reading: long enough for start-up garbage to be collected. */
const SETTLE_MS = 15_000;
const SAMPLE_MS = 50;
const QUERIES = ['putin', 'harga beras naik', 'banjir jakarta', 'pemilu 2024', 'timnas indonesia'];
const TOKEN = 'fake-bot-token.for-memory-bench.only';

if (!existsSync(corpus)) {
  console.log(`bench memory: skipped, corpus ${corpus} not found (see ../shared/README.md).`);
  process.exit(0);
}

const rssMb = (pid: number): number | null => {
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) / 1024 : null;
  } catch {
    return null;
  }
};

/** RSS sampled every SAMPLE_MS; `peakSince(mark)` is the highest reading since a mark. */
class RssSampler {
  readonly samples: { at: number; mb: number }[] = [];
  readonly #timer: NodeJS.Timeout;
  constructor(pid: number) {
    this.#timer = setInterval(() => {
      const mb = rssMb(pid);
      if (mb !== null) this.samples.push({ at: performance.now(), mb });
    }, SAMPLE_MS);
  }
  now(): number {
    return this.samples.at(-1)?.mb ?? 0;
  }
  peakSince(mark: number): number {
    return Math.max(0, ...this.samples.filter((s) => s.at >= mark).map((s) => s.mb));
  }
  stop(): void {
    clearInterval(this.#timer);
  }
}

/** The corpus repeated `n` times under distinct ids, so the bot indexes n× the articles; a copy, so a line can change. */
async function scaledCorpus(scratch: string, n: number): Promise<string> {
  const target = join(scratch, `scaled-${n}x.jsonl`);
  const out = createWriteStream(target);
  for (let copy = 0; copy < n; copy++) {
    for await (const line of createInterface({ input: createReadStream(corpus) })) {
      if (line.trim() === '') continue;
      const record = JSON.parse(line) as Record<string, unknown>;
      if (copy > 0) {
        record.id = `${String(record.id)}~${copy}`;
        if (typeof record.url === 'string') record.url = `${record.url}?salinan=${copy}`;
        if (typeof record.title === 'string') record.title = `${record.title} (${copy})`;
      }
      if (!out.write(`${JSON.stringify(record)}\n`)) await new Promise<void>((r) => out.once('drain', () => r()));
    }
  }
  await new Promise<void>((r) => out.end(() => r()));
  return target;
}

/** Change the title of the corpus's first article, as an editor fixing a typo would. */
async function changeOneArticle(path: string): Promise<void> {
  const text = await readFile(path, 'utf8');
  const end = text.indexOf('\n');
  const record = JSON.parse(text.slice(0, end)) as Record<string, unknown>;
  record.title = `${String(record.title)} (diperbarui)`;
  await writeFile(path, `${JSON.stringify(record)}${text.slice(end)}`);
}

/**
 * What `npm start` runs, as node arguments: its environment, then `node …args` run as is, so the
 * measured process is exactly the bot `npm start` starts. A checkout whose start script is the tsx CLI
 * (`tsx --flag … script`, which forks a second node) is run as `node --flag … --import tsx script`:
 * one process whose RSS is the bot's, without the CLI's small parent.
 */
function startCommand(): { env: Record<string, string>; args: string[] } {
  const { scripts } = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8')) as { scripts: { start: string } };
  const words = scripts.start.trim().split(/\s+/);
  const env: Record<string, string> = {};
  let at = 0;
  for (let assignment; (assignment = /^([A-Z_][A-Z0-9_]*)=(\S*)$/.exec(words[at] ?? '')); at++) env[assignment[1]!] = assignment[2]!;
  const [command, ...rest] = words.slice(at);
  if (command === 'node') return { env, args: rest };
  if (command !== 'tsx') throw new Error(`bench memory: cannot read the start script of ${repo}: ${scripts.start}`);
  const flags = rest.filter((word) => word.startsWith('--'));
  return { env, args: [...flags, '--import', 'tsx', ...rest.slice(flags.length)] };
}

interface RunFigures {
  run: string;
  startPeak: number;
  atFirstAnswer: number;
  firstAnswerMs: number;
  /** Null with --start-only. */
  rest: {
    steady: number;
    /** After one article changed. */
    reloadPeak: number;
    reloadMs: number;
    afterReload: number;
    /** `penuh: True`; null with --no-full. */
    full: { peak: number; ms: number; after: number } | null;
  } | null;
}

async function waitFor(check: () => boolean, what: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`bench memory: timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function measure(fake: FakeDiscord, run: string, corpusPath: string, cacheDir: string): Promise<RunFigures> {
  const started = performance.now();
  // node itself (not npm, nor the tsx CLI, which fork): the pid is the bot's own process.
  const start = startCommand();
  const child: ChildProcess = spawn(process.execPath, start.args, {
    cwd: repo,
    env: {
      PATH: process.env.PATH,
      DISCORD_TOKEN: TOKEN,
      DISCORD_API_URL: fake.apiUrl,
      DISCORD_GUILD_ID: fake.guildId,
      CORPUS_DIR: corpusPath,
      INDEX_CACHE_DIR: cacheDir,
      LOG_LEVEL: 'info',
      ...start.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const sampler = new RssSampler(child.pid!);
  try {
    await waitFor(() => output.includes('"msg":"bot ready"') || child.exitCode !== null, 'bot ready', 600_000);
    if (child.exitCode !== null) throw new Error(`bot exited:\n${output}`);
    // The first /cari, sent as soon as the bot is ready, as a user would; its answer must be results
    // (embeds), not the ephemeral "still loading" text.
    const first = await fake.send(fake.slash('cari', { kueri: QUERIES[0]! }, { user: 'member' })).reply(undefined, 60_000);
    if (first.embeds.length === 0) throw new Error(`bench memory: the first /cari got no results: ${first.content}`);
    const firstAnswerMs = performance.now() - started;
    const startPeak = sampler.peakSince(0);
    const atFirstAnswer = sampler.now();
    // The caches are written after the swap, in the background: the next warm run needs them whole, and
    // the steady reading is of a bot done starting (on a busy machine the write can outlast the settling).
    await waitFor(() => output.includes('"msg":"index and timeline cache written"'), 'the cache write', 300_000);
    if (startOnly) return { run, startPeak, atFirstAnswer, firstAnswerMs, rest: null };
    for (const kueri of QUERIES) await fake.send(fake.slash('cari', { kueri }, { user: 'member' })).reply(undefined, 60_000);
    await fake.send(fake.slash('timeline', { topik: 'pemilu' }, { user: 'member' })).reply(undefined, 60_000);
    await sleep(SETTLE_MS);
    const steady = sampler.now();

    // Forced where the bot has the shrink guard's option (a baseline checkout may not); `penuh` likewise.
    const korpus = fake.commands.guild.find((c) => c.name === 'korpus') as { options?: { name: string; options?: { name: string }[] }[] };
    const reloadOptions = new Set(korpus.options?.find((o) => o.name === 'muat-ulang')?.options?.map((o) => o.name));
    const reload = async (options: Record<string, boolean>): Promise<{ peak: number; ms: number; after: number }> => {
      const known = Object.fromEntries(Object.entries(options).filter(([name]) => reloadOptions.has(name)));
      const start = performance.now();
      const sent = fake.send(fake.slash('korpus', known, { subcommand: 'muat-ulang', user: 'owner' }));
      await sent.reply((m) => m.embeds.length > 0, 600_000);
      const ms = performance.now() - start;
      const peak = sampler.peakSince(start);
      for (const kueri of QUERIES) await fake.send(fake.slash('cari', { kueri }, { user: 'member' })).reply(undefined, 60_000);
      await sleep(SETTLE_MS);
      return { peak, ms, after: sampler.now() };
    };
    await changeOneArticle(corpusPath);
    const changed = await reload({ paksa: true });
    const full = withFull ? await reload({ paksa: true, penuh: true }) : null;
    return {
      run,
      startPeak,
      atFirstAnswer,
      firstAnswerMs,
      rest: { steady, reloadPeak: changed.peak, reloadMs: changed.ms, afterReload: changed.after, full },
    };
  } finally {
    sampler.stop();
    child.kill('SIGTERM');
    await new Promise((r) => (child.exitCode !== null ? r(null) : child.once('exit', r)));
  }
}

/**
 * The local Discord compiles an operation's OpenAPI schema (Ajv) on the first request to it, in this
 * process: for the interaction callback, 0.3–0.7 s inside the first measured start, on the cores the
 * bot starts on. Compiled before any bot starts, so the start measured is the bot's.
 */
function compileFakeDiscordSchemas(): void {
  const validator = openApiValidator();
  validator?.validate('PUT', '/applications/{application_id}/guilds/{guild_id}/commands', []);
  validator?.validate('POST', '/interactions/{interaction_id}/{interaction_token}/callback', { type: 4, data: {} });
}

compileFakeDiscordSchemas();
const scratch = await mkdtemp(join(tmpdir(), 'kliping-bench-memory-'));
const fake = await startFakeDiscord({ timeoutMs: 600_000, callbackDeadlineMs: 60_000 });
try {
  const corpusPath = await scaledCorpus(scratch, scale);
  // An operator's corpus was written long before the bot starts. One written this instant is "racy" for the
  // parse cache (its mtime is within 2 s of the parse), so the first warm run would parse it again.
  await sleep(2_500);
  const cacheDir = join(scratch, 'cache');
  console.log(`bot: ${repo}; corpus: ${corpusPath} (${scale}×); RSS of the bot process in MB, sampled every ${SAMPLE_MS} ms`);
  const rows: RunFigures[] = [];
  for (const run of runs) {
    if (run === 'cold') await rm(cacheDir, { recursive: true, force: true });
    rows.push(await measure(fake, run, corpusPath, cacheDir));
  }
  const mb = (n: number) => `${Math.round(n)} MB`;
  const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
  console.table(
    rows.map(({ run, startPeak, atFirstAnswer, firstAnswerMs, rest }) => ({
      run,
      'start peak': mb(startPeak),
      'at first answer': mb(atFirstAnswer),
      'start → first /cari': seconds(firstAnswerMs),
      ...(rest && {
        steady: mb(rest.steady),
        'reload peak (1 changed)': mb(rest.reloadPeak),
        reload: seconds(rest.reloadMs),
        'after reload': mb(rest.afterReload),
      }),
      ...(rest?.full && {
        'full reload peak': mb(rest.full.peak),
        'full reload': seconds(rest.full.ms),
        'after full reload': mb(rest.full.after),
      }),
    })),
  );
  const warm = rows.filter((r) => r.run === 'warm').map((r) => r.firstAnswerMs);
  if (warm.length > 1) {
    const sorted = [...warm].sort((a, b) => a - b);
    const median = sorted.length % 2 ? sorted[(sorted.length - 1) / 2]! : (sorted[sorted.length / 2 - 1]! + sorted[sorted.length / 2]!) / 2;
    console.log(`warm start → first answered /cari: median ${seconds(median)} over ${warm.length} runs (${warm.map(seconds).join(', ')})`);
  }
} finally {
  await fake.close();
  await rm(scratch, { recursive: true, force: true });
}
