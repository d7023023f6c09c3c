/**
 * Ranking over the inverted index. Each query word is scored per document as the best of its
 * readings (the word itself, or at a discount a typo correction or the other root of a nasal prefix); a reading scores its stem's BM25
 * (title and body) plus a bonus when the exact written form occurs. Documents matching more of the query words rank
 * higher (coordination, where a word in the title counts more than one only in the body), and equal
 * scores go to the more recent article.
 */
import { TITLE_IMPACT_FLOOR, type IndexData, type TermSpace } from './inverted-index.ts';

/** One way of reading a query word: a stem, optionally an exact surface form, and how much it counts. */
export interface Reading {
  stemId: number;
  surfaceId: number | undefined;
  weight: number;
}

export interface RankedDoc {
  doc: number;
  score: number;
}

/** Share of the exact form's own BM25 added on top of the stem's: exact forms count more. */
const EXACT_FORM_BONUS = 0.5;
/** Coordination exponent: a document with m of n words keeps (m/n)^p of its score. */
const COORDINATION_POWER = 2;
/**
 * How much a word found only in the body counts toward coordination, against one in the title: people
 * remember headlines, so the article whose title holds all the words beats the one that holds some of
 * them and mentions the rest below.
 */
const BODY_ONLY_SHARE = 0.25;

export class Ranker {
  private readonly total: Float32Array;
  private readonly matched: Uint8Array;
  /** Per document, how many query words its title holds. */
  private readonly inTitle: Uint8Array;
  private readonly wordInTitle: Uint8Array;
  private readonly touched: Int32Array;
  private readonly readingScore: Float32Array;
  private readonly wordBest: Float32Array;
  private readonly wordTouched: Int32Array;

  constructor(
    private readonly index: IndexData,
    /** Larger is more recent; breaks ties. */
    private readonly recency: Float64Array,
  ) {
    const n = index.docCount;
    this.total = new Float32Array(n);
    this.matched = new Uint8Array(n);
    this.inTitle = new Uint8Array(n);
    this.wordInTitle = new Uint8Array(n);
    this.touched = new Int32Array(n);
    this.readingScore = new Float32Array(n);
    this.wordBest = new Float32Array(n);
    this.wordTouched = new Int32Array(n);
  }

  idf(space: TermSpace, id: number): number {
    const df = space.offsets[id + 1]! - space.offsets[id]!;
    return Math.log(1 + (this.index.docCount - df + 0.5) / (df + 0.5));
  }

  /**
   * The best `limit` documents for the words (each a list of readings) among those `accept` lets
   * through, and how many were accepted in all.
   */
  rank(words: Reading[][], accept: (doc: number) => boolean, limit: number): { hits: RankedDoc[]; total: number } {
    let touchedCount = 0;
    const { total, matched, touched, inTitle } = this;
    const markMatched = (doc: number, score: number, titled: boolean) => {
      if (matched[doc] === 0) touched[touchedCount++] = doc;
      matched[doc]!++;
      if (titled) inTitle[doc]!++;
      total[doc]! += score;
    };
    for (const readings of words) {
      if (readings.length === 1) this.scoreReading(readings[0]!, markMatched);
      else this.scoreBestReading(readings, markMatched);
    }

    const wordCount = words.length;
    const top: RankedDoc[] = [];
    let accepted = 0;
    for (let i = 0; i < touchedCount; i++) {
      const doc = touched[i]!;
      const titled = inTitle[doc]!;
      const coordination = (titled + BODY_ONLY_SHARE * (matched[doc]! - titled)) / wordCount;
      const score = total[doc]! * coordination ** COORDINATION_POWER;
      total[doc] = 0;
      matched[doc] = 0;
      inTitle[doc] = 0;
      if (!accept(doc)) continue;
      accepted++;
      if (top.length === limit && !this.better(doc, score, top[limit - 1]!)) continue;
      let at = top.length === limit ? limit - 1 : top.length;
      while (at > 0 && this.better(doc, score, top[at - 1]!)) {
        top[at] = top[at - 1]!;
        at--;
      }
      top[at] = { doc, score };
    }
    return { hits: top, total: accepted };
  }

  private better(doc: number, score: number, than: RankedDoc): boolean {
    const tolerance = 1e-6 * Math.max(score, than.score);
    if (Math.abs(score - than.score) > tolerance) return score > than.score;
    const a = this.recency[doc]!;
    const b = this.recency[than.doc]!;
    return a !== b ? a > b : doc < than.doc;
  }

  /** Adds one reading's score straight into the totals: its stem's documents, then the exact-form bonus. */
  private scoreReading(reading: Reading, add: (doc: number, score: number, titled: boolean) => void): void {
    const { stems, surface } = this.index;
    const stemWeight = reading.weight * this.idf(stems, reading.stemId);
    let end = stems.offsets[reading.stemId + 1]!;
    for (let p = stems.offsets[reading.stemId]!; p < end; p++) {
      const impact = stems.impacts[p]!;
      add(stems.docs[p]!, stemWeight * impact, impact > TITLE_IMPACT_FLOOR);
    }
    if (reading.surfaceId === undefined) return;
    const surfaceWeight = reading.weight * EXACT_FORM_BONUS * this.idf(surface, reading.surfaceId);
    end = surface.offsets[reading.surfaceId + 1]!;
    for (let p = surface.offsets[reading.surfaceId]!; p < end; p++) this.total[surface.docs[p]!]! += surfaceWeight * surface.impacts[p]!;
  }

  /** Several readings of a word: each document keeps its best one, and has the word in its title if any reading is there. */
  private scoreBestReading(readings: Reading[], add: (doc: number, score: number, titled: boolean) => void): void {
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
        if (best[doc] === 0) this.wordTouched[count++] = doc;
        if (score > best[doc]!) best[doc] = score;
        if (stems.impacts[p]! > TITLE_IMPACT_FLOOR) this.wordInTitle[doc] = 1;
      }
    }
    for (let i = 0; i < count; i++) {
      const doc = this.wordTouched[i]!;
      add(doc, best[doc]!, this.wordInTitle[doc] === 1);
      best[doc] = 0;
      this.wordInTitle[doc] = 0;
    }
  }

  /** Writes the reading's score into `scores` for every document of its stem (exact-form docs are among them). */
  private accumulate(reading: Reading, scores: Float32Array): void {
    const { stems, surface } = this.index;
    const stemWeight = reading.weight * this.idf(stems, reading.stemId);
    let end = stems.offsets[reading.stemId + 1]!;
    for (let p = stems.offsets[reading.stemId]!; p < end; p++) scores[stems.docs[p]!]! += stemWeight * stems.impacts[p]!;
    if (reading.surfaceId === undefined) return;
    const surfaceWeight = reading.weight * EXACT_FORM_BONUS * this.idf(surface, reading.surfaceId);
    end = surface.offsets[reading.surfaceId + 1]!;
    for (let p = surface.offsets[reading.surfaceId]!; p < end; p++) scores[surface.docs[p]!]! += surfaceWeight * surface.impacts[p]!;
  }
}
