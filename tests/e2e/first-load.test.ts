// A first load that fails no longer stops the bot. A corpus folder missing at start: the bot logs in,
// /cari and /timeline answer ephemerally that the corpus is being loaded again (no error code), admins
// see why in /korpus status, the bot retries with backoff, and once the folder is there answers resume
// with no admin. A corpus worker that dies during the first build: retried the same way. The log claims
// no success that did not happen.
import { cp, mkdtemp, rename, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { UNAVAILABLE_MESSAGE } from '../../src/bot/errors.ts';
import { isEphemeral, startHarness, type DiscordMessage, type Harness } from './harness.ts';
import { lastCorpusWorker, threads } from './threads.ts';

const seedsDir = fileURLToPath(new URL('../../seeds/', import.meta.url));
/** Waits for the bot's own attempts: seconds on a busy machine. */
const WAIT = { timeout: 25_000, interval: 50 };

vi.mock('node:worker_threads', async (original) => (await import('./threads.ts')).recordWorkers(original));

let scratch: string | undefined;
let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
  if (scratch) await rm(scratch, { recursive: true, force: true });
  scratch = undefined;
});

const text = (m: DiscordMessage): string =>
  [
    m.content,
    ...m.embeds.map((e) =>
      [e.title, e.description, ...((e.fields as { value: string }[] | undefined) ?? []).map((f) => f.value)].join('\n'),
    ),
  ].join('\n');

describe('a corpus folder missing at start-up', { timeout: 90_000 }, () => {
  it('is retried with backoff, told to users and admins meanwhile, and served once it is there', async () => {
    scratch = await mkdtemp(join(tmpdir(), 'kliping-e2e-first-load-'));
    const corpusDir = join(scratch, 'korpus');
    h = await startHarness({
      corpusDir,
      returnWhileLoading: true,
      bot: { snapshotParams: { recoveryFirstDelayMs: 50, recoveryMaxDelayMs: 200 } },
    });
    const { fake } = h;
    const logs = h.logs;
    const failures = () => logs.filter((line) => line.msg === 'corpus could not be loaded; retrying');
    await expect.poll(() => failures().length, WAIT).toBeGreaterThanOrEqual(3);

    const search = await fake.send(fake.slash('cari', { kueri: 'Putin' }, { user: 'member' })).reply();
    expect(isEphemeral(search)).toBe(true);
    expect(search.content).toBe(UNAVAILABLE_MESSAGE);
    const timeline = await fake.send(fake.slash('timeline', { topik: 'Putin' }, { user: 'member' })).reply();
    expect(isEphemeral(timeline)).toBe(true);
    expect(timeline.content).toBe(UNAVAILABLE_MESSAGE);

    const status = await fake.send(fake.slash('korpus', {}, { subcommand: 'status', user: 'owner' })).reply();
    expect(isEphemeral(status)).toBe(true);
    expect(text(status)).toMatch(/\*\*Tidak melayani\*\* sejak <t:\d+:R>: korpus belum bisa dimuat sejak bot mulai\./);
    expect(text(status)).toMatch(/percobaan ke-\d+/);
    expect(text(status)).toContain('Percobaan terakhir gagal: folder korpus (CORPUS\\_DIR) tidak ditemukan.');
    const memberStatus = await fake.send(fake.slash('korpus', {}, { subcommand: 'status', user: 'member' })).reply();
    expect(text(memberStatus)).toContain('**Tidak melayani** sementara: korpus sedang dimuat ulang.');
    expect(text(memberStatus)).not.toContain('CORPUS');

    const logged = failures();
    expect(logged[0]).toMatchObject({ level: 50, attempt: 1, failure: { kind: 'corpus-missing' }, retryInMs: 50 });
    expect(logged.slice(1, 3)).toMatchObject([
      { level: 40, attempt: 2, retryInMs: 100 },
      { level: 40, attempt: 3, retryInMs: 200 },
    ]);
    const messages = () => logs.map((line) => line.msg);
    expect(messages()).not.toContain('corpus loaded');
    expect(messages()).not.toContain('bot ready');
    expect(messages()).not.toContain('index and timeline cache written'); // nothing cached of a corpus that is not there
    expect(logs.some((line) => line.msg === 'handler failed')).toBe(false); // no error code given to anyone

    // The folder arrives whole (copied aside, then renamed into place); no admin does anything.
    await cp(seedsDir, `${corpusDir}.tmp`, { recursive: true });
    await rename(`${corpusDir}.tmp`, corpusDir);
    await expect.poll(() => messages(), WAIT).toContain('corpus loaded');
    const bot = await h.started;
    expect(bot.store.health.state).toBe('serving');
    const later = await fake.send(fake.slash('cari', { kueri: 'Putin' }, { user: 'member' })).reply();
    expect(isEphemeral(later)).toBe(false);
    expect(text(later)).toContain('Hasil pencarian');
    expect(messages()).toContain('bot ready');
    expect(bot.store.lastReload).toBeNull(); // the bot's own attempts are not an admin's reload
    fake.assertClean();
  });

  it('a corpus worker that dies during the first build: the load is retried and serves', async () => {
    h = await startHarness({ holdFirstLoad: true });
    const before = threads.length;
    h.reloadGate.release();
    // The first build's corpus worker, killed as an out-of-memory or a native crash would kill it.
    await expect.poll(() => lastCorpusWorker(before), WAIT).toBeDefined();
    await lastCorpusWorker(before)!.terminate();
    const bot = await h.started;
    const failed = h.logs.filter((line) => line.msg === 'corpus could not be loaded; retrying');
    expect(failed).toMatchObject([{ level: 50, attempt: 1, failure: { kind: 'worker-stopped' } }]);
    expect(String((failed[0]!.failure as { detail: string }).detail)).toMatch(/^corpus worker stopped/);
    expect(bot.store.health.state).toBe('serving');
    const search = await h.fake.send(h.fake.slash('cari', { kueri: 'Putin' }, { user: 'member' })).reply();
    expect(text(search)).toContain('Hasil pencarian');
    h.fake.assertClean();
  });
});
