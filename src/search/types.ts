import type { PublicationDate } from '../corpus/types.ts';

export interface SearchOptions {
  /** Canonical publisher name to keep ("Bisnis.com"); matched case-insensitively. */
  publisher?: string;
  /** Inclusive ISO day bounds on the publication date. */
  from?: string;
  to?: string;
  /** Hits to return. Default 10. */
  limit?: number;
}

/** One search result: plain data, ready to render anywhere. */
export interface SearchHit {
  articleId: string;
  title: string;
  publisher: string | null;
  origin: string | null;
  date: PublicationDate | null;
  url: string | null;
  /** ~300 characters around the best passage, markdown-escaped, matched words in **bold**. */
  excerpt: string;
  score: number;
}

export interface SearchResult {
  hits: SearchHit[];
  /** Matches before `limit` was applied. */
  total: number;
  tookMs: number;
  /** Set when the query itself could not be used: "kueri kosong", "hanya kata umum" … */
  problem?: string;
  /** A spelling suggestion for a query with few or no hits. */
  didYouMean?: string;
}
