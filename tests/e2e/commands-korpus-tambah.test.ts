// /korpus tambah and /korpus hapus artikel end to end: a local news site and the fake Discord's attachments,
// preview → Simpan → searchable, duplicates, hapus → gone, the journal, and every refusal.
import { cp, mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { SEED_FILES, startNewsSite, type NewsSite } from '../ingest/news-site.ts';
import { componentsOf, embedsOf } from './commands-fixtures.ts';
import { isEphemeral, startHarness, type DiscordMessage, type Harness, type OptionValue } from './harness.ts';

const seedsDir = fileURLToPath(new URL('../../seeds/', import.meta.url));

let h: Harness;
let site: NewsSite;
let corpusDir: string;

beforeAll(async () => {
  site = await startNewsSite();
  // The seeds without 001 and 004: the pages and files built from those two are new to this corpus.
  corpusDir = await mkdtemp(join(tmpdir(), 'kliping-e2e-tambah-'));
  await cp(seedsDir, corpusDir, { recursive: true, filter: (src) => !src.endsWith(SEED_FILES.jsonld) && !src.endsWith(SEED_FILES.og) });
  h = await startHarness({ corpusDir, env: { FETCH_ALLOW_HOSTS: site.hostPort } });
});
afterAll(async () => {
  await h?.close();
  await site?.close();
  await rm(corpusDir, { recursive: true, force: true });
});
afterEach(() => h.fake.assertClean());

type Who = 'owner' | 'member' | 'trusted' | 'other';
const tambah = (options: Record<string, OptionValue>, user: Who = 'owner') =>
  h.fake.send(h.fake.slash('korpus', options, { subcommand: 'tambah', user }));
const cari = async (kueri: string): Promise<string> => {
  const reply = await h.fake.send(h.fake.slash('cari', { kueri })).reply();
  return embedsOf(reply)[0]?.description ?? reply.content;
};
const inbox = async (): Promise<string[]> => (await readdir(join(corpusDir, 'masuk')).catch(() => [] as string[])).sort();
const journal = async (): Promise<Record<string, unknown>[]> =>
  (await readFile(join(corpusDir, 'masuk', 'jurnal.jsonl'), 'utf8'))
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as Record<string, unknown>);
const field = (message: DiscordMessage, name: string): string => embedsOf(message)[0]!.fields!.find((f) => f.name === name)?.value ?? '';
const buttonId = (message: DiscordMessage, label: string): string => componentsOf(message).find((c) => c.label === label)!.custom_id!;
const press = (message: DiscordMessage, label: string, user: Who = 'owner') =>
  h.fake.send(h.fake.button(buttonId(message, label), { message, user }));

