/**
 * Ranking over the inverted index, in two passes (parameters in `params.ts`).
 *
 * 1. BM25F with per-field saturation: a query word scores, per document, the best of its readings (the
 *    word itself, or at a discount a typo correction or the other root of a nasal prefix); a reading scores
 *    its stem's idf × (titleWeight × title saturation + body saturation), plus a share of the same for the
 *    exact written form. Coordination: a document matching m of the n query words keeps (m/n)^p of its
 *    score, wherever the words are (title or body). Stopwords of the query add score but never coordinate.
 * 2. The best `rerankDepth` documents are re-scored from their body's term sequence. Passage-based
 *    retrieval (Callan 1994; Bendersky & Kurland 2008): the score is interpolated, geometrically, with
 *    that of the best passage (a sentence, or the title), scored by BM25 over the passage alone (its own
 *    term counts and length, the query's idf), so the words standing together in one sentence count for
 *    more than the same words scattered or repeated over the document. The result then grows with
 *    proximity (how close each pair of query words stands within one sentence), passage shares (how much
 *    of the query's idf the best paragraph and the best sentence hold; the title counts as one more such
 *    passage) and title coverage (how much of it the headline holds).
 *
 * Equal scores go to the more recent article.
 */
import { bodyCount, PARAGRAPH_BREAK, SENTENCE_BREAK, sentenceCount, titleCount, type IndexData, type TermSpace } from './inverted-index.ts';
import { ANSWER_BITS, answerClasses, type AnswerKind } from './answer.ts';
import { DEFAULT_RANKING_PARAMS, type RankingParams } from './params.ts';

/** One way of reading a query word: a stem, optionally an exact surface form, and how much it counts. */
export interface Reading {
  stemId: number;
  surfaceId: number | undefined;
  weight: number;
}

/** A query word as the ranker sees it: its readings, and whether it counts toward coordination. */
export interface RankedWord {
  readings: Reading[];
  /** How much the word counts in proximity and passage evidence: its best reading's weight × idf. */
  weight: number;
  /** False for the query's stopwords: they add score where found, but a document is not judged by them. */
  coordinates: boolean;
  /**
   * A word that pseudo-relevance feedback added (`feedback.ts`): it adds score where found, and nothing
   * else: no coordination, proximity, passage or title evidence, which judge the words the user typed.
   */
  expansion?: boolean;
}

/**
 * Corpus-wide statistics the scores are computed with: those of one index, or of several segments taken
 * together (so a document scores the same whichever segment holds it).
 */
export interface CorpusStats {
  docCount: number;
  avgTitleLength: number;
  avgBodyLength: number;
  /** Body terms per sentence: the length a passage is normalized against. */
  avgSentenceLength: number;
  /** Document frequency of term `id` of `space` (a term space of `own`), over the whole corpus. */
  df(space: TermSpace, id: number, own: IndexData): number;
}

/** The statistics of a single index. */
export function indexStats(index: IndexData): CorpusStats {
  const sentences = sentenceCount(index);
  return {
    docCount: index.docCount,
    avgTitleLength: mean(index.titleLength),
    avgBodyLength: mean(index.bodyLength),
    avgSentenceLength: sentences === 0 ? 0 : (index.bodyTerms.length - sentences) / sentences,
    df: (space, id) => space.offsets[id + 1]! - space.offsets[id]!,
  };
}

export interface RankedDoc {
  doc: number;
  score: number;
  /** The body paragraph (index into the indexed body text) holding most of the query, when reranking found one. */
  passage?: number;
}

/** A document of the first pass, with what it held of the query: the rerank reads it after the scratch is cleared. */
interface Candidate extends RankedDoc {
  /** One bit per query word the document holds (title or body), as `Ranker.matched`. */
  held: number;
  /** One bit per query word its title holds, as `Ranker.inTitle`. */
  titled: number;
}

/**
 * The test of a query without filters, exclusions or phrases: every document passes, and the ranker
 * counts them without asking (a news query touches thousands).
 */
export const EVERY_DOCUMENT = (): boolean => true;

