/**
 * Per-article facts the filters need, as flat arrays: the outlet that published it and the agency or outlet
 * its text credits as the origin (ids in one table of source names, so "Antara" is one source whether it
 * published or was credited), the span of days the publication date covers (a month-precision date covers
 * its whole month), and a recency key for breaking ties.
 */
import type { Article, PublicationDate } from '../corpus/types.ts';

const NO_DATE = -1;
const NO_SOURCE = -1;
const DAY_MS = 86_400_000;

/** Days since 1970-01-01 of an ISO date at any precision: its first and last day. */
export function daySpan(iso: string): { from: number; to: number } | null {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(iso);
  if (!m) return null;
  const year = Number(m[1]);
  const month = m[2] === undefined ? null : Number(m[2]);
  const day = m[3] === undefined ? null : Number(m[3]);
  if (month !== null && (month < 1 || month > 12)) return null;
  if (month === null) return { from: Date.UTC(year, 0, 1) / DAY_MS, to: Date.UTC(year, 11, 31) / DAY_MS };
  if (day === null) return { from: Date.UTC(year, month - 1, 1) / DAY_MS, to: Date.UTC(year, month, 0) / DAY_MS };
  const at = Date.UTC(year, month - 1, day);
  if (new Date(at).getUTCDate() !== day) return null;
  return { from: at / DAY_MS, to: at / DAY_MS };
}

export class DocFacts {
  /** Source ids (into `sourceNames`) of each article's outlet and credited origin; -1 when unknown. */
  readonly publisherOf: Int32Array;
  readonly originOf: Int32Array;
  /** Canonical source names by id, with how many articles each published and is credited as origin of. */
  readonly sourceNames: string[] = [];
  readonly publishedCounts: number[] = [];
  readonly originCounts: number[] = [];
  private readonly sourceIds = new Map<string, number>();
  readonly dateFrom: Int32Array;
  readonly dateTo: Int32Array;
  /** Larger is more recent (undated articles lowest). */
  readonly recency: Float64Array;

  constructor(articles: readonly Article[]) {
    const n = articles.length;
    this.publisherOf = new Int32Array(n).fill(NO_SOURCE);
    this.originOf = new Int32Array(n).fill(NO_SOURCE);
    this.dateFrom = new Int32Array(n).fill(NO_DATE);
    this.dateTo = new Int32Array(n).fill(NO_DATE);
    this.recency = new Float64Array(n).fill(-Infinity);
    articles.forEach((article, doc) => {
      if (article.publisher) this.publisherOf[doc] = this.count(article.publisher, this.publishedCounts);
      if (article.origin) this.originOf[doc] = this.count(article.origin, this.originCounts);
      const span = article.date ? daySpan(article.date.iso) : null;
      if (span) {
        this.dateFrom[doc] = span.from;
        this.dateTo[doc] = span.to;
        this.recency[doc] = span.from + timeFraction(article.date!);
      }
    });
  }

  /** The id of a source name (added on first sight), counted once more in `counts`. */
  private count(name: string, counts: number[]): number {
    const key = name.toLowerCase();
    let id = this.sourceIds.get(key);
    if (id === undefined) {
      id = this.sourceNames.length;
      this.sourceIds.set(key, id);
      this.sourceNames.push(name);
      this.publishedCounts.push(0);
      this.originCounts.push(0);
    }
    counts[id]!++;
    return id;
  }

  /** The source id for a name given in any case, or undefined. */
  findSource(name: string): number | undefined {
    return this.sourceIds.get(name.trim().toLowerCase());
  }

  /** True when the source published the article or is credited as its origin. */
  fromSource(doc: number, source: number): boolean {
    return this.publisherOf[doc] === source || this.originOf[doc] === source;
  }

  /** True when the article's date span overlaps the inclusive day range; undated articles never do. */
  inDateRange(doc: number, from: number, to: number): boolean {
    const start = this.dateFrom[doc]!;
    return start !== NO_DATE && start <= to && this.dateTo[doc]! >= from;
  }
}

/** "10:01 WIB" → 0.42 of a day, so two articles of one day still order by time. */
function timeFraction(date: PublicationDate): number {
  const m = date.time ? /(\d{1,2})[:.](\d{2})/.exec(date.time) : null;
  return m ? (Number(m[1]) * 60 + Number(m[2])) / 1440 / 1.001 : 0;
}
