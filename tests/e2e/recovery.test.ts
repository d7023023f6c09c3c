// A corpus worker that dies, with the real bot: users are told the corpus is being reloaded (ephemeral,
// no error code), the bot rebuilds with backoff while the corpus folder is gone, admins see it in
// /korpus status, and answers resume on their own once the folder is back. The log claims no success
// that did not happen.
import { cp, rm } from 'node:fs/promises';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { isEphemeral, startHarness, type DiscordMessage, type Harness } from './harness.ts';
import { lastCorpusWorker } from './threads.ts';

vi.mock('node:worker_threads', async (original) => (await import('./threads.ts')).recordWorkers(original));

let h: Harness;
/** Waits for the bot's own rebuilds: seconds on a busy machine. */
const WAIT = { timeout: 25_000, interval: 50 };

beforeEach(async () => {
  h = await startHarness({ bot: { snapshotParams: { recoveryFirstDelayMs: 50, recoveryMaxDelayMs: 200 } } });
});

afterEach(async () => {
  try {
    h.fake.assertClean();
  } finally {
    await h.close();
  }
});

const text = (m: DiscordMessage): string =>
  [
    m.content,
    ...m.embeds.map((e) =>
      [e.title, e.description, ...((e.fields as { value: string }[] | undefined) ?? []).map((f) => f.value)].join('\n'),
    ),
  ].join('\n');

/** Kill the thread serving the current snapshot, as an out-of-memory or a native crash would. */
async function killCorpusWorker(): Promise<void> {
  await lastCorpusWorker()!.terminate();
}

const search = (kueri = 'Putin') => h.fake.send(h.fake.slash('cari', { kueri }, { user: 'member' })).reply();
const messages = () => h.logs.map((line) => line.msg);
const retries = () => h.logs.filter((line) => line.msg === 'corpus still unavailable after a worker crash; retrying');

describe('a corpus worker that dies', { timeout: 90_000 }, () => {
  it('is rebuilt at once, and searches answer again', async () => {
    expect(text(await search())).toContain('Hasil pencarian');
    await killCorpusWorker();
    await expect.poll(() => h.bot.store.health.state, WAIT).toBe('serving');
    await expect.poll(() => messages(), WAIT).toContain('corpus serving again after a worker crash');
    expect(text(await search())).toContain('Hasil pencarian');
  });

  it('while the folder is gone: "korpus sedang dimuat ulang", retries with backoff, status shows it; answers resume once it is back', async () => {
    const parked = `${h.corpusDir}-parked`;
    await cp(h.corpusDir, parked, { recursive: true });
    await rm(h.corpusDir, { recursive: true, force: true });
    try {
      await killCorpusWorker();
      await expect.poll(() => retries().length, WAIT).toBeGreaterThanOrEqual(2);
      expect(h.bot.store.health.state).toBe('recovering');

      const refused = await search();
      expect(isEphemeral(refused)).toBe(true);
      expect(refused.content).toBe('Korpus sedang dimuat ulang. Coba lagi dalam beberapa detik.');
      const timeline = await h.fake.send(h.fake.slash('timeline', { topik: 'Putin' }, { user: 'member' })).reply();
      expect(isEphemeral(timeline)).toBe(true);
      expect(timeline.content).toContain('Korpus sedang dimuat ulang');

      const status = await h.fake.send(h.fake.slash('korpus', {}, { subcommand: 'status', user: 'owner' })).reply();
      expect(text(status)).toMatch(
        /Tidak melayani\*\* sejak <t:\d+:R>: thread pemuat korpus berhenti mendadak \(pesan sistem: corpus worker stopped/,
      );
      expect(text(status)).toMatch(/percobaan ke-\d+/);
      expect(text(status)).toContain('Percobaan terakhir gagal: folder korpus (CORPUS\\_DIR) tidak ditemukan.');

      const logged = retries();
      expect(logged.every((line) => line.level === 40)).toBe(true); // warn, not info
      expect(logged.map((line) => line.retryInMs).slice(0, 3)).toEqual([50, 100, 200].slice(0, Math.min(3, logged.length)));
      expect(messages()).not.toContain('corpus serving again after a worker crash');
      expect(h.logs.some((line) => line.level === 50 && line.msg === 'handler failed')).toBe(false); // no error code given to anyone
    } finally {
      await cp(parked, h.corpusDir, { recursive: true });
      await rm(parked, { recursive: true, force: true });
    }
    // No admin: the next attempt finds the folder back.
    await expect.poll(() => h.bot.store.health.state, WAIT).toBe('serving');
    expect(text(await search())).toContain('Hasil pencarian');
    expect(messages()).toContain('corpus serving again after a worker crash');
    expect(h.bot.store.lastReload).toBeNull();
  });
});
