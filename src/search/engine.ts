/**
 * The /cari search engine over a loaded corpus: Indonesian-aware ranking (stems, exact-form bonus,
 * typo readings, coordination, title boost), phrase and exclusion operators, publisher and date
 * filters, excerpts, autocomplete. Plain data in, plain data out; no Discord here.
 */
import type { Article } from '../corpus/types.ts';
import type { SearchHit, SearchOptions, SearchProblem, SearchResult } from './types.ts';
import { isStopword } from './analyzer.ts';
import { EXCERPT_CHARS, excerptOf, type Highlight } from './excerpt.ts';
import { DocFacts, daySpan } from './filters.ts';
import { corpusHash, readCachedIndex, writeCachedIndex } from './index-cache.ts';
import { buildIndex, docFrequency, type IndexData } from './inverted-index.ts';
import { nasalAlternative, parseQuery, type ParsedQuery, type QueryWord } from './query.ts';
import { DEFAULT_RANKING_PARAMS, type RankingParams } from './params.ts';
import { Ranker, type RankedWord, type Reading } from './ranker.ts';
import { Suggester } from './suggest.ts';
import { knownVariants } from './typos.ts';

export interface BuildOptions {
  /** Folder for the persisted index; it is reused when the corpus is unchanged. */
  cacheDir?: string;
  /** Ranking parameters other than the defaults (`DEFAULT_RANKING_PARAMS`). */
  ranking?: Partial<RankingParams>;
}

/**
 * A query word is checked for typos when it is unknown or this rare (document frequency): a slip often
 * lands on another, rare word ("pena" → "pen"), so rare known words get readings too.
 */
const RARE_WORD_DF = 20;
/** A correction must be at least this many times more frequent than the word as typed. */
const CORRECTION_MIN_RATIO = 10;
const MAX_CORRECTIONS = 3;
const MIN_TYPO_LENGTH = 4;
/** A four-letter word with a letter dropped ("usia" → "uia") is still worth correcting when no article uses it. */
const MIN_UNKNOWN_TYPO_LENGTH = 3;
/** Longer "words" are not language (pasted hashes, "aaaa…"): their variants would only cost time. */
const MAX_TYPO_LENGTH = 24;
const DEFAULT_LIMIT = 10;
const MAX_LIMIT = 100;
/** Fewer hits than this and a spelling suggestion is offered. */
const FEW_HITS = 3;

/** A query made ready for ranking. */
interface PreparedQuery {
  words: RankedWord[];
  highlight: Highlight;
  /** The query with each doubtful word replaced by its likeliest correction, when any. */
  corrected: string | undefined;
  /** Some word was unknown to the corpus and replaced by a correction. */
  hadUnknownWord: boolean;
}

export class SearchEngine {
  /** How the index was obtained: built now, or read from the cache folder. */
  readonly origin: 'built' | 'cache';
  /** Why a cached index was not used, when it was not. */
  readonly cacheNote: string | undefined;
  private readonly params: RankingParams;
  private readonly ranker: Ranker;
  private readonly facts: DocFacts;
  private readonly docById = new Map<string, number>();
  private readonly suggester: Suggester;

  private constructor(
    private readonly articles: readonly Article[],
    private readonly index: IndexData,
    origin: 'built' | 'cache',
    cacheNote: string | undefined,
    ranking: Partial<RankingParams>,
  ) {
    this.origin = origin;
    this.cacheNote = cacheNote;
    this.facts = new DocFacts(articles);
    this.params = { ...DEFAULT_RANKING_PARAMS, ...ranking };
    this.ranker = new Ranker(index, this.facts.recency, this.params);
    articles.forEach((article, doc) => this.docById.set(article.id, doc));
    this.suggester = new Suggester(index, articles, this.facts.recency, (query, limit) => this.matchArticles(query, limit));
  }

