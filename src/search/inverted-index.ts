/**
 * A compact inverted index in two term spaces: surface forms ("mengecam") and stems ("kecam"). Postings
 * are stored as flat typed arrays (CSR layout: a term's postings are `offsets[t] … offsets[t+1]`), each
 * with its raw counts per field, so the ranking parameters (`params.ts`) apply at query time. Beside it,
 * the body of every document as its sequence of stem ids with sentence and paragraph breaks: proximity
 * and passage evidence are read from it for the best candidates of a query.
 */
import type { Article } from '../corpus/types.ts';
import { hyphenParts, isStopword, normalizeWord, scanWords, stemAnew } from './analyzer.ts';
import { fnv1a, TermTable } from './term-table.ts';
import { TypedList } from '../util/typed-list.ts';

/** Postings of one term space. */
export interface TermSpace {
  /** In lexicographic (code-unit) order: a term's id is its rank. */
  terms: string[];
  /** Term → id, in the same compact form whether the index was built here or read from the cache. */
  ids: TermTable;
  /** `offsets[t]`..`offsets[t + 1]` index the postings of term `t`. */
  offsets: Uint32Array;
  docs: Uint32Array;
  /** Counts of the term in the document: title count in the top 4 bits, body count in the low 12 (see `titleCount`). */
  counts: Uint16Array;
}

export interface IndexData {
  docCount: number;
  surface: TermSpace;
  stems: TermSpace;
  /** Stem id of each surface term. */
  surfaceStem: Uint32Array;
  /** Words per document in the title (0 for a title derived from the lead: that is body text) and in the body. */
  titleLength: Uint16Array;
  bodyLength: Uint32Array;
  /**
   * The body of document d is `bodyTerms[bodyStart[d]] … bodyTerms[bodyStart[d + 1]]`: the stem ids of its
   * words (stopwords left out; a hyphenated word followed by its halves), with `SENTENCE_BREAK` and
   * `PARAGRAPH_BREAK` between sentences and paragraphs.
   */
  bodyTerms: Uint32Array;
  bodyStart: Uint32Array;
}

export const PARAGRAPH_BREAK = 0xffffffff;
export const SENTENCE_BREAK = 0xfffffffe;

const TITLE_COUNT_MAX = 0xf;
const BODY_COUNT_MAX = 0xfff;
/** Sentences of the indexed bodies: each ends at a sentence or paragraph break of the term sequence. */
export function sentenceCount(index: IndexData): number {
  let count = 0;
  for (let p = 0; p < index.bodyTerms.length; p++) if (index.bodyTerms[p]! >= SENTENCE_BREAK) count++;
  return count;
}

export const titleCount = (packed: number): number => packed >>> 12;
export const bodyCount = (packed: number): number => packed & BODY_COUNT_MAX;

/** A build's column of uint32s (postings, forms), grown by doubling from 64 Ki. */
const u32List = (): TypedList<Uint32Array> => new TypedList((size) => new Uint32Array(size), 1 << 16);

/** Per-space accumulation while documents stream through, in document order. */
class SpaceBuilder {
  readonly terms: string[] = [];
  readonly ids = new Map<string, number>();
  private readonly termOf = u32List();
  private readonly docOf = u32List();
  /** Title count in the high 16 bits, body count in the low 16. */
  private readonly counts = u32List();
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
  finish(): { space: TermSpace; newId: Uint32Array } {
    // code-unit order, the order `<` uses (prefix ranges are contiguous in it): the default sort's, with no
    // comparator call per pair
    const terms = [...this.terms].sort();
    // the lookup a cache-read index has too (a Map of the same terms holds several times its memory)
    const ids = new TermTable(terms);
    const newId = Uint32Array.from(this.terms, (term) => ids.get(term)!);
    const n = this.termOf.length;
    const offsets = new Uint32Array(terms.length + 1);
    for (let i = 0; i < n; i++) offsets[newId[this.termOf.data[i]!]! + 1]!++;
    for (let t = 0; t < terms.length; t++) offsets[t + 1]! += offsets[t]!;
    const cursor = offsets.slice(0, -1);
    const docs = new Uint32Array(n);
    const counts = new Uint16Array(n);
    for (let i = 0; i < n; i++) {
      const at = cursor[newId[this.termOf.data[i]!]!]!++;
      docs[at] = this.docOf.data[i]!;
      const packed = this.counts.data[i]!;
      counts[at] = (Math.min(packed >>> 16, TITLE_COUNT_MAX) << 12) | Math.min(packed & 0xffff, BODY_COUNT_MAX);
    }
    // Before the other space and the body sequence are made: the build's largest moment.
    this.termOf.release();
    this.docOf.release();
    this.counts.release();
    return { space: { terms, ids, offsets, docs, counts }, newId };
  }
}

