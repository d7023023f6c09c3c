/**
 * The /cari search engine over a loaded corpus: Indonesian-aware ranking (`ranker.ts`), phrase and
 * exclusion operators, source (outlet or origin) and date filters, excerpts, autocomplete. Plain data in, plain data out;
 * no Discord here. An engine is one or more immutable segments (`segment.ts`) with tombstones:
 * `extend` and `without` derive a new engine at a cost proportional to the change, the old one unchanged.
 */
import type { Article } from '../corpus/types.ts';
import type { SearchHit, SearchOptions, SearchProblem, SearchResult, SourceName } from './types.ts';
import { EXCERPT_CHARS, excerptOf, type Highlight } from './excerpt.ts';
import { daySpan } from './filters.ts';
import { corpusHash, readCachedIndex, writeCachedIndex } from './index-cache.ts';
import { expansionWords, TermTally, type FeedbackDoc } from './feedback.ts';
import { spellsOut, type AnswerKind } from './answer.ts';
import { bodyText, buildIndex, type IndexData } from './inverted-index.ts';
import { nasalAlternative, parseQuery, withCorrections, type ParsedQuery, type QueryWord } from './query.ts';
import { DEFAULT_RANKING_PARAMS, type RankingParams } from './params.ts';
import { Ranker, type CorpusStats, type RankedWord, type Reading } from './ranker.ts';
import { combinedStats, Segment, type Filter } from './segment.ts';
import { Suggester } from './suggest.ts';
import { knownVariants } from './typos.ts';

export interface BuildOptions {
  /** Folder for the persisted index; it is reused when the corpus is unchanged. */
  cacheDir?: string;
  /** Ranking parameters other than the defaults (`DEFAULT_RANKING_PARAMS`). */
  ranking?: Partial<RankingParams>;
}

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

/**
 * More segments than this after `extend`, and every segment after the first is rebuilt into one: queries
 * stay a few loops, and the cost stays proportional to what was added since the base was built.
 */
const MAX_SEGMENTS = 4;

/** A word's readings as text: stem, exact form, weight. */
interface TextReading {
  stem: string;
  surface: string | undefined;
  weight: number;
}

/** A query word before each segment resolves it to its own term ids. */
interface PlannedWord {
  readings: TextReading[];
  coordinates: boolean;
  /** Added by pseudo-relevance feedback (see `RankedWord.expansion`). */
  expansion?: boolean;
}

/** A query made ready for ranking. */
interface PreparedQuery {
  /** The words as each segment reads them (its own term ids), in the same order in every segment. */
  words: RankedWord[][];
  highlight: Highlight;
  /** Each doubtful word as typed → its likeliest correction; undefined when none is doubtful. */
  corrections: ReadonlyMap<string, string> | undefined;
  /** Some word was unknown to the corpus and replaced by a correction. */
  hadUnknownWord: boolean;
}

/** A segment as this engine serves it: which of its articles are alive, and its ranker over the engine's statistics. */
interface Part {
  segment: Segment;
  /** 0 for an article removed or replaced since the segment was built; null when all are alive. */
  alive: Uint8Array | null;
  live: number;
  ranker: Ranker;
  /** Scratch of pseudo-relevance feedback over this segment's stems. */
  tally: TermTally;
}

interface PartHit {
  part: Part;
  doc: number;
  score: number;
  passage?: number;
}

export class SearchEngine {
  /** How the index was obtained: built now, or read from the cache folder. */
  readonly origin: 'built' | 'cache';
  /** Why a cached index was not used, when it was not. */
  readonly cacheNote: string | undefined;
  private readonly params: RankingParams;
  private readonly parts: Part[];
  private readonly stats: CorpusStats;
  private readonly suggester: Suggester;

