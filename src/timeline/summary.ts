/**
 * Turns a dated sentence into a timeline line: the date it is filed under goes (the heading says
 * it), so do "Dikutip dari …" openers and "…, kata Miller" tails where the rest still stands alone,
 * and the line is shortened to about 200 characters at a clause or word boundary.
 */

export const SUMMARY_MAX_CHARS = 200;

/** Words before a date that go with it: "pada Rabu (19/6)", "pada hari Kamis", "tanggal 2 Januari". */
const DATE_PREPOSITION = /(?:^|\s)(?:(?:pada\s+hari|pada\s+tanggal|pada|hari|tanggal)\s*)+$/i;
/** Words that need the date as their object: without it "sejak" or "hingga" dangles. */
const DATE_IS_OBJECT =
  /(?:^|\s)(?:yakni|yaitu|ialah|adalah|jatuh|sejak|selama|hingga|sampai|sebelum|setelah|sesudah|jelang|menjelang|usai|antara|dan|atau|per|tiap|setiap|mulai|akhir|awal|pertengahan|medio|tahun|bulan|edisi|periode|of|on|since)\s*$/i;
/** "kelahiran Parepare, 25 Juni 1936": a birth date describes a person, it is not when the sentence happens. */
const BIRTH_DATE = /\b(?:lahir|kelahiran)\b[^.;]{0,60}$/i;
/** "Selasa (10/9/2019) siang": the part of the day goes with the date. */
const DAY_PART = /^\s*(?:dini\s*hari|pagi|siang|sore|petang|malam)\b/i;
/** "TEMPO.CO, Jakarta - ", "Jakarta (ANTARA News) - ", or the dash a scrape left of it ("- - Badan …"): the dateline of the page the sentence was lifted from. */
const DATELINE_OPENER = /^(?:[\p{Lu}][\p{L}\p{N}.]*[,\s]+|\([^()]{1,30}\)\s*){0,4}(?:[-–—]{1,2}\s+)+/u;
/** "Dikutip dari The Guardian, …": who relayed it, not what happened. */
const RELAY_OPENER = /^(?:seperti\s+)?(?:dikutip|dilansir|dilaporkan|mengutip|melansir|diberitakan)\s+(?:dari\s+)?[^,]{1,60},\s*/i;
/** "Tetapi …", "Sementara itu, …", "Diketahui, …": links to the previous sentence, which the timeline does not show. */
const LINKING_OPENER =
  /^(?:akan\s+tetapi|tetapi|namun|sementara\s+itu|selain\s+itu|sedangkan|adapun|kemudian|lalu(?!\s+lintas)|dan|oleh\s+karena\s+itu|pasalnya|sebab|(?:untuk\s+|seperti\s+)?diketahui|sebelumnya(?:\s+diberitakan)?|sekadar\s+informasi|sebagai\s+informasi)\b\s*,?\s*/i;
