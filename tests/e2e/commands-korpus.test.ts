// /korpus end to end: status, and the admin reload — permissions, report, file errors, concurrency, failure.
import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { SnapshotStore } from '../../src/snapshot.ts';
import { spawnSnapshot } from '../../src/bot/worker-snapshot.ts';
import type { CommandTarget } from './fake-discord/interactions.ts';
import { isEphemeral, startHarness, type Harness } from './harness.ts';
import { embedsOf } from './commands-fixtures.ts';

const seedsDir = fileURLToPath(new URL('../../seeds/', import.meta.url));

let h: Harness;
let corpusDir: string;
/** Reloads wait on this gate, so a test can hold one open while it sends other interactions. */
let gate: { wait: Promise<void>; open: () => void };

function openGate(): void {
  let open = (): void => {};
  const wait = new Promise<void>((resolve) => {
    open = resolve;
  });
  gate = { wait, open };
  open();
}

function closeGate(): void {
  let open = (): void => {};
  gate = {
    wait: new Promise<void>((resolve) => {
      open = resolve;
    }),
    open,
  };
}

beforeAll(async () => {
  corpusDir = await mkdtemp(join(tmpdir(), 'kliping-e2e-korpus-'));
  await cp(seedsDir, corpusDir, { recursive: true });
  openGate();
  const store = await SnapshotStore.create(corpusDir, {
    build: async (dir, opts) => {
      await gate.wait;
      return spawnSnapshot(dir, opts);
    },
    params: { maxRefreshShare: 0 }, // every reload builds, so the gate holds each one
  });
  h = await startHarness({ corpusDir, bot: { store } });
});
afterAll(async () => {
  await h?.close();
  await rm(corpusDir, { recursive: true, force: true });
});
afterEach(() => {
  openGate();
  h.fake.assertClean();
});

type Who = 'owner' | 'member' | 'trusted' | 'other';
const korpus = (subcommand: string, user: Who, where: Omit<CommandTarget, 'subcommand' | 'user'> = {}) =>
  h.fake.send(h.fake.slash('korpus', {}, { subcommand, user, ...where }));
const description = (message: { embeds: unknown[] }): string => embedsOf(message)[0]?.description ?? '';
/** A reload is a build in a worker: on a loaded machine it outlasts the fake's default 10 s wait, so its reply gets longer. */
const RELOAD_WAIT_MS = 60_000;
/** The visible reply of a reload that builds (not of one refused at once). */
const reloaded = (run: ReturnType<typeof korpus>) => run.reply(undefined, RELOAD_WAIT_MS);

describe('/korpus status', () => {
  it('shows article count, publishers, date range and that nothing was reloaded yet', async () => {
    const reply = await korpus('status', 'owner').reply();
    expect(isEphemeral(reply)).toBe(true);
    const [embed] = embedsOf(reply);
    expect(embed!.title).toBe('Status korpus');
    const field = (name: string): string => embed!.fields!.find((f) => f.name === name)!.value;
    expect(field('Artikel')).toBe('5');
    expect(Number(field('Penerbit'))).toBeGreaterThanOrEqual(4);
    expect(field('Daftar penerbit')).toContain('Bisnis.com (1)');
    expect(field('Rentang tanggal')).toMatch(/\d{4} – .*2024/);
    expect(field('Muat ulang terakhir')).toMatch(/^Belum pernah/);
    expect(field('Berkas bermasalah')).toBe('Tidak ada berkas bermasalah.');
  });
});