  private constructor(
    segments: readonly { segment: Segment; alive: Uint8Array | null }[],
    origin: 'built' | 'cache',
    cacheNote: string | undefined,
    ranking: Partial<RankingParams>,
  ) {
    this.origin = origin;
    this.cacheNote = cacheNote;
    this.params = { ...DEFAULT_RANKING_PARAMS, ...ranking };
    this.stats = combinedStats(segments.map((s) => s.segment));
    this.parts = segments.map(({ segment, alive }) => ({
      segment,
      alive,
      live: alive ? alive.reduce((sum, a) => sum + a, 0) : segment.articles.length,
      ranker: new Ranker(segment.index, segment.facts.recency, this.params, this.stats),
      tally: new TermTally(
        segment.index.stems.terms.length,
        (id) => segment.index.stems.terms[id]!,
        (id) => this.stats.df(segment.index.stems, id, segment.index),
      ),
    }));
    const recent = this.parts
      .flatMap((part) => part.segment.recent.filter((doc) => part.alive?.[doc] !== 0).map((doc) => ({ part, doc })))
      .sort((a, b) => b.part.segment.facts.recency[b.doc]! - a.part.segment.facts.recency[a.doc]!)
      .map(({ part, doc }) => part.segment.articles[doc]!.title);
    this.suggester = new Suggester(
      this.parts.map((part) => part.segment.index.surface),
      recent,
      (id) => this.article(id)?.title,
      (query, limit) => this.matchArticles(query, limit),
    );
  }

  /**
   * The engine over these articles: with `cacheDir`, a valid cached index is read instead of built.
   * Reading never writes: `writeCache` persists a built index, once the caller has decided to keep it.
   */
  static async build(articles: readonly Article[], opts: BuildOptions = {}): Promise<SearchEngine> {
    const ranking = opts.ranking ?? {};
    const engine = (index: IndexData, origin: 'built' | 'cache', note: string | undefined) =>
      new SearchEngine([{ segment: new Segment(articles, index), alive: null }], origin, note, ranking);
    if (opts.cacheDir === undefined) return engine(await buildIndex(articles), 'built', undefined);
    const hash = corpusHash(articles);
    const cached = readCachedIndex(opts.cacheDir, hash, articles.length);
    if (cached.index) return engine(cached.index, 'cache', undefined);
    const built = engine(await buildIndex(articles), 'built', cached.reason);
    built.#hash = hash;
    return built;
  }

  #hash: string | undefined;

