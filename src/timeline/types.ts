import type { DatePrecision } from '../dates/types.ts';

export interface TimelineSource {
  articleId: string;
  title: string;
  publisher: string | null;
}

export interface TimelineEvent {
  /** `YYYY-MM-DD`, `YYYY-MM` or `YYYY`, matching `precision`. */
  date: string;
  precision: DatePrecision;
  /** One short Indonesian sentence from the articles, ≤ ~200 chars, never cut mid-word. */
  summary: string;
  /** Each reporting outlet's article, once per outlet. */
  sources: TimelineSource[];
}

export interface TimelineQuery {
  topic?: string;
  from?: string;
  to?: string;
  /** Events to return. Default 15. */
  limit?: number;
}

export interface TimelineResult {
  events: TimelineEvent[];
  /** Events that matched before `limit`. */
  total: number;
  /** Set when there is nothing to show, in Indonesian: why, and what to try. */
  message?: string;
}
