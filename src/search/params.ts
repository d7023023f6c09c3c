/**
 * Every ranking parameter of /cari in one place, with its default (as minisearch's `BM25Params`). The
 * index stores raw facts (term counts per field, field lengths, the body's term sequence); these
 * parameters are applied at query time, so changing one needs no re-index.
 */
export interface RankingParams {
  /** BM25 term-frequency saturation: how fast repeated occurrences stop adding. */
  k1: number;
  /** Length normalization of the title field (0 = none, 1 = full). */
  bTitle: number;
  /** Length normalization of the body field (paragraphs and captions). */
  bBody: number;
  /**
   * How much a saturated title match weighs against a saturated body match (BM25F with per-field
   * saturation). Moderate: a headline word matters, but a body full of the query's words matters too.
   */
  titleWeight: number;
  /** Share of the exact written form's own BM25 added to the stem's, so exact forms beat stem-only matches. */
  exactFormBonus: number;
  /** A document with matched/total query-word weight c keeps c^coordinationPower of its score. */
  coordinationPower: number;
  /**
   * How much a stopword of the query ("kini", "seorang") counts. Stopwords are indexed from titles only,
   * so they only help a remembered headline; they never count toward coordination.
   */
  commonWordWeight: number;
  /** How much a typo reading of a word counts against the word as typed. */
  correctionWeight: number;
  /**
   * A known word in at most this share of the documents also gets typo readings: a slip often lands on
   * another rare word ("pena" → "pen"). A share, not a count, so a word is rare by its frequency in the
   * corpus whatever the corpus's size.
   */
  rareWordShare: number;
  /** How much the other root of a nasal-prefixed word counts ("mengaburkan" read as kabur, not abur). */
  alternativeRootWeight: number;
  /** The best documents of the first (BM25F) pass that are re-scored on proximity and passages. */
  rerankDepth: number;
  /**
   * Proximity (Tao & Zhai's min-distance, per pair of query words within one sentence): the score grows by
   * up to this share when every pair of query words stands side by side.
   */
  proximityWeight: number;
  /** Pairs further apart than this many words (within a sentence) earn no proximity. */
  proximityWindow: number;
  /**
   * Passage-based document retrieval (Callan 1994; Bendersky & Kurland 2008): a candidate's score is
   * interpolated with that of its best passage (a body sentence or the title), scored by BM25 over the
   * passage alone, geometrically: score^(1 − passageMix) × passage^passageMix. 0 turns it off; below 1.
   * A document whose words stand in one sentence beats one that scatters them or repeats them elsewhere.
   * More favours body details further, at the headline's cost (dev MRR@10 at 0 / 0.2 / 0.4 / 0.5: detail
   * 0.534 / 0.568 / 0.606 / 0.623, headline 0.9005 / 0.9023 / 0.9012 / 0.8994; questions within ±0.001).
   */
  passageMix: number;
  /**
   * Length normalization of a passage against the corpus's average sentence length (BM25's b, for
   * passages). Milder than the body's: a sentence is not more on topic for being short (dev MRR@10 at 0 /
   * 0.3 / 0.75: questions 0.8300 / 0.8296 / 0.8253, headline 0.8975 / 0.9012 / 0.9014).
   */
  bPassage: number;
  /**
   * Passage evidence: the score grows by up to this share when one paragraph holds every query word
   * (by idf weight); a long article that scatters them gains less.
   */
  passageWeight: number;
  /** Likewise for the best single sentence. */
  sentenceWeight: number;
  /**
   * The headline's share of the query (by idf weight), as Meilisearch's "attribute" rule: an article whose
   * real title holds the whole query grows by this share. A title derived from the lead is body, not title.
   */
  titleCoverageWeight: number;
  /**
   * Pseudo-relevance feedback for questions (RM3: Lavrenko & Croft's relevance model, mixed with the
   * query as Abdul-Jaleel et al. 2004 do). A question names its topic, not the words of the passage that
   * answers it; the best `feedbackDocs` hits of a first pass lend the query their most typical words.
   * Only for questions: a remembered headline or detail quotes the text, and expansion would dilute it.
   */
  feedbackDocs: number;
  /** How many expansion words are added (the relevance model's most probable words not in the query). */
  feedbackTerms: number;
  /**
   * The question's own share of the mixed query model (RM3's original query weight): the expansion words
   * together weigh (1 − share) / share as much as the question's words. In (0, 1]; 1 turns feedback off.
   */
  feedbackQueryShare: number;
  /** Words in more than this share of all documents tell no topic apart and are never expansion words. */
  feedbackMaxDocShare: number;
  /**
   * Answer-type evidence for questions (`answer.ts`): a candidate grows by up to this share when one of
   * its sentences holds the question's words and, beside them, a word of the kind the question word asks
   * for ("siapa" a name, "berapa" a number, "kapan" a date). 0 turns it off.
   */
  answerWeight: number;
  /** A candidate answer counts when it stands this many words or fewer from one of the question's words. */
  answerWindow: number;
}

export const DEFAULT_RANKING_PARAMS: Readonly<RankingParams> = Object.freeze({
  k1: 1.2,
  bTitle: 0.4,
  bBody: 0.75,
  titleWeight: 4,
  exactFormBonus: 0.5,
  coordinationPower: 2,
  commonWordWeight: 0.5,
  correctionWeight: 0.8,
  rareWordShare: 0.0007,
  alternativeRootWeight: 0.8,
  rerankDepth: 30,
  proximityWeight: 0.6,
  proximityWindow: 8,
  passageMix: 0.4,
  bPassage: 0.3,
  passageWeight: 0.6,
  sentenceWeight: 0.6,
  titleCoverageWeight: 0.6,
  feedbackDocs: 10,
  feedbackTerms: 10,
  feedbackQueryShare: 0.5,
  feedbackMaxDocShare: 0.1,
  answerWeight: 2,
  answerWindow: 1,
});