/** ", kata Miller dalam konferensi pers." and friends, at the very end of a sentence. */
const ATTRIBUTION_TAIL =
  /,\s*(?:kata|ujar|ungkap|ucap|tutur|jelas|tegas|imbuh|tambah|sebut|terang|papar|lanjut|katanya|ujarnya|ungkapnya|ucapnya|tuturnya|jelasnya|tegasnya|imbuhnya|tambahnya|sebutnya|terangnya|paparnya|lanjutnya)\b[^,"“”]{0,80}[.!]?$/i;
/**
 * A quotation's end whose opening mark is in an earlier sentence: "Salah satunya peluang pemindahan
 * ibu kota," ujar …. A closing mark, after the quotation's last word, before any opening one. A mark
 * followed by a word opens a quotation, even glued to what precedes it as scraped text often has it
 * (Ia berkata,"Kami …).
 */
const QUOTATION_TAIL = /^[^"“”]*?[\p{L}\p{N}.,!?…)\]]["”](?![\p{L}\p{N}])/u;

/** Words a shortened line must not end on: the clause would dangle. */
const DANGLING_END =
  /(?:[\s,;:–-]+(?:dan|yang|serta|atau|di|ke|dari|untuk|dengan|pada|bahwa|karena|oleh|dalam|sebagai|para|sang|si|the|of|and))+\s*$/i;

/**
 * The summary line for a sentence filed under the date named at `dateSpans` (offsets in `sentence`).
 * Other dates in the sentence stay: they say something the heading does not.
 */
export function summarize(sentence: string, dateSpans: ReadonlyArray<readonly [number, number]>, maxChars = SUMMARY_MAX_CHARS): string {
  let text = sentence;
  for (const [start, end] of [...dateSpans].sort((a, b) => b[0] - a[0])) text = removeDate(text, start, end);
  text = tidy(text).replace(DATELINE_OPENER, '').replace(LINKING_OPENER, '').replace(RELAY_OPENER, '');
  if (isQuotationTail(text)) text = `${text.match(/["”]/)![0] === '”' ? '“' : '"'}…${text}`;
  else if (!/^["“‘']/.test(text)) text = text.replace(ATTRIBUTION_TAIL, '.');
  return shorten(capitalize(tidy(text)), maxChars);
}

/** The end of a quotation opened in an earlier sentence: its line shows where it starts, with "…". */
export function isQuotationTail(sentence: string): boolean {
  return QUOTATION_TAIL.test(sentence);
}

/** Drops the date expression and its preposition, unless another word needs it as its object. */
function removeDate(text: string, start: number, end: number): string {
  const before = text.slice(0, start);
  if (DATE_IS_OBJECT.test(before) || BIRTH_DATE.test(before)) return text;
  let head = before.replace(DATE_PREPOSITION, (m) => (m.startsWith(' ') ? ' ' : ''));
  let tail = text.slice(end).replace(DAY_PART, '');
  if (/,\s*$/.test(head) && /^\s*,/.test(tail)) tail = tail.replace(/^\s*,/, '');
  if (head.trim() === '') {
    head = '';
    tail = tail.replace(/^\s*[,–-]\s*/, '');
  }
  return `${head.trimEnd()} ${tail.trimStart()}`;
}

function tidy(text: string): string {
  const unopened = (text.match(/\)/g) ?? []).length - (text.match(/\(/g) ?? []).length;
  return (unopened > 0 ? text.replace(/\)(?=[.,;]?\s*$)/, '') : text)
    .replace(/\s+/g, ' ')
    .replace(/\s+([,.;:!?)])/g, '$1')
    .replace(/\(\s*\)/g, '')
    .replace(/,(\s*[,.])/g, '$1')
    .replace(/\.{2,}$/, '.')
    .trim();
}

function capitalize(text: string): string {
  const first = text.search(/\p{L}/u);
  if (first < 0 || !/^["“‘'(…]*$/.test(text.slice(0, first))) return text;
  return text.slice(0, first) + text[first]!.toUpperCase() + text.slice(first + 1);
}

/**
 * At most `maxChars`: short asides in brackets go first ("(DK PBB)"), then the line is cut at a
 * clause boundary late in the line, else at a word boundary.
 */
function shorten(text: string, maxChars: number): string {
  if (text.length <= maxChars) return text;
  const withoutAsides = tidy(text.replace(/\s*\([^()]{1,30}\)/g, ''));
  if (withoutAsides.length <= maxChars) return withoutAsides;
  text = withoutAsides;
  const room = text.slice(0, maxChars - 2); // room for a closing quote and the ellipsis
  let cut = -1;
  for (const match of room.matchAll(/[,;:–—]\s/g)) if (match.index >= maxChars * 0.75) cut = match.index;
  if (cut < 0) cut = room.lastIndexOf(' ');
  if (cut <= 0) cut = room.length; // one word longer than a line: nothing better than cutting it
  const kept = text
    .slice(0, cut)
    .replace(DANGLING_END, '')
    .replace(/[\s,;:–—-]+$/, '');
  return `${kept}…${unclosedQuote(kept)}`;
}

/** The quote mark that closes a quotation left open by a cut, if any. */
function unclosedQuote(text: string): string {
  if ((text.match(/“/g) ?? []).length > (text.match(/”/g) ?? []).length) return '”';
  return (text.match(/"/g) ?? []).length % 2 === 1 ? '"' : '';
}
