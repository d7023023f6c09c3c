/**
 * How informative a sentence is as a one-line account of news, from cheap surface signals.
 * The same scorer picks the timeline's summary lines and is checked against human picks in
 * scripts/timeline-sentence-eval.ts.
 */
import { REFERRING_PRONOUNS } from './stands-alone.ts';

/** What the scorer looks at in one sentence. */
export interface SentenceSignals {
  /** Paragraph (or sentence) index in the body: news puts the core of the story first. */
  position: number;
  words: number;
  /** Distinct capitalized names and acronyms: who and where. */
  entities: number;
  hasNumber: boolean;
  /** Opens with a quotation: someone's words, not the reporter's account of what happened. */
  quoted: boolean;
  /** Ends a quotation opened in an earlier sentence ('Terima kasih," kata Thareq'): a fragment. */
  quoteTail: boolean;
  question: boolean;
  /** Opens with "Ia", "Hal itu", …: it needs the previous sentence to make sense. */
  anaphoric: boolean;
  /** Opens in lower case or with a bracket: the scrape lost its first words ("akan menghadapi Thailand …"). */
  fragment: boolean;
  /** 0..1: share of the sentence's terms that also occur in the headline (centrality to the story). */
  gistOverlap: number;
}

/** A referring pronoun, "hal itu", or a connective: the sentence continues one before it. */
const ANAPHORIC_OPENERS = new RegExp(
  `^(${REFERRING_PRONOUNS.join('|')}|hal (itu|ini|tersebut)|namun|tetapi|sedangkan|selain itu|sementara itu|oleh karena itu|karena itu|kemudian|lalu)\\b`,
  'i',
);
const QUOTE_OPENERS = /^["“‘']/;

/** Signals of one sentence. `terms` are its distinct analyzed terms; `gist` the terms of the headline. */
export function sentenceSignals(
  text: string,
  position: number,
  counts: { words: number; entities: number },
  terms: readonly string[],
  gist: ReadonlySet<string>,
): SentenceSignals {
  let shared = 0;
  for (const term of terms) if (gist.has(term)) shared++;
  return {
    position,
    words: counts.words,
    entities: counts.entities,
    hasNumber: /\d/.test(text),
    quoted: QUOTE_OPENERS.test(text),
    quoteTail: isQuoteTail(text),
    question: text.trimEnd().endsWith('?'),
    anaphoric: ANAPHORIC_OPENERS.test(text),
    fragment: /^[\p{Ll}(,]/u.test(text),
    gistOverlap: terms.length === 0 ? 0 : shared / terms.length,
  };
}

/** Score in roughly 0..1; higher is a better stand-alone account of the news. */
export function informativeness(s: SentenceSignals): number {
  const lead = 1 / (1 + 0.35 * s.position);
  const length = s.words < 8 ? s.words / 8 : s.words > 40 ? 40 / s.words : 1;
  const names = Math.min(1, s.entities / 4);
  let score = 0.35 * lead + 0.3 * s.gistOverlap + 0.15 * names + 0.15 * length + (s.hasNumber ? 0.05 : 0);
  if (s.quoted) score -= 0.15;
  if (s.quoteTail) score -= 0.3;
  if (s.anaphoric) score -= 0.1;
  if (s.fragment) score -= 0.2;
  if (s.question) score -= 0.3;
  return score;
}

function isQuoteTail(text: string): boolean {
  const curly = text.search(/[“”]/);
  if (curly >= 0 && text[curly] === '”') return true;
  const straight = (text.match(/"/g) ?? []).length;
  return straight % 2 === 1 && !text.startsWith('"');
}
