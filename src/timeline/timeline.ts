import type { Article } from '../corpus/types.ts';
import { spanOf } from '../dates/calendar.ts';
import { parseDayBound } from '../dates/find.ts';
import type { ResolvedDate } from '../dates/types.ts';
import { analyze } from '../search/analyzer.ts';
import { extractCandidates, type Candidate } from './extract.ts';
import { mergeCandidates, type CandidateGroup } from './merge.ts';
import { summarize } from './summary.ts';
import type { TimelineEvent, TimelineQuery, TimelineResult, TimelineSource } from './types.ts';

/** What `query` needs from the search engine to pick a topic's articles. */
export interface TopicMatcher {
  matchArticles(query: string, limit?: number): { id: string; score: number }[];
}

export const DEFAULT_EVENT_LIMIT = 15;
/** Articles of a topic considered; ranked by the engine, so the tail adds little but time. */
export const TOPIC_ARTICLE_LIMIT = 2000;
/** Share of the topic's terms a sentence must contain to be about the topic. */
const TOPIC_TERM_SHARE = 0.5;

/** A happening, as stored once at load. */
export interface StoredEvent {
  date: ResolvedDate;
  /** ISO day bounds, for range filters and date order. */
  from: string;
  to: string;
  /** The candidate whose sentence becomes the summary. */
  representative: number;
  /** One article (index) per outlet, the representative's first. */
  sources: number[];
  /** Number of outlets, plus how central and informative the summary sentence is (< 1). */
  importance: number;
}

/** What a query reads of a candidate; the rest only served merging, at build. */
export type StoredCandidate = Pick<Candidate, 'article' | 'sentence' | 'dateSpans' | 'terms'>;

/** Everything a timeline keeps besides its articles: what the timeline cache persists (timeline-cache.ts). */
export interface TimelineParts {
  /** In article order, as extracted. */
  candidates: readonly StoredCandidate[];
  /** Event of each candidate. */
  eventOf: Int32Array;
  /** How well each candidate's sentence would summarize its event (see `storeEvent`). */
  fitness: Float32Array;
  events: readonly StoredEvent[];
  /** Event indices, most important first. */
  byImportance: Int32Array;
}

/**
 * Dated events of a corpus, extracted once at load and queried many times: by topic (through the
 * search engine and the sentences' own words), date range, and importance.
 */
export class Timeline {
  /** Summary lines made so far, by candidate: only shown events are ever summarized. */
  private readonly summaries = new Map<number, string>();
  private readonly candidates: readonly StoredCandidate[];
  private readonly eventOf: Int32Array;
  private readonly fitness: Float32Array;
  private readonly events: readonly StoredEvent[];
  private readonly byImportance: Int32Array;
  /** Article id → its candidates (indices), for topic queries. */
  private readonly candidatesOf = new Map<string, number[]>();

  private constructor(
    private readonly articles: readonly Article[],
    readonly parts: TimelineParts,
  ) {
    ({
      candidates: this.candidates,
      eventOf: this.eventOf,
      fitness: this.fitness,
      events: this.events,
      byImportance: this.byImportance,
    } = parts);
    this.candidates.forEach((candidate, index) => {
      const id = articles[candidate.article]!.id;
      const ids = this.candidatesOf.get(id);
      if (ids) ids.push(index);
      else this.candidatesOf.set(id, [index]);
    });
  }

  static build(articles: readonly Article[]): Timeline {
    const candidates: Candidate[] = [];
    articles.forEach((article, index) => {
      candidates.push(...extractCandidates(article, index));
    });
    const eventOf = new Int32Array(candidates.length);
    const fitness = new Float32Array(candidates.length);
    const events = mergeCandidates(candidates).map((group, eventIndex): StoredEvent => {
      group.members.forEach((m) => (eventOf[m] = eventIndex));
      return storeEvent(group, candidates, articles, fitness);
    });
    const byImportance = Int32Array.from(events.keys()).sort((a, b) => events[b]!.importance - events[a]!.importance);
    const stored = candidates.map(({ article, sentence, dateSpans, terms }): StoredCandidate => ({ article, sentence, dateSpans, terms }));
    return new Timeline(articles, { candidates: stored, eventOf, fitness, events, byImportance });
  }

