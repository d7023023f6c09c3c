import type { Article } from '../corpus/types.ts';
import { dayIso, dayNumber, fromDayNumber, spanOf } from '../dates/calendar.ts';
import { parseDayBound } from '../dates/find.ts';
import { analyze, tokenize } from '../search/analyzer.ts';
import { searchedText } from '../search/query.ts';
import { inTrailingTimeClause, opensWithAnaphor } from './stands-alone.ts';
import type { CandidateTable } from './candidates.ts';
import { textTerms } from './entities.ts';
import { TIMELINE_PARAMS, type TimelineParams } from './params.ts';
import { outletKey, TimelineSegment, type StoredEvent, type TimelineArticle, type TimelineParts } from './segment.ts';
import { summarize } from './summary.ts';
import type { TimelineEvent, TimelineProblem, TimelineQuery, TimelineResult, TimelineSource } from './types.ts';

export type { StoredEvent, TimelineParts } from './segment.ts';

export const DEFAULT_EVENT_LIMIT = TIMELINE_PARAMS.defaultEventLimit;
/** Articles of a topic the caller asks the engine for (`matchArticles(topic, TOPIC_ARTICLE_LIMIT)`). */
export const TOPIC_ARTICLE_LIMIT = TIMELINE_PARAMS.topicArticleLimit;

/** An article the engine matched to a topic. */
export interface TopicMatch {
  id: string;
  score: number;
}

/** A segment, and the ids of its articles removed or replaced since it was built. */
interface Layer {
  segment: TimelineSegment;
  removed: ReadonlySet<string>;
}

/** An event that may be shown: where it lives, the candidate its line comes from, and how it ranks. */
interface Entry {
  layer: Layer;
  event: number;
  /** The candidate its line comes from; -1 until the event is picked, for the events of no topic. */
  candidate: number;
  rank: number;
  /** For a topic: the article of each outlet that told this event in a story about the topic, cited for that outlet. */
  cited?: ReadonlyMap<string, number>;
  /** Events of the same day folded into this one (see `foldSameDay`): their outlets are cited too. */
  also?: readonly Entry[];
}

/** An event chosen by topic: how much of the topic its best sentence names, that sentence, and the outlets that wrote about it. */
interface TopicHit {
  share: number;
  /** How its line shows the topic: 2 it names it, 1 a story titled with the topic dates it on its news day, 0 neither. */
  evidence: number;
  candidate: number;
  quoted: boolean;
  /** Outlets with a sentence in this event that names the topic, or that a story titled with the topic dates on its news day. */
  outlets: Set<string>;
  /** Outlets whose article, matched strongly to the topic, reports this event: the topic's own stories. */
  storyOutlets: Set<string>;
  /** Outlet → its article that told the event about the topic (the first, in the engine's order). */
  cited: Map<string, number>;
}

/** A line chosen for the answer, with the sources of any repeat of it that was folded in. */
interface Shown {
  entry: Entry;
  summary: string;
  terms: readonly string[];
  sources: TimelineSource[];
}

