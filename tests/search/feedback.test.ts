import { describe, expect, it } from 'vitest';
import { expansionWords, TermTally } from '../../src/search/feedback.ts';
import { PARAGRAPH_BREAK, SENTENCE_BREAK } from '../../src/search/inverted-index.ts';
import { DEFAULT_RANKING_PARAMS } from '../../src/search/params.ts';

/** A segment of stems with given document frequencies, over `docCount` documents. */
function segment(frequencies: Record<string, number>) {
  const stems = Object.keys(frequencies);
  const tally = new TermTally(
    stems.length,
    (id) => stems[id]!,
    (id) => frequencies[stems[id]!]!,
  );
  const terms = (...words: (string | number)[]) => Uint32Array.from(words.map((w) => (typeof w === 'number' ? w : stems.indexOf(w))));
  return { tally, terms };
}

const PARAMS = { ...DEFAULT_RANKING_PARAMS, feedbackTerms: 3, feedbackQueryShare: 0.5, feedbackMaxDocShare: 0.1 };

describe('expansion words (RM3)', () => {
  it('are the most probable stems of the feedback documents, P(d | q) by score, tf over length (breaks not counted)', () => {
    const { tally, terms } = segment({ banjir: 5, warga: 5, pesisir: 5, rumah: 5 });
    const words = expansionWords(
      [
        // P(d|q) 3/4: banjir 2/4, warga 1/4, pesisir 1/4
        { score: 3, terms: terms('banjir', SENTENCE_BREAK, 'banjir', 'warga', PARAGRAPH_BREAK, 'pesisir'), tally },
        // P(d|q) 1/4: rumah 1/2, warga 1/2
        { score: 1, terms: terms('rumah', 'warga'), tally },
      ],
      new Set(),
      100,
      2,
      PARAMS,
    );
    // P(t|R): banjir 0.375, warga 0.1875 + 0.125, pesisir 0.1875, rumah 0.125
    expect(words.map((w) => w.stem)).toEqual(['banjir', 'warga', 'pesisir']);
    // renormalized over the kept, then weighing (1 - 0.5) / 0.5 × 2 query words together
    const total = 0.375 + 0.3125 + 0.1875;
    expect(words.map((w) => w.weight)).toEqual(
      [(2 * 0.375) / total, (2 * 0.3125) / total, (2 * 0.1875) / total].map((x) => expect.closeTo(x, 9)),
    );
  });

  it('leave out the query’s stems, stems only one document holds, and stems too common to tell documents apart', () => {
    const { tally, terms } = segment({ gempa: 5, cianjur: 1, kata: 11, korban: 10, tenda: 2 });
    const words = expansionWords(
      [{ score: 1, terms: terms('gempa', 'gempa', 'cianjur', 'cianjur', 'kata', 'kata', 'korban', 'tenda'), tally }],
      new Set(['gempa']),
      100,
      1,
      PARAMS,
    );
    expect(words.map((w) => w.stem)).toEqual(['korban', 'tenda']);
  });

  it('sum a stem over segments, and leave every tally empty for the next question', () => {
    const first = segment({ banjir: 3, warga: 3 });
    const second = segment({ warga: 3, rumah: 3 });
    const docs = [
      { score: 1, terms: first.terms('banjir', 'warga'), tally: first.tally },
      { score: 1, terms: second.terms('rumah', 'warga'), tally: second.tally },
    ];
    // warga: 1/4 in each segment, 1/2 in all; banjir and rumah 1/4 each
    expect(expansionWords(docs, new Set(), 100, 1, { ...PARAMS, feedbackTerms: 1 }).map((w) => w.stem)).toEqual(['warga']);
    // nothing of the first question is left over
    const next = expansionWords([{ score: 1, terms: second.terms('rumah'), tally: second.tally }], new Set(), 100, 1, PARAMS);
    expect(next).toEqual([{ stem: 'rumah', weight: 1 }]);
  });

  it('are none when the question keeps the whole query model (share 1)', () => {
    const { tally, terms } = segment({ banjir: 5 });
    expect(expansionWords([{ score: 1, terms: terms('banjir'), tally }], new Set(), 100, 1, { ...PARAMS, feedbackQueryShare: 1 })).toEqual(
      [],
    );
  });
});