  /** A timeline from parts a build made over these same articles (checked by the caller: timeline-cache.ts). */
  static fromParts(articles: readonly Article[], parts: TimelineParts): Timeline {
    return new Timeline(articles, parts);
  }

  /** Number of events extracted. */
  get size(): number {
    return this.events.length;
  }

  query(q: TimelineQuery, topics?: TopicMatcher): TimelineResult {
    const limit = Math.max(1, Math.floor(q.limit ?? DEFAULT_EVENT_LIMIT));
    const range = dateRange(q.from, q.to);
    if ('message' in range) return { events: [], total: 0, message: range.message };
    const topic = q.topic?.trim() ?? '';
    const relevance = topic === '' ? undefined : this.topicEvents(topic, topics);
    if (relevance && 'message' in relevance) return { events: [], total: 0, message: relevance.message };

    const chosen: number[] = [];
    let total = 0;
    const consider = (index: number): void => {
      const event = this.events[index]!;
      if (event.to < range.from || event.from > range.to) return;
      total++;
      chosen.push(index);
    };
    if (relevance) {
      for (const index of relevance.keys()) consider(index);
      // Outlets that wrote about the topic in this event, not all its outlets: one aside in a
      // big story about something else does not make that story the topic's.
      const rank = (i: number): number => {
        const hit = relevance.get(i)!;
        return hit.outlets.size + hit.share + this.fitness[hit.candidate]! / 4;
      };
      chosen.sort((a, b) => rank(b) - rank(a));
    } else {
      for (const index of this.byImportance) consider(index);
    }
    const shown = chosen.slice(0, limit).sort((a, b) => compareByDate(this.events[a]!, this.events[b]!));
    // On a topic, the line is the event's best sentence about that topic.
    const events = shown.map((index) => this.toEvent(index, relevance?.get(index)?.candidate));
    if (events.length > 0) return { events, total };
    return {
      events,
      total,
      message: emptyMessage(topic, q.from !== undefined || q.to !== undefined, relevance?.size ?? this.events.length),
    };
  }

  /**
   * Events about the topic: those with a sentence, in one of the engine's matching articles, that
   * contains at least half of the topic's terms. A dated sentence elsewhere in a matching article
   * (the weather, another case) is not part of the topic's timeline.
   */
  private topicEvents(topic: string, topics: TopicMatcher | undefined): Map<number, TopicHit> | { message: string } {
    const terms = [...new Set(analyze(topic))];
    if (terms.length === 0) {
      return {
        message: `Topik "${topic}" hanya berisi kata umum. Coba nama orang, tempat, atau peristiwa, misalnya "gempa" atau "revisi UU KPK".`,
      };
    }
    const articleIds = topics ? topics.matchArticles(topic, TOPIC_ARTICLE_LIMIT).map((hit) => hit.id) : this.candidatesOf.keys();
    const relevance = new Map<number, TopicHit>();
    for (const id of articleIds) {
      for (const candidate of this.candidatesOf.get(id) ?? []) {
        const share = termShare(terms, this.candidates[candidate]!.terms);
        if (share < TOPIC_TERM_SHARE) continue;
        const event = this.eventOf[candidate]!;
        const article = this.articles[this.candidates[candidate]!.article]!;
        const outlet = outletKey(article);
        const hit = relevance.get(event);
        if (!hit) relevance.set(event, { share, candidate, outlets: new Set([outlet]) });
        else {
          hit.outlets.add(outlet);
          if (share > hit.share || (share === hit.share && this.fitness[candidate]! > this.fitness[hit.candidate]!)) {
            hit.share = share;
            hit.candidate = candidate;
          }
        }
      }
    }
    return relevance;
  }

  private toEvent(index: number, representative?: number): TimelineEvent {
    const event = this.events[index]!;
    const chosen = representative ?? event.representative;
    let summary = this.summaries.get(chosen);
    if (summary === undefined) {
      const candidate = this.candidates[chosen]!;
      summary = summarize(candidate.sentence, candidate.dateSpans);
      this.summaries.set(chosen, summary);
    }
    return {
      date: event.date.iso,
      precision: event.date.precision,
      summary,
      sources: event.sources.map((a): TimelineSource => {
        const article = this.articles[a]!;
        return { articleId: article.id, title: article.title, publisher: article.publisher };
      }),
    };
  }
}

