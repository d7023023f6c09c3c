// /korpus muat-ulang with the real bot: who may reload, what the report says, a reload refused while one runs,
// a broken file reported and skipped, and searches answered throughout a reload.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isEphemeral, startHarness, type DiscordMessage, type Harness } from './harness.ts';

let h: Harness;

beforeEach(async () => {
  h = await startHarness({ gateReloads: true });
});

afterEach(async () => {
  try {
    h.fake.assertClean();
  } finally {
    await h.close();
  }
});

type Who = 'owner' | 'member' | 'other' | 'trusted';

function reload(user: Who) {
  return h.fake.send(h.fake.slash('korpus', {}, { subcommand: 'muat-ulang', user }));
}

function text(message: DiscordMessage): string {
  return [
    message.content,
    ...message.embeds.map((e) =>
      [
        e.title,
        e.description,
        ...((e.fields as { name: string; value: string }[] | undefined) ?? []).flatMap((f) => [f.name, f.value]),
      ].join('\n'),
    ),
  ].join('\n');
}

/** A new article in the corpus's .jsonl form, with a word no seed contains. */
const NEW_ARTICLE = {
  id: 'e2e-zamrud-1',
  title: 'Festival Zamrudwangi digelar di Palembang',
  date: '2024-07-02',
  source: 'contoh.id',
  url: 'https://contoh.id/zamrudwangi',
  body: 'Festival Zamrudwangi digelar di Palembang pada Selasa (2/7/2024).\n\nPanitia menyebut ribuan pengunjung datang untuk melihat kerajinan songket dan kuliner khas Sumatera Selatan.',
};

describe('who may reload', () => {
  it('refuses a member without Manage Server, ephemerally, and reloads nothing', async () => {
    const reply = await reload('member').reply();
    expect(isEphemeral(reply)).toBe(true);
    expect(text(reply)).toMatch(/Manage Server/);
    expect(h.bot.store.lastReload).toBeNull();
  });

  it('lets the server owner reload and reports before/after, changes and duration', async () => {
    const run = reload('owner');
    expect((await run.callback()).type).toBe(5);
    const report = await run.reply();
    expect(isEphemeral(report)).toBe(true);
    const articles = h.bot.store.current.stats.articles;
    expect(text(report)).toContain('Korpus dimuat ulang');
    expect(text(report)).toContain(`Artikel: ${articles} → ${articles}`);
    expect(text(report)).toMatch(/Ditambah: 0[\s\S]*Dihapus: 0[\s\S]*Diubah: 0[\s\S]*Durasi: /);
    expect(h.bot.store.lastReload?.status).toBe('swapped');
  });

  it('lets a user listed in ADMIN_USER_IDS reload without Manage Server', async () => {
    const report = await reload('trusted').reply();
    expect(text(report)).toContain('Korpus dimuat ulang');
    expect(h.bot.store.lastReload?.by).toBe(h.fake.users.trusted.id);
  });
});

describe('reload contents', () => {
  it('adds a new article, reports a broken file by name with its reason, and keeps serving', async () => {
    const before = h.bot.store.current.stats.articles;
    const missing = await h.fake.send(h.fake.slash('cari', { kueri: 'Zamrudwangi' })).reply();
    expect(isEphemeral(missing)).toBe(true); // no result yet

    await writeFile(join(h.corpusDir, 'tambahan.jsonl'), `${JSON.stringify(NEW_ARTICLE)}\n`);
    await writeFile(join(h.corpusDir, 'kosong.txt'), '');
    const report = text(await reload('owner').reply());
    expect(report).toContain(`Artikel: ${before} → ${before + 1}`);
    expect(report).toMatch(/Ditambah: 1/);
    expect(report).toMatch(/kosong\.txt[^\n]*— \S/); // the file, then its reason
    expect(h.bot.store.current.errors.map((e) => e.file).join()).toContain('kosong.txt');

    const found = await h.fake.send(h.fake.slash('cari', { kueri: 'Zamrudwangi' })).reply();
    expect(isEphemeral(found)).toBe(false);
    expect(text(found)).toContain('Zamrudwangi');

    // The broken file's name is for corpus admins; a member sees the count only.
    const status = await h.fake.send(h.fake.slash('korpus', {}, { subcommand: 'status', user: 'owner' })).reply();
    expect(text(status)).toContain('kosong.txt');
    const memberStatus = await h.fake.send(h.fake.slash('korpus', {}, { subcommand: 'status', user: 'member' })).reply();
    expect(text(memberStatus)).not.toContain('kosong.txt');
  });
});

describe('concurrent reloads', () => {
  it('refuses a second reload while the first runs, then finishes the first', async () => {
    h.reloadGate.hold();
    const first = reload('owner');
    await h.reloadGate.reached();

    const second = await reload('trusted').reply();
    expect(isEphemeral(second)).toBe(true);
    expect(text(second)).toMatch(/sedang berjalan/);

    h.reloadGate.release();
    expect(text(await first.reply())).toContain('Korpus dimuat ulang');
    expect(h.bot.store.lastReload?.by).toBe(h.fake.users.owner.id);
  });

  it('answers all of 50 searches sent while a reload runs, from the old corpus, then swaps', async () => {
    await writeFile(join(h.corpusDir, 'tambahan.jsonl'), `${JSON.stringify(NEW_ARTICLE)}\n`);
    h.reloadGate.hold();
    const reloading = reload('owner');
    await h.reloadGate.reached();

    const users: Who[] = ['member', 'other', 'owner', 'trusted'];
    const searches = Array.from({ length: 50 }, (_, i) =>
      h.fake.send(h.fake.slash('cari', { kueri: i % 2 === 0 ? 'Putin' : 'Zamrudwangi' }, { user: users[i % users.length] })),
    );
    const replies = await Promise.all(searches.map((run) => run.reply()));
    expect(replies).toHaveLength(50);
    replies.forEach((reply, i) => {
      // Until the swap the old corpus serves: the seeds know Putin, not the new article.
      if (i % 2 === 0) expect(reply.embeds.length, `search #${i}`).toBeGreaterThan(0);
      else expect(isEphemeral(reply), `search #${i}`).toBe(true);
    });
    expect(h.bot.store.running).not.toBeNull();

    h.reloadGate.release();
    expect(text(await reloading.reply())).toMatch(/Ditambah: 1/);
    const after = await h.fake.send(h.fake.slash('cari', { kueri: 'Zamrudwangi' })).reply();
    expect(text(after)).toContain('Zamrudwangi');
  });
});