describe('/korpus tambah url', () => {
  it('refuses a member without Manage Server, privately, and writes nothing', async () => {
    const reply = await tambah({ url: `${site.origin}/jsonld` }, 'member').reply();
    expect(isEphemeral(reply)).toBe(true);
    expect(reply.content).toMatch(/Hanya pengelola server/);
    expect(await inbox()).toEqual([]);
  });

  it('wants exactly one of url and berkas', async () => {
    const neither = await tambah({}).reply();
    expect(neither.content).toMatch(/Isi tepat satu/);
    const both = await tambah({ url: `${site.origin}/jsonld`, berkas: h.fake.attachment('a.txt', 'x') }).reply();
    expect(both.content).toMatch(/Isi tepat satu/);
  });

  it('previews a JSON-LD page privately, and only the admin who asked may press Simpan', async () => {
    const preview = await tambah({ url: `${site.origin}/r/2` }).reply((m) => m.embeds.length > 0);
    expect(isEphemeral(preview)).toBe(true);
    expect(embedsOf(preview)[0]!.title).toBe('Pratinjau: AS, Jepang hingga Korsel Kecam Keras Kerja Sama Militer Rusia-Korut');
    expect(field(preview, 'Tanggal')).toBe('Selasa, 25 Juni 2024, 10:01 WIB (metadata)');
    expect(field(preview, 'Penerbit')).toBe('IDXChannel');
    expect(field(preview, 'Penulis')).toBe('Dian Kusumo Hapsari');
    expect(field(preview, 'Asal')).toBe(`${site.origin}/jsonld`);
    expect(field(preview, 'Paragraf pertama')).toMatch(/^Amerika Serikat \(AS\) bersama sekutunya/);
    expect(componentsOf(preview).map((c) => c.label)).toEqual(['Simpan', 'Batal']);
    expect(await inbox()).toEqual([]); // a preview writes nothing

    const stranger = await press(preview, 'Simpan', 'trusted').reply();
    expect(isEphemeral(stranger)).toBe(true);
    expect(stranger.content).toMatch(/Hanya <@\d+>, yang meminta pratinjau ini/);

    const saved = await press(preview, 'Simpan').reply((m) => m.embeds.length > 0);
    const [report] = embedsOf(saved);
    expect(report!.title).toBe('Artikel ditambahkan');
    expect(report!.description).toMatch(
      /Disimpan sebagai `masuk\/2024-06-25-as-jepang-hingga-korsel-kecam-keras-kerja-sama-militer-rusia-[0-9a-f]{8}\.md`/,
    );
    expect(report!.description).toContain('Artikel: 3 → 4');
    expect(componentsOf(saved)).toEqual([]);

    const found = await cari('Korsel kecam kerja sama militer');
    expect(found).toContain('AS, Jepang hingga Korsel Kecam Keras Kerja Sama Militer Rusia-Korut');
    expect(found).toContain('IDXChannel');
    expect(found).toContain('Selasa, 25 Juni 2024');

    // A second press of the same preview finds it used up.
    const again = await press(preview, 'Simpan').reply();
    expect(again.content).toMatch(/kedaluwarsa atau sudah dipakai/);
  });

  it('reports an article already in the corpus (the same text) and adds nothing', async () => {
    const before = await inbox();
    const reply = await tambah({ url: `${site.origin}/polos` }).reply((m) => m.content !== '');
    expect(reply.content).toMatch(/^Sudah ada di korpus/);
    expect(reply.content).toContain(SEED_FILES.polos.replace('.txt', ''));
    expect(await inbox()).toEqual(before);
  });

  it('reports the same page asked again by its url', async () => {
    const reply = await tambah({ url: `${site.origin}/jsonld` }).reply((m) => m.content !== '');
    expect(reply.content).toMatch(/^Sudah ada di korpus/);
  });

  it.each([
    ['/pdf', /bukan halaman teks \(jenisnya `application\/pdf`\)/],
    ['/besar', /Terlalu besar: batasnya 5 MB/],
    ['/kosong', /Tidak ada teks artikel/],
    ['/r/6', /dialihkan lebih dari 5 kali/],
  ])('refuses %s with a clear reason, writing nothing', async (path, reason) => {
    const before = await inbox();
    const reply = await tambah({ url: `${site.origin}${path}` }).reply((m) => m.content !== '');
    expect(isEphemeral(reply)).toBe(true);
    expect(reply.content).toMatch(reason);
    expect(await inbox()).toEqual(before);
  });

  it('refuses a private address (the cloud metadata service)', async () => {
    const reply = await tambah({ url: 'http://169.254.169.254/latest/meta-data/' }).reply((m) => m.content !== '');
    expect(reply.content).toMatch(/menuju jaringan lokal atau khusus \(169\.254\.169\.254\)/);
  });

  it('cancels with Batal, writing nothing but the journal line', async () => {
    const before = await inbox();
    const preview = await tambah({ url: `${site.origin}/og` }).reply((m) => m.embeds.length > 0);
    const cancelled = await press(preview, 'Batal').reply((m) => m.content !== '');
    expect(cancelled.content).toBe('Dibatalkan; tidak ada yang disimpan.');
    expect(await inbox()).toEqual(before);
  });
});

describe('/korpus tambah berkas', () => {
  it('adds an attachment served by the fake CDN: preview, Simpan, then /cari finds it', async () => {
    const bytes = await readFile(join(seedsDir, SEED_FILES.og));
    const upload = h.fake.attachment('../../kiriman saya.txt', bytes, 'text/plain; charset=utf-8');
    const preview = await tambah({ berkas: upload }, 'trusted').reply((m) => m.embeds.length > 0);
    expect(field(preview, 'Tanggal')).toBe('Sabtu, 15 Juni 2024, 12:30 WIB (baris penulis)');
    expect(field(preview, 'Penerbit')).toBe('Kompas TV');
    expect(field(preview, 'Sumber berita')).toBe('The Guardian');
    expect(field(preview, 'Asal')).toBe('berkas `../../kiriman saya.txt`');
    const saved = await press(preview, 'Simpan', 'trusted').reply((m) => m.embeds.length > 0);
    expect(embedsOf(saved)[0]!.description).toMatch(
      /Disimpan sebagai `masuk\/2024-06-15-as-ketakutan-vladimir-putin-[a-z-]+-[0-9a-f]{8}\.txt`/,
    );
    // The user's file name never became a path: the only new file is the bot-named one, inside masuk/.
    expect((await inbox()).filter((f) => f.endsWith('.txt'))).toHaveLength(1);
    const found = await cari('Putin ketakutan Pyongyang');
    expect(found).toContain('AS Ketakutan Vladimir Putin Akan Bertemu Kim Jong-Un');
    expect(found).toContain('Kompas TV');
  });

  it('previews a .jsonl with its count and first three titles', async () => {
    const lines = [1, 2, 3, 4].map((n) =>
      JSON.stringify({
        id: `uji-${n}`,
        title: `Pasar ikan ${n} dibuka`,
        date: '2024-06-1' + n,
        source: 'kompas.com',
        body: `Pasar ikan nomor ${n} dibuka pagi ini oleh wali kota.`,
      }),
    );
    const preview = await tambah({ berkas: h.fake.attachment('kumpulan.jsonl', lines.join('\n')) }, 'trusted').reply(
      (m) => m.embeds.length > 0,
    );
    expect(field(preview, '4 artikel')).toBe('1. Pasar ikan 1 dibuka\n2. Pasar ikan 2 dibuka\n3. Pasar ikan 3 dibuka');
    await press(preview, 'Batal', 'trusted').reply((m) => m.content !== '');
  });

  it.each([
    ['foto.png', Buffer.from([0x89, 0x50, 0x4e, 0x47]), /Jenis berkas `.png` tidak didukung/],
    ['biner.txt', Buffer.from([0x41, 0x00, 0x42]), /Berkas itu biner/],
    ['kosong.md', Buffer.from('   \n'), /Tidak ada teks artikel/],
  ])('refuses %s with a clear reason, writing nothing', async (name, bytes, reason) => {
    const before = await inbox();
    const reply = await tambah({ berkas: h.fake.attachment(name, bytes) }, 'trusted').reply((m) => m.content !== '');
    expect(reply.content).toMatch(reason);
    expect(await inbox()).toEqual(before);
  });
});

