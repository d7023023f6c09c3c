import { bodyTextOf } from '../corpus/text-file.ts';
import type { Article } from '../corpus/types.ts';
import { dayIso, dayNumber, fromDayNumber, spanOf } from '../dates/calendar.ts';
import { isFutureContext, spanEnds } from '../dates/context.ts';
import { findDates } from '../dates/find.ts';
import { MONTHS, WEEKDAYS, alternation } from '../dates/names.ts';
import type { DateMention, ResolvedDate } from '../dates/types.ts';
import { nameCount, sentenceTerms, textTerms, type SentenceTerm } from './entities.ts';
import { informativeness, sentenceSignals } from './score.ts';
import { splitSentences, type SentenceSpan } from './sentences.ts';

/** One dated sentence of one article: a report that something happened on a date. */
export interface Candidate {
  /** Index of the article in the array the timeline was built from. */
  article: number;
  date: ResolvedDate;
  /**
   * The days a vague date can denote ("pekan lalu": last week, shown as its month): it joins a
   * report of one of those days when there is one.
   */
  window?: { from: string; to: string };
  sentence: string;
  /** Offsets, in `sentence`, of the expressions that name this date (removed from the summary). */
  dateSpans: Array<[number, number]>;
  /** The sentence names this date first: its main clause is about it, not about an aside. */
  primary: boolean;
  /** The sentence names no other date: it is about this one alone. */
  soleDate: boolean;
  /** Distinct analyzed terms of the sentence, date expressions left out: what a topic is matched on. */
  terms: string[];
  /**
   * The terms of this date's own clause (the whole sentence unless it names several dates), and
   * those among them that are names or acronyms: what reports are merged on.
   */
  clauseTerms: string[];
  clauseNames: string[];
  /** Informativeness of the sentence in its article (score.ts). */
  score: number;
  /**
   * From a photo caption: it may lend its day to a coarser report of the same happening (merge.ts),
   * never make an event of its own.
   */
  caption?: true;
}

/** Fewer words than this besides the date: a byline, header or dateline, not a report. */
const MIN_EVENT_WORDS = 5;
/** A date's own clause with fewer terms than this says too little: the whole sentence speaks for it. */
const MIN_CLAUSE_TERMS = 3;

/**
 * A cheap test that a paragraph may hold a date expression: a month or weekday name, a relative
 * word, a year, or digits around a date separator. About two paragraphs in three fail it, and
 * skipping findDates on them halves the time spent there. It must stay a superset of what
 * findDates recognizes; tests/timeline/extract.test.ts checks it on the expressions.
 */
const MAY_HOLD_DATE = new RegExp(
  `\\b(?:${alternation([...MONTHS.keys(), ...WEEKDAYS.keys(), 'kemarin', 'besok', 'lusa', 'pekan', 'sepekan', 'seminggu', 'lalu', 'depan'])})\\b` +
    '|\\b(?:hari|bulan|tahun)\\s+ini\\b|\\d[/.-]\\d|\\b(?:19|20)\\d\\d',
  'i',
);

export function mayHoldDate(text: string): boolean {
  return MAY_HOLD_DATE.test(text);
}

/**
 * Dated sentences of one article's body. Captions and the page header are not in `paragraphs`,
 * so they never become events. The article's own date resolves "kemarin" and missing years.
 */
export function extractCandidates(article: Article, articleIndex: number): Candidate[] {
  const { paragraphs, captions } = bodyTextOf(article);
  return [...datedSentences(article, articleIndex, paragraphs), ...captionCandidates(article, articleIndex, captions)];
}

/** Dated sentences of some paragraphs (the body's, or the captions'). */
function datedSentences(article: Article, articleIndex: number, paragraphs: readonly string[]): Candidate[] {
  const reference: ResolvedDate | null = article.date ? { iso: article.date.iso, precision: article.date.precision } : null;
  const published = lastPublicationDay(article);
  const candidates: Candidate[] = [];
  let gist: Set<string> | undefined;
  paragraphs.forEach((paragraph, position) => {
    if (!mayHoldDate(paragraph)) return;
    const mentions = findDates(paragraph, reference);
    if (mentions.length === 0) return;
    const quotes = mentions.some((m) => m.resolution === 'relative') ? quotedRegions(paragraph) : [];
    const spans = spanEnds(paragraph, mentions);
    const usable = mentions.filter((m) => !spans.has(m) && isEventDate(m, quotes) && !isPlanned(paragraph, m, published));
    if (usable.length === 0) return;
    for (const span of splitSentences(paragraph)) {
      const inSentence = usable.filter((m) => m.start >= span.start && m.start < span.end);
      if (inSentence.length === 0) continue;
      gist ??= new Set(textTerms(article.title));
      candidates.push(...sentenceCandidates(span, inSentence, articleIndex, position, gist));
    }
  });
  return candidates;
}

/**
 * Day-precision dates stated in photo captions ("… di Vostochny, 13 September 2023"): they only
 * refine a coarser report the body makes of the same happening (merge.ts), so they are kept
 * last and ranked below every body sentence.
 */
function captionCandidates(article: Article, articleIndex: number, captions: readonly string[]): Candidate[] {
  if (captions.length === 0) return [];
  return datedSentences(article, articleIndex, captions)
    .filter((c) => c.date.precision === 'day' && !c.window)
    .map((c): Candidate => ({ ...c, caption: true, score: -1 }));
}

