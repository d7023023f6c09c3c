import { beforeAll, describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/corpus/load.ts';
import type { Article } from '../../src/corpus/types.ts';
import { SearchEngine } from '../../src/search/engine.ts';
import { article, day } from './fixtures.ts';

let seeds: Article[];
beforeAll(async () => {
  seeds = (await loadCorpus('seeds')).articles;
});

const ADDED = [
  article({
    id: 'baru-1',
    title: 'Latihan Militer Gabungan di Laut Natuna',
    publisher: 'Kabar Pesisir',
    origin: 'Kantor Berita Natuna',
    date: day('2024-07-01'),
    paragraphs: ['TNI menggelar latihan militer gabungan bersama Korea Selatan.', 'Juru bicara TNI menyebut latihan rutin.'],
  }),
  article({
    id: 'baru-2',
    title: 'Harga Cabai Naik Menjelang Lebaran',
    date: day('2024-07-02'),
    paragraphs: ['Pedagang pasar mengeluh harga cabai rawit naik dua kali lipat.'],
  }),
];

const QUERIES = [
  'latihan militer',
  'Siapa juru bicara Kremlin',
  'korea utara rusia',
  'harga cabai',
  'kecaman',
  'pyongayng',
  '"kerja sama"',
];

type Ranked = { id: string; score: number }[];
const ranked = (engine: SearchEngine, query: string, opts = {}): Ranked =>
  engine.search(query, { limit: 20, ...opts }).hits.map((h) => ({ id: h.articleId, score: h.score }));

/** Same ids in the same order, scores equal to float precision. */
function expectSameRanking(actual: Ranked, expected: Ranked, query: string): void {
  expect(
    actual.map((h) => h.id),
    query,
  ).toEqual(expected.map((h) => h.id));
  actual.forEach((h, i) => expect(h.score, `${query} #${i}`).toBeCloseTo(expected[i]!.score, 3));
}

/** Same ids; any two whose expected scores differ by more than 1 % come in the expected order. */
function expectSameOrderBeyondTies(actual: Ranked, expected: Ranked, query: string): void {
  expect(actual.map((h) => h.id).sort(), query).toEqual(expected.map((h) => h.id).sort());
  const at = new Map(actual.map((h, i) => [h.id, i]));
  for (const a of expected)
    for (const b of expected)
      if (a.score > b.score * 1.01) expect(at.get(a.id)!, `${query}: ${a.id} before ${b.id}`).toBeLessThan(at.get(b.id)!);
}

describe('engine.extend', () => {
  it('serves old and new articles exactly as a full rebuild does, and leaves the old engine unchanged', async () => {
    const base = await SearchEngine.build(seeds);
    const extended = await base.extend(ADDED);
    const rebuilt = await SearchEngine.build([...seeds, ...ADDED]);
    for (const query of QUERIES) expectSameRanking(ranked(extended, query), ranked(rebuilt, query), query);
    expect(extended.size).toBe(seeds.length + 2);
    expect(base.size).toBe(seeds.length);
    expect(base.article('baru-1')).toBeUndefined();
    expect(ranked(base, 'harga cabai')).toEqual([]);
    expect(extended.search('latihan militer').hits[0]?.articleId).toBe('baru-1');
  });

  it('replaces an article whose id is already served; the rest ranks as a rebuild does', async () => {
    const base = await SearchEngine.build([...seeds, ...ADDED]);
    const replacement = { ...ADDED[1]!, title: 'Harga Bawang Turun', paragraphs: ['Pedagang pasar lega harga bawang merah turun.'] };
    const extended = await base.extend([replacement]);
    const rebuilt = await SearchEngine.build([...seeds, ADDED[0]!, replacement]);
    expect(extended.size).toBe(rebuilt.size);
    expect(extended.article('baru-2')?.title).toBe('Harga Bawang Turun');
    expect(ranked(extended, 'cabai')).toEqual([]);
    expect(ranked(extended, 'bawang').map((h) => h.id)).toEqual(['baru-2']);
    // the replaced text still counts in document frequencies until a rebuild (as Lucene's deletes do):
    // scores only nearly agree, so orders agree but for near-ties
    for (const query of QUERIES) expectSameOrderBeyondTies(ranked(extended, query), ranked(rebuilt, query), query);
    expect(base.article('baru-2')?.title).toBe(ADDED[1]!.title);
  });

  it('keeps the last of equal ids in one batch, and merges small segments without changing results', async () => {
    let engine = await SearchEngine.build(seeds);
    const all: Article[] = [...seeds];
    for (let i = 0; i < 7; i++) {
      const added = article({ id: `seri-${i % 3}`, title: `Gempa Susulan ke-${i} di Cianjur`, paragraphs: [`Gempa susulan ${i} terasa.`] });
      engine = await engine.extend([added, { ...added, title: `Gempa Susulan Kuat ke-${i} di Cianjur` }]);
      const at = all.findIndex((a) => a.id === added.id);
      if (at !== -1) all.splice(at, 1);
      all.push({ ...added, title: `Gempa Susulan Kuat ke-${i} di Cianjur` });
    }
    expect(engine.size).toBe(seeds.length + 3);
    const rebuilt = await SearchEngine.build(all);
    expect(ranked(engine, 'gempa susulan kuat').map((h) => h.id)).toEqual(ranked(rebuilt, 'gempa susulan kuat').map((h) => h.id));
    expect(engine.article('seri-0')?.title).toBe('Gempa Susulan Kuat ke-6 di Cianjur');
  });

  it('knows new sources, titles and words in filters, autocomplete and matchArticles', async () => {
    const extended = await (await SearchEngine.build(seeds)).extend(ADDED);
    expect(extended.sources('kabar').map((s) => s.name)).toEqual(['Kabar Pesisir']);
    expect(ranked(extended, 'latihan', { source: 'kabar pesisir' }).map((h) => h.id)).toEqual(['baru-1']);
    expect(extended.search('korea', { source: 'Kabar Pesisir' }).hits.map((h) => h.articleId)).toEqual(['baru-1']);
    expect(extended.search('korea', { source: 'kantor berita natuna' }).hits.map((h) => h.articleId)).toEqual(['baru-1']);
    expect(extended.without(new Set(['baru-1'])).search('korea', { source: 'Kantor Berita Natuna' }).hits).toEqual([]);
    expect(extended.suggest('', 2)).toEqual(['Harga Cabai Naik Menjelang Lebaran', 'Latihan Militer Gabungan di Laut Natuna']);
    expect(extended.suggest('cab')).toContain('cabai');
    expect(extended.matchArticles('cabai', 5).map((m) => m.id)).toEqual(['baru-2']);
  });
});

describe('engine.without', () => {
  it('stops serving the removed articles; the old engine keeps them', async () => {
    const base = await (await SearchEngine.build(seeds)).extend(ADDED);
    const kompas = base.search('juru bicara kremlin').hits[0]!.articleId;
    const smaller = base.without(new Set([kompas, 'baru-2', 'tidak-ada']));
    expect(smaller.size).toBe(base.size - 2);
    expect(smaller.article(kompas)).toBeUndefined();
    expect(smaller.article('baru-2')).toBeUndefined();
    expect(ranked(smaller, 'juru bicara kremlin').map((h) => h.id)).not.toContain(kompas);
    expect(ranked(smaller, 'cabai')).toEqual([]);
    expect(smaller.search('kremlin').total).toBe(base.search('kremlin').total - 1);
    expect(base.search('juru bicara kremlin').hits[0]!.articleId).toBe(kompas);
    const rebuilt = await SearchEngine.build([...seeds, ...ADDED].filter((a) => a.id !== kompas && a.id !== 'baru-2'));
    for (const query of QUERIES) {
      expect(
        ranked(smaller, query).map((h) => h.id),
        query,
      ).toEqual(ranked(rebuilt, query).map((h) => h.id));
    }
  });
});
