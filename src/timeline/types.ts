import type { DatePrecision } from '../dates/types.ts';

export interface TimelineSource {
  articleId: string;
  title: string;
  publisher: string | null;
  /** Where the article can be read, when known. */
  url: string | null;
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

/** The longest topic a user may ask about: the bot's `topik` option limit, and the CLI's. */
export const MAX_TOPIC_CHARS = 200;

export interface TimelineQuery {
  topic?: string;
  from?: string;
  to?: string;
  /** Events to return. Default 15. */
  limit?: number;
}

/** Why a timeline is empty or cannot be made; the bot and the CLI word it. */
export type TimelineProblem =
  /** `from` or `to` is not a date any form reads (`text` is what was given). */
  | { kind: 'bad-date'; which: 'from' | 'to'; text: string }
  /** `from` falls after `to`. */
  | { kind: 'reversed-range' }
  /** The topic holds only common words ("yang dan"): nothing to match. */
  | { kind: 'common-words-topic'; topic: string }
  /** The topic holds no word at all, only punctuation, symbols or emoji. */
  | { kind: 'no-words-topic'; topic: string }
  /** The topic only excludes ("-Jepang"): nothing is asked for. */
  | { kind: 'only-exclusions-topic'; topic: string }
  /** No dated event is about the topic. */
  | { kind: 'no-topic-match'; topic: string }
  /** The corpus holds no dated event at all. */
  | { kind: 'no-dated-events' }
  /** There are events (about the topic, if any), none of them in the date range. */
  | { kind: 'none-in-range'; topic?: string };

export interface TimelineResult {
  events: TimelineEvent[];
  /** Events that matched before `limit`. */
  total: number;
  /** Set when there is nothing to show. */
  problem?: TimelineProblem;
}