describe('/korpus muat-ulang', { timeout: 120_000 }, () => {
  it('refuses a member without Manage Server, privately, without reloading', async () => {
    const run = korpus('muat-ulang', 'member');
    const reply = await run.reply();
    expect(isEphemeral(reply)).toBe(true);
    expect(reply.content).toContain('Hanya pengelola server');
    expect(h.bot.store.lastReload).toBeNull();
  });

  it('reloads for a user listed in ADMIN_USER_IDS, without Manage Server, and reports no change', async () => {
    const run = korpus('muat-ulang', 'trusted');
    expect((await run.callback()).type).toBe(5);
    const reply = await reloaded(run);
    expect(isEphemeral(reply)).toBe(true);
    expect(embedsOf(reply)[0]!.title).toBe('Korpus dimuat ulang');
    expect(description(reply)).toMatch(/^Artikel: 5 → 5\nDitambah: 0\nDihapus: 0\nDiubah: 0\nDurasi: \d/);
  });

  it('reports added articles and each broken file with its reason, and serves the new corpus', async () => {
    await writeFile(
      join(corpusDir, 'tambahan.jsonl'),
      [
        JSON.stringify({
          id: 'banjir-rob-1',
          title: 'Banjir rob melanda pesisir utara Jakarta',
          date: '2024-06-21',
          source: 'tempo.co',
          url: 'https://contoh.id/rob',
          body: 'Banjir rob melanda pesisir utara Jakarta pada Jumat (21/6/2024).',
        }),
        '{"id": "rusak", "title": ',
      ].join('\n'),
    );
    const reply = await reloaded(korpus('muat-ulang', 'owner'));
    const text = description(reply);
    expect(text).toMatch(/^Artikel: 5 → 6\nDitambah: 1 \(`banjir-rob-1`\)\nDihapus: 0\nDiubah: 0/);
    expect(text).toMatch(/berkas dilewati:\*\*\n• `tambahan\.jsonl:2` — \S/);
    const search = await h.fake.send(h.fake.slash('cari', { kueri: 'banjir rob' })).reply();
    expect(description(search)).toContain('Banjir rob melanda pesisir utara Jakarta');
    const status = await korpus('status', 'owner').reply();
    const last = embedsOf(status)[0]!.fields!.find((f) => f.name === 'Muat ulang terakhir')!.value;
    expect(last).toMatch(/^Berhasil <t:\d+:R>: 6 → 6 artikel|^Berhasil <t:\d+:R>: 5 → 6 artikel/);
  });

  it('refuses a second reload while one runs, and finishes the first', async () => {
    closeGate();
    const first = korpus('muat-ulang', 'owner');
    expect((await first.callback()).type).toBe(5);
    const second = korpus('muat-ulang', 'trusted');
    const refusal = await second.reply();
    expect(isEphemeral(refusal)).toBe(true);
    expect(refusal.content).toMatch(/^Muat ulang korpus sedang berjalan \(dimulai <t:\d+:R> oleh <@\d+>\)/);
    gate.open();
    expect(embedsOf(await reloaded(first))[0]!.title).toBe('Korpus dimuat ulang');
  });

  it('answers 50 searches sent while a reload runs', async () => {
    closeGate();
    const reload = korpus('muat-ulang', 'owner');
    await reload.callback();
    const runs = Array.from({ length: 50 }, (_, i) =>
      h.fake.send(h.fake.slash('cari', { kueri: i % 2 ? 'Putin' : 'Korea Utara' }, { user: i % 3 ? 'member' : 'other' })),
    );
    const replies = await Promise.all(runs.map((run) => run.reply()));
    expect(h.bot.store.running).not.toBeNull(); // all answered from the old snapshot while the new one was still being built
    expect(replies.every((r) => embedsOf(r)[0]?.title?.startsWith('Hasil pencarian'))).toBe(true);
    gate.open();
    expect(embedsOf(await reloaded(reload))[0]!.title).toBe('Korpus dimuat ulang');
  });

  it('keeps the old corpus serving when the folder is gone, says so, and will not serve it empty even when forced', async () => {
    const parked = `${corpusDir}-parked`;
    await cp(corpusDir, parked, { recursive: true });
    await rm(corpusDir, { recursive: true, force: true });
    try {
      const articles = h.bot.store.current.stats.articles;
      for (const paksa of [false, true]) {
        const reply = await reloaded(h.fake.send(h.fake.slash('korpus', { paksa }, { subcommand: 'muat-ulang', user: 'owner' })));
        expect(embedsOf(reply)[0]!.title).toBe('Muat ulang gagal');
        expect(description(reply)).toMatch(
          /^Korpus lama tetap dipakai\. Korpus baru tidak bisa dimuat: folder korpus \(CORPUS\\_DIR\) tidak ditemukan\.\n\nPeriksa folder itu/,
        );
        expect(description(reply)).toContain('Opsi `paksa` tidak berlaku di sini');
        expect(h.bot.store.current.stats.articles).toBe(articles);
      }
      const search = await h.fake.send(h.fake.slash('cari', { kueri: 'banjir rob' })).reply();
      expect(description(search)).toContain('Banjir rob melanda');
      const status = await korpus('status', 'owner').reply();
      expect(embedsOf(status)[0]!.fields!.find((f) => f.name === 'Muat ulang terakhir')!.value).toMatch(
        /^Gagal <t:\d+:R>: folder korpus \(CORPUS\\_DIR\) tidak ditemukan\. Korpus sebelumnya tetap dipakai\.$/,
      );
      expect(h.logs.filter((l) => l.msg === 'corpus reload failed').map((l) => [l.force, l.failure])).toEqual([
        [false, { kind: 'corpus-missing' }],
        [true, { kind: 'corpus-missing' }],
      ]);
    } finally {
      await cp(parked, corpusDir, { recursive: true });
      await rm(parked, { recursive: true, force: true });
    }
  });
});