/** At most this many words take part in coordination and proximity (one bit each in a mask). */
const MAX_MASK_WORDS = 31;
/** The mask's top bit: the document has been touched by the query. */
const SEEN = 1 << 31;

export class Ranker {
  private readonly params: RankingParams;
  /** Per document, k1 × (1 − b + b × length / average length), for each field. */
  private readonly titleNorm: Float32Array;
  private readonly bodyNorm: Float32Array;
  private readonly total: Float32Array;
  /** Per document, one bit per coordinating query word it holds (title or body). */
  private readonly matched: Int32Array;
  /** Per document, one bit per query word its title holds. */
  private readonly inTitle: Int32Array;
  private readonly touched: Int32Array;
  private touchedCount = 0;
  private readonly readingScore: Float32Array;
  private readonly wordBest: Float32Array;
  private readonly wordTitled: Uint8Array;
  private readonly wordTouched: Int32Array;
  /** Stem id → index of the query word it reads, or -1: the body scan's lookup, reset after each query. */
  private readonly wordOfStem: Int8Array;
  /** Scratch of the body scan, per query word: last position and sentence seen; per pair, best proximity. */
  private readonly lastPos = new Int32Array(MAX_MASK_WORDS);
  private readonly lastSentence = new Int32Array(MAX_MASK_WORDS);
  private readonly pair = new Float32Array(MAX_MASK_WORDS * MAX_MASK_WORDS);
  /** Per query word, its count in the sentence being scanned (for the sentence's BM25). */
  private readonly sentenceCounts = new Int32Array(MAX_MASK_WORDS);
  /** Per stem id, the answer classes it can belong to (`answer.ts`), worked out at a question's first sight of it. */
  private answerClass: Uint8Array | undefined;

  constructor(
    private readonly index: IndexData,
    /** Larger is more recent; breaks ties. */
    private readonly recency: Float64Array,
    params: Partial<RankingParams> = {},
    private readonly stats: CorpusStats = indexStats(index),
  ) {
    this.params = { ...DEFAULT_RANKING_PARAMS, ...params };
    const n = index.docCount;
    const { k1, bTitle, bBody } = this.params;
    const avgTitle = Math.max(stats.avgTitleLength, 1);
    const avgBody = Math.max(stats.avgBodyLength, 1);
    this.titleNorm = new Float32Array(n);
    this.bodyNorm = new Float32Array(n);
    for (let doc = 0; doc < n; doc++) {
      this.titleNorm[doc] = k1 * (1 - bTitle + (bTitle * index.titleLength[doc]!) / avgTitle);
      this.bodyNorm[doc] = k1 * (1 - bBody + (bBody * index.bodyLength[doc]!) / avgBody);
    }
    this.total = new Float32Array(n);
    this.matched = new Int32Array(n);
    this.inTitle = new Int32Array(n);
    this.touched = new Int32Array(n);
    this.readingScore = new Float32Array(n);
    this.wordBest = new Float32Array(n);
    this.wordTitled = new Uint8Array(n);
    this.wordTouched = new Int32Array(n);
    this.wordOfStem = new Int8Array(index.stems.terms.length).fill(-1);
  }

  idf(space: TermSpace, id: number): number {
    const df = this.stats.df(space, id, this.index);
    return Math.log(1 + (this.stats.docCount - df + 0.5) / (df + 0.5));
  }

