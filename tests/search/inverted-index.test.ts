import { describe, expect, it } from 'vitest';
import { stem } from '../../src/search/analyzer.ts';
import { bodyCount, buildIndex, titleCount } from '../../src/search/inverted-index.ts';
import { TermTable } from '../../src/search/term-table.ts';
import { article } from './fixtures.ts';

describe('buildIndex', () => {
  it('keeps every written form apart however many there are (the form table grows past 32,768)', async () => {
    // 40,000 distinct forms, each twice: in its own article's title and once more in the next one's body
    const words = Array.from({ length: 40_000 }, (_, i) => `kata${i.toString(36)}x`);
    const articles = Array.from({ length: 400 }, (_, a) =>
      article({
        id: `a${a}`,
        title: words.slice(a * 100, a * 100 + 100).join(' '),
        paragraphs: [words.slice(((a + 1) % 400) * 100, ((a + 1) % 400) * 100 + 100).join(' ') + '.'],
      }),
    );
    const index = await buildIndex(articles);
    expect(index.surface.terms).toHaveLength(40_000);
    for (const i of [0, 99, 100, 32_767, 32_768, 39_999]) {
      const id = index.surface.ids.get(words[i]!)!;
      const postings = Array.from(index.surface.docs.subarray(index.surface.offsets[id]!, index.surface.offsets[id + 1]!));
      const owner = Math.floor(i / 100);
      expect(
        postings.sort((x, y) => x - y),
        words[i],
      ).toEqual([owner, (owner + 399) % 400].sort((x, y) => x - y));
    }
  });

  it('counts a form the same whether met in a title or a body, in any case and spelling', async () => {
    const index = await buildIndex([
      article({ id: 'a', title: 'Banjir BANJIR banjir', paragraphs: ['Banjir melanda. Kebanjiran lagi, banjir-banjir datang.'] }),
    ]);
    const stem = index.stems.ids.get('banjir')!;
    const packed = index.stems.counts[index.stems.offsets[stem]!]!;
    expect(titleCount(packed)).toBe(3);
    expect(bodyCount(packed)).toBe(3); // Banjir, kebanjiran, banjir-banjir (one stem)
    expect(index.surface.ids.has('banjir-banjir')).toBe(true);
    expect(index.surface.ids.has('kebanjiran')).toBe(true);
  });

  it("gives each word the analyzer's stem, whether met first whole or as the half of a hyphenated word", async () => {
    const index = await buildIndex([
      article({
        id: 'a',
        title: 'Pemerintah-daerah mengecam',
        paragraphs: ['Pemerintah daerah dan pemerintah-pusat mengecam kecaman itu. Jawa-Bali, lalu jawa dan Bali.'],
      }),
    ]);
    expect(index.surface.ids.has('pemerintah')).toBe(true);
    index.surface.terms.forEach((term, id) => expect(index.stems.terms[index.surfaceStem[id]!], term).toBe(stem(term)));
  });

  it('looks its terms up in the same compact table as an index read from the cache', async () => {
    const index = await buildIndex([article({ id: 'a', title: 'Banjir', paragraphs: ['Banjir melanda.'] })]);
    expect(index.surface.ids).toBeInstanceOf(TermTable);
    expect(index.stems.ids).toBeInstanceOf(TermTable);
  });
});
