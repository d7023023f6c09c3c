/**
 * A compact inverted index in two term spaces: surface forms ("mengecam") and stems ("kecam"). Postings
 * are stored as flat typed arrays (CSR layout: a term's postings are `offsets[t] … offsets[t+1]`), each
 * with a precomputed BM25 impact, so a query is a few tight loops and the whole index serializes as
 * raw buffers.
 */
import type { Article } from '../corpus/types.ts';
import { hyphenParts, isStopword, normalizeWord, scanWords, stem } from './analyzer.ts';

/** Postings of one term space. */
export interface TermSpace {
  /** In lexicographic (code-unit) order: a term's id is its rank. */
  terms: string[];
  ids: Map<string, number>;
  /** `offsets[t]`..`offsets[t + 1]` index the postings of term `t`. */
  offsets: Uint32Array;
  docs: Uint32Array;
  /** BM25 term-frequency saturation of the posting (title and body), without idf. */
  impacts: Float32Array;
}

export interface IndexData {
  docCount: number;
  surface: TermSpace;
  stems: TermSpace;
  /** Stem id of each surface term. */
  surfaceStem: Uint32Array;
}

/**
 * BM25 per field, summed with the title weighing several times the body: the words people remember
 * are the headline's. Saturation per field keeps a long body from drowning a title match.
 */
const K1 = 1.2;
const TITLE_WEIGHT = 20;
const B_TITLE = 0.4;
const B_BODY = 0.75;

/**
 * A title match always weighs at least this much, and a body-only posting never reaches half of it
 * (body saturation stays below K1 + 1): the ranker tells title matches by `impact > TITLE_IMPACT_FLOOR`.
 */
const TITLE_IMPACT_MIN = 2 * (K1 + 1);
export const TITLE_IMPACT_FLOOR = K1 + 1;

function saturation(tf: number, length: number, average: number, b: number): number {
  return tf === 0 ? 0 : (tf * (K1 + 1)) / (tf + K1 * (1 - b + (b * length) / average));
}

/** A typed array that grows by doubling. */
class GrowableU32 {
  data = new Uint32Array(1 << 16);
  length = 0;
  push(value: number): void {
    if (this.length === this.data.length) {
      const bigger = new Uint32Array(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.length++] = value;
  }
}

/** Per-space accumulation while documents stream through, in document order. */
class SpaceBuilder {
  readonly terms: string[] = [];
  readonly ids = new Map<string, number>();
  private readonly termOf = new GrowableU32();
  private readonly docOf = new GrowableU32();
  /** Title count in the high 16 bits, body count in the low 16. */
  private readonly counts = new GrowableU32();
  /** Counts of the current document, by term id, and the ids it touched. */
  private docCounts = new Uint32Array(1 << 16);
  private readonly touched: number[] = [];

  idOf(term: string): number {
    let id = this.ids.get(term);
    if (id === undefined) {
      id = this.terms.length;
      this.terms.push(term);
      this.ids.set(term, id);
      if (id === this.docCounts.length) {
        const bigger = new Uint32Array(id * 2);
        bigger.set(this.docCounts);
        this.docCounts = bigger;
      }
    }
    return id;
  }

  count(id: number, inTitle: boolean): void {
    const packed = this.docCounts[id]!;
    if (packed === 0) this.touched.push(id);
    const title = packed >>> 16;
    const body = packed & 0xffff;
    this.docCounts[id] = inTitle ? (Math.min(title + 1, 0xffff) << 16) | body : (title << 16) | Math.min(body + 1, 0xffff);
  }

  endDocument(docId: number): void {
    for (const id of this.touched) {
      this.termOf.push(id);
      this.docOf.push(docId);
      this.counts.push(this.docCounts[id]!);
      this.docCounts[id] = 0;
    }
    this.touched.length = 0;
  }