  static async build(articles: readonly Article[], opts: BuildOptions = {}): Promise<SearchEngine> {
    const ranking = opts.ranking ?? {};
    if (opts.cacheDir === undefined) return new SearchEngine(articles, await buildIndex(articles), 'built', undefined, ranking);
    const hash = corpusHash(articles);
    const cached = readCachedIndex(opts.cacheDir, hash, articles.length);
    if (cached.index) return new SearchEngine(articles, cached.index, 'cache', undefined, ranking);
    const index = await buildIndex(articles);
    let note = cached.reason;
    try {
      writeCachedIndex(opts.cacheDir, hash, index);
    } catch (error) {
      note = `${note}; could not write the cache: ${(error as Error).message}`;
    }
    return new SearchEngine(articles, index, 'built', note, ranking);
  }

  get size(): number {
    return this.articles.length;
  }

  article(id: string): Article | undefined {
    const doc = this.docById.get(id);
    return doc === undefined ? undefined : this.articles[doc];
  }

  search(query: string, opts: SearchOptions = {}): SearchResult {
    const started = performance.now();
    const done = (result: Omit<SearchResult, 'tookMs'>): SearchResult => ({ ...result, tookMs: performance.now() - started });
    const parsed = parseQuery(typeof query === 'string' ? query : '');
    if (parsed.problem) return done({ hits: [], total: 0, problem: parsed.problem });
    const filter = this.filterOf(opts);
    if (filter !== null && 'kind' in filter) return done({ hits: [], total: 0, problem: filter });

    const prepared = this.prepare(parsed);
    const accept = this.acceptor(parsed, filter);
    const limit = clampCount(opts.limit, DEFAULT_LIMIT, 1, MAX_LIMIT);
    const ranked = this.ranker.rank(prepared.words, accept, limit);
    const hits = ranked.hits.map(({ doc, score, passage }) => this.hitOf(doc, score, prepared.highlight, passage));
    const offerCorrection = prepared.corrected !== undefined && (prepared.hadUnknownWord || ranked.total < FEW_HITS);
    return done({ hits, total: ranked.total, ...(offerCorrection ? { didYouMean: prepared.corrected } : {}) });
  }

  /** Ranked article ids for a query, without excerpts or filters (the timeline's topic matching). */
  matchArticles(query: string, limit = 50): { id: string; score: number }[] {
    const parsed = parseQuery(typeof query === 'string' ? query : '');
    if (parsed.problem) return [];
    const prepared = this.prepare(parsed);
    const { hits } = this.ranker.rank(prepared.words, this.acceptor(parsed, null), clampCount(limit, 50, 1, 10_000));
    return hits.map(({ doc, score }) => ({ id: this.articles[doc]!.id, score }));
  }

  /** Autocomplete: at most `limit` (≤ 25) query completions and titles for what has been typed so far. */
  suggest(prefix: string, limit = 25): string[] {
    return this.suggester.suggest(typeof prefix === 'string' ? prefix : '', clampCount(limit, 25, 0, 25));
  }