  /**
   * Persist a built index in `cacheDir` (replacing older ones there). Nothing to do for one read from
   * a cache, nor for one changed by extend/without (the next full build is cached instead).
   */
  writeCache(cacheDir: string): void {
    const [only, ...more] = this.parts;
    if (this.origin === 'cache' || !only || more.length > 0 || only.alive) return;
    this.#hash ??= corpusHash(only.segment.articles);
    writeCachedIndex(cacheDir, this.#hash, only.segment.index);
  }

  /**
   * A new engine serving this one's articles and `articles` (one whose id is already served replaces it;
   * the last of equal ids wins). This engine is unchanged. The new articles are indexed on their own and
   * scored with the statistics of all segments together, so the cost follows what is added.
   */
  async extend(articles: readonly Article[]): Promise<SearchEngine> {
    const incoming = [...new Map(articles.map((a) => [a.id, a])).values()];
    if (incoming.length === 0) return this;
    const ids = new Set(incoming.map((a) => a.id));
    let segments = this.parts.map((part) => ({ segment: part.segment, alive: tombstoned(part, ids) }));
    segments.push({ segment: new Segment(incoming, await buildIndex(incoming)), alive: null });
    if (segments.length > MAX_SEGMENTS) {
      const [base, ...rest] = segments;
      const merged = rest.flatMap(({ segment, alive }) => segment.articles.filter((_, doc) => alive?.[doc] !== 0));
      segments = [base!, { segment: new Segment(merged, await buildIndex(merged)), alive: null }];
    }
    return new SearchEngine(segments, this.origin, this.cacheNote, this.params);
  }

  /** A new engine serving this one's articles except those with the given ids. This engine is unchanged. */
  without(ids: ReadonlySet<string>): SearchEngine {
    const segments = this.parts.map((part) => ({ segment: part.segment, alive: tombstoned(part, ids) }));
    const kept = segments.filter(({ segment, alive }) => !alive || alive.some((a) => a === 1) || segment === segments[0]!.segment);
    return new SearchEngine(kept, this.origin, this.cacheNote, this.params);
  }

  get size(): number {
    return this.parts.reduce((sum, part) => sum + part.live, 0);
  }

  article(id: string): Article | undefined {
    for (let i = this.parts.length - 1; i >= 0; i--) {
      const { segment, alive } = this.parts[i]!;
      const doc = segment.docById.get(id);
      if (doc !== undefined && alive?.[doc] !== 0) return segment.articles[doc];
    }
    return undefined;
  }

  search(query: string, opts: SearchOptions = {}): SearchResult {
    const started = performance.now();
    const done = (result: Omit<SearchResult, 'tookMs'>): SearchResult => ({ ...result, tookMs: performance.now() - started });
    const parsed = parseQuery(typeof query === 'string' ? query : '');
    if (parsed.problem) return done({ hits: [], total: 0, problem: parsed.problem });
    const filter = this.filterOf(opts);
    if (filter !== null && 'kind' in filter) return done({ hits: [], total: 0, problem: filter });

    const prepared = this.prepare(parsed);
    const limit = clampCount(opts.limit, DEFAULT_LIMIT, 1, MAX_LIMIT);
    const ranked = this.rank(parsed, prepared, filter, limit);
    const hits = ranked.hits.map((hit) => this.hitOf(hit, prepared.highlight));
    const offerCorrection = prepared.corrections !== undefined && (prepared.hadUnknownWord || ranked.total < FEW_HITS);
    return done({ hits, total: ranked.total, ...(offerCorrection ? { didYouMean: withCorrections(query, prepared.corrections!) } : {}) });
  }

  /** Ranked article ids for a query, without excerpts or filters (the timeline's topic matching). */
  matchArticles(query: string, limit = 50): { id: string; score: number }[] {
    const parsed = parseQuery(typeof query === 'string' ? query : '');
    if (parsed.problem) return [];
    const { hits } = this.rank(parsed, this.prepare(parsed), null, clampCount(limit, 50, 1, 10_000));
    return hits.map(({ part, doc, score }) => ({ id: part.segment.articles[doc]!.id, score }));
  }

  /** Autocomplete: at most `limit` (≤ 25) query completions and titles for what has been typed so far. */
  suggest(prefix: string, limit = 25): string[] {
    return this.suggester.suggest(typeof prefix === 'string' ? prefix : '', clampCount(limit, 25, 0, 25));
  }

  /** Sources (outlets and credited origins) whose name contains the text (any case), most articles first. */
  sources(prefix = ''): SourceName[] {
    const needle = prefix.trim().toLowerCase();
    const totals = new Map<string, SourceName>();
    for (const { segment } of this.parts) {
      const { sourceNames, publishedCounts, originCounts } = segment.facts;
      sourceNames.forEach((name, id) => {
        const key = name.toLowerCase();
        const entry = totals.get(key) ?? { name, published: 0, credited: 0 };
        entry.published += publishedCounts[id]!;
        entry.credited += originCounts[id]!;
        totals.set(key, entry);
      });
    }
    const articles = (s: SourceName) => s.published + s.credited;
    return [...totals.values()]
      .filter(({ name }) => name.toLowerCase().includes(needle))
      .sort((a, b) => articles(b) - articles(a) || a.name.localeCompare(b.name));
  }

  /**
   * Each segment's best, merged. A question is ranked twice: the first pass's best hits lend it expansion
   * words (`feedback.ts`), and the expanded query is ranked again, over the same documents.
   */
  private rank(parsed: ParsedQuery, prepared: PreparedQuery, filter: Filter | null, limit: number): { hits: PartHit[]; total: number } {
    const { answerWeight, rerankDepth } = this.params;
    const acronym = parsed.asks === 'expansion' ? parsed.acronym : undefined;
    if (acronym === undefined || answerWeight <= 0) return this.rankWithFeedback(parsed, prepared, filter, limit);
    // "kepanjangan dari LIPI": the candidates that write the acronym out answer it
    const ranked = this.rankWithFeedback(parsed, prepared, filter, Math.max(limit, rerankDepth));
    const hits = ranked.hits.map((hit) =>
      spellsOut(bodyText(hit.part.segment.articles[hit.doc]!), acronym) ? { ...hit, score: hit.score * (1 + answerWeight) } : hit,
    );
    return { hits: hits.sort(compareHits).slice(0, limit), total: ranked.total };
  }

  /**
   * A question's first pass only picks the documents that lend it words: it ranks by the question's words
   * alone, without answer types: a cheaper pass (answer evidence loosens the bound that spares body
   * scans), and on the dev questions no worse (0.8286 against 0.8279 MRR@10 with them in both passes).
   */
  private rankWithFeedback(
    parsed: ParsedQuery,
    prepared: PreparedQuery,
    filter: Filter | null,
    limit: number,
  ): { hits: PartHit[]; total: number } {
    const { feedbackDocs, feedbackQueryShare } = this.params;
    if (!parsed.question || feedbackDocs <= 0 || feedbackQueryShare >= 1)
      return this.rankOnce(parsed, prepared.words, filter, limit, parsed.asks);
    const first = this.rankOnce(parsed, prepared.words, filter, Math.max(limit, feedbackDocs), undefined);
    const expansion = this.expansion(prepared.words, first.hits.slice(0, feedbackDocs));
    if (expansion.length === 0 && parsed.asks === undefined) return { hits: first.hits.slice(0, limit), total: first.total };
    const expanded = this.resolve(expansion);
    return this.rankOnce(
      parsed,
      prepared.words.map((words, i) => [...words, ...expanded[i]!]),
      filter,
      limit,
      parsed.asks,
    );
  }

  /** Expansion words from the relevance model of these hits' bodies. */
  private expansion(words: readonly RankedWord[][], hits: readonly PartHit[]): PlannedWord[] {
    const queryStems = new Set<string>();
    this.parts.forEach(({ segment }, i) => {
      for (const word of words[i]!) for (const r of word.readings) queryStems.add(segment.index.stems.terms[r.stemId]!);
    });
    const docs = hits.map(({ part, doc, score }): FeedbackDoc => {
      const { bodyTerms, bodyStart } = part.segment.index;
      return { score, terms: bodyTerms.subarray(bodyStart[doc]!, bodyStart[doc + 1]!), tally: part.tally };
    });
    const queryWords = words[0]!.filter((w) => w.coordinates).length;
    return expansionWords(docs, queryStems, this.stats.docCount, queryWords, this.params).map(({ stem, weight }) => ({
      readings: [{ stem, surface: undefined, weight }],
      coordinates: false,
      expansion: true,
    }));
  }

  /** Each segment's best, merged: scores are comparable, since every segment scores with the same statistics. */
  private rankOnce(
    parsed: ParsedQuery,
    words: RankedWord[][],
    filter: Filter | null,
    limit: number,
    asks: AnswerKind | undefined,
  ): { hits: PartHit[]; total: number } {
    let total = 0;
    const hits: PartHit[] = [];
    this.parts.forEach((part, i) => {
      const accept = part.segment.acceptor(parsed, filter, part.alive);
      if (!accept) return;
      const ranked = part.ranker.rank(words[i]!, accept, limit, asks);
      total += ranked.total;
      for (const hit of ranked.hits) hits.push({ part, ...hit });
    });
    if (this.parts.length > 1) hits.sort(compareHits);
    return { hits: hits.slice(0, limit), total };
  }

  private hitOf({ part, doc, score, passage }: PartHit, highlight: Highlight): SearchHit {
    const article = part.segment.articles[doc]!;
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

  /** Document frequency over every segment (removed articles included, as a rebuild-free index must). */
  private frequency(space: 'stems' | 'surface', term: string): number {
    let df = 0;
    for (const { segment } of this.parts) df += segment.frequency(space, term);
    return df;
  }

  private idf(stem: string): number {
    const df = this.frequency('stems', stem);
    return Math.log(1 + (this.stats.docCount - df + 0.5) / (df + 0.5));
  }

  /**
   * Readings of every query word (typo corrections included) in each segment, what to highlight, and a
   * suggestion. Which readings a word has is decided over the whole corpus; each segment then resolves
   * them to its own term ids (a word a segment does not hold has no readings there, but still counts).
   */
  private prepare(parsed: ParsedQuery): PreparedQuery {
    const { correctionWeight, alternativeRootWeight, commonWordWeight } = this.params;
    const highlight = { stems: new Map<string, number>(), probes: new Set<string>() };
    const planned: PlannedWord[] = [];
    const fixes = new Map<string, string>();
    let hadUnknownWord = false;

    for (const word of parsed.words) {
      const readings: TextReading[] = [];
      const known = this.frequency('stems', word.stem) > 0;
      if (known) {
        readings.push({ stem: word.stem, surface: word.norm, weight: 1 });
        this.remember(highlight, word.stem, word.norm);
      }
      const alternative = nasalAlternative(word);
      const alternativeKnown = alternative !== undefined && this.frequency('stems', alternative) > 0;
      if (alternativeKnown) {
        readings.push({ stem: alternative, surface: undefined, weight: alternativeRootWeight });
        this.remember(highlight, alternative, word.norm);
      }
      const corrections = this.corrections(word);
      for (const correction of corrections) {
        const stem = this.stemOfSurface(correction)!;
        if ((known && stem === word.stem) || (alternativeKnown && stem === alternative)) continue;
        readings.push({ stem, surface: correction, weight: correctionWeight });
        this.remember(highlight, stem, correction);
      }
      if (corrections.length > 0) {
        fixes.set(word.text, corrections[0]!);
        if (!known) hadUnknownWord = true;
      }
      if (readings.length > 0) planned.push({ readings, coordinates: true });
    }
    for (const word of parsed.commonWords) {
      if (this.frequency('stems', word.stem) > 0) {
        planned.push({ readings: [{ stem: word.stem, surface: word.norm, weight: commonWordWeight }], coordinates: false });
      }
    }
    return {
      words: this.resolve(planned),
      highlight: { stems: highlight.stems, probes: [...highlight.probes] },
      corrections: fixes.size > 0 ? fixes : undefined,
      hadUnknownWord,
    };
  }

  /** What the excerpt looks for, for a reading: its stem at its idf, and the fragments a paragraph must hold. */
  private remember(highlight: { stems: Map<string, number>; probes: Set<string> }, stem: string, norm: string): void {
    highlight.stems.set(stem, Math.max(highlight.stems.get(stem) ?? 0, this.idf(stem)));
    highlight.probes.add(norm);
    // meN-/peN- drop the root's first k, p, t or s ("mengecam" for kecam)
    highlight.probes.add(stem.length > 3 && 'kpts'.includes(stem[0]!) ? stem.slice(1) : stem);
  }

  /** The stem of a written form some segment knows. */
  private stemOfSurface(word: string): string | undefined {
    for (const { segment } of this.parts) {
      const id = segment.index.surface.ids.get(word);
      if (id !== undefined) return segment.index.stems.terms[segment.index.surfaceStem[id]!];
    }
    return undefined;
  }

  /** Planned words as each segment reads them: its own term ids (a reading it does not hold is left out). */
  private resolve(planned: readonly PlannedWord[]): RankedWord[][] {
    const weights = planned.map((word) => Math.max(...word.readings.map((r) => r.weight * this.idf(r.stem))));
    return this.parts.map(({ segment: { index } }) =>
      planned.map((word, i): RankedWord => ({
        coordinates: word.coordinates,
        ...(word.expansion ? { expansion: true } : {}),
        weight: weights[i]!,
        readings: word.readings.flatMap((r): Reading[] => {
          const stemId = index.stems.ids.get(r.stem);
          if (stemId === undefined) return [];
          const surfaceId = r.surface === undefined ? undefined : index.surface.ids.get(r.surface);
          return [{ stemId, surfaceId, weight: r.weight }];
        }),
      })),
    );
  }

  /** Likely intended spellings of a word that is unknown or rare in the corpus. */
  private corrections(word: QueryWord): string[] {
    const frequency = this.frequency('surface', word.norm);
    const minLength = frequency === 0 ? MIN_UNKNOWN_TYPO_LENGTH : MIN_TYPO_LENGTH;
    if (frequency > this.params.rareWordShare * this.stats.docCount || word.norm.length < minLength || word.norm.length > MAX_TYPO_LENGTH)
      return [];
    if (!/^[a-z]+$/.test(word.norm)) return [];
    const floor = Math.max(1, frequency * CORRECTION_MIN_RATIO);
    const tables = this.parts.map((part) => part.segment.spelling);
    return knownVariants(word.norm, tables, (variant) => this.frequency('surface', variant), MAX_CORRECTIONS)
      .filter((v) => v.frequency >= floor)
      .map((v) => v.word);
  }

  /** Source and date bounds from the options, or what is wrong with them. */
  private filterOf(opts: SearchOptions): Filter | null | SearchProblem {
    let source: string | undefined;
    if (opts.source !== undefined && opts.source.trim() !== '') {
      if (!this.parts.some(({ segment }) => segment.facts.findSource(opts.source!) !== undefined)) {
        const suggestions = this.sources(opts.source.trim().slice(0, 4))
          .slice(0, 5)
          .map(({ name }) => name);
        return { kind: 'unknown-source', source: opts.source, suggestions };
      }
      source = opts.source;
    }
    const from = opts.from ? daySpan(opts.from.trim()) : null;
    const to = opts.to ? daySpan(opts.to.trim()) : null;
    if (opts.from && !from) return { kind: 'bad-date', bound: 'from', value: opts.from };
    if (opts.to && !to) return { kind: 'bad-date', bound: 'to', value: opts.to };
    if (from && to && from.from > to.to) return { kind: 'reversed-dates', from: opts.from!, to: opts.to! };
    if (source === undefined && !from && !to) return null;
    return { ...(source === undefined ? {} : { source }), from: from?.from ?? -Infinity, to: to?.to ?? Infinity };
  }
}

/** The segment's alive mask with the given ids removed (the same mask when it holds none of them). */
function tombstoned(part: Part, ids: ReadonlySet<string>): Uint8Array | null {
  let alive = part.alive;
  for (const id of ids) {
    const doc = part.segment.docById.get(id);
    if (doc === undefined || alive?.[doc] === 0) continue;
    if (alive === part.alive) alive = part.alive ? part.alive.slice() : new Uint8Array(part.segment.articles.length).fill(1);
    alive![doc] = 0;
  }
  return alive;
}

/** Best first; equal scores to the more recent article, as the ranker orders them. */
function compareHits(a: PartHit, b: PartHit): number {
  const tolerance = 1e-6 * Math.max(a.score, b.score);
  if (Math.abs(a.score - b.score) > tolerance) return b.score - a.score;
  return b.part.segment.facts.recency[b.doc]! - a.part.segment.facts.recency[a.doc]! || 0;
}

/** A whole number within bounds; the fallback for anything that is not a finite number. */
function clampCount(value: number | undefined, fallback: number, min: number, max: number): number {
  return typeof value === 'number' && Number.isFinite(value) ? Math.min(Math.max(Math.trunc(value), min), max) : fallback;
}
