import type { Article } from '../corpus/types.ts';
import { spanOf } from '../dates/calendar.ts';
import type { ResolvedDate } from '../dates/types.ts';
import { forgetWordReadings, textTerms } from './entities.ts';
import { CandidateTableBuilder, type CandidateTable } from './candidates.ts';
import { extractCandidates } from './extract.ts';
import { ClauseTermsBuilder, mergeCandidates, type CandidateGroup, type MergeItem } from './merge.ts';

/** What a timeline keeps of an article: enough to cite it, never its text (contract 2). */
export interface TimelineArticle {
  id: string;
  title: string;
  publisher: string | null;
  url: string | null;
  date: ResolvedDate | null;
}

/** A happening, as stored once at build. */
export interface StoredEvent {
  date: ResolvedDate;
  /**
   * ISO day bounds, for range filters and date order: the date's own span, or for a vague date
   * the days its reports can denote ("pekan ini" in a story of 15 June: 10–16 June, shown as June).
   */
  from: string;
  to: string;
  /** The candidate whose sentence becomes the summary. */
  representative: number;
  /** One article (index) per outlet, the representative's first. */
  sources: number[];
  /** Number of outlets, plus how central and informative the summary sentence is (< 1). */
  importance: number;
}

/** What a build keeps of a candidate until its events are stored: what merging reads, and how it fits its date (`storeEvent`). */
type BuildItem = MergeItem & { primary: boolean; soleDate: boolean };

/** Everything a segment keeps besides its articles' citations: what the timeline cache persists (timeline-cache.ts). */
export interface TimelineParts {
  /** The dated sentences, in article order, as extracted (captions left out). */
  candidates: CandidateTable;
  /** Event of each candidate. */
  eventOf: Int32Array;
  /** How well each candidate's sentence would summarize its event (see `storeEvent`). */
  fitness: Float32Array;
  events: readonly StoredEvent[];
  /** Event indices, most important first. */
  byImportance: Int32Array;
}

export function citationOf(article: Article): TimelineArticle {
  const { id, title, publisher, url, date } = article;
  return { id, title, publisher, url, date: date ? { iso: date.iso, precision: date.precision } : null };
}

/** Articles of one outlet count once; an article with no known outlet counts alone. */
export function outletKey(article: TimelineArticle): string {
  return article.publisher?.toLowerCase() ?? `article:${article.id}`;
}

/**
 * The events of one batch of articles, extracted and merged together: a timeline is one segment,
 * or (after `extend`) a few. Only citations of the articles are kept; lookups a query needs are
 * made on first use.
 */
export class TimelineSegment {
  /** Article id → its candidates (indices). */
  readonly candidatesOf = new Map<string, number[]>();
  private readonly ids: ReadonlySet<string>;
  private termCounts: Map<string, number> | undefined;
  private titleTermSets: Array<ReadonlySet<string> | undefined> = [];
  private eventMembers: number[][] | undefined;
  private lineChecks: Uint8Array | undefined;

  constructor(
    readonly articles: readonly TimelineArticle[],
    readonly parts: TimelineParts,
  ) {
    this.ids = new Set(articles.map((a) => a.id));
    const { candidates } = parts;
    for (let index = 0; index < candidates.size; index++) {
      const id = articles[candidates.article(index)]!.id;
      const ids = this.candidatesOf.get(id);
      if (ids) ids.push(index);
      else this.candidatesOf.set(id, [index]);
    }
  }

  static build(articles: readonly Article[]): TimelineSegment {
    const builder = new SegmentBuilder();
    for (const article of articles) builder.add(article);
    const { citations, parts } = builder.build();
    return new TimelineSegment(citations, parts);
  }

  holds(articleId: string): boolean {
    return this.ids.has(articleId);
  }

  /** In how many dated sentences each term occurs: how rare, so how telling, a topic's word is. */
  termFrequencies(): ReadonlyMap<string, number> {
    if (!this.termCounts) {
      const counts = this.parts.candidates.termCounts();
      this.termCounts = new Map(this.parts.candidates.columns.vocabulary.map((term, id) => [term, counts[id]!]));
    }
    return this.termCounts;
  }

  titleTerms(article: number): ReadonlySet<string> {
    let terms = this.titleTermSets[article];
    if (!terms) this.titleTermSets[article] = terms = new Set(textTerms(this.articles[article]!.title));
    return terms;
  }