/** An event chosen by topic: how much of the topic its best sentence names, that sentence, and the outlets that wrote about it. */
interface TopicHit {
  share: number;
  candidate: number;
  outlets: Set<string>;
}

/** Articles of one outlet count once; an article with no known outlet counts alone. */
function outletKey(article: Article): string {
  return article.publisher?.toLowerCase() ?? `article:${article.id}`;
}

/**
 * The stored form of a merged group. Each member's fitness as the summary combines how
 * informative its sentence is, how central to the group, and whether it is about this date (not
 * an aside, or one of several dates) at this precision; the fittest is the summary. Each outlet is cited once, through
 * its fittest article.
 */
function storeEvent(
  group: CandidateGroup,
  candidates: readonly Candidate[],
  articles: readonly Article[],
  fitness: Float32Array,
): StoredEvent {
  const { date, members, centrality } = group;
  members.forEach((m, i) => {
    const c = candidates[m]!;
    const onDate = (c.primary ? 0.25 : 0) + (c.soleDate ? 0.15 : 0);
    const exact = c.date.precision === date.precision && !c.window ? 0.15 : 0;
    fitness[m] = c.score + 0.5 * centrality[i]! + onDate + exact;
  });
  const ranked = [...members].sort((a, b) => fitness[b]! - fitness[a]!);
  const bestOfOutlet = new Map<string, number>();
  for (const m of ranked) {
    const article = candidates[m]!.article;
    const outlet = outletKey(articles[article]!);
    if (!bestOfOutlet.has(outlet)) bestOfOutlet.set(outlet, article);
  }
  const top = ranked[0]!;
  const { from, to } = spanOf(date);
  const sources = [...bestOfOutlet.values()];
  return {
    date,
    from,
    to,
    representative: top,
    sources,
    // Below one: it only orders events with the same number of outlets.
    importance: sources.length + Math.min(0.99, Math.max(0, fitness[top]!) / 2),
  };
}

function termShare(topicTerms: readonly string[], sentenceTerms: readonly string[]): number {
  let found = 0;
  for (const term of topicTerms) if (sentenceTerms.includes(term)) found++;
  return found / topicTerms.length;
}

/** Date order; a month or year heading before the days it contains. */
function compareByDate(a: StoredEvent, b: StoredEvent): number {
  if (a.from !== b.from) return a.from < b.from ? -1 : 1;
  if (a.to !== b.to) return a.to > b.to ? -1 : 1;
  return b.importance - a.importance;
}

/** ISO day bounds of a user's "dari"/"sampai" (any precision), or why they can't be used. */
export function dateRange(from: string | undefined, to: string | undefined): { from: string; to: string } | { message: string } {
  const bounds = { from: '0000-01-01', to: '9999-12-31' };
  for (const [which, text] of [
    ['from', from],
    ['to', to],
  ] as const) {
    if (text === undefined || text.trim() === '') continue;
    const bound = parseDayBound(text, which);
    if (!bound) {
      return { message: `Tanggal "${text}" tidak dikenali. Tulis misalnya 2024-06-19, 19 Juni 2024, Juni 2024, atau 2024.` };
    }
    bounds[which] = bound.day;
  }
  if (bounds.from > bounds.to)
    return { message: 'Tanggal awal (dari) jatuh setelah tanggal akhir (sampai). Tukar keduanya lalu coba lagi.' };
  return bounds;
}

function emptyMessage(topic: string, hasRange: boolean, eventsBeforeRange: number): string {
  const what = topic === '' ? 'Belum ada peristiwa bertanggal di korpus' : `Tidak ada peristiwa bertanggal tentang "${topic}"`;
  if (hasRange && eventsBeforeRange > 0) {
    return `${what} dalam rentang tanggal itu. Perluas rentang (dari/sampai) atau hapus batas tanggalnya.`;
  }
  if (topic === '') return `${what}. Muat artikel yang menyebut tanggal peristiwa, lalu coba lagi.`;
  return `${what}. Coba kata kunci lain atau yang lebih umum, periksa ejaannya, atau gunakan /cari untuk melihat artikel yang ada.`;
}
