import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SearchEngine } from '../../src/search/engine.ts';
import { cacheFile, corpusHash, readCachedIndex, writeCachedIndex } from '../../src/search/index-cache.ts';
import { buildIndex } from '../../src/search/inverted-index.ts';
import { article, day } from './fixtures.ts';

const corpus = [
  article({ id: 'a', title: 'Presiden mengecam serangan', date: day('2024-06-20'), paragraphs: ['Serangan di perbatasan dikecam keras.'] }),
  article({ id: 'b', title: 'Banjir melanda Semarang', date: day('2024-06-21'), paragraphs: ['Ribuan warga mengungsi.'] }),
];

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'kliping-cache-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** What a snapshot does on a cold start: build (or read), then write once it keeps the engine. */
async function buildAndWrite(articles: typeof corpus): Promise<SearchEngine> {
  const engine = await SearchEngine.build(articles, { cacheDir: dir });
  engine.writeCache(dir);
  return engine;
}

const ids = (engine: SearchEngine, query: string) => engine.search(query).hits.map((h) => h.articleId);

describe('persisted index', () => {
  it('is never written by a build, only by writeCache', async () => {
    expect((await SearchEngine.build(corpus, { cacheDir: dir })).origin).toBe('built');
    expect(readdirSync(dir)).toEqual([]);
  });

  it('is written on the first build and read, with the same answers, on the next', async () => {
    const cold = await buildAndWrite(corpus);
    expect(cold.origin).toBe('built');
    const warm = await SearchEngine.build(corpus, { cacheDir: dir });
    expect(warm.origin).toBe('cache');
    for (const query of ['kecaman', 'banjir semarang', 'warga', 'mengungsi -banjir']) expect(ids(warm, query)).toEqual(ids(cold, query));
  });

  it('is rebuilt when the corpus changes, and the stale file removed', async () => {
    await buildAndWrite(corpus);
    const changed = [corpus[0]!, { ...corpus[1]!, paragraphs: ['Ribuan warga mengungsi ke masjid.'] }];
    const engine = await buildAndWrite(changed);
    expect(engine.origin).toBe('built');
    expect(ids(engine, 'masjid')).toEqual(['b']);
    expect(readdirSync(dir)).toEqual([cacheFile(dir, corpusHash(changed)).slice(dir.length + 1)]);
  });

  it.each([
    ['a flipped byte', (bytes: Buffer) => ((bytes[bytes.length - 5]! ^= 0xff), bytes), /checksum/],
    ['a truncated file', (bytes: Buffer) => bytes.subarray(0, bytes.length - 100), /checksum|truncated/],
    ['another file entirely', () => Buffer.from('not an index at all'), /not an index file/],
    ['an empty file', () => Buffer.alloc(0), /not an index file/],
  ])('ignores %s and rebuilds', async (_, damage, reason) => {
    await buildAndWrite(corpus);
    const file = cacheFile(dir, corpusHash(corpus));
    writeFileSync(file, damage(readFileSync(file)));
    const engine = await buildAndWrite(corpus);
    expect(engine.origin).toBe('built');
    expect(engine.cacheNote).toMatch(reason);
    expect(ids(engine, 'kecaman')).toEqual(['a']);
    expect((await SearchEngine.build(corpus, { cacheDir: dir })).origin).toBe('cache');
  });

  it('checks the structure even when the checksum is right', async () => {
    const index = await buildIndex(corpus);
    index.stems.docs[0] = 99; // a posting for a document the corpus does not have
    const hash = corpusHash(corpus);
    writeCachedIndex(dir, hash, index);
    expect(readCachedIndex(dir, hash, corpus.length).reason).toMatch(/beyond the corpus/);
  });

  it('rejects an index built for another number of documents', async () => {
    const hash = corpusHash(corpus);
    writeCachedIndex(dir, hash, await buildIndex(corpus));
    expect(readCachedIndex(dir, hash, 3).reason).toMatch(/document count/);
  });
});
