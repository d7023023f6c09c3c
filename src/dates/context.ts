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
