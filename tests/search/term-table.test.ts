import { describe, expect, it } from 'vitest';
import { fnv1a, TermTable } from '../../src/search/term-table.ts';

describe('TermTable', () => {
  it('gives every term of the vocabulary its index, as a Map would, and nothing to other strings', () => {
    const terms = Array.from({ length: 5000 }, (_, i) => `kata${i.toString(36)}`).sort();
    terms.push('', 'é', 'e\u0301', 'jalan-jalan', '\u{1F600}'); // empty, composed and decomposed, a surrogate pair
    const table = new TermTable(terms);
    terms.forEach((term, id) => expect(table.get(term)).toBe(id));
    for (const other of ['kata', 'kata-tidak-ada', 'Kata1', 'jalan', '\u{1F601}', 'kata1 ']) {
      expect(table.get(other)).toBeUndefined();
      expect(table.has(other)).toBe(false);
    }
    expect(table.has('jalan-jalan')).toBe(true);
  });

  it('answers an empty vocabulary', () => {
    expect(new TermTable([]).get('apa')).toBeUndefined();
  });
});

describe('fnv1a', () => {
  it('is 32-bit FNV-1a of the code units, the same for a slice of a text as for the string cut out', () => {
    expect(fnv1a('') >>> 0).toBe(0x811c9dc5);
    expect(fnv1a('a') >>> 0).toBe(0xe40c292c);
    expect(fnv1a('foobar') >>> 0).toBe(0xbf9cf968);
    const text = 'Banjir melanda Jakarta';
    expect(fnv1a(text, 7, 14)).toBe(fnv1a('melanda'));
    expect(fnv1a(text, 7, 14)).not.toBe(fnv1a(text, 7, 13));
  });
});