  /** Whether candidate `index` makes a line (`test`, the query's rule), remembered: topics share candidates. */
  isLine(index: number, test: (candidates: CandidateTable, index: number) => boolean): boolean {
    this.lineChecks ??= new Uint8Array(this.parts.candidates.size);
    let known = this.lineChecks[index]!;
    if (known === 0) this.lineChecks[index] = known = test(this.parts.candidates, index) ? 1 : 2;
    return known === 1;
  }

  /** The candidates of an event, fittest first. */
  membersOf(event: number): readonly number[] {
    if (!this.eventMembers) {
      const members: number[][] = this.parts.events.map(() => []);
      this.parts.eventOf.forEach((e, c) => members[e]!.push(c));
      for (const list of members) list.sort((a, b) => this.parts.fitness[b]! - this.parts.fitness[a]!);
      this.eventMembers = members;
    }
    return this.eventMembers[event]!;
  }
}

/**
 * A segment's articles extracted one at a time (`add`), then merged together (`build`): only each
 * article's citation and dated sentences are kept, so a caller may hand articles over in batches
 * and drop each batch once added (the extraction thread does: extract-worker.ts).
 */
export class SegmentBuilder {
  readonly #citations: TimelineArticle[] = [];
  /** Every candidate (captions too), as merging reads it… */
  readonly #items: BuildItem[] = [];
  readonly #clauses = new ClauseTermsBuilder();
  /** …and the kept ones' sentences, packed as they come: the candidates themselves are dropped at once. */
  readonly #kept = new CandidateTableBuilder();

  /** The next article of the segment, in order. */
  add(article: Article): void {
    const index = this.#citations.length;
    this.#citations.push(citationOf(article));
    for (const c of extractCandidates(article, index)) {
      const { date, window, score, caption, primary, soleDate } = c;
      this.#items.push({ article: index, date, window, score, caption, primary, soleDate });
      this.#clauses.add(c.clauseTerms, c.clauseNames);
      // Captions only lend their day to the body's reports (merge.ts): they are not kept.
      if (!caption) this.#kept.add(index, c.sentence, c.dateSpans, c.terms);
    }
  }

  /** The articles' citations and the segment's parts: their candidates merged into events. */
  build(): { citations: TimelineArticle[]; parts: TimelineParts } {
    const items = this.#items;
    const citations = this.#citations;
    forgetWordReadings();
    const kept = items.flatMap((c, i) => (c.caption ? [] : [i]));
    const keptIndex = new Int32Array(items.length).fill(-1);
    kept.forEach((old, i) => (keptIndex[old] = i));
    const eventOf = new Int32Array(kept.length);
    const fitness = new Float32Array(kept.length);
    const keptItems = kept.map((i) => items[i]!);
    const events = mergeCandidates(items, this.#clauses.build()).map((group, eventIndex): StoredEvent => {
      const members = group.members.map((m) => keptIndex[m]!);
      members.forEach((m) => (eventOf[m] = eventIndex));
      return storeEvent({ ...group, members }, keptItems, citations, fitness);
    });
    const byImportance = Int32Array.from(events.keys()).sort((a, b) => events[b]!.importance - events[a]!.importance);
    return { citations, parts: { candidates: this.#kept.build(), eventOf, fitness, events, byImportance } };
  }
}

/**
 * The stored form of a merged group. Each member's fitness as the summary combines how
 * informative its sentence is, how central to the group, and whether it is about this date (not
 * an aside, or one of several dates) at this precision; the fittest is the summary. Each outlet is
 * cited once, through its fittest article.
 */
function storeEvent(
  group: CandidateGroup,
  candidates: readonly BuildItem[],
  articles: readonly TimelineArticle[],
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
  const { from, to } = eventSpan(
    date,
    members.map((m) => candidates[m]!.window),
  );
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

/**
 * The days an event of `date` can be on: a day is itself; a coarser date is the union of its
 * reports' windows, or its whole span as soon as one report names it without a window ("Juni").
 */
export function eventSpan(
  date: ResolvedDate,
  windows: ReadonlyArray<{ from: string; to: string } | undefined>,
): { from: string; to: string } {
  const whole = spanOf(date);
  if (date.precision === 'day' || windows.length === 0 || windows.some((w) => w === undefined)) return whole;
  let { from, to } = windows[0]!;
  for (const w of windows) {
    if (w!.from < from) from = w!.from;
    if (w!.to > to) to = w!.to;
  }
  return { from, to };
}
