import { describe, expect, it } from 'vitest';
import { ClauseTermsBuilder, mergeCandidates, type MergeItem } from '../../src/timeline/merge.ts';

describe('ClauseTermsBuilder', () => {
  it('packs each candidate’s clause terms as ids in order of first occurrence, names flagged', () => {
    const builder = new ClauseTermsBuilder();
    builder.add(['putin', 'tiba', 'pyongyang'], ['putin', 'pyongyang']);
    builder.add([], []);
    builder.add(['kim', 'putin'], ['kim', 'putin']);
    const clauses = builder.build();
    expect([...clauses.start]).toEqual([0, 3, 3, 5]);
    expect([...clauses.ids]).toEqual([0, 1, 2, 3, 0]);
    expect([...clauses.isName]).toEqual([1, 0, 1, 1, 1]);
    expect(clauses.count).toBe(4);
  });

  it('grows past its first buffers', () => {
    const builder = new ClauseTermsBuilder();
    const terms = Array.from({ length: 20 }, (_, i) => `t${i}`);
    for (let i = 0; i < 2000; i++) builder.add(terms, ['t0']);
    const clauses = builder.build();
    expect(clauses.start.length).toBe(2001);
    expect(clauses.ids.length).toBe(40_000);
    expect(clauses.ids[39_999]).toBe(19);
    expect(clauses.isName.reduce((n, flag) => n + flag, 0)).toBe(2000);
  });
});

describe('mergeCandidates', () => {
  const day = (iso: string) => ({ iso, precision: 'day' as const });
  it('merges reports of one day that share a name and most words; another day stays apart', () => {
    const items: MergeItem[] = [
      { article: 0, date: day('2024-06-19'), score: 0.5 },
      { article: 1, date: day('2024-06-19'), score: 0.4 },
      { article: 2, date: day('2024-06-20'), score: 0.3 },
    ];
    const builder = new ClauseTermsBuilder();
    builder.add(['putin', 'tiba', 'pyongyang', 'kunjung'], ['putin', 'pyongyang']);
    builder.add(['putin', 'tiba', 'pyongyang'], ['putin', 'pyongyang']);
    builder.add(['putin', 'tiba', 'pyongyang'], ['putin', 'pyongyang']);
    const groups = mergeCandidates(items, builder.build());
    expect(groups.map((g) => g.members.sort())).toEqual([[0, 1], [2]]);
    expect(groups[0]!.date).toEqual(day('2024-06-19'));
  });
});