  /**
   * The best `limit` documents for the words among those `accept` lets through, and how many were
   * accepted in all. A question that `asks` for a kind of answer also weighs answer-type evidence.
   */
  rank(words: RankedWord[], accept: (doc: number) => boolean, limit: number, asks?: AnswerKind): { hits: RankedDoc[]; total: number } {
    const typed = words.filter((w) => w.expansion !== true);
    const coordinating = typed.filter((w) => w.coordinates).slice(0, MAX_MASK_WORDS);
    const ordered = [...coordinating, ...typed.filter((w) => !w.coordinates)];
    const coordinatingBits = 2 ** coordinating.length - 1;
    this.touchedCount = 0;
    ordered.forEach((word, i) => {
      // stopwords get a bit too (when there is room), for title coverage; coordination ignores them
      const bit = i < MAX_MASK_WORDS ? 1 << i : 0;
      if (word.readings.length === 1) this.scoreReading(word.readings[0]!, bit);
      else this.scoreBestReading(word.readings, bit);
    });
    for (const word of words) if (word.expansion === true) for (const reading of word.readings) this.scoreExpansion(reading);

    const { coordinationPower, rerankDepth } = this.params;
    const n = coordinating.length;
    // the share of its score a document matching m coordinating words keeps, by m
    const kept = new Float64Array(n + 1);
    for (let m = 0; m <= n; m++) kept[m] = n === 0 ? 1 : (m / n) ** coordinationPower;
    const depth = Math.max(limit, rerankDepth);
    const candidates: Candidate[] = [];
    const { total, matched, touched, inTitle, touchedCount } = this;
    const acceptsAll = accept === EVERY_DOCUMENT;
    let accepted = 0;
    // below this a document cannot enter the full candidate list (with a margin for `better`'s tolerance)
    let floor = -Infinity;
    // the scratch is cleared as it is read: a candidate carries what it held
    for (let i = 0; i < touchedCount; i++) {
      const doc = touched[i]!;
      const raw = total[doc]!;
      const held = matched[doc]!;
      const titled = inTitle[doc]!;
      total[doc] = 0;
      matched[doc] = 0;
      inTitle[doc] = 0;
      if (!acceptsAll && !accept(doc)) continue;
      accepted++;
      // coordination keeps at most the whole score: below the floor already, the document stays out
      if (raw < floor) continue;
      const score = raw * kept[popcount(held & coordinatingBits)]!;
      if (score < floor) continue;
      this.insert(candidates, depth, { doc, score, held, titled });
      if (candidates.length === depth) floor = candidates[depth - 1]!.score * (1 - 1e-5);
    }
    const answerBits = asks === undefined || this.params.answerWeight <= 0 ? 0 : ANSWER_BITS[asks];
    const top = this.rerank(ordered.slice(0, MAX_MASK_WORDS), n, candidates, limit, answerBits);
    return { hits: top, total: accepted };
  }

  /** A document's share of one query word: counted as touched, its bit set, its score added. */
  private add(doc: number, score: number, titled: boolean, bit: number): void {
    if (this.matched[doc] === 0) this.touched[this.touchedCount++] = doc;
    this.matched[doc]! |= bit | SEEN;
    if (titled) this.inTitle[doc]! |= bit;
    this.total[doc]! += score;
  }

  /** Keeps `top` the best `size` documents, best first. */
  private insert<Hit extends RankedDoc>(top: Hit[], size: number, hit: Hit): void {
    if (top.length === size && !this.better(hit.doc, hit.score, top[size - 1]!)) return;
    let at = top.length === size ? size - 1 : top.length;
    while (at > 0 && this.better(hit.doc, hit.score, top[at - 1]!)) {
      top[at] = top[at - 1]!;
      at--;
    }
    top[at] = hit;
  }

  private better(doc: number, score: number, than: RankedDoc): boolean {
    const tolerance = 1e-6 * Math.max(score, than.score);
    if (Math.abs(score - than.score) > tolerance) return score > than.score;
    const a = this.recency[doc]!;
    const b = this.recency[than.doc]!;
    return a !== b ? a > b : doc < than.doc;
  }

