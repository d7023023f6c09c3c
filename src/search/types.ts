import type { PublicationDate } from '../corpus/types.ts';

export interface SearchOptions {
  /**
   * A source to keep, matched case-insensitively: an article passes when it was published by this outlet
   * ("Kompas TV") or its text credits this agency or outlet as the origin ("Antara").
   */
  source?: string;
  /** Inclusive ISO day bounds on the publication date. */
  from?: string;
  to?: string;
  /** Hits to return. Default 10. */
  limit?: number;
}

/** A source name in the corpus, with how many articles it published and how many credit it as their origin. */
export interface SourceName {
  name: string;
  published: number;
  credited: number;
}

/** A span of a text: UTF-16 offsets, end exclusive. */
export interface TextRange {
  start: number;
  end: number;
}

/** One search result: plain data, ready to render anywhere. */
export interface SearchHit {
  articleId: string;
  title: string;
  publisher: string | null;
  origin: string | null;
  date: PublicationDate | null;
  url: string | null;
  /** ~300 characters around the best passage, plain text as the article wrote it (whitespace collapsed, `…` where cut). */
  excerpt: string;
  /** Where the query's words stand in `excerpt`: offsets (end exclusive), in order, not overlapping. */
  highlights: TextRange[];
  score: number;
}

export interface SearchResult {
  hits: SearchHit[];
  /** Matches before `limit` was applied. */
  total: number;
  tookMs: number;
  /** Set when the query or an option could not be used; the caller words it for its reader. */
  problem?: SearchProblem;
  /** A spelling suggestion for a query with few or no hits. */
  didYouMean?: string;
}

/** Why a search could not run: plain data, worded by the bot and the CLI. */
export type SearchProblem =
  | { kind: 'empty-query' }
  | { kind: 'query-too-long'; chars: number; maxChars: number }
  /** Only punctuation, symbols or emoji. */
  | { kind: 'no-words' }
  /** Only stopwords and question words ("yang", "dan", "siapa"). */
  | { kind: 'only-common-words' }
  /** Only `-kata` / `-"frasa"` exclusions. */
  | { kind: 'only-exclusions' }
  /** `suggestions`: known sources (outlets or origins) whose name holds the typed one's start. */
  | { kind: 'unknown-source'; source: string; suggestions: string[] }
  | { kind: 'bad-date'; bound: 'from' | 'to'; value: string }
  | { kind: 'reversed-dates'; from: string; to: string };
