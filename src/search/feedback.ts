/**
 * Pseudo-relevance feedback for questions: RM3 (Lavrenko & Croft's relevance model RM1, mixed with the
 * query as in Abdul-Jaleel et al. 2004). A question names its topic in the asker's words; the passage
 * that answers it uses its own. The first pass's best documents are taken as relevant, and the words
 * most typical of them join the query at a weight (parameters in `params.ts`).
 */
import { SENTENCE_BREAK } from './inverted-index.ts';
import type { RankingParams } from './params.ts';

/**
 * P(t | R) by the stem ids of one segment: a scratch array kept with the segment's ranker and reused by
 * every question (each query's terms are cleared after use), so a question allocates no map per word.
 */
export class TermTally {
  private value: Float64Array | undefined;
  private readonly touched: number[] = [];

  constructor(
    private readonly size: number,
    /** The stem of an id, and its document frequency over the whole corpus (all segments). */
    private readonly stemOf: (id: number) => string,
    private readonly frequency: (id: number) => number,
  ) {}

  add(id: number, amount: number): void {
    this.value ??= new Float64Array(this.size);
    if (this.value[id] === 0) this.touched.push(id);
    this.value[id]! += amount;
  }

  /** The stem of an id. */
  stem(id: number): string {
    return this.stemOf(id);
  }

  /** Every tallied stem id with its sum and document frequency, in the order first tallied; the tally is left empty. */
  drain(visit: (id: number, sum: number, frequency: number) => void): void {
    for (const id of this.touched) {
      visit(id, this.value![id]!, this.frequency(id));
      this.value![id] = 0;
    }
    this.touched.length = 0;
  }
}

/** One document of the first pass, as the relevance model reads it. */
export interface FeedbackDoc {
  /** Its first-pass score: P(d | q) is taken in proportion to it. */
  score: number;
  /** Its body as stem ids of its segment, sentence and paragraph breaks among them. */
  terms: Uint32Array;
  /** Its segment's tally. */
  tally: TermTally;
}

export interface ExpansionWord {
  stem: string;
  /** Its weight in the query, where each of the question's own words weighs 1. */
  weight: number;
}

/**
 * The expansion words: P(t | R) = Σ_d P(d | q) · tf(t, d) / |d| over the feedback documents, the
 * `feedbackTerms` most probable kept (not a query word; in at least two documents, since a word only one
 * document holds can only lift that one; in at most `feedbackMaxDocShare` of them), renormalized, then
 * mixed with the query: together they weigh (1 − share) / share times the query's `queryWords` words.
 */
export function expansionWords(
  docs: readonly FeedbackDoc[],
  queryStems: ReadonlySet<string>,
  docCount: number,
  queryWords: number,
  params: Pick<RankingParams, 'feedbackTerms' | 'feedbackQueryShare' | 'feedbackMaxDocShare'>,
): ExpansionWord[] {
  const { feedbackTerms, feedbackQueryShare, feedbackMaxDocShare } = params;
  const scoreSum = docs.reduce((sum, doc) => sum + doc.score, 0);
  if (!(feedbackQueryShare > 0 && feedbackQueryShare < 1) || feedbackTerms <= 0 || scoreSum <= 0 || queryWords === 0) return [];
  const tallies = new Set<TermTally>();
  for (const { score, terms, tally } of docs) {
    let length = 0;
    for (let i = 0; i < terms.length; i++) if (terms[i]! < SENTENCE_BREAK) length++;
    if (length === 0) continue;
    const share = score / scoreSum / length;
    for (let i = 0; i < terms.length; i++) if (terms[i]! < SENTENCE_BREAK) tally.add(terms[i]!, share);
    tallies.add(tally);
  }
  // the stems whose frequency admits them, with their sums (a stem tallied in several segments sums);
  // only the few that may be kept are named
  const sums: number[] = [];
  // one segment: stem ids, named only when kept; several: stems, summed over the segments
  const ids: number[] = [];
  const stems: string[] = [];
  const maxFrequency = feedbackMaxDocShare * docCount;
  const [only, ...more] = tallies;
  if (only !== undefined && more.length === 0) {
    only.drain((id, sum, frequency) => {
      if (!admitted(frequency, maxFrequency)) return;
      ids.push(id);
      sums.push(sum);
    });
  } else {
    const byStem = new Map<string, { sum: number; frequency: number }>();
    for (const tally of tallies)
      tally.drain((id, sum, frequency) => {
        const stem = tally.stem(id);
        const entry = byStem.get(stem);
        if (entry) entry.sum += sum;
        else byStem.set(stem, { sum, frequency });
      });
    for (const [stem, { sum, frequency }] of byStem) {
      if (!admitted(frequency, maxFrequency)) continue;
      stems.push(stem);
      sums.push(sum);
    }
  }
  // the most probable first, equal ones in the order first met: one pass keeps the best few in order (the
  // few hundred stems are never sorted), and only a stem that would be kept is checked against the query
  const kept: [string, number][] = [];
  for (let i = 0; i < sums.length; i++) {
    const p = sums[i]!;
    if (!(p > 0) || (kept.length === feedbackTerms && p <= kept[feedbackTerms - 1]![1])) continue;
    const stem = ids.length > 0 ? only!.stem(ids[i]!) : stems[i]!;
    if (queryStems.has(stem)) continue;
    let at = kept.length;
    while (at > 0 && kept[at - 1]![1] < p) at--;
    kept.splice(at, 0, [stem, p]);
    if (kept.length > feedbackTerms) kept.pop();
  }
  const keptMass = kept.reduce((sum, [, p]) => sum + p, 0);
  const scale = ((1 - feedbackQueryShare) / feedbackQueryShare) * queryWords;
  return kept.map(([stem, p]) => ({ stem, weight: (scale * p) / keptMass }));
}

/**
 * A stem can be an expansion word: in at least two documents (a word only one document holds can only
 * lift that one) and in at most `maxFrequency` (more tells no topic apart).
 */
function admitted(frequency: number, maxFrequency: number): boolean {
  return frequency >= 2 && frequency <= maxFrequency;
}
