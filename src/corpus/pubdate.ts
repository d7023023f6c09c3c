import { spanOf, toResolved } from '../dates/calendar.ts';
import { isFutureContext } from '../dates/context.ts';
import { findDates, formatTime, parseDateInput } from '../dates/find.ts';
import type { DateMention, ResolvedDate } from '../dates/types.ts';
import type { ArticleWarning, DateEvidence, PublicationDate } from './types.ts';
import { ARCHIVE_CAPTION } from './boilerplate.ts';
import type { StatedDate } from './page.ts';

/**
 * The body contradicts a stated date when it reports, as past, at least two distinct days more
 * than a quarter after it. Schedules written without "akan" ("pendaftaran ditutup 13 November")
 * are common in news; a quarter and two days keep them from overruling a good date.
 */
const CONTRADICTION_DAYS = 92;
const CONTRADICTION_EVENTS = 2;
const DAY_MS = 86_400_000;

const evidence = (mention: DateMention): DateEvidence => ({ iso: mention.date.iso, text: mention.text });

/** Dates of events the text reports as having happened: resolved without a reference, plans left out. */
function reportedEvents(text: string, reference?: ResolvedDate): DateMention[] {
  return findDates(text, reference).filter((m) => !isFutureContext(text, m.start, m.end));
}

/** The latest reported event, preferring day/month precision over a bare year. */
function latestEvent(mentions: readonly DateMention[]): DateMention | null {
  const fine = mentions.filter((m) => m.date.precision !== 'year');
  let latest: DateMention | null = null;
  for (const m of fine.length > 0 ? fine : mentions) {
    if (!latest || spanOf(m.date).from > spanOf(latest.date).from) latest = m;
  }
  return latest;
}

function daysBetween(fromIso: string, toIso: string): number {
  return (Date.parse(toIso) - Date.parse(fromIso)) / DAY_MS;
}

function inferredFrom(event: DateMention): PublicationDate {
  const from = spanOf(event.date).from;
  return { iso: event.date.iso, precision: event.date.precision, provenance: 'inferred', range: { from, to: from } };
}

/**
 * The publication date of a page. A stated date stands unless the body reports, as past events,
 * dates well after it: then the stated date is wrong, a warning says so, and the date is inferred
 * from the latest reported event. With nothing stated, the body decides; with no full date in the
 * body either, a (non-archive) photo caption gives the month and the body's "bulan Juli" its year.
 */
export function decidePageDate(
  stated: readonly StatedDate[],
  paragraphs: readonly string[],
  captions: readonly string[],
): { date: PublicationDate | null; warnings: ArticleWarning[] } {
  const body = paragraphs.join('\n');
  const events = reportedEvents(body).filter((m) => m.resolution === 'explicit' || m.resolution === 'weekday');
  const latest = latestEvent(events);
  const first = stated[0];
  if (first) {
    const statedDate: PublicationDate = {
      iso: first.date.iso,
      precision: first.date.precision,
      provenance: first.provenance,
      ...(first.time ? { time: first.time } : {}),
    };
    const limit = spanOf(first.date).to;
    const later = events.filter(
      (m) => m.resolution === 'explicit' && m.date.precision === 'day' && daysBetween(limit, m.date.iso) > CONTRADICTION_DAYS,
    );
    const explicitLatest = latestEvent(later);
    if (!explicitLatest || new Set(later.map((m) => m.date.iso)).size < CONTRADICTION_EVENTS) {
      return { date: statedDate, warnings: [] };
    }
    return {
      date: inferredFrom(explicitLatest),
      warnings: [
        { kind: 'stated-date-contradicted', provenance: first.provenance, stated: first.date.iso, event: evidence(explicitLatest) },
      ],
    };
  }
  if (latest) {
    return {
      date: inferredFrom(latest),
      warnings: [{ kind: 'date-from-latest-event', event: evidence(latest) }],
    };
  }
  return inferFromCaptions(body, captions);
}

function inferFromCaptions(body: string, captions: readonly string[]): { date: PublicationDate | null; warnings: ArticleWarning[] } {
  let anchor: DateMention | null = null;
  for (const caption of captions) {
    if (ARCHIVE_CAPTION.test(caption)) continue;
    const latest = latestEvent(findDates(caption).filter((m) => m.resolution === 'explicit' && m.date.precision === 'day'));
    if (latest && (!anchor || latest.date.iso > anchor.date.iso)) anchor = latest;
  }
  if (!anchor) return { date: null, warnings: [{ kind: 'no-date' }] };
  const [year, month] = anchor.date.iso.split('-').map(Number) as [number, number];
  const monthDate = toResolved({ year, month });
  const bodyLatest = latestEvent(reportedEvents(body, anchor.date));
  const from = bodyLatest && spanOf(bodyLatest.date).from < spanOf(monthDate).from ? spanOf(bodyLatest.date).from : spanOf(monthDate).from;
  return {
    date: { ...monthDate, provenance: 'inferred', range: { from, to: spanOf(monthDate).to } },
    warnings: [
      { kind: 'date-from-caption', month: monthDate.iso, caption: anchor.date.iso, ...(bodyLatest && { bodyEvent: evidence(bodyLatest) }) },
    ],
  };
}

/** A date from front matter or a .jsonl field: "2019-03-21T15:02:00+07:00", "2024-06-19", "19 Juni 2024". */
export function metadataDate(value: unknown): PublicationDate | null {
  if (typeof value !== 'string' && typeof value !== 'number') return null;
  const text = String(value).trim();
  const stamp = /^(?<day>\d{4}-\d{2}-\d{2})[T ](?<hh>\d{2}):(?<mm>\d{2})(?::\d{2}(?:\.\d+)?)?\s*(?<tz>Z|[+-]\d{2}:?\d{2})?$/.exec(
    text,
  )?.groups;
  const parsed = parseDateInput(stamp ? stamp.day! : text);
  if (!parsed) return null;
  const date: PublicationDate = { ...parsed, provenance: 'metadata' };
  const time = stamp && formatTime(stamp);
  if (time) date.time = time;
  return date;
}
