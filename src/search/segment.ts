/**
 * One segment of the search engine: articles indexed together, with their per-article facts. A segment
 * never changes; an engine is a list of segments with tombstones (`engine.extend` adds a small segment,
 * `engine.without` marks removed articles), and its ranking statistics are the segments' summed.
 */
import type { Article } from '../corpus/types.ts';
import { isStopword } from './analyzer.ts';
import { DocFacts } from './filters.ts';
import { docFrequency, sentenceCount, type IndexData, type TermSpace } from './inverted-index.ts';
import type { ParsedQuery, QueryWord } from './query.ts';
import { EVERY_DOCUMENT, type CorpusStats } from './ranker.ts';
import { SpellingTable } from './typos.ts';

/** Titles offered for an empty autocomplete: the most recent of each segment. */
const RECENT_TITLES = 25;

/** Source (outlet or credited origin, by name in any case) and date bounds a document must meet. */
export interface Filter {
  source?: string;
  from: number;
  to: number;
}

export class Segment {
  readonly facts: DocFacts;
  readonly docById = new Map<string, number>();
  /** Documents with a title, most recent first (at most `RECENT_TITLES`). */
  readonly recent: number[];
  /** Words of all titles and of all bodies, for the corpus-wide average lengths. */
  readonly titleWords: number;
  readonly bodyWords: number;
  /** Sentences of all bodies and the terms they hold, for the corpus-wide average sentence length. */
  readonly sentences: number;
  readonly sentenceTerms: number;
  /** The written forms, for cheap typo candidates. */
  readonly spelling: SpellingTable;

  constructor(
    readonly articles: readonly Article[],
    readonly index: IndexData,
  ) {
    this.facts = new DocFacts(articles);
    articles.forEach((article, doc) => this.docById.set(article.id, doc));
    this.recent = [...articles.keys()]
      .filter((doc) => articles[doc]!.title !== '')
      .sort((a, b) => this.facts.recency[b]! - this.facts.recency[a]!)
      .slice(0, RECENT_TITLES);
    this.titleWords = index.titleLength.reduce((sum, n) => sum + n, 0);
    this.bodyWords = index.bodyLength.reduce((sum, n) => sum + n, 0);
    this.sentences = sentenceCount(index);
    this.sentenceTerms = index.bodyTerms.length - this.sentences;
    this.spelling = new SpellingTable(index.surface.terms);
  }

  /** Document frequency of a term given as text (0 when this segment does not know it). */
  frequency(space: 'stems' | 'surface', term: string): number {
    const terms = this.index[space];
    const id = terms.ids.get(term);
    return id === undefined ? 0 : docFrequency(terms, id);
  }

  /** The test a document must pass: alive, filters, exclusions, phrases. */
  acceptor(parsed: ParsedQuery, filter: Filter | null, alive: Uint8Array | null): ((doc: number) => boolean) | null {
    const source = filter?.source === undefined ? undefined : this.facts.findSource(filter.source);
    // a source this segment does not know: nothing here passes
    if (filter?.source !== undefined && source === undefined) return null;
    const excluded = this.excludedDocs(parsed.excluded);
    // phrases are checked against the text only where all their words occur
    const phraseCandidates = parsed.phrases.length === 0 ? null : this.docsWithAllWords(parsed.phrases.flat());
    const phrases = parsed.phrases.map(phrasePattern);
    const excludedPhrases = parsed.excludedPhrases.map(phrasePattern);
    const dated = filter !== null && (filter.from !== -Infinity || filter.to !== Infinity);
    if (!alive && source === undefined && !dated && !excluded && phrases.length === 0 && excludedPhrases.length === 0)
      return EVERY_DOCUMENT;
    return (doc) => {
      if (alive && alive[doc] === 0) return false;
      if (source !== undefined && !this.facts.fromSource(doc, source)) return false;
      if (dated && !this.facts.inDateRange(doc, filter.from, filter.to)) return false;
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

/** Statistics of several segments taken together: what a single index over all their articles would hold. */
export function combinedStats(segments: readonly Segment[]): CorpusStats {
  let docCount = 0;
  let titleWords = 0;
  let bodyWords = 0;
  let sentences = 0;
  let sentenceTerms = 0;
  for (const segment of segments) {
    docCount += segment.index.docCount;
    titleWords += segment.titleWords;
    bodyWords += segment.bodyWords;
    sentences += segment.sentences;
    sentenceTerms += segment.sentenceTerms;
  }
  return {
    docCount,
    avgTitleLength: docCount === 0 ? 0 : titleWords / docCount,
    avgBodyLength: docCount === 0 ? 0 : bodyWords / docCount,
    avgSentenceLength: sentences === 0 ? 0 : sentenceTerms / sentences,
    df: (space: TermSpace, id: number, own: IndexData) => {
      const kind = space === own.stems ? 'stems' : 'surface';
      let df = docFrequency(space, id);
      const term = space.terms[id]!;
      for (const segment of segments) if (segment.index !== own) df += segment.frequency(kind, term);
      return df;
    },
  };
}

/**
 * A phrase as a pattern over the text: its words in order, separated by anything that is not a word. A
 * normalized word has lost its apostrophes ("don't" is "dont"): the text may hold one between any letters.
 */
function phrasePattern(words: string[]): RegExp {
  const escaped = words.map((w) => [...w].map((c) => c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join("['’]?"));
  return new RegExp(`(?<![\\p{L}\\p{N}])${escaped.join('[^\\p{L}\\p{N}]+')}(?![\\p{L}\\p{N}])`, 'iu');
}

function containsPhrase(article: Article, pattern: RegExp): boolean {
  return pattern.test(article.title) || article.paragraphs.some((p) => pattern.test(p)) || article.captions.some((c) => pattern.test(c));
}
