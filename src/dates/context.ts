import { SPAN_LINK } from './patterns.ts';

const FUTURE_BEFORE = /\b(?:akan|dijadwalkan|direncanakan|rencananya|berencana|nanti)\b/i;
const FUTURE_AFTER = /^\s*(?:mendatang|nanti|depan)\b/i;

/**
 * Whether the sentence around text[start, end) speaks of the future ("akan digelar 20 Juli",
 * "20 Juli mendatang"): such a date is a plan, not a reported event.
 */
export function isFutureContext(text: string, start: number, end: number): boolean {
  const before = text.slice(Math.max(0, start - 100), start);
  const sentenceStart = Math.max(before.lastIndexOf('. '), before.lastIndexOf('\n'));
  return FUTURE_BEFORE.test(before.slice(sentenceStart + 1)) || FUTURE_AFTER.test(text.slice(end, end + 12));
}

/** A part of the day or a closing bracket that may follow a date before the link ("Jumat (27/9) malam hingga …"). */
const DATE_TAIL = String.raw`\)?(?:\s*(?:dini\s+hari|pagi|siang|sore|petang|malam))?`;
/** "… 2014 hingga kini": the date opens a state that lasts until now. */
const UNTIL_NOW = new RegExp(String.raw`^${DATE_TAIL}\s*${SPAN_LINK}\s*(?:kini|sekarang|saat\s+ini|hari\s+ini)\b`, 'i');
/** Only a link between two dates: "Jumat (27/9) malam hingga Sabtu (28/9)". */
const BETWEEN_ENDS = new RegExp(String.raw`^${DATE_TAIL}\s*${SPAN_LINK}\s*(?:hari\s+)?$`, 'i');
/** "10 hingga 12 September 2019", "10-12 September": a span's first day, written as a bare number before its last. */
const FIRST_DAY_BEFORE = new RegExp(String.raw`\b[0-3]?\d\s*${SPAN_LINK}\s*$`, 'i');

/** "sejak 2014", "sejak terbentuk pada 2014": a few words after "sejak", in the same clause. */
const SINCE_BEFORE = /\b(?:sejak|semenjak)\s+(?:[^\s,;.]+\s+){0,3}$/i;

/**
 * The mentions that are ends of a span, not dates of a happening: "sejak 2014 hingga kini" (a
 * state until now), "Jumat (27/9) malam hingga Sabtu (28/9) dini hari", "10 hingga 12 September",
 * and a year a state runs since ("defisit sejak terbentuk pada 2014"; a day or month after
 * "sejak" is often when something began, "dirawat sejak awal Juli", and stays). A span is not one day or year: a timeline
 * shows it as what it is, or not at all.
 */
export function spanEnds<M extends { start: number; end: number; date: { precision: string } }>(
  text: string,
  mentions: readonly M[],
): Set<M> {
  const ends = new Set<M>();
  mentions.forEach((mention, i) => {
    if (UNTIL_NOW.test(text.slice(mention.end, mention.end + 40))) ends.add(mention);
    if (mention.date.precision === 'year' && SINCE_BEFORE.test(text.slice(Math.max(0, mention.start - 50), mention.start)))
      ends.add(mention);
    if (FIRST_DAY_BEFORE.test(text.slice(Math.max(0, mention.start - 16), mention.start))) ends.add(mention);
    const next = mentions[i + 1];
    if (next && BETWEEN_ENDS.test(text.slice(mention.end, next.start))) {
      ends.add(mention);
      ends.add(next);
    }
  });
  return ends;
}
