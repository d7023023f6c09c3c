import { describe, expect, it } from 'vitest';
import { nameCount, sentenceTerms } from '../../src/timeline/entities.ts';

const names = (text: string): string[] =>
  sentenceTerms(text)
    .terms.filter((t) => t.name)
    .map((t) => t.term);

describe('names in a sentence', () => {
  it('flags capitalized words and acronyms, not calendar words or the sentence opener', () => {
    expect(names('Pada Rabu, 19 Juni 2024, Putin bertemu pejabat KPK di Pyongyang.')).toEqual(['putin', 'kpk', 'pyongyang']);
    expect(names('Sejak Agustus hingga Jumat pekan lalu, harga naik.')).toEqual([]);
    expect(names("Jum'at lalu Sabtu, Minggu dan Ahad tidak dihitung.")).toEqual([]);
  });

  it('counts distinct names', () => {
    expect(nameCount(sentenceTerms('Putin menelepon Putin dan Kim Jong Un pada Senin.').terms)).toBe(4);
  });
});