  /**
   * Second pass: each candidate's score grows with the proximity and passage evidence of its body and
   * title, and for a question with an answer type (`answerBits`), with its answer-type evidence.
   */
  private rerank(words: RankedWord[], coordinating: number, candidates: Candidate[], limit: number, answerBits: number): RankedDoc[] {
    const { proximityWeight, passageWeight, sentenceWeight, titleCoverageWeight } = this.params;
    const answerWeight = answerBits === 0 ? 0 : this.params.answerWeight;
    const maxGrowth = 1 + proximityWeight + passageWeight + sentenceWeight + titleCoverageWeight + answerWeight;
    if (coordinating === 0 || (maxGrowth === 1 && this.params.passageMix === 0))
      return candidates.slice(0, limit).map(({ doc, score }) => ({ doc, score }));
    const weights = words.map((w) => w.weight);
    // a passage scores at most the weight of the query words it holds (each word's saturation is below 1)
    const passageMax = massOf(2 ** weights.length - 1, weights, weights.length);
    // stopwords never occur in the body's term sequence: only coordinating words are looked up there
    words.slice(0, coordinating).forEach((word, i) => word.readings.forEach((r) => (this.wordOfStem[r.stemId] = i)));
    const top: RankedDoc[] = [];
    try {
      for (const candidate of candidates) {
        const { doc, score } = candidate;
        // candidates come best first, each feature is at most 1 and no passage outscores the query's whole
        // weight: once even full evidence cannot lift a candidate into the top, no later one can
        if (top.length === limit && this.withPassage(score, passageMax) * maxGrowth < top[limit - 1]!.score) break;
        // nor can this one, by what the first pass knows of it: its body scan is skipped
        const floor = top.length === limit ? top[limit - 1]!.score * (1 - 1e-5) : 0;
        if (
          this.withPassage(score, this.passageBound(candidate, weights, coordinating)) *
            this.growthBound(candidate, weights, coordinating, answerWeight) <
          floor
        )
          continue;
        const evidence = this.evidence(candidate, weights, coordinating, answerBits);
        this.insert(top, limit, {
          doc,
          ...(evidence.passage === -1 ? {} : { passage: evidence.passage }),
          score:
            this.withPassage(score, evidence.passageScore) *
            (1 +
              proximityWeight * evidence.proximity +
              passageWeight * evidence.paragraph +
              sentenceWeight * evidence.sentence +
              titleCoverageWeight * evidence.title +
              answerWeight * evidence.answer),
        });
      }
      return top;
    } finally {
      for (const word of words) for (const r of word.readings) this.wordOfStem[r.stemId] = -1;
    }
  }

  /** A document's score interpolated with its best passage's (geometrically: both are BM25 sums over the query's idf). */
  private withPassage(score: number, passageScore: number): number {
    const mix = this.params.passageMix;
    return mix === 0 ? score : score ** (1 - mix) * passageScore ** mix;
  }

  /**
   * The most a passage of this document can score: the weight of the query words it holds (the title's
   * stopwords included), since each word's BM25 saturation stays below 1.
   */
  private passageBound({ held, titled }: Candidate, weights: number[], n: number): number {
    let bound = massOf(held, weights, n);
    for (let i = n; i < weights.length; i++) if (titled & (1 << i)) bound += weights[i]!;
    return bound;
  }

  /**
   * The most `evidence` can grow this document's score, from what the first pass knows of it: proximity
   * and passages can only count the query words it holds, and its title coverage is known exactly. Tighter
   * than the global bound for a document missing some words or holding none in its title.
   */
  private growthBound({ held, titled }: Candidate, weights: number[], n: number, answerWeight: number): number {
    const { proximityWeight, passageWeight, sentenceWeight, titleCoverageWeight } = this.params;
    let mass = 0;
    let heldMass = 0;
    let pairs = 0;
    let heldPairs = 0;
    for (let i = 0; i < n; i++) {
      mass += weights[i]!;
      if (held & (1 << i)) heldMass += weights[i]!;
      for (let j = i + 1; j < n; j++) {
        const weight = Math.min(weights[i]!, weights[j]!);
        pairs += weight;
        if (held & (1 << i) && held & (1 << j)) heldPairs += weight;
      }
    }
    let allMass = 0;
    let titleMass = 0;
    for (let i = 0; i < weights.length; i++) {
      allMass += weights[i]!;
      if (titled & (1 << i)) titleMass += weights[i]!;
    }
    return (
      1 +
      proximityWeight * (pairs === 0 ? 0 : heldPairs / pairs) +
      (passageWeight + sentenceWeight + answerWeight) * (mass === 0 ? 0 : heldMass / mass) +
      titleCoverageWeight * (allMass === 0 ? 0 : titleMass / allMass)
    );
  }

