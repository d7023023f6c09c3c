import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/corpus/load.ts';
import { normalizeWord, scanWords } from '../../src/search/analyzer.ts';
import { affixedForms, seededRandom, synthQueries, typo } from '../../scripts/synth-queries.ts';
import { article } from './fixtures.ts';

const wordsOf = (text: string) => {
  const words: string[] = [];
  scanWords(text, (start, end) => words.push(normalizeWord(text.slice(start, end))));
  return words;
};

/** Optimal string alignment distance (insert, delete, substitute, swap of neighbours). */
function editDistance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
    }
  }
  return d[a.length]![b.length]!;
}

describe('synthetic known-item queries', () => {
  it('are the same for the same seed and differ for another', async () => {
    const { articles } = await loadCorpus('seeds');
    const first = synthQueries(articles, { seed: 7, n: 40 });
    expect(synthQueries(articles, { seed: 7, n: 40 })).toEqual(first);
    expect(synthQueries(articles, { seed: 8, n: 40 })).not.toEqual(first);
    expect(first.map((q) => q.qid)).toEqual(first.map((_, i) => `syn-7-${i}`));
  });

  it('take two to four words of the target title; a typo is one edit from a title word', async () => {
    const { articles } = await loadCorpus('seeds');
    const byId = new Map(articles.map((a) => [a.id, a]));
    const queries = synthQueries(articles, { seed: 3, n: 200, morphRate: 0.5, typoRate: 0.5 });
    expect(queries).toHaveLength(200);
    for (const q of queries) {
      const title = new Set(wordsOf(byId.get(q.target_id)!.title));
      const words = q.query.split(' ');
      expect(words.length).toBeGreaterThanOrEqual(2);
      expect(words.length).toBeLessThanOrEqual(4);
      const foreign = words.filter((w) => !title.has(w));
      expect(foreign.length, q.query).toBeLessThanOrEqual(q.kinds.length);
      if (q.kinds.length === 0) expect(foreign).toEqual([]);
      if (q.kinds.length === 1 && q.kinds[0] === 'typo') {
        for (const w of foreign) expect(Math.min(...[...title].map((t) => editDistance(w, t))), q.query).toBe(1);
      }
    }
    expect(queries.some((q) => q.kinds.includes('typo'))).toBe(true);
  });

  it('replace a word by another form of its root only when the corpus writes that form', () => {
    const articles = [
      article({ id: 'a', title: 'Warga Kecam Rencana Tambang Pasir', paragraphs: ['Kecaman datang dari warga.', 'Kecaman itu keras.'] }),
      article({ id: 'b', title: 'Harga Cabai Naik di Pasar Induk', paragraphs: ['Pedagang mengeluh.'] }),
    ];
    const queries = synthQueries(articles, { seed: 1, n: 300, morphRate: 1, typoRate: 0 });
    const morphed = queries.filter((q) => q.kinds.includes('morph'));
    expect(morphed.length).toBeGreaterThan(0);
    for (const q of morphed) expect(q.target_id).toBe('a');
    expect(new Set(morphed.flatMap((q) => q.query.split(' ').filter((w) => !wordsOf(articles[0]!.title).includes(w))))).toEqual(
      new Set(['kecaman']),
    );
  });
});

describe('affix rules and typos', () => {
  it('make the meN-, di-, peN-…-an, ke-…-an and suffixed forms of a root', () => {
    expect(affixedForms('kecam')).toEqual(expect.arrayContaining(['mengecam', 'dikecam', 'kecaman', 'pengecaman']));
    expect(affixedForms('pukul')).toContain('memukul');
    expect(affixedForms('tulis')).toEqual(expect.arrayContaining(['menulis', 'penulis', 'tulisan', 'dituliskan']));
    expect(affixedForms('sapu')).toContain('menyapu');
    expect(affixedForms('kunjung')).toEqual(expect.arrayContaining(['mengunjungi', 'berkunjung', 'kunjungan']));
    expect(affixedForms('senjata')).toContain('persenjataan');
    expect(affixedForms('aman')).toContain('keamanan');
    expect(affixedForms('bom')).toContain('mengebom');
    expect(affixedForms('kecam')).not.toContain('kecam');
  });

  it('make exactly one edit, deterministically', () => {
    const random = seededRandom(42);
    const again = seededRandom(42);
    for (const word of ['jakarta', 'kecaman', 'usia', 'persenjataan']) {
      for (let i = 0; i < 50; i++) {
        const slipped = typo(word, random);
        expect(slipped).toBe(typo(word, again));
        expect(editDistance(slipped, word), `${word} → ${slipped}`).toBe(1);
      }
    }
  });
});