  /**
   * The finished postings, with term ids renumbered in lexicographic order of the terms (so prefix
   * ranges need no sorting at start-up); `newId` maps the ids handed out while building.
   */
  finish(titleLen: Float64Array, bodyLen: Float64Array): { space: TermSpace; newId: Uint32Array } {
    const avgTitle = Math.max(mean(titleLen), 1);
    const avgBody = Math.max(mean(bodyLen), 1);
    const order = Uint32Array.from(this.terms.keys()).sort((a, b) => compareTerms(this.terms[a]!, this.terms[b]!));
    const newId = new Uint32Array(order.length);
    order.forEach((old, id) => (newId[old] = id));
    const terms = Array.from(order, (old) => this.terms[old]!);
    const n = this.termOf.length;
    const offsets = new Uint32Array(terms.length + 1);
    for (let i = 0; i < n; i++) offsets[newId[this.termOf.data[i]!]! + 1]!++;
    for (let t = 0; t < terms.length; t++) offsets[t + 1]! += offsets[t]!;
    const cursor = offsets.slice(0, -1);
    const docs = new Uint32Array(n);
    const impacts = new Float32Array(n);
    for (let i = 0; i < n; i++) {
      const doc = this.docOf.data[i]!;
      const packed = this.counts.data[i]!;
      const at = cursor[newId[this.termOf.data[i]!]!]!++;
      docs[at] = doc;
      const titleCount = packed >>> 16;
      const title =
        titleCount === 0 ? 0 : Math.max(TITLE_WEIGHT * saturation(titleCount, titleLen[doc]!, avgTitle, B_TITLE), TITLE_IMPACT_MIN);
      impacts[at] = title + saturation(packed & 0xffff, bodyLen[doc]!, avgBody, B_BODY);
    }
    const ids = new Map<string, number>();
    terms.forEach((term, id) => ids.set(term, id));
    return { space: { terms, ids, offsets, docs, impacts }, newId };
  }
}

/** Code-unit order, the order `<` uses: prefix ranges are contiguous in it. */
function compareTerms(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function mean(values: Float64Array): number {
  let sum = 0;
  for (const v of values) sum += v;
  return values.length === 0 ? 0 : sum / values.length;
}

/** Body text the index sees: paragraphs and photo captions. */
export function bodyText(article: Article): string[] {
  return article.captions.length === 0 ? article.paragraphs : [...article.paragraphs, ...article.captions];
}

/** Articles indexed between two yields to the event loop, so a bot rebuilding aside stays responsive. */
const YIELD_EVERY = 500;

/** What one written word contributes to the index, worked out once per distinct spelling. */
interface WordEntry {
  surfaceIds: number[];
  stemIds: number[];
  /**
   * Stopwords are indexed in titles only (a remembered headline holds them; a body's thousands of
   * "yang" tell nothing) and do not count toward field lengths.
   */
  stopword: boolean;
}

export async function buildIndex(articles: readonly Article[]): Promise<IndexData> {
  const surface = new SpaceBuilder();
  const stems = new SpaceBuilder();
  const surfaceStem: number[] = [];
  const entries = new Map<string, WordEntry | null>();
  const titleLen = new Float64Array(articles.length);
  const bodyLen = new Float64Array(articles.length);

  const entryOf = (written: string): WordEntry | null => {
    let entry = entries.get(written);
    if (entry !== undefined) return entry;
    entry = null;
    const norm = normalizeWord(written);
    if (norm.length > 0) {
      const stopword = isStopword(norm);
      entry = { surfaceIds: [], stemIds: [], stopword };
      const own = { norm, stem: stem(norm) };
      const forms = stopword ? [own] : [own, ...hyphenParts(own)];
      for (const form of forms) {
        const surfaceId = surface.idOf(form.norm);
        const stemId = stems.idOf(form.stem);
        surfaceStem[surfaceId] = stemId;
        entry.surfaceIds.push(surfaceId);
        if (!entry.stemIds.includes(stemId)) entry.stemIds.push(stemId);
      }
    }
    entries.set(written, entry);
    return entry;
  };

  const addText = (text: string, inTitle: boolean, lengths: Float64Array, doc: number) => {
    scanWords(text, (start, end) => {
      const entry = entryOf(text.slice(start, end));
      if (!entry || (entry.stopword && !inTitle)) return;
      if (!entry.stopword) lengths[doc]!++;
      for (const id of entry.surfaceIds) surface.count(id, inTitle);
      for (const id of entry.stemIds) stems.count(id, inTitle);
    });
  };

  for (let doc = 0; doc < articles.length; doc++) {
    const article = articles[doc]!;
    addText(article.title, true, titleLen, doc);
    for (const paragraph of bodyText(article)) addText(paragraph, false, bodyLen, doc);
    surface.endDocument(doc);
    stems.endDocument(doc);
    if (doc % YIELD_EVERY === YIELD_EVERY - 1) await new Promise((resolve) => setImmediate(resolve));
  }

  const surfaceSpace = surface.finish(titleLen, bodyLen);
  const stemSpace = stems.finish(titleLen, bodyLen);
  const stemOfSurface = new Uint32Array(surfaceStem.length);
  surfaceStem.forEach((stemId, surfaceId) => (stemOfSurface[surfaceSpace.newId[surfaceId]!] = stemSpace.newId[stemId]!));
  return { docCount: articles.length, surface: surfaceSpace.space, stems: stemSpace.space, surfaceStem: stemOfSurface };
}

/** Document frequency of a term. */
export function docFrequency(space: TermSpace, id: number): number {
  return space.offsets[id + 1]! - space.offsets[id]!;
}
