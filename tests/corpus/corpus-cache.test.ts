import { readdirSync, readFileSync, renameSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openCorpus, type OpenedCorpus } from '../../src/corpus/corpus-cache.ts';
import { loadCorpus } from '../../src/corpus/load.ts';
import { plainArticle } from '../../src/corpus/text-file.ts';
import type { LoadResult } from '../../src/corpus/types.ts';
import { jsonlLine } from './fixtures.ts';

let dir: string;
let cacheDir: string;
const opened: OpenedCorpus[] = [];
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kliping-parse-cache-'));
  cacheDir = await mkdtemp(join(tmpdir(), 'kliping-parse-cache-dir-'));
});
afterEach(async () => {
  for (const corpus of opened.splice(0)) corpus.close();
  await rm(dir, { recursive: true, force: true });
  await rm(cacheDir, { recursive: true, force: true });
});

/** An hour ago, plus `seconds`: older than the cache's racy window, so an entry may be reused. */
const past = (seconds = 0): Date => new Date(Date.now() - 3_600_000 + seconds * 1000);

async function put(name: string, content: string | Uint8Array, at = past()): Promise<void> {
  await mkdir(join(dir, name, '..'), { recursive: true });
  await writeFile(join(dir, name), content);
  utimesSync(join(dir, name), at, at);
}

const page = (title: string, body: string): string => [title, '', 'Rabu, 19 Juni 2024 08:00 WIB', '', body].join('\n');

async function fixture(): Promise<void> {
  await put(
    'a.txt',
    page('Banjir Rendam Bekasi', 'Bekasi, Kompas.com - Banjir merendam ratusan rumah warga di Bekasi sejak Selasa malam.'),
  );
  await put('sub/b.md', '---\ntitle: Harga Beras Naik\nid: beras-1\n---\n\nHarga beras naik di pasar induk pada pekan ini.\n');
  await put(
    'sub/salinan.txt',
    page('Banjir Rendam Bekasi', 'Bekasi, Kompas.com - Banjir merendam ratusan rumah warga di Bekasi sejak Selasa malam.'),
  );
  await put('rusak.txt', new Uint8Array([0x89, 0x50, 0x00, 0x0a]));
  await put('catatan.pdf', 'bukan korpus');
  await put(
    'bulk.jsonl',
    `${[jsonlLine('j1', 'Isi berita j1.'), '{"id": "rusak"', jsonlLine('j2', 'Isi berita j2.\n\nParagraf dua.')].join('\n')}\n`,
  );
}

async function open(): Promise<OpenedCorpus> {
  const corpus = await openCorpus(dir, { cacheDir });
  opened.push(corpus);
  return corpus;
}

/** What a load gives, text included: a cached open must give exactly what a cold load gives. */
const contentOf = (load: LoadResult) => ({
  articles: load.articles.map((a) => ({ ...plainArticle(a) })),
  errors: load.errors,
  warnings: load.warnings,
});

async function expectSameAsColdLoad(corpus: OpenedCorpus): Promise<void> {
  expect(contentOf(corpus)).toEqual(contentOf(await loadCorpus(dir)));
}