const NO_REMOVALS: ReadonlySet<string> = new Set();
/** A topic's event seen so far only in sentences that make no line: any line of it replaces this. */
const NO_LINE_YET = { share: 0, evidence: -1, candidate: -1, quoted: false } as const;
/** A line that opens with a quotation mark: someone's words, not the reporter's account. */
const QUOTATION = /^["“‘']/;
/** A sentence that starts inside another (a scrape lost its start) or does not end: not a line. */
const OPENS_MID_SENTENCE = /^[\p{Ll}\p{P}]/u;
const ENDS_SENTENCE = /[.!?…]["”’')\]]*$|["”’]$/u;
/** What a shown line may start with: a letter, a quote, or a day and month ("26 Agustus …"). */
const STARTS_LINE = /^(?:[\p{L}"“‘']|\d{1,2}\s+\p{L})/u;

/**
 * Dated events of a corpus, extracted once at build and queried many times: by topic (the
 * engine's matching articles, read by the caller, and the sentences' own words), date range, and
 * importance. Immutable: `extend` and `without` return new timelines that share what is unchanged.
 */
export class Timeline {
  /** Summary lines made so far, by layer and candidate: only shown events are ever summarized. */
  private readonly summaries = new WeakMap<TimelineSegment, Map<number, string>>();

  private constructor(
    private readonly layers: readonly Layer[],
    private readonly params: Readonly<TimelineParams> = TIMELINE_PARAMS,
  ) {}

  static build(articles: readonly Article[], params?: Readonly<TimelineParams>): Timeline {
    return new Timeline([{ segment: TimelineSegment.build(articles), removed: NO_REMOVALS }], params);
  }

  /** A timeline from what a build made: its articles' citations and its parts (checked by the caller: timeline-cache.ts). */
  static fromParts(citations: readonly TimelineArticle[], parts: TimelineParts): Timeline {
    return new Timeline([{ segment: new TimelineSegment(citations, parts), removed: NO_REMOVALS }]);
  }

  /**
   * What the timeline cache persists: the parts of a timeline as built. A timeline changed by
   * `extend` or `without` has none (its next full build is cached instead).
   */
  get parts(): TimelineParts | undefined {
    const [only, ...more] = this.layers;
    return only && more.length === 0 && only.removed.size === 0 ? only.segment.parts : undefined;
  }

  /** The citations of the articles of a timeline as built, which the cache keeps beside `parts`; none when `parts` has none. */
  get articleCitations(): readonly TimelineArticle[] | undefined {
    return this.parts && this.layers[0]!.segment.articles;
  }

  /** Number of events with at least one source still in the corpus. */
  get size(): number {
    let size = 0;
    for (const { segment, removed } of this.layers) {
      if (removed.size === 0) size += segment.parts.events.length;
      else for (const event of segment.parts.events) if (this.liveSources({ segment, removed }, event).length > 0) size++;
    }
    return size;
  }

  /**
   * The timeline of these articles added: a new article whose id is already here replaces the old
   * one. Only the new articles are extracted and merged (among themselves); a happening they
   * report that is already here shows once, with the outlets of both (see `query`).
   */
  extend(articles: readonly Article[]): Timeline {
    if (articles.length === 0) return this;
    const ids = new Set(articles.map((a) => a.id));
    const layers = this.layers.map((layer) => withRemoved(layer, ids));
    return new Timeline([...layers, { segment: TimelineSegment.build(articles), removed: NO_REMOVALS }], this.params);
  }

  /** The timeline without these articles: their sentences and citations are gone, events they alone reported too. */
  without(ids: ReadonlySet<string>): Timeline {
    if (ids.size === 0) return this;
    return new Timeline(
      this.layers.map((layer) => withRemoved(layer, ids)),
      this.params,
    );
  }

  /**
   * The events to show: about `q.topic` when given (`matches` are the engine's
   * `matchArticles(topic, TOPIC_ARTICLE_LIMIT)`, made by the caller), in the date range, the most
   * important first, then in date order. Two lines never tell one happening of one day.
   */
  query(q: TimelineQuery, matches: readonly TopicMatch[] = []): TimelineResult {
    const limit = Math.max(1, Math.floor(q.limit ?? this.params.defaultEventLimit));
    const range = dateRange(q.from, q.to);
    if ('problem' in range) return { events: [], total: 0, problem: range.problem };
    const topic = q.topic?.trim() ?? '';
    const found = topic === '' ? this.importantEvents() : this.topicEvents(topic, matches);
    if ('problem' in found) return { events: [], total: 0, problem: found.problem };

    const inRange = found.filter(({ layer, event }) => {
      const stored = layer.segment.parts.events[event]!;
      return stored.to >= range.from && stored.from <= range.to;
    });
    const shown = this.pick(inRange, limit).sort((a, b) => compareByDate(eventOf(a.entry), eventOf(b.entry)));
    const events = shown.map(({ entry, summary, sources }): TimelineEvent => {
      const { date } = eventOf(entry);
      return { date: date.iso, precision: date.precision, summary, sources };
    });
    if (events.length > 0) return { events, total: inRange.length };
    return { events, total: 0, problem: emptyProblem(topic, found.length > 0 && inRange.length === 0) };
  }

  /** Every live event, the most important first. */
  private importantEvents(): Entry[] {
    const entries: Entry[] = [];
    for (const layer of this.layers) {
      const { events, byImportance } = layer.segment.parts;
      for (const event of byImportance) {
        if (layer.removed.size > 0 && this.liveSources(layer, events[event]!).length === 0) continue;
        // Its line is found when it is picked: most events are never shown.
        entries.push({ layer, event, candidate: -1, rank: events[event]!.importance });
      }
    }
    if (this.layers.length > 1) entries.sort((a, b) => b.rank - a.rank);
    return entries;
  }

  /**
   * Events about the topic, best first: those with a sentence, in one of the engine's matching
   * articles, that names the topic as a whole. Each topic word weighs by its rarity among dated
   * sentences; the sentence must hold the rarest and at least `topicSentenceShare` of the weight,
   * and with its article's title at least `topicCoverage`: "Ambon" alone in a story about a court
   * case, or "gempa" in a story about another quake, is not "gempa Ambon". In an article the engine
   * matches strongly to the whole topic (`strongMatchShare` of the best score) the sentence's share
   * suffices: a common qualifier may go unsaid in a story about the topic. A dated sentence
   * elsewhere in a matching article (the weather, another case) is not part of the topic's timeline.
   */
  private topicEvents(topic: string, matches: readonly TopicMatch[]): Entry[] | { problem: TimelineProblem } {
    // "Korea Utara -Jepang": the engine's matches already leave out what is excluded; the topic is the rest
    const searched = searchedText(topic);
    const phrase = analyze(searched);
    const terms = [...new Set(phrase)];
    if (terms.length === 0) return { problem: { kind: emptyTopicKind(topic, searched), topic } };
    const weights = this.termWeights(terms);
    const total = weights.reduce((sum, w) => sum + w, 0);
    const rarest = terms[weights.indexOf(Math.max(...weights))]!;
    const { topicCoverage, topicSentenceShare, strongMatchShare } = this.params;
    const bestScore = matches.reduce((best, { score }) => Math.max(best, score), 0);

    const hits = new Map<Layer, Map<number, TopicHit>>();
    for (const layer of this.layers) {
      const { segment, removed } = layer;
      const { candidates, eventOf: eventIndex, fitness } = segment.parts;
      const layerHits = new Map<number, TopicHit>();
      hits.set(layer, layerHits);
      for (const { id, score } of matches) {
        if (removed.has(id)) continue;
        const strong = score >= strongMatchShare * bestScore;
        const coverage = strong ? topicSentenceShare : topicCoverage;
        const mine = segment.candidatesOf.get(id) ?? [];
        if (mine.length === 0) continue;
        const article = segment.articles[candidates.article(mine[0]!)]!;
        const title = segment.titleTerms(candidates.article(mine[0]!));
        // A story the engine matches strongly and whose title names the topic as written ("Korban Gempa
        // Ambon …"): what it reports on its own news day is the topic's, named or not.
        const newsDays = strong && holdsPhrase(textTerms(article.title), phrase) ? newsDaysOf(article) : null;
        const outlet = outletKey(article);
        for (const c of mine) {
          const sentenceTerms = candidates.terms(c);
          const share = this.namedShare(sentenceTerms, title, terms, weights, total, rarest, coverage);
          // In a story about the topic, a sentence that does not name it may still report one of its happenings (see `storyOutlets`).
          if (share === 0 && !strong) continue;
          // A sentence that makes no line still tells that its outlet reported the event (and which article to cite).
          const line = segment.isLine(c, isLine);
          const quoted = QUOTATION.test(candidates.sentence(c));
          const event = eventIndex[c]!;
          const { date } = segment.parts.events[event]!;
          // On the story's news day and sharing a word with its title: the story's happening, not an aside (the weather that day).
          const news =
            newsDays !== null &&
            date.precision === 'day' &&
            date.iso >= newsDays.from &&
            date.iso <= newsDays.to &&
            sentenceTerms.some((term) => title.has(term));
          const evidence = share > 0 ? 2 : news ? 1 : 0;
          let hit = layerHits.get(event);
          if (!hit) {
            const shown = line ? { share, evidence, candidate: c, quoted } : NO_LINE_YET;
            layerHits.set(event, (hit = { ...shown, outlets: new Set(), storyOutlets: new Set(), cited: new Map() }));
          }
          if (share > 0 || news) hit.outlets.add(outlet);
          if (strong) hit.storyOutlets.add(outlet);
          if (!hit.cited.has(outlet)) hit.cited.set(outlet, candidates.article(c));
          if (!line || hit.candidate === c) continue;
          // The line: one that names the topic, else the story's own happening, then the reporter's
          // account before a quotation, then the most of the topic, then the fittest.
          const better =
            hit.candidate < 0 || evidence !== hit.evidence
              ? evidence > hit.evidence
              : quoted !== hit.quoted
                ? !quoted
                : share !== hit.share
                  ? share > hit.share
                  : fitness[c]! > fitness[hit.candidate]!;
          if (better) Object.assign(hit, { share, evidence, candidate: c, quoted });
        }
      }
    }
    // Outlets that wrote about the topic in this event, not all its outlets: one aside in a big
    // story about something else does not make that story the topic's. How much of the topic the
    // line names only orders events of about as many outlets: a happening two of the topic's
    // stories date outranks one story's sentence that names the topic.
    const entries: Entry[] = [];
    for (const { layer, event, hit, also } of this.foldSameDay(hits)) {
      const outlets = new Set([...hit.outlets, ...hit.storyOutlets]);
      if (hit.outlets.size === 0 && hit.storyOutlets.size < this.params.storyOutletsAlone) continue;
      const rank =
        outlets.size +
        hit.share / 2 +
        layer.segment.parts.fitness[hit.candidate]! / 4 +
        (this.params.aboutTopicBonus * hit.storyOutlets.size) / outlets.size -
        (hit.quoted ? this.params.quotationPenalty : 0) -
        this.params.vaguePenalty[layer.segment.parts.events[event]!.date.precision];
      entries.push({ layer, event, candidate: hit.candidate, rank, cited: hit.cited, also });
    }
    return entries.sort((a, b) => b.rank - a.rank);
  }

  /**
   * The topic's events, where two of one day whose lines share most of their terms
   * (`sameDayOverlap`) are one: building merged reports on their names, and two outlets'
   * near-identical quotes of one press conference may name no one. The one with more outlets
   * keeps its line and takes the other's outlets, so the happening ranks by all who reported it.
   */
  private foldSameDay(
    hits: ReadonlyMap<Layer, ReadonlyMap<number, TopicHit>>,
  ): Array<{ layer: Layer; event: number; hit: TopicHit; also: Entry[] }> {
    const byDay = new Map<string, Array<{ layer: Layer; event: number; hit: TopicHit; also: Entry[] }>>();
    const kept: Array<{ layer: Layer; event: number; hit: TopicHit; also: Entry[] }> = [];
    const strength = (hit: TopicHit): number => hit.outlets.size + hit.storyOutlets.size + hit.share;
    // An event none of whose sentences about the topic makes a line is not shown, nor folded into another.
    const all = [...hits].flatMap(([layer, layerHits]) =>
      [...layerHits].flatMap(([event, hit]) => (hit.candidate < 0 ? [] : [{ layer, event, hit, also: [] as Entry[] }])),
    );
    all.sort((a, b) => strength(b.hit) - strength(a.hit));
    const termSets = new Map<Layer, Map<number, ReadonlySet<string>>>();
    const termsOf = ({ layer, hit }: { layer: Layer; hit: TopicHit }): ReadonlySet<string> => {
      let sets = termSets.get(layer);
      if (!sets) termSets.set(layer, (sets = new Map()));
      let set = sets.get(hit.candidate);
      if (!set) sets.set(hit.candidate, (set = new Set(layer.segment.parts.candidates.terms(hit.candidate))));
      return set;
    };
    for (const item of all) {
      const { date } = item.layer.segment.parts.events[item.event]!;
      if (date.precision !== 'day') {
        kept.push(item);
        continue;
      }
      let day = byDay.get(date.iso);
      if (!day) byDay.set(date.iso, (day = []));
      const terms = termsOf(item);
      const same = day.find((other) => setOverlap(termsOf(other), terms) >= this.params.sameDayOverlap);
      if (!same) {
        day.push(item);
        kept.push(item);
        continue;
      }
      for (const outlet of item.hit.outlets) same.hit.outlets.add(outlet);
      for (const outlet of item.hit.storyOutlets) same.hit.storyOutlets.add(outlet);
      for (const [outlet, article] of item.hit.cited) if (!same.hit.cited.has(outlet)) same.hit.cited.set(outlet, article);
      same.also.push({ layer: item.layer, event: item.event, candidate: item.hit.candidate, rank: 0, cited: item.hit.cited });
    }
    return kept;
  }

  /**
   * How much of the topic a sentence names (its share of the topic's weight), or 0 when it does
   * not name the topic: it must hold the rarest term and `topicSentenceShare` of the weight, and
   * with its article's title `coverage`.
   */
  private namedShare(
    sentence: readonly string[],
    title: ReadonlySet<string>,
    terms: readonly string[],
    weights: readonly number[],
    total: number,
    rarest: string,
    coverage: number,
  ): number {
    if (!sentence.includes(rarest)) return 0;
    let own = 0;
    let withTitle = 0;
    terms.forEach((term, i) => {
      const inSentence = sentence.includes(term);
      if (inSentence) own += weights[i]!;
      if (inSentence || title.has(term)) withTitle += weights[i]!;
    });
    const share = own / total;
    return share >= this.params.topicSentenceShare && withTitle / total >= coverage ? share : 0;
  }

  /** How telling each term is: its rarity among all dated sentences. */
  private termWeights(terms: readonly string[]): number[] {
    let sentences = 0;
    const counts = terms.map(() => 0);
    for (const { segment } of this.layers) {
      sentences += segment.parts.candidates.size;
      const frequencies = segment.termFrequencies();
      terms.forEach((term, i) => (counts[i]! += frequencies.get(term) ?? 0));
    }
    return counts.map((count) => Math.log(1 + sentences / (count + 1)));
  }

  /**
   * The first `limit` entries whose line stands alone (a whole sentence: see `isLine`), skipping
   * repeats: the same sentence again, or a line of the same day sharing most of its terms with
   * one already chosen. A repeat's outlets are cited on the line it repeats.
   */
  private pick(entries: readonly Entry[], limit: number): Shown[] {
    const shown: Shown[] = [];
    const sentences = new Set<string>();
    for (const entry of entries) {
      if (shown.length >= limit) break;
      if (entry.candidate < 0) entry.candidate = this.liveRepresentative(entry.layer, entry.event);
      if (entry.candidate < 0) continue;
      const { candidates } = entry.layer.segment.parts;
      const sentence = candidates.sentence(entry.candidate);
      const terms = candidates.terms(entry.candidate);
      const sources = this.citations(entry).map((a) => sourceOf(entry.layer.segment.articles[a]!));
      for (const other of entry.also ?? []) {
        for (const a of this.citations(other)) {
          const source = sourceOf(other.layer.segment.articles[a]!);
          if (!sources.some((s) => sameOutlet(s, source))) sources.push(source);
        }
      }
      const key = sentence.replace(/\s+/g, ' ').trim().toLowerCase();
      const repeated = sentences.has(key) ? shown.find((s) => sameSentence(s, key)) : this.sameDayLine(shown, entry, terms);
      if (repeated) {
        for (const source of sources) if (!repeated.sources.some((s) => sameOutlet(s, source))) repeated.sources.push(source);
        continue;
      }
      const summary = this.summary(entry.layer.segment, entry.candidate);
      if (!STARTS_LINE.test(summary)) continue;
      sentences.add(key);
      shown.push({ entry, summary, terms, sources });
    }
    return shown;
  }

  private sameDayLine(shown: readonly Shown[], entry: Entry, terms: readonly string[]): Shown | undefined {
    const date = eventOf(entry).date.iso;
    return shown.find((s) => eventOf(s.entry).date.iso === date && overlap(s.terms, terms) >= this.params.sameDayOverlap);
  }

  private summary(segment: TimelineSegment, index: number): string {
    let cache = this.summaries.get(segment);
    if (!cache) this.summaries.set(segment, (cache = new Map()));
    let summary = cache.get(index);
    if (summary === undefined) {
      const { candidates } = segment.parts;
      summary = summarize(candidates.sentence(index), candidates.dateSpans(index));
      cache.set(index, summary);
    }
    return summary;
  }

  /**
   * The articles to cite for an entry, one per outlet: the line's own article first, and for a
   * topic the outlet's story about the topic rather than its fittest report of the event (one
   * press conference may be merged from stories on several subjects).
   */
  private citations(entry: Entry): number[] {
    const { segment } = entry.layer;
    const articles = this.liveSources(entry.layer, eventOf(entry)).map((a) => entry.cited?.get(outletKey(segment.articles[a]!)) ?? a);
    const own = segment.parts.candidates.article(entry.candidate);
    const at = articles.findIndex((a) => outletKey(segment.articles[a]!) === outletKey(segment.articles[own]!));
    if (at > 0) articles.unshift(...articles.splice(at, 1));
    if (at >= 0) articles[0] = own;
    return articles;
  }

  /** The event's sources (article indices) still in the corpus. */
  private liveSources({ segment, removed }: Layer, event: StoredEvent): number[] {
    if (removed.size === 0) return event.sources;
    return event.sources.filter((a) => !removed.has(segment.articles[a]!.id));
  }

  /** The event's fittest candidate that makes a line and whose article is still in the corpus; -1 for none. */
  private liveRepresentative({ segment, removed }: Layer, event: number): number {
    const { candidates, events } = segment.parts;
    const first = events[event]!.representative;
    const usable = (c: number): boolean =>
      segment.isLine(c, isLine) && (removed.size === 0 || !removed.has(segment.articles[candidates.article(c)]!.id));
    if (usable(first)) return first;
    return segment.membersOf(event).find(usable) ?? -1;
  }
}

/** The terms of `phrase`, in order and next to each other, among `terms`. */
function holdsPhrase(terms: readonly string[], phrase: readonly string[]): boolean {
  for (let i = 0; i + phrase.length <= terms.length; i++) if (phrase.every((term, j) => terms[i + j] === term)) return true;
  return false;
}

/** The days a story reports as news: the day it was published (its range, if uncertain) and the day before. */
function newsDaysOf(article: TimelineArticle): { from: string; to: string } | null {
  if (!article.date) return null;
  const { from, to } = spanOf(article.date);
  const [y, m, d] = from.split('-').map(Number) as [number, number, number];
  const before = fromDayNumber(dayNumber(y, m, d) - 1);
  return { from: dayIso(before.year, before.month, before.day), to };
}

function withRemoved(layer: Layer, ids: ReadonlySet<string>): Layer {
  const here = [...ids].filter((id) => layer.segment.holds(id));
  if (here.length === 0) return layer;
  return { segment: layer.segment, removed: new Set([...layer.removed, ...here]) };
}

function eventOf(entry: Entry): StoredEvent {
  return entry.layer.segment.parts.events[entry.event]!;
}

function sourceOf(article: TimelineArticle): TimelineSource {
  return { articleId: article.id, title: article.title, publisher: article.publisher, url: article.url };
}

function sameOutlet(a: TimelineSource, b: TimelineSource): boolean {
  return a.publisher !== null && b.publisher !== null
    ? a.publisher.toLowerCase() === b.publisher.toLowerCase()
    : a.articleId === b.articleId;
}

function sameSentence(shown: Shown, key: string): boolean {
  return shown.entry.layer.segment.parts.candidates.sentence(shown.entry.candidate).replace(/\s+/g, ' ').trim().toLowerCase() === key;
}

/** Shared terms, as a share of the shorter list's. */
function overlap(a: readonly string[], b: readonly string[]): number {
  if (a.length === 0 || b.length === 0) return 0;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  let shared = 0;
  for (const term of short) if (long.includes(term)) shared++;
  return shared / short.length;
}

/** Shared terms, as a share of the smaller set's. */
function setOverlap(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let shared = 0;
  for (const term of small) if (large.has(term)) shared++;
  return shared / small.size;
}

/**
 * Candidate `c` makes a line: a whole sentence (it neither starts inside another, lost opening
 * words or a stray mark, nor stops short) that stands on its own under its date (stands-alone.ts):
 * its date is not a trailing time clause's, and its line (date and opener gone) opens with no
 * subject pointing back to a sentence the line leaves out.
 */
function isLine(candidates: CandidateTable, c: number): boolean {
  const sentence = candidates.sentence(c);
  const dateSpans = candidates.dateSpans(c);
  return (
    !OPENS_MID_SENTENCE.test(sentence.replace(/^(?:[-–—]+\s*)+/, '').replace(/^["“‘'(]+/, '')) &&
    ENDS_SENTENCE.test(sentence) &&
    !inTrailingTimeClause(sentence, dateSpans[0]![0]) &&
    !opensWithAnaphor(summarize(sentence, dateSpans))
  );
}

/** Date order; a month or year heading before the days it contains. */
function compareByDate(a: StoredEvent, b: StoredEvent): number {
  if (a.from !== b.from) return a.from < b.from ? -1 : 1;
  if (a.to !== b.to) return a.to > b.to ? -1 : 1;
  return b.importance - a.importance;
}

/** ISO day bounds of a user's "dari"/"sampai" (any precision), or why they can't be used. */
export function dateRange(from: string | undefined, to: string | undefined): { from: string; to: string } | { problem: TimelineProblem } {
  const bounds = { from: '0000-01-01', to: '9999-12-31' };
  for (const [which, text] of [
    ['from', from],
    ['to', to],
  ] as const) {
    if (text === undefined || text.trim() === '') continue;
    const bound = parseDayBound(text, which);
    if (!bound) return { problem: { kind: 'bad-date', which, text } };
    bounds[which] = bound.day;
  }
  if (bounds.from > bounds.to) return { problem: { kind: 'reversed-range' } };
  return bounds;
}

/** Why a topic holds nothing to look for: no word at all, only exclusions, or only common words. */
function emptyTopicKind(topic: string, searched: string): 'no-words-topic' | 'only-exclusions-topic' | 'common-words-topic' {
  if (tokenize(topic).length === 0) return 'no-words-topic';
  return tokenize(searched).length === 0 ? 'only-exclusions-topic' : 'common-words-topic';
}

/** `outOfRange`: there were events, the date range left none. */
function emptyProblem(topic: string, outOfRange: boolean): TimelineProblem {
  if (outOfRange) return topic === '' ? { kind: 'none-in-range' } : { kind: 'none-in-range', topic };
  return topic === '' ? { kind: 'no-dated-events' } : { kind: 'no-topic-match', topic };
}
