import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze, stem, tokenize } from '../../src/search/analyzer.ts';
import { nasalAlternative } from '../../src/search/query.ts';

describe('stem', () => {
  it.each([
    [['mengecam', 'kecaman', 'kecam', 'dikecam'], 'kecam'],
    [['kunjungan', 'mengunjungi', 'berkunjung', 'pengunjung'], 'kunjung'],
    [['penandatanganan', 'ditandatangani', 'menandatangani'], 'tandatangan'],
    [['persenjataan', 'senjata', 'bersenjata'], 'senjata'],
    [['penyelidikan', 'menyelidiki'], 'selidik'],
    [['memasuki', 'masuk'], 'masuk'],
  ])('joins the family %j', (words, root) => {
    for (const word of words) expect(stem(word), word).toBe(root);
  });

  it('stems reduplication to one word', () => {
    expect(stem('negara-negara')).toBe('negara');
    expect(stem('berbalas-balasan')).toBe('balas');
    expect(stem('Negara-Negara')).toBe('negara');
  });

  it('leaves unknown roots, numbers and short words alone', () => {
    expect(stem('jokowi')).toBe('jokowi');
    expect(stem('2024')).toBe('2024');
    expect(stem('ke')).toBe('ke');
    expect(stem('covid-19')).toBe('covid-19');
  });
});

describe('analyze', () => {
  it('lowercases, normalizes and drops stopwords before stemming', () => {
    expect(analyze('Presiden MENGECAM serangan itu dan yang lain')).toEqual(['presiden', 'kecam', 'serang']);
    expect(analyze('Ｋｅｃａｍａｎ café')).toEqual(['kecam', 'cafe']);
  });

  it('keeps "sama" and "dalam", which the stoplist would drop', () => {
    expect(analyze('kerja sama dalam negeri')).toEqual(['kerja', 'sama', 'dalam', 'negeri']);
  });

  it('keeps digits and hyphenated words, adding their halves', () => {
    expect(analyze('vaksin covid-19 tahun 2021')).toEqual(['vaksin', 'covid-19', 'covid', '19', 'tahun', '2021']);
    expect(analyze('negara-negara')).toEqual(['negara']);
  });

  it('gives nothing for punctuation, emoji or an empty text', () => {
    expect(analyze('')).toEqual([]);
    expect(analyze('?!… *** 🎉🔥')).toEqual([]);
  });

  it('reports offsets into the original text', () => {
    const text = 'Warga Mengecam keras';
    const token = tokenize(text)[1]!;
    expect(text.slice(token.start, token.end)).toBe('Mengecam');
    expect(token.stem).toBe('kecam');
  });
});

const goldPath = resolve(process.cwd(), '../shared/eval/stemmer-gold.tsv');
if (!existsSync(goldPath)) console.warn(`skipping the stemmer gold score: ${goldPath} is absent`);

describe.skipIf(!existsSync(goldPath))('stemmer against the gold file', () => {
  it('scores close to the measured accuracy (92.8% overall, 94.8% on Sastrawi test words)', () => {
    const rows = readFileSync(goldPath, 'utf8')
      .trim()
      .split('\n')
      .slice(1)
      .map((line) => line.split('\t'));
    const score = (subset: string[][]) => subset.filter(([word, gold]) => stem(word!) === gold).length / subset.length;
    expect(score(rows)).toBeGreaterThanOrEqual(0.925);
    expect(score(rows.filter((row) => row[2]!.includes('sastrawi')))).toBeGreaterThanOrEqual(0.94);
  });
});

describe('nasalAlternative', () => {
  const word = (norm: string) => ({ text: norm, norm, stem: stem(norm) });
  it('restores the root letter a meN-/peN- nasal replaced, when the stemmer read the word otherwise', () => {
    expect(stem('mengaburkan')).toBe('abur');
    expect(nasalAlternative(word('mengaburkan'))).toBe('kabur');
    expect(nasalAlternative(word('pengering'))).toBe('kering');
  });

  it('offers nothing when the reading is the same or the word has no nasal prefix', () => {
    expect(nasalAlternative(word('menulis'))).toBeUndefined();
    expect(nasalAlternative(word('dikecam'))).toBeUndefined();
    expect(nasalAlternative(word('banjir'))).toBeUndefined();
  });
});