describe('openCorpus: the parse cache', () => {
  it('gives what a cold load gives, then reads no file on the next open', async () => {
    await fixture();
    const cold = await open();
    expect(cold.cache).toEqual({ reused: 0, parsed: 6, note: 'no cached parse cache' });
    await expectSameAsColdLoad(cold);
    expect(cold.articles.map((a) => a.id)).toEqual(['a', 'j1', 'j2', 'beras-1']);
    expect(cold.errors.map((e) => [e.file, e.problem.kind])).toEqual([
      ['bulk.jsonl', 'bad-json'],
      ['rusak.txt', 'binary'],
    ]);
    expect(cold.warnings.map((w) => [w.file, w.problem.kind])).toEqual([
      ['catatan.pdf', 'unsupported'],
      ['sub/salinan.txt', 'duplicate'],
    ]);
    cold.persist();

    const warm = await open();
    expect(warm.cache).toEqual({ reused: 6, parsed: 0 });
    await expectSameAsColdLoad(warm);
    expect(Object.keys(warm.articles[0]!)).not.toContain('paragraphs'); // read from the cache's text file when asked
  });

  it('parses again only what was touched, edited, added or removed', async () => {
    await fixture();
    (await open()).persist();

    utimesSync(join(dir, 'a.txt'), past(5), past(5)); // touched: same content, new times
    await put('sub/b.md', '---\ntitle: Harga Beras Turun\nid: beras-1\n---\n\nHarga beras turun di pasar induk.\n', past(7));
    await put('baru.txt', page('Gempa Ambon', 'Ambon, Antara - Gempa bermagnitudo 6,8 mengguncang Ambon pada Kamis pagi.'));
    await rm(join(dir, 'catatan.pdf'));
    const next = await open();
    expect(next.cache).toEqual({ reused: 3, parsed: 3 });
    await expectSameAsColdLoad(next);
    expect(next.articles.find((a) => a.id === 'beras-1')?.title).toBe('Harga Beras Turun');
    next.persist();

    await rm(join(dir, 'baru.txt'));
    const after = await open();
    expect(after.cache).toEqual({ reused: 5, parsed: 0 });
    await expectSameAsColdLoad(after);
  });

  it('a .jsonl file is one entry: a line edited parses the file again', async () => {
    await fixture();
    (await open()).persist();
    await put(
      'bulk.jsonl',
      `${[jsonlLine('j1', 'Isi berita j1 diperbarui.'), jsonlLine('j2', 'Isi berita j2.\n\nParagraf dua.')].join('\n')}\n`,
      past(9),
    );
    const next = await open();
    expect(next.cache).toEqual({ reused: 5, parsed: 1 });
    await expectSameAsColdLoad(next);
    expect(next.articles.find((a) => a.id === 'j1')?.paragraphs).toEqual(['Isi berita j1 diperbarui.']);
    expect(next.errors.filter((e) => e.file === 'bulk.jsonl')).toEqual([]);
  });

  it('never reuses a file modified within the racy window, whose next change its times may not show', async () => {
    await fixture();
    await put('a.txt', page('Banjir Rendam Bekasi', 'Isi baru yang baru saja ditulis.'), new Date());
    (await open()).persist();
    expect((await open()).cache).toEqual({ reused: 5, parsed: 1 });
  });

  it('ignores a damaged cache with the reason, and parses everything', async () => {
    await fixture();
    (await open()).persist();
    const [index] = readdirSync(cacheDir).filter((name) => name.endsWith('.bin'));
    const bytes = readFileSync(join(cacheDir, index!));
    bytes[bytes.length - 5]! ^= 0xff;
    writeFileSync(join(cacheDir, index!), bytes);
    const damaged = await open();
    expect(damaged.cache).toEqual({ reused: 0, parsed: 6, note: 'cached parse cache ignored: checksum mismatch' });
    await expectSameAsColdLoad(damaged);
    damaged.persist();
    expect((await open()).cache).toMatchObject({ reused: 6 });
  });

  it('ignores an index whose text file is missing, cut or from another write', async () => {
    await fixture();
    (await open()).persist();
    const [text] = readdirSync(cacheDir).filter((name) => name.endsWith('.txt'));
    const path = join(cacheDir, text!);
    const original = readFileSync(path);

    writeFileSync(path, original.subarray(0, original.length - 1));
    expect((await open()).cache.note).toBe('cached parse cache ignored: text file size differs');
    const other = Buffer.from(original);
    other[10]! ^= 0xff; // the token the index names
    writeFileSync(path, other);
    expect((await open()).cache.note).toBe('cached parse cache ignored: text file from another write');
    await rm(path);
    expect((await open()).cache.note).toBe('cached parse cache ignored: text file unreadable (ENOENT)');
  });

  it('an old corpus keeps reading its text while a newer cache is written over the file it opened', async () => {
    await fixture();
    (await open()).persist();
    const serving = await open(); // reads its text from the cache's text file
    expect(serving.cache.reused).toBe(6);
    const before = contentOf(serving);

    await put('a.txt', page('Banjir Surut', 'Bekasi, Kompas.com - Banjir mulai surut pada Kamis siang.'), past(11));
    const next = await open();
    next.persist(); // a new text file renamed over the old one's name
    const [text] = readdirSync(cacheDir).filter((name) => name.endsWith('.txt'));
    expect(readFileSync(join(cacheDir, text!)).includes('Banjir mulai surut')).toBe(true);

    expect(contentOf(serving)).toEqual(before);
    expect(contentOf(next).articles.find((a) => a.id === 'a')?.paragraphs).toEqual(['Banjir mulai surut pada Kamis siang.']);
  });

  it('writes nothing until persist, and nothing when the cache already holds the load', async () => {
    await fixture();
    const first = await open();
    expect(readdirSync(cacheDir)).toEqual([]);
    first.persist();
    const written = readdirSync(cacheDir).map((name) => [name, readFileSync(join(cacheDir, name))]);
    (await open()).persist();
    expect(readdirSync(cacheDir).map((name) => [name, readFileSync(join(cacheDir, name))])).toEqual(written);
  });

  it('the same folder reached through a symbolic link is the same corpus', async () => {
    await fixture();
    (await open()).persist();
    const link = `${dir}-tautan`;
    symlinkSync(dir, link);
    try {
      const linked = await openCorpus(link, { cacheDir });
      opened.push(linked);
      expect(linked.cache).toEqual({ reused: 6, parsed: 0 });
    } finally {
      await rm(link);
    }
  });

  it('a corpus moved to another folder is another corpus: parsed again', async () => {
    await fixture();
    (await open()).persist();
    const moved = `${dir}-pindah`;
    renameSync(dir, moved);
    dir = moved;
    expect((await open()).cache).toEqual({ reused: 0, parsed: 6, note: 'no cached parse cache' });
  });
});