/**
 * The last day an article can have been published, as ISO; null when unknown. A report cannot
 * tell of a happening after it: such a date is a plan ("akan menaikkan iuran … per 1 Januari 2020").
 */
function lastPublicationDay(article: Article): string | null {
  const { date } = article;
  if (!date) return null;
  return date.range?.to ?? spanOf({ iso: date.iso, precision: date.precision }).to;
}

/** How many days after publication a date may still be a report ("Kamis (12/9)" in a late-night article dated the 11th). */
const PUBLICATION_SLACK_DAYS = 1;

/**
 * A date after the article's publication (beyond the slack, or at all when worded as a plan:
 * "akan", "dijadwalkan", "mendatang"): what is planned, not what happened. It is no event on that
 * date; at most the announcement is, and that is a sentence dated on its own day.
 */
function isPlanned(text: string, mention: DateMention, published: string | null): boolean {
  if (published === null) return false;
  const first = spanOf(mention.date).from;
  if (first <= published) return false;
  const [y, m, d] = published.split('-').map(Number) as [number, number, number];
  const slack = fromDayNumber(dayNumber(y, m, d) + PUBLICATION_SLACK_DAYS);
  if (first > dayIso(slack.year, slack.month, slack.day)) return true;
  return isFutureContext(text, mention.start, mention.end);
}

function sentenceCandidates(
  span: SentenceSpan,
  mentions: readonly DateMention[],
  article: number,
  position: number,
  gist: ReadonlySet<string>,
): Candidate[] {
  const spans = mentions.map((m): [number, number] => [m.start - span.start, Math.min(m.end, span.end) - span.start]);
  const undated = blank(span.text, spans);
  const { terms: tokens, words } = sentenceTerms(undated);
  if (words < MIN_EVENT_WORDS) return [];
  const terms = distinctTerms(tokens);
  const score = informativeness(sentenceSignals(span.text, position, { words, entities: nameCount(tokens) }, terms, gist));
  const clauseEnds = mentions.length > 1 ? dateClauseEnds(undated, spans) : [];
  const byDate = new Map<string, Candidate>();
  mentions.forEach((mention, i) => {
    const key = `${mention.date.iso}/${mention.date.precision}`;
    const existing = byDate.get(key);
    if (existing) {
      existing.dateSpans.push(spans[i]!);
      return;
    }
    // With several dates, each is about its own clause: "telepon pada Kamis (20/6), sehari setelah pertemuan … Rabu (19/6)".
    const clause =
      mentions.length > 1 ? tokens.filter((t) => t.start >= (i === 0 ? 0 : clauseEnds[i - 1]!) && t.start < clauseEnds[i]!) : tokens;
    const own = distinctTerms(clause).length >= MIN_CLAUSE_TERMS ? clause : tokens;
    byDate.set(key, {
      article,
      date: mention.date,
      ...(mention.range ? { window: mention.range } : {}),
      sentence: span.text,
      dateSpans: [spans[i]!],
      primary: byDate.size === 0,
      soleDate: true,
      terms,
      clauseTerms: own === tokens ? terms : distinctTerms(own),
      clauseNames: distinctTerms(own.filter((t) => t.name)),
      score,
    });
  });
  const found = [...byDate.values()];
  if (found.length > 1) for (const candidate of found) candidate.soleDate = false;
  return found;
}

/** Terms in order of first occurrence. A sentence has a few dozen: a linear scan beats building a Set. */
function distinctTerms(tokens: readonly SentenceTerm[]): string[] {
  if (tokens.length > 64) return [...new Set(tokens.map((t) => t.term))];
  const terms: string[] = [];
  for (const { term } of tokens) if (!terms.includes(term)) terms.push(term);
  return terms;
}

/**
 * Where the clause of each date ends in a sentence with several: at the first clause break after
 * it, else where the next date starts; the last clause runs to the end.
 */
function dateClauseEnds(text: string, spans: ReadonlyArray<[number, number]>): number[] {
  return spans.map(([, end], i) => {
    const next = spans[i + 1]?.[0];
    if (next === undefined) return text.length;
    const comma = text.slice(end, next).search(/[,;]/);
    return comma >= 0 ? end + comma : end;
  });
}

/** A relative date inside a quotation counts from when it was said, not from the article's date. */
function isEventDate(mention: DateMention, quotes: ReadonlyArray<[number, number]>): boolean {
  return !(mention.resolution === 'relative' && insideAny(mention.start, quotes));
}

/** The text with the given spans replaced by spaces (offsets stay valid). */
function blank(text: string, spans: ReadonlyArray<[number, number]>): string {
  let out = text;
  for (const [start, end] of spans) out = out.slice(0, start) + ' '.repeat(Math.max(0, end - start)) + out.slice(end);
  return out;
}

/** Character ranges inside quotation marks: a relative date there counts from when it was said. */
function quotedRegions(text: string): Array<[number, number]> {
  const regions: Array<[number, number]> = [];
  let open = -1;
  let straight = -1;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '“') open = i;
    else if (ch === '”' && open >= 0) {
      regions.push([open, i]);
      open = -1;
    } else if (ch === '"') {
      if (straight < 0) straight = i;
      else {
        regions.push([straight, i]);
        straight = -1;
      }
    }
  }
  return regions;
}

function insideAny(offset: number, regions: ReadonlyArray<[number, number]>): boolean {
  return regions.some(([start, end]) => offset > start && offset < end);
}