/**
 * What each written form contributes, found straight from the text: an open-addressing table keyed by a
 * hash of the word's characters, checked against the stored form in place. News text repeats a few
 * hundred thousand forms millions of times; cutting each word out as a string and hashing it for a Map
 * was most of the build's time.
 */
class WrittenForms {
  private readonly forms: string[] = [];
  /** Per slot, the characters' hash and the form's index + 1 (0: empty), side by side in one cache line. */
  private slots = new Int32Array(2 << 16);
  /** 32 − log2(slot count): a slot is picked by the top bits of the hash times the golden ratio. */
  private shift = 16;

  /** The number of `text[start, end)` among the forms met so far; a new form is first passed to `added`. */
  idOf(text: string, start: number, end: number, added: (written: string) => void): number {
    const hash = fnv1a(text, start, end);
    const length = end - start;
    const { slots } = this;
    const mask = slots.length - 2;
    let at = (Math.imul(hash, 0x9e3779b1) >>> this.shift) << 1;
    for (; slots[at + 1] !== 0; at = (at + 2) & mask) {
      if (slots[at] !== hash) continue;
      const id = slots[at + 1]! - 1;
      const form = this.forms[id]!;
      if (form.length === length && text.startsWith(form, start)) return id;
    }
    const written = text.slice(start, end);
    added(written);
    this.forms.push(written);
    slots[at] = hash;
    slots[at + 1] = this.forms.length;
    if (this.forms.length * 4 > slots.length) this.grow();
    return this.forms.length - 1;
  }

  private grow(): void {
    const old = this.slots;
    const slots = new Int32Array(old.length * 2);
    const mask = slots.length - 2;
    this.shift--;
    for (let from = 0; from < old.length; from += 2) {
      if (old[from + 1] === 0) continue;
      let at = (Math.imul(old[from]!, 0x9e3779b1) >>> this.shift) << 1;
      while (slots[at + 1] !== 0) at = (at + 2) & mask;
      slots[at] = old[from]!;
      slots[at + 1] = old[from + 1]!;
    }
    this.slots = slots;
  }
}

/** Body text the index sees: paragraphs and photo captions. */
export function bodyText(article: Article): string[] {
  return article.captions.length === 0 ? article.paragraphs : [...article.paragraphs, ...article.captions];
}

/** Articles indexed between two yields to the event loop, so a bot rebuilding aside stays responsive. */
const YIELD_EVERY = 500;

/**
 * What one written form contributes to the index, worked out once per distinct spelling and kept in flat
 * arrays by form number (the build reads them for every word of the corpus).
 */
const enum FormKind {
  /** No letters or digits once normalized. */
  Empty,
  /** One surface form and its stem. */
  Word,
  /**
   * Stopwords are indexed in titles only (a remembered headline holds them; a body's thousands of
   * "yang" tell nothing) and do not count toward field lengths.
   */
  Stopword,
  /** A hyphenated word, indexed whole and by its halves: several surface forms and stems. */
  Compound,
}

/** True when the gap between two words ends a sentence: a full stop, ! or ? followed by a space. */
function endsSentence(text: string, from: number, to: number): boolean {
  for (let i = from; i < to - 1; i++) {
    const c = text.charCodeAt(i);
    if ((c === 0x2e || c === 0x21 || c === 0x3f) && /\s/.test(text[i + 1]!)) return true;
  }
  return false;
}