describe('/korpus access', { timeout: 120_000 }, () => {
  /** A server that is not one of the bot's home servers (ADMIN_GUILD_IDS defaults to DISCORD_GUILD_ID). */
  const ownServer = '1180000000000000999';
  const refusal = /^Hanya pengelola server utama bot \(izin \*\*Manage Server\*\*\) atau admin bot/;

  it('is registered for servers only, through the server installation', () => {
    const registered = h.fake.commands.guild.find((c) => c.name === 'korpus')!;
    expect(registered.contexts).toEqual([0]);
    expect(registered.integration_types).toEqual([0]);
  });

  it.each([
    ['status', 'owner'],
    ['muat-ulang', 'trusted'],
  ] as const)('refuses /korpus %s from a DM, even to %s', async (subcommand, user) => {
    const before = h.bot.store.lastReload;
    const reply = await korpus(subcommand, user, { dm: true }).reply();
    expect(isEphemeral(reply)).toBe(true);
    expect(reply.embeds).toEqual([]);
    expect(reply.content).toBe('Perintah `/korpus` hanya bisa dipakai di server tempat bot dipasang, bukan di pesan langsung.');
    expect(h.bot.store.lastReload).toBe(before);
  });

  it.each([
    ['a user-installed app in the home server, by its owner', 'owner', { install: 'user' }],
    ["a user-installed app in the user's own server", 'member', { install: 'user', guild: ownServer, serverOwner: true }],
    ['the server installation of a server that is not a home server, by its owner', 'member', { guild: ownServer, serverOwner: true }],
  ] as const)('refuses a reload from %s', async (_, user, where) => {
    const before = h.bot.store.lastReload;
    const reply = await korpus('muat-ulang', user, where).reply();
    expect(isEphemeral(reply)).toBe(true);
    expect(reply.content).toMatch(refusal);
    expect(h.bot.store.lastReload).toBe(before);
    expect(h.bot.store.running).toBeNull();
  });

  it('shows the broken files to admins only; others see their count', async () => {
    await writeFile(join(corpusDir, 'rahasia-redaksi.jsonl'), '{"id": "rusak", "title": \n');
    expect(embedsOf(await reloaded(korpus('muat-ulang', 'owner')))[0]!.title).toBe('Korpus dimuat ulang');
    const brokenField = async (user: Who, where: Omit<CommandTarget, 'subcommand' | 'user'> = {}): Promise<string> => {
      const reply = await korpus('status', user, where).reply();
      expect(isEphemeral(reply)).toBe(true);
      return embedsOf(reply)[0]!.fields!.find((f) => f.name === 'Berkas bermasalah')!.value;
    };
    for (const admin of ['owner', 'trusted'] as const) expect(await brokenField(admin)).toContain('`rahasia-redaksi.jsonl:1`');
    for (const [user, where] of [
      ['member', {}],
      ['owner', { guild: ownServer, serverOwner: true }],
    ] as const) {
      const field = await brokenField(user, where);
      expect(field).toMatch(/^\d+ berkas dilewati\. Daftarnya hanya untuk admin korpus\.$/);
      expect(field).not.toContain('rahasia');
    }
  });
});
