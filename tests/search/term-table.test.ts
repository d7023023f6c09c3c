import { describe, expect, it } from 'vitest';
import { TermTable } from '../../src/search/term-table.ts';

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
