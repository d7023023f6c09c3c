import { describe, expect, it } from 'vitest';
import { CandidateTableBuilder } from '../../src/timeline/candidates.ts';

describe('CandidateTable', () => {
  const rows: Array<[number, string, Array<[number, number]>, string[]]> = [
    [0, 'Rabu (19/6) Putin tiba di Pyongyang.', [[0, 10]], ['putin', 'tiba', 'pyongyang']],
    [
      0,
      'Kamis (20/6) dan Jumat (21/6) Putin bertemu Kim.',
      [
        [0, 12],
        [17, 29],
      ],
      ['putin', 'temu', 'kim'],
    ],
    [2, 'Tanpa tanggal di kalimat ini.', [], []],
  ];
  const builder = new CandidateTableBuilder();
  for (const row of rows) builder.add(...row);
  const table = builder.build();

  it('answers each candidate as it was added: article, sentence, date spans and terms in order', () => {
    expect(table.size).toBe(3);
    rows.forEach(([article, sentence, spans, terms], c) => {
      expect(table.article(c)).toBe(article);
      expect(table.sentence(c)).toBe(sentence);
      expect(table.dateSpans(c)).toEqual(spans);
      expect(table.terms(c)).toEqual(terms);
    });
  });

  it('keeps each term once, in order of first occurrence, and counts the candidates holding it', () => {
    expect(table.columns.vocabulary).toEqual(['putin', 'tiba', 'pyongyang', 'temu', 'kim']);
    expect([...table.termCounts()]).toEqual([2, 1, 1, 1, 1]);
  });

  it('packs its columns at their exact length', () => {
    const { article, spanStart, spans, termStart, termIds } = table.columns;
    expect([article.length, spanStart.length, spans.length, termStart.length, termIds.length]).toEqual([3, 4, 6, 4, 6]);
    expect([...spanStart]).toEqual([0, 2, 6, 6]);
  });

  it('grows past its first buffers', () => {
    const many = new CandidateTableBuilder();
    for (let i = 0; i < 3000; i++) many.add(i, `kalimat ${i}`, [[0, 1]], [`t${i % 7}`, 'sama']);
    const built = many.build();
    expect(built.size).toBe(3000);
    expect(built.terms(2999)).toEqual([`t${2999 % 7}`, 'sama']);
    expect(built.dateSpans(2999)).toEqual([[0, 1]]);
    expect(built.termCounts()[built.columns.vocabulary.indexOf('sama')]).toBe(3000);
  });
});