  /**
   * Read from the document's body terms: the share of the query's weight held by its best paragraph and
   * best sentence (the title counting as one of each), and min-distance proximity over word pairs: each
   * pair earns 1/d for its closest occurrence d words apart in one sentence (within the window), pairs
   * weighted by their rarer-word idf (the lesser of the two). With `answerBits`, answer-type evidence:
   * the share held by the best sentence that also holds, within `answerWindow` words of a query word, a
   * word of the kind asked for that is not a query word. `passageScore`: the best passage's BM25 (a
   * sentence, or the title with its stopwords), each word's saturation tf / (tf + k1 × (1 − b + b × length
   * / average sentence length)) weighted by the word's weight; the (k1 + 1) factor left out.
   */
  private evidence(
    { doc, titled }: Candidate,
    weights: number[],
    n: number,
    answerBits: number,
  ): {
    proximity: number;
    paragraph: number;
    sentence: number;
    title: number;
    passage: number;
    passageScore: number;
    answer: number;
  } {
    const { bodyTerms, bodyStart } = this.index;
    const window = this.params.proximityWindow;
    const answerWindow = this.params.answerWindow;
    const answerClass = answerBits === 0 ? undefined : (this.answerClass ??= new Uint8Array(this.index.stems.terms.length));
    let answered = false;
    let lastWordPos = -Infinity;
    let lastAnswerPos = -Infinity;
    let bestAnswer = 0;
    const titleMask = titled;
    const titleMass = massOf(titleMask, weights, n);
    // title coverage counts the query's stopwords too: a remembered headline holds them
    let bestSentence = titleMass;
    let bestParagraph = titleMass;
    const { lastPos, lastSentence, pair, wordOfStem } = this;
    lastSentence.fill(-1, 0, n);
    pair.fill(0, 0, n * n);
    // two words both in a (short) title stand close
    for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) if (titleMask & (1 << i) && titleMask & (1 << j)) pair[i * n + j] = 0.5;
    let sentence = 0;
    let sentenceMask = 0;
    let paragraphMask = 0;
    let paragraphIndex = 0;
    let passage = -1;
    let passageMass = 0;
    const { sentenceCounts } = this;
    let bestPassageScore =
      titleMask === 0 ? 0 : this.passageScore(this.index.titleLength[doc]!, titleMask, weights, weights.length, undefined);
    let sentenceStart = 0;
    let pos = 0;
    for (let p = bodyStart[doc]!; p < bodyStart[doc + 1]!; p++) {
      const term = bodyTerms[p]!;
      if (term >= SENTENCE_BREAK) {
        if (sentenceMask !== 0) {
          bestPassageScore = Math.max(bestPassageScore, this.passageScore(pos - sentenceStart, sentenceMask, weights, n, sentenceCounts));
          const sentenceMass = massOf(sentenceMask, weights, n);
          bestSentence = Math.max(bestSentence, sentenceMass);
          if (answered) bestAnswer = Math.max(bestAnswer, sentenceMass);
        }
        answered = false;
        lastWordPos = -Infinity;
        lastAnswerPos = -Infinity;
        sentenceMask = 0;
        sentenceStart = pos;
        sentence++;
        if (term === PARAGRAPH_BREAK) {
          const paragraphMass = paragraphMask === 0 ? 0 : massOf(paragraphMask, weights, n);
          if (paragraphMass > passageMass) {
            passageMass = paragraphMass;
            passage = paragraphIndex;
          }
          bestParagraph = Math.max(bestParagraph, paragraphMass);
          paragraphMask = 0;
          paragraphIndex++;
        }
        continue;
      }
      pos++;
      const w = wordOfStem[term]!;
      if (w < 0) {
        if (answerClass === undefined) continue;
        if (answerClass[term] === 0) answerClass[term] = answerClasses(this.index.stems.terms[term]!);
        if ((answerClass[term]! & answerBits) !== 0) {
          lastAnswerPos = pos;
          if (pos - lastWordPos <= answerWindow) answered = true;
        }
        continue;
      }
      if (pos - lastAnswerPos <= answerWindow) answered = true;
      lastWordPos = pos;
      sentenceMask |= 1 << w;
      sentenceCounts[w]!++;
      paragraphMask |= 1 << w;
      for (let j = 0; j < n; j++) {
        if (j === w || lastSentence[j] !== sentence) continue;
        const distance = pos - lastPos[j]!;
        if (distance > window) continue;
        const at = j < w ? j * n + w : w * n + j;
        pair[at] = Math.max(pair[at]!, 1 / distance);
      }
      lastPos[w] = pos;
      lastSentence[w] = sentence;
    }
    let proximity = 0;
    let pairMass = 0;
    for (let i = 0; i < n; i++) {
      for (let j = i + 1; j < n; j++) {
        const weight = Math.min(weights[i]!, weights[j]!);
        pairMass += weight;
        proximity += weight * pair[i * n + j]!;
      }
    }
    const mass = massOf(2 ** n - 1, weights, n);
    return {
      proximity: pairMass === 0 ? 0 : proximity / pairMass,
      paragraph: mass === 0 ? 0 : bestParagraph / mass,
      sentence: mass === 0 ? 0 : bestSentence / mass,
      title: massOf(titleMask, weights, weights.length) / massOf(2 ** weights.length - 1, weights, weights.length),
      answer: mass === 0 ? 0 : bestAnswer / mass,
      passage,
      passageScore: bestPassageScore,
    };
  }

  /**
   * BM25 of one passage of `length` terms holding the words of `mask` (among the first `count`), each
   * `counts[i]` times (once when no counts are given: a title's words); the counts are cleared as read.
   */
  private passageScore(length: number, mask: number, weights: readonly number[], count: number, counts: Int32Array | undefined): number {
    const { k1, bPassage } = this.params;
    const norm = k1 * (1 - bPassage + (bPassage * length) / Math.max(this.stats.avgSentenceLength, 1));
    let score = 0;
    for (let i = 0; i < count; i++) {
      if ((mask & (1 << i)) === 0) continue;
      const tf = counts === undefined ? 1 : counts[i]!;
      if (counts !== undefined) counts[i] = 0;
      score += (weights[i]! * tf) / (tf + norm);
    }
    return score;
  }

  /** BM25F of one posting: the field saturations, the title weighed `titleWeight` times. */
  private fieldScore(space: TermSpace, p: number): number {
    const packed = space.counts[p]!;
    const doc = space.docs[p]!;
    const k = this.params.k1 + 1;
    const t = titleCount(packed);
    const b = bodyCount(packed);
    return (
      (t === 0 ? 0 : (this.params.titleWeight * t * k) / (t + this.titleNorm[doc]!)) + (b === 0 ? 0 : (b * k) / (b + this.bodyNorm[doc]!))
    );
  }

  /**
   * Adds one reading's score straight into the totals: its stem's documents, then the exact-form bonus.
   * The hottest loop of a query (a common word has thousands of postings): `add` and `fieldScore` inlined.
   */
  private scoreReading(reading: Reading, bit: number): void {
    const { stems, surface } = this.index;
    const { total, matched, inTitle, touched, titleNorm, bodyNorm } = this;
    const k = this.params.k1 + 1;
    const titleK = this.params.titleWeight * k;
    const stemWeight = reading.weight * this.idf(stems, reading.stemId);
    const { docs, counts } = stems;
    let count = this.touchedCount;
    const flags = bit | SEEN;
    for (let p = stems.offsets[reading.stemId]!, end = stems.offsets[reading.stemId + 1]!; p < end; p++) {
      const doc = docs[p]!;
      const packed = counts[p]!;
      const t = titleCount(packed);
      const b = bodyCount(packed);
      let score = b === 0 ? 0 : (b * k) / (b + bodyNorm[doc]!);
      if (t !== 0) {
        score += (titleK * t) / (t + titleNorm[doc]!);
        inTitle[doc]! |= bit;
      }
      if (matched[doc] === 0) touched[count++] = doc;
      matched[doc]! |= flags;
      total[doc]! += stemWeight * score;
    }
    this.touchedCount = count;
    if (reading.surfaceId === undefined) return;
    const surfaceWeight = reading.weight * this.params.exactFormBonus * this.idf(surface, reading.surfaceId);
    for (let p = surface.offsets[reading.surfaceId]!, end = surface.offsets[reading.surfaceId + 1]!; p < end; p++)
      total[surface.docs[p]!]! += surfaceWeight * this.fieldScore(surface, p);
  }

  /** An expansion word's score, added only where the typed words found the document: it re-weighs, never finds. */
  private scoreExpansion(reading: Reading): void {
    const { stems } = this.index;
    const weight = reading.weight * this.idf(stems, reading.stemId);
    for (let p = stems.offsets[reading.stemId]!, end = stems.offsets[reading.stemId + 1]!; p < end; p++) {
      const doc = stems.docs[p]!;
      if (this.matched[doc] !== 0) this.total[doc]! += weight * this.fieldScore(stems, p);
    }
  }

  /** Several readings of a word: each document keeps its best one, and has the word in its title if any reading is there. */
  private scoreBestReading(readings: Reading[], bit: number): void {
    const { stems } = this.index;
    const scores = this.readingScore;
    const best = this.wordBest;
    let count = 0;
    for (const reading of readings) {
      this.accumulate(reading, scores);
      const end = stems.offsets[reading.stemId + 1]!;
      for (let p = stems.offsets[reading.stemId]!; p < end; p++) {
        const doc = stems.docs[p]!;
        const score = scores[doc]!;
        scores[doc] = 0;
        if (this.wordTitled[doc] === 0 && best[doc] === 0) this.wordTouched[count++] = doc;
        if (score > best[doc]!) best[doc] = score;
        this.wordTitled[doc] = titleCount(stems.counts[p]!) > 0 ? 2 : Math.max(this.wordTitled[doc]!, 1);
      }
    }
    for (let i = 0; i < count; i++) {
      const doc = this.wordTouched[i]!;
      this.add(doc, best[doc]!, this.wordTitled[doc] === 2, bit);
      best[doc] = 0;
      this.wordTitled[doc] = 0;
    }
  }

  /** Writes the reading's score into `scores` for every document of its stem (exact-form docs are among them). */
  private accumulate(reading: Reading, scores: Float32Array): void {
    const { stems, surface } = this.index;
    const stemWeight = reading.weight * this.idf(stems, reading.stemId);
    let end = stems.offsets[reading.stemId + 1]!;
    for (let p = stems.offsets[reading.stemId]!; p < end; p++) scores[stems.docs[p]!]! += stemWeight * this.fieldScore(stems, p);
    if (reading.surfaceId === undefined) return;
    const surfaceWeight = reading.weight * this.params.exactFormBonus * this.idf(surface, reading.surfaceId);
    end = surface.offsets[reading.surfaceId + 1]!;
    for (let p = surface.offsets[reading.surfaceId]!; p < end; p++)
      scores[surface.docs[p]!]! += surfaceWeight * this.fieldScore(surface, p);
  }
}

/**
 * The summed weights of the first `count` words whose bits the mask holds. A module function, not a
 * closure: the body scan calls it per sentence, and under tsx every named closure costs a `__name` call.
 */
function massOf(mask: number, weights: readonly number[], count: number): number {
  let sum = 0;
  for (let i = 0; i < count; i++) if (mask & (1 << i)) sum += weights[i]!;
  return sum;
}

/** Set bits of a 32-bit mask (the parallel bit count: no loop per bit). */
function popcount(mask: number): number {
  const pairs = mask - ((mask >>> 1) & 0x55555555);
  const nibbles = (pairs & 0x33333333) + ((pairs >>> 2) & 0x33333333);
  return Math.imul((nibbles + (nibbles >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24;
}

function mean(values: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += values[i]!;
  return values.length === 0 ? 0 : sum / values.length;
}
