import { describe, expect, it } from 'vitest';
import { knownVariants, SpellingTable, wordHash } from '../../src/search/typos.ts';

/** Every string one Damerau edit away, built the plain way: the reference the hashed enumeration must equal. */
function editVariants(word: string): Set<string> {
  const letters = 'abcdefghijklmnopqrstuvwxyz';
  const out = new Set<string>();
  for (let i = 0; i <= word.length; i++) {
    for (const c of letters) out.add(word.slice(0, i) + c + word.slice(i));
    if (i === word.length) continue;
    out.add(word.slice(0, i) + word.slice(i + 1));
    for (const c of letters) out.add(word.slice(0, i) + c + word.slice(i + 1));
    if (i + 1 < word.length) out.add(word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2));
  }
  out.delete(word);
  return out;
}

describe('typo candidates', () => {
  it('finds exactly the vocabulary words one edit away, most frequent first', () => {
    const word = 'presiden';
    const near = [...editVariants(word)];
    // every fifth variant is a word of the vocabulary, beside words two or more edits away
    const vocabulary = new Map<string, number>(near.filter((_, i) => i % 5 === 0).map((v, i) => [v, 1 + (i % 7)]));
    for (const far of ['president', 'presidium', 'residen', 'pesiden', 'kota', 'p']) vocabulary.set(far, 100);
    vocabulary.set(word, 50);
    const found = knownVariants(word, [new SpellingTable([...vocabulary.keys()])], (w) => vocabulary.get(w) ?? 0, 10_000);
    const expected = [...vocabulary]
      .filter(([v]) => editVariants(word).has(v))
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
      .map(([v, frequency]) => ({ word: v, frequency }));
    expect(found).toEqual(expected);
    expect(found.map((f) => f.word)).toContain('residen');
    expect(found.map((f) => f.word)).toContain('pesiden');
    expect(found.map((f) => f.word)).not.toContain('presidium');
  });

  it('covers insertions, deletions, substitutions and swaps at both ends, across several tables', () => {
    const word = 'kota';
    const tables = [new SpellingTable(['akota', 'kotas', 'ota', 'kot', 'bota', 'kotu']), new SpellingTable(['okta', 'koat'])];
    const found = knownVariants(word, tables, () => 1, 100).map((f) => f.word);
    expect(found.sort()).toEqual(['akota', 'bota', 'koat', 'kot', 'kotas', 'kotu', 'okta', 'ota']);
    expect(knownVariants(word, [new SpellingTable([])], () => 1, 100)).toEqual([]);
    expect(knownVariants(word, tables, () => 1, 3)).toHaveLength(3);
  });

  it('hashes a word the same whatever table holds it, and a table answers for what it holds', () => {
    const table = new SpellingTable(['gempa', 'banjir']);
    expect(table.mayHold(wordHash('gempa'))).toBe(true);
    expect(table.mayHold(wordHash('banjir'))).toBe(true);
    expect(wordHash('gempa')).not.toBe(wordHash('gampe'));
  });
});
