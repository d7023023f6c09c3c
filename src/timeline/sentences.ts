/** A sentence of a paragraph, with its character offsets in that paragraph. */
export interface SentenceSpan {
  text: string;
  start: number;
  end: number;
}

/**
 * Words that end with a period without ending the sentence: titles before names,
 * and the short forms Indonesian news writes mid-sentence ("Jl. Sudirman", "Rp. 5").
 * Not "SR": in Indonesian news it is the Richter scale that ends a quake report ("5,7 SR.").
 */
const ABBREVIATIONS = new Set([
  'dr',
  'drs',
  'dra',
  'prof',
  'ir',
  'h',
  'hj',
  'kh',
  'st',
  'sh',
  'se',
  'mm',
  'msi',
  'mh',
  'tn',
  'ny',
  'nn',
  'sdr',
  'sdri',
  'bpk',
  'jl',
  'jln',
  'no',
  'kec',
  'kab',
  'kel',
  'prov',
  'rp',
  'dll',
  'dsb',
  'dst',
  'tsb',
  'yth',
  'a.n',
  'u.p',
  'mr',
  'mrs',
  'ms',
  'jr',
  'vs',
  'gen',
  'kol',
  'brigjen',
  'mayjen',
  'letjen',
  'irjen',
  'kombes',
  'akbp',
  'ipda',
  'iptu',
  'aiptu',
  'bripka',
  'kapt',
  'lt',
  'sgt',
  'pt',
  'tbk',
  'co',
  'inc',
  'ltd',
  'hlm',
  'tel',
  'telp',
  'ext',
  'jend',
  'bid',
  'bag',
]);

/** Closing quotes and brackets that may follow the end mark of a sentence. */
const CLOSERS = '"\'”’)]»';

/**
 * Splits a paragraph into sentences. A sentence ends at `.`, `!`, `?` or `…` (with any closing
 * quote or bracket) followed by a space and something that can open a sentence: a capital, a
 * digit or an opening quote. Initials ("B.J. Habibie"), abbreviations ("Jl.", "Dr.") and
 * numbers ("1.000") don't end sentences.
 */
export function splitSentences(paragraph: string): SentenceSpan[] {
  const spans: SentenceSpan[] = [];
  let start = skipSpace(paragraph, 0);
  // The regex engine skips to each end mark; a loop over every character in JS was the slow part.
  const endMark = /[.!?…]/g;
  endMark.lastIndex = start;
  for (let found = endMark.exec(paragraph); found; found = endMark.exec(paragraph)) {
    const i = found.index;
    const ch = found[0];
    let end = i + 1;
    while (end < paragraph.length && (paragraph[end] === '.' || paragraph[end] === '!' || paragraph[end] === '?')) end++;
    while (end < paragraph.length && CLOSERS.includes(paragraph[end]!)) end++;
    // "ucap dia., Diketahui": a scraper dropped a linked word between two sentences.
    const stray = paragraph[end] === ',' && ch === '.' ? 1 : 0;
    const next = skipSpace(paragraph, end + stray);
    if (next >= paragraph.length) continue;
    if (next === end + stray && !(ch === '.' && isGlued(paragraph, i, end))) continue;
    if (!opensSentence(paragraph[next]!)) continue;
    if (ch === '.' && end === i + 1 && isAbbreviationBefore(paragraph, i)) continue;
    pushSpan(spans, paragraph, start, end);
    start = next;
    endMark.lastIndex = next;
  }
  pushSpan(spans, paragraph, start, paragraph.length);
  return spans;
}

/**
 * "audisi Djarum.Hal itu disampaikan": a scrape lost the space after a period. A word ending in
 * three lower-case letters before it and a capitalized word after it end a sentence;
 * "Kompas.com", "06.32", "B.J." and "Jl.Sudirman" don't match.
 */
function isGlued(text: string, dot: number, next: number): boolean {
  return (
    /\p{Ll}{3}$/u.test(text.slice(Math.max(0, dot - 3), dot)) &&
    /^\p{Lu}\p{Ll}/u.test(text.slice(next, next + 2)) &&
    !isAbbreviationBefore(text, dot)
  );
}

function skipSpace(text: string, from: number): number {
  let i = from;
  while (i < text.length && /\s/.test(text[i]!)) i++;
  return i;
}

function opensSentence(ch: string): boolean {
  return /[\p{Lu}\d"“'‘([]/u.test(ch);
}

/** True when the word ending at the period `dot` is an initial or a known abbreviation. */
function isAbbreviationBefore(text: string, dot: number): boolean {
  let from = dot;
  while (from > 0 && /[\p{L}.]/u.test(text[from - 1]!)) from--;
  const word = text.slice(from, dot);
  if (word.length === 0) return false;
  // A single capital ("B." in "B. J. Habibie") or dotted initials ("B.J") are names, not ends.
  if (/^\p{Lu}$/u.test(word) || /^(\p{L}\.)+\p{L}$/u.test(word)) return true;
  return ABBREVIATIONS.has(word.toLowerCase());
}

function pushSpan(spans: SentenceSpan[], text: string, start: number, end: number): void {
  let stop = end;
  while (stop > start && /\s/.test(text[stop - 1]!)) stop--;
  if (stop > start) spans.push({ text: text.slice(start, stop), start, end: stop });
}
