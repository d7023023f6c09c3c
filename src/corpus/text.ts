import { createHash } from 'node:crypto';

/** Text hygiene shared by every format. */

/**
 * Invisible format characters that may sit inside a word without splitting it: soft hyphen, zero-width
 * space/non-joiner/joiner, direction marks, word joiner and invisible operators, byte order mark.
 * The corpus drops them from article text; the analyzer drops them from words (queries and index alike).
 */
export const INVISIBLE_IN_WORDS = /[\u00ad\u180e\u200b-\u200f\u2060-\u2064\ufeff]/g;

/** Characters that are not plain spaces or text: odd blanks become a space, invisible ones go. */
const ODD_CHARACTERS =
  // eslint-disable-next-line no-control-regex -- control characters are exactly what this strips
  /[\t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000\u00ad\u180e\u200b-\u200f\u2060-\u2064\ufeff\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;

function isInvisible(c: string): boolean {
  const code = c.charCodeAt(0);
  return code < 0x20 || code === 0x7f || (code >= 0x80 && c.search(INVISIBLE_IN_WORDS) === 0);
}

/** Unicode line ends, odd spaces, zero-width characters, direction marks, soft hyphens, control characters → plain text with \n. */
export function normalizeText(raw: string): string {
  // One pass for the characters to blank or drop (tab is a control character but a blank); line ends only when there are any to fix.
  const text = raw.replace(ODD_CHARACTERS, (c) => (c !== '\t' && isInvisible(c) ? '' : ' '));
  const oddLineEnds = text.includes('\r') || text.includes('\u2028') || text.includes('\u2029');
  return oddLineEnds ? text.replace(/\r\n?|\u2028|\u2029/g, '\n') : text;
}

/**
 * One paragraph, tidied: runs of spaces collapsed, a missing space after a comma between words
 * restored ("Rusia,dengan"), a doubled full stop reduced. Nothing else is rewritten: gluing like
 * "samatersebut" cannot be split safely without a dictionary.
 */
export function cleanParagraph(text: string): string {
  let clean = text.includes('  ') ? text.replace(/ {2,}/g, ' ') : text;
  clean = clean.replace(/([a-z\u00df-\u00ff]),([A-Za-z\u00c0-\u00ff])/g, '$1, $2');
  if (clean.includes('..')) clean = clean.replace(/(?<!\.)\.\.(?!\.)/g, '.');
  return clean.trim();
}

/** Paragraphs of a plain body: blank lines separate them. */
export function splitParagraphs(body: string): string[] {
  return body
    .split(/\n\s*\n/)
    .map((p) => cleanParagraph(p.includes('\n') ? p.replace(/\s*\n\s*/g, ' ') : p))
    .filter((p) => p !== '');
}

/**
 * Fingerprint of an article's body text for duplicate detection (the loader's merge of copies, and
 * `CorpusQueries.duplicateOf`): its cleaned paragraphs (whitespace already normalized), lowercased,
 * hashed one by one so no second copy of the text is built.
 */
export function bodyTextHash(paragraphs: readonly string[]): string {
  const hash = createHash('sha1');
  for (const p of paragraphs) hash.update(p.toLowerCase()).update('\n');
  return hash.digest('base64');
}

/** Words of a line, lowercased, for overlap tests. */
export function wordsOf(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** Cut at a word boundary to at most `max` characters, with an ellipsis when cut. */
export function truncateWords(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:–—-]+$/, '')}…`;
}
