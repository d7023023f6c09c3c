/**
 * The dated sentences a timeline keeps, packed in columns: the timeline cache's own form
 * (timeline-cache.ts), so a cached timeline is served from views on the file's bytes and an
 * extracted one is encoded by copying columns. One object per sentence, each with its own small
 * arrays of terms and date spans, took several times the room: news-id's 49,818 sentences held
 * about 50 MB that way.
 */
import { TypedList } from '../util/typed-list.ts';

/** The columns: candidate c's date spans are `spans[spanStart[c]..spanStart[c + 1])` (start/end pairs), its terms likewise. */
export interface CandidateColumns {
  /** Index of each candidate's article, in article order. */
  article: Int32Array;
  sentences: readonly string[];
  spanStart: Int32Array;
  /** Offsets in the sentence of the expressions that name its date, start and end after each other. */
  spans: Int32Array;
  termStart: Int32Array;
  /** Indices into `vocabulary`, in the order of first occurrence in the sentence. */
  termIds: Int32Array;
  /** Every term, in the order of first occurrence among the candidates. */
  vocabulary: readonly string[];
}

/** Dated sentences read by index: what a query needs of each (timeline.ts). */
export class CandidateTable {
  constructor(readonly columns: CandidateColumns) {}

  get size(): number {
    return this.columns.sentences.length;
  }

  article(c: number): number {
    return this.columns.article[c]!;
  }

  sentence(c: number): string {
    return this.columns.sentences[c]!;
  }

  /** Its distinct analyzed terms, date expressions left out, in order of first occurrence. */
  terms(c: number): string[] {
    const { termStart, termIds, vocabulary } = this.columns;
    const terms: string[] = [];
    for (let i = termStart[c]!, end = termStart[c + 1]!; i < end; i++) terms.push(vocabulary[termIds[i]!]!);
    return terms;
  }

  /** Offsets of the expressions that name its date (removed from the summary). */
  dateSpans(c: number): Array<[number, number]> {
    const { spanStart, spans } = this.columns;
    const pairs: Array<[number, number]> = [];
    for (let i = spanStart[c]!, end = spanStart[c + 1]!; i < end; i += 2) pairs.push([spans[i]!, spans[i + 1]!]);
    return pairs;
  }

  /** In how many candidates each term occurs, by term index. */
  termCounts(): Int32Array {
    const counts = new Int32Array(this.columns.vocabulary.length);
    for (const id of this.columns.termIds) counts[id]!++;
    return counts;
  }
}

const int32List = (): TypedList<Int32Array> => new TypedList((size) => new Int32Array(size));

/** A CandidateTable filled one candidate at a time, in article order. */
export class CandidateTableBuilder {
  readonly #article = int32List();
  readonly #sentences: string[] = [];
  readonly #spanStart = int32List();
  readonly #spans = int32List();
  readonly #termStart = int32List();
  readonly #termIds = int32List();
  readonly #vocabulary: string[] = [];
  readonly #termIndex = new Map<string, number>();

  constructor() {
    this.#spanStart.push(0);
    this.#termStart.push(0);
  }

  add(article: number, sentence: string, dateSpans: ReadonlyArray<readonly [number, number]>, terms: readonly string[]): void {
    this.#article.push(article);
    this.#sentences.push(sentence);
    for (const [start, end] of dateSpans) {
      this.#spans.push(start);
      this.#spans.push(end);
    }
    this.#spanStart.push(this.#spans.length);
    for (const term of terms) {
      let id = this.#termIndex.get(term);
      if (id === undefined) {
        id = this.#vocabulary.length;
        this.#vocabulary.push(term);
        this.#termIndex.set(term, id);
      }
      this.#termIds.push(id);
    }
    this.#termStart.push(this.#termIds.length);
  }

  build(): CandidateTable {
    return new CandidateTable({
      article: this.#article.toArray(),
      sentences: this.#sentences,
      spanStart: this.#spanStart.toArray(),
      spans: this.#spans.toArray(),
      termStart: this.#termStart.toArray(),
      termIds: this.#termIds.toArray(),
      vocabulary: this.#vocabulary,
    });
  }
}