export async function buildIndex(articles: readonly Article[]): Promise<IndexData> {
  const surface = new SpaceBuilder();
  const stems = new SpaceBuilder();
  const surfaceStem: number[] = [];
  const forms = new WrittenForms();
  const formKind = u32List();
  const formSurface = u32List();
  const formStem = u32List();
  const compounds = new Map<number, { surfaceIds: number[]; stemIds: number[] }>();
  const titleLength = new Uint16Array(articles.length);
  const bodyLength = new Uint32Array(articles.length);
  const bodyTerms = u32List();
  const bodyStart = new Uint32Array(articles.length + 1);

  // A word's stem, from the builders when the word was met before: not through the analyzer's memo, which
  // would keep every word of the corpus (~10 MB at news-id) for the life of the thread serving the index.
  const stemOf = (norm: string): string => {
    const surfaceId = surface.ids.get(norm);
    return surfaceId === undefined ? stemAnew(norm) : stems.terms[surfaceStem[surfaceId]!]!;
  };
  const addForm = (written: string) => {
    const norm = normalizeWord(written);
    const own = { norm, stem: stemOf(norm) };
    const stopword = norm.length > 0 && isStopword(norm);
    const parts = norm.length === 0 || stopword ? [] : hyphenParts(own, stemOf);
    const kind = norm.length === 0 ? FormKind.Empty : stopword ? FormKind.Stopword : parts.length > 0 ? FormKind.Compound : FormKind.Word;
    const surfaceIds: number[] = [];
    const stemIds: number[] = [];
    if (kind !== FormKind.Empty) {
      for (const form of [own, ...parts]) {
        const surfaceId = surface.idOf(form.norm);
        const stemId = stems.idOf(form.stem);
        surfaceStem[surfaceId] = stemId;
        surfaceIds.push(surfaceId);
        if (!stemIds.includes(stemId)) stemIds.push(stemId);
      }
    }
    if (kind === FormKind.Compound) compounds.set(formKind.length, { surfaceIds, stemIds });
    formKind.push(kind);
    formSurface.push(surfaceIds[0] ?? 0);
    formStem.push(stemIds[0] ?? 0);
  };

  /** Counts form `id` in the current document (in the body, its stems also go to `bodyTerms`). */
  const count = (id: number, inTitle: boolean) => {
    if (formKind.data[id] === FormKind.Compound) {
      const { surfaceIds, stemIds } = compounds.get(id)!;
      for (const surfaceId of surfaceIds) surface.count(surfaceId, inTitle);
      for (const stemId of stemIds) {
        stems.count(stemId, inTitle);
        if (!inTitle) bodyTerms.push(stemId);
      }
      return;
    }
    surface.count(formSurface.data[id]!, inTitle);
    const stemId = formStem.data[id]!;
    stems.count(stemId, inTitle);
    if (!inTitle) bodyTerms.push(stemId);
  };

  const addTitle = (text: string, doc: number) => {
    scanWords(text, (start, end) => {
      const id = forms.idOf(text, start, end, addForm);
      const kind = formKind.data[id];
      if (kind === FormKind.Empty) return;
      if (kind !== FormKind.Stopword) titleLength[doc] = Math.min(titleLength[doc]! + 1, 0xffff);
      count(id, true);
    });
  };

  const addParagraph = (text: string, doc: number) => {
    let previousEnd = -1;
    scanWords(text, (start, end) => {
      const id = forms.idOf(text, start, end, addForm);
      const kind = formKind.data[id];
      if (kind === FormKind.Empty || kind === FormKind.Stopword) return;
      if (previousEnd !== -1 && endsSentence(text, previousEnd, start)) bodyTerms.push(SENTENCE_BREAK);
      previousEnd = end;
      bodyLength[doc]!++;
      count(id, false);
    });
    bodyTerms.push(PARAGRAPH_BREAK);
  };

  for (let doc = 0; doc < articles.length; doc++) {
    const article = articles[doc]!;
    bodyStart[doc] = bodyTerms.length;
    // a title derived from the lead is the lead's first sentence: body text, not a headline
    if (!article.titleDerived) addTitle(article.title, doc);
    for (const paragraph of bodyText(article)) addParagraph(paragraph, doc);
    surface.endDocument(doc);
    stems.endDocument(doc);
    if (doc % YIELD_EVERY === YIELD_EVERY - 1) await new Promise((resolve) => setImmediate(resolve));
  }
  bodyStart[articles.length] = bodyTerms.length;

  const surfaceSpace = surface.finish();
  const stemSpace = stems.finish();
  const stemOfSurface = new Uint32Array(surfaceStem.length);
  surfaceStem.forEach((stemId, surfaceId) => (stemOfSurface[surfaceSpace.newId[surfaceId]!] = stemSpace.newId[stemId]!));
  const sequence = bodyTerms.data.slice(0, bodyTerms.length);
  bodyTerms.release();
  for (let i = 0; i < sequence.length; i++) if (sequence[i]! < SENTENCE_BREAK) sequence[i] = stemSpace.newId[sequence[i]!]!;
  return {
    docCount: articles.length,
    surface: surfaceSpace.space,
    stems: stemSpace.space,
    surfaceStem: stemOfSurface,
    titleLength,
    bodyLength,
    bodyTerms: sequence,
    bodyStart,
  };
}

/** Document frequency of a term. */
export function docFrequency(space: TermSpace, id: number): number {
  return space.offsets[id + 1]! - space.offsets[id]!;
}