  /** Publisher names containing the text (any case), most prolific first. */
  publishers(prefix = ''): string[] {
    const needle = prefix.trim().toLowerCase();
    return this.facts.publisherNames
      .map((name, id) => ({ name, count: this.facts.publisherCounts[id]! }))
      .filter(({ name }) => name.toLowerCase().includes(needle))
      .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name))
      .map(({ name }) => name);
  }

  private hitOf(doc: number, score: number, highlight: Highlight, passage: number | undefined): SearchHit {
    const article = this.articles[doc]!;
    const excerpt = excerptOf(article, highlight, EXCERPT_CHARS, passage);
    return {
      articleId: article.id,
      title: article.title,
      publisher: article.publisher,
      origin: article.origin,
      date: article.date,
      url: article.url,
      excerpt: excerpt.text,
      highlights: excerpt.highlights,
      score,
    };
  }

  /** Readings of every query word (typo corrections included), what to highlight, and a suggestion. */
  private prepare(parsed: ParsedQuery): PreparedQuery {
    const { surface, stems, surfaceStem } = this.index;
    const { correctionWeight, alternativeRootWeight, commonWordWeight } = this.params;
    const words: RankedWord[] = [];
    const stemWeights = new Map<string, number>();
    const probes = new Set<string>();
    const correctedWords: string[] = [];
    let corrected = false;
    let hadUnknownWord = false;
    const surfaceFrequency = (word: string) => {
      const id = surface.ids.get(word);
      return id === undefined ? 0 : docFrequency(surface, id);
    };
    const remember = (stemId: number, norm: string) => {
      const stem = stems.terms[stemId]!;
      stemWeights.set(stem, Math.max(stemWeights.get(stem) ?? 0, this.ranker.idf(stems, stemId)));
      probes.add(norm);
      // meN-/peN- drop the root's first k, p, t or s ("mengecam" for kecam)
      probes.add(stem.length > 3 && 'kpts'.includes(stem[0]!) ? stem.slice(1) : stem);
    };

    for (const word of parsed.words) {
      const own: Reading[] = [];
      const stemId = stems.ids.get(word.stem);
      const surfaceId = surface.ids.get(word.norm);
      if (stemId !== undefined) {
        own.push({ stemId, surfaceId, weight: 1 });
        remember(stemId, word.norm);
      }
      const alternative = nasalAlternative(word);
      const alternativeId = alternative === undefined ? undefined : stems.ids.get(alternative);
      if (alternativeId !== undefined) {
        own.push({ stemId: alternativeId, surfaceId: undefined, weight: alternativeRootWeight });
        remember(alternativeId, word.norm);
      }
      const corrections = this.corrections(word, surfaceFrequency(word.norm), surfaceFrequency);
      for (const correction of corrections) {
        const id = surface.ids.get(correction)!;
        const correctionStem = surfaceStem[id]!;
        if (correctionStem === stemId || correctionStem === alternativeId) continue;
        own.push({ stemId: correctionStem, surfaceId: id, weight: correctionWeight });
        remember(correctionStem, correction);
      }
      if (corrections.length > 0) {
        corrected = true;
        if (stemId === undefined) hadUnknownWord = true;
      }
      correctedWords.push(corrections[0] ?? word.text);
      if (own.length > 0) words.push({ readings: own, coordinates: true });
    }
    for (const word of parsed.commonWords) {
      const stemId = stems.ids.get(word.stem);
      if (stemId !== undefined) {
        words.push({ readings: [{ stemId, surfaceId: surface.ids.get(word.norm), weight: commonWordWeight }], coordinates: false });
      }
    }
    return {
      words,
      highlight: { stems: stemWeights, probes: [...probes] },
      corrected: corrected ? correctedWords.join(' ') : undefined,
      hadUnknownWord,
    };
  }

  /** Likely intended spellings of a word that is unknown or rare in the corpus. */
  private corrections(word: QueryWord, frequency: number, surfaceFrequency: (w: string) => number): string[] {
    const minLength = frequency === 0 ? MIN_UNKNOWN_TYPO_LENGTH : MIN_TYPO_LENGTH;
    if (frequency > RARE_WORD_DF || word.norm.length < minLength || word.norm.length > MAX_TYPO_LENGTH) return [];
    if (!/^[a-z]+$/.test(word.norm)) return [];
    const floor = Math.max(1, frequency * CORRECTION_MIN_RATIO);
    return knownVariants(word.norm, surfaceFrequency, MAX_CORRECTIONS)
      .filter((v) => v.frequency >= floor)
      .map((v) => v.word);
  }

  /** Publisher and date bounds from the options, or what is wrong with them. */
  private filterOf(opts: SearchOptions): { publisher?: number; from: number; to: number } | null | SearchProblem {
    let publisher: number | undefined;
    if (opts.publisher !== undefined && opts.publisher.trim() !== '') {
      publisher = this.facts.findPublisher(opts.publisher);
      if (publisher === undefined) {
        const suggestions = this.publishers(opts.publisher.trim().slice(0, 4)).slice(0, 5);
        return { kind: 'unknown-publisher', publisher: opts.publisher, suggestions };
      }
    }
    const from = opts.from ? daySpan(opts.from.trim()) : null;
    const to = opts.to ? daySpan(opts.to.trim()) : null;
    if (opts.from && !from) return { kind: 'bad-date', bound: 'from', value: opts.from };
    if (opts.to && !to) return { kind: 'bad-date', bound: 'to', value: opts.to };
    if (from && to && from.from > to.to) return { kind: 'reversed-dates', from: opts.from!, to: opts.to! };
    if (publisher === undefined && !from && !to) return null;
    return { ...(publisher === undefined ? {} : { publisher }), from: from?.from ?? -Infinity, to: to?.to ?? Infinity };
  }

  /** The test a document must pass: filters, exclusions, phrases. */
  private acceptor(parsed: ParsedQuery, filter: { publisher?: number; from: number; to: number } | null): (doc: number) => boolean {
    const excluded = this.excludedDocs(parsed.excluded);
    // phrases are checked against the text only where all their words occur
    const phraseCandidates = parsed.phrases.length === 0 ? null : this.docsWithAllWords(parsed.phrases.flat());
    const phrases = parsed.phrases.map(phrasePattern);
    const excludedPhrases = parsed.excludedPhrases.map(phrasePattern);
    const dated = filter !== null && (filter.from !== -Infinity || filter.to !== Infinity);
    return (doc) => {
      if (filter) {
        if (filter.publisher !== undefined && this.facts.publisherOf[doc] !== filter.publisher) return false;
        if (dated && !this.facts.inDateRange(doc, filter.from, filter.to)) return false;
      }
      if (excluded?.[doc]) return false;
      if (phraseCandidates && phraseCandidates[doc] === 0) return false;
      if (phrases.length === 0 && excludedPhrases.length === 0) return true;
      const article = this.articles[doc]!;
      return phrases.every((p) => containsPhrase(article, p)) && !excludedPhrases.some((p) => containsPhrase(article, p));
    };
  }

  /** 1 for the documents holding every one of the (non-stopword) written forms. */
  private docsWithAllWords(norms: string[]): Uint8Array {
    const { surface } = this.index;
    const distinct = [...new Set(norms.filter((norm) => !isStopword(norm)))];
    const counts = new Uint8Array(this.index.docCount);
    const ids = distinct.map((norm) => surface.ids.get(norm));
    if (ids.some((id) => id === undefined)) return counts;
    for (const id of ids as number[]) {
      for (let p = surface.offsets[id]!; p < surface.offsets[id + 1]!; p++) counts[surface.docs[p]!]!++;
    }
    for (let doc = 0; doc < counts.length; doc++) counts[doc] = counts[doc] === distinct.length ? 1 : 0;
    return counts;
  }

  private excludedDocs(words: QueryWord[]): Uint8Array | null {
    if (words.length === 0) return null;
    const { stems } = this.index;
    const mask = new Uint8Array(this.index.docCount);
    for (const word of words) {
      const id = stems.ids.get(word.stem);
      if (id === undefined) continue;
      for (let p = stems.offsets[id]!; p < stems.offsets[id + 1]!; p++) mask[stems.docs[p]!] = 1;
    }
    return mask;
  }
}

/** A whole number within bounds; the fallback for anything that is not a finite number. */
function clampCount(value: number | undefined, fallback: number, min: number, max: number): number {
  return typeof value === 'number' && Number.isFinite(value) ? Math.min(Math.max(Math.trunc(value), min), max) : fallback;
}

/** A phrase as a pattern over the text: its words in order, separated by anything that is not a word. */
function phrasePattern(words: string[]): RegExp {
  const escaped = words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`(?<![\\p{L}\\p{N}])${escaped.join('[^\\p{L}\\p{N}]+')}(?![\\p{L}\\p{N}])`, 'iu');
}

function containsPhrase(article: Article, pattern: RegExp): boolean {
  return pattern.test(article.title) || article.paragraphs.some((p) => pattern.test(p)) || article.captions.some((c) => pattern.test(c));
}