describe('/korpus hapus artikel', () => {
  const hapus = (artikel: string, user: Who = 'owner') =>
    h.fake.send(h.fake.slash('korpus', { artikel }, { group: 'hapus', subcommand: 'artikel', user }));

  it('suggests articles by title, those added through masuk/ first', async () => {
    const run = h.fake.send(
      h.fake.autocomplete('korpus', { artikel: 'korsel kecam' }, 'artikel', { group: 'hapus', subcommand: 'artikel', user: 'owner' }),
    );
    const [first] = await run.choices();
    expect(first!.name).toMatch(/^AS, Jepang hingga Korsel Kecam Keras Kerja Sama Militer Rusia-Korut · 2024-06-25$/);
    expect(String(first!.value)).toMatch(/^masuk\/2024-06-25-/);
  });

  it('says an article from another file is read-only', async () => {
    const reply = await hapus(SEED_FILES.polos.replace('.txt', '')).reply();
    expect(reply.content).toMatch(/hanya bisa diubah di folder korpus/);
  });

  it('moves an added article to masuk/.sampah/ and /cari no longer finds it', async () => {
    const [choice] = await h.fake
      .send(h.fake.autocomplete('korpus', { artikel: 'korsel kecam' }, 'artikel', { group: 'hapus', subcommand: 'artikel', user: 'owner' }))
      .choices();
    const id = String(choice!.value);
    const member = await hapus(id, 'member').reply();
    expect(member.content).toMatch(/Hanya pengelola server/);
    const reply = await hapus(id).reply((m) => m.embeds.length > 0);
    const [report] = embedsOf(reply);
    expect(report!.title).toBe('Artikel dihapus');
    expect(report!.description).toContain(`dipindah ke \`masuk/.sampah/${id.slice('masuk/'.length)}.md\``);
    expect(await readdir(join(corpusDir, 'masuk', '.sampah'))).toEqual([`${id.slice('masuk/'.length)}.md`]);
    expect(await cari('Korsel kecam kerja sama militer')).not.toContain('AS, Jepang hingga Korsel Kecam Keras');
  });

  it('journals every tambah, hapus and muat-ulang: who, when, what, result', async () => {
    await h.fake.send(h.fake.slash('korpus', {}, { subcommand: 'muat-ulang', user: 'owner' })).reply((m) => m.embeds.length > 0);
    const entries = await journal();
    const summary = entries.map((e) => `${String(e.action)}:${String((e.result as { status: string }).status)}`);
    expect(summary).toEqual(
      expect.arrayContaining([
        'tambah:disimpan',
        'tambah:sudah-ada',
        'tambah:ditolak',
        'tambah:dibatalkan',
        'hapus:dihapus',
        'muat-ulang:swapped',
      ]),
    );
    for (const entry of entries) {
      expect(entry.at).toMatch(/^\d{4}-\d{2}-\d{2}T/);
      expect(entry.by).toMatch(/^\d{17,20}$/);
    }
    // The journal itself is never read as articles.
    const status = await h.fake.send(h.fake.slash('korpus', {}, { subcommand: 'status', user: 'owner' })).reply();
    expect(field(status, 'Berkas bermasalah')).toBe('Tidak ada berkas bermasalah.');
  });
});

describe('rate limit', () => {
  it('allows 10 additions a minute per admin, then says when to try again, writing nothing', async () => {
    const before = await inbox();
    const replies: string[] = [];
    for (let i = 0; i < 11; i++) replies.push((await tambah({ url: 'ftp://contoh.id/berita' }, 'trusted').reply()).content);
    const limited = replies.map((r) => /Batas 10 penambahan per menit tercapai\. Coba lagi <t:\d+:R>/.test(r));
    // Earlier tests used part of this admin's minute: the first refusals name the scheme, then every one is the limit.
    expect(replies[0]).toMatch(/Hanya alamat `http:\/\/` atau `https:\/\/`/);
    expect(limited.at(-1)).toBe(true);
    expect(limited.slice(limited.indexOf(true)).every(Boolean)).toBe(true);
    expect(await inbox()).toEqual(before);
  });
});
