/**
 * Indonesian text analysis shared by the search index and the timeline: normalization, tokenization
 * (digits and hyphenated words kept), stopwords on the surface form, then Sastrawi-style stemming.
 */
import { stopwords as oramaIndonesian } from '@orama/stopwords/indonesian';
import { INVISIBLE_IN_WORDS } from '../corpus/text.ts';
import { stemWord } from './stemmer.ts';

/**
 * Orama's Indonesian list, minus words that carry meaning in news ("kerja sama", "dalam negeri").
 * Applied before stemming, so "kerjasama" or "persamaan" are never lost to it.
 */
const KEPT_FROM_STOPLIST = new Set(['sama', 'dalam']);
const STOPWORDS: ReadonlySet<string> = new Set(oramaIndonesian.filter((w) => !KEPT_FROM_STOPLIST.has(w)));

/** A word of a text: surface form as written, its normalized form, stem, and where it sits. */
export interface Token {
  /** Lowercased, NFKC-normalized, diacritics removed. */
  norm: string;
  stem: string;
  start: number;
  end: number;
  stopword: boolean;
}

/** Invisible characters count as word characters, so "pu\u200btin" stays one word; normalizeWord drops them. */
const LETTER_OR_DIGIT = new RegExp(`[\\p{L}\\p{N}\\p{M}${INVISIBLE_IN_WORDS.source.slice(1, -1)}]`, 'u');
const JOINERS = new Set([0x2d, 0x27, 0x2019, 0x2010, 0x2011]); // - ' ’ ‐ ‑

function isWordCharAt(text: string, i: number): boolean {
  const code = text.charCodeAt(i);
  if (code < 0x80) return (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a) || (code >= 0x30 && code <= 0x39);
  return LETTER_OR_DIGIT.test(text[i]!);
}

/**
 * Calls `visit` for every word of the text: letters/digits, joined by inner hyphens or apostrophes
 * ("covid-19", "negara-negara", "jum'at"). A hand-written scan: indexing spends most of its time here.
 */
export function scanWords(text: string, visit: (start: number, end: number) => void): void {
  const n = text.length;
  let i = 0;
  while (i < n) {
    if (!isWordCharAt(text, i)) {
      i++;
      continue;
    }
    const start = i;
    for (;;) {
      i++;
      while (i < n && isWordCharAt(text, i)) i++;
      if (i + 1 < n && JOINERS.has(text.charCodeAt(i)) && isWordCharAt(text, i + 1)) continue;
      break;
    }
    visit(start, i);
  }
}

const isJoinerAt = (text: string, i: number) => JOINERS.has(text.charCodeAt(i));

/** The bounds of the word (as `scanWords` cuts it) covering position `at`, which must be a word character. */
export function wordAt(text: string, at: number): { start: number; end: number } {
  let start = at;
  for (;;) {
    while (start > 0 && isWordCharAt(text, start - 1)) start--;
    if (start > 1 && isJoinerAt(text, start - 1) && isWordCharAt(text, start - 2)) start -= 2;
    else break;
  }
  let end = at + 1;
  for (;;) {
    while (end < text.length && isWordCharAt(text, end)) end++;
    if (end + 1 < text.length && isJoinerAt(text, end) && isWordCharAt(text, end + 1)) end += 2;
    else break;
  }
  return { start, end };
}

const COMBINING_MARKS = /\p{M}+/gu;
const ASCII_WORD = /^[a-zA-Z0-9-]+$/;

/** Lowercase, NFKC, invisible characters, diacritics and apostrophes removed, Unicode hyphens unified. */
export function normalizeWord(word: string): string {
  if (ASCII_WORD.test(word)) return word.toLowerCase(); // the common case, kept cheap for indexing
  return word
    .replace(INVISIBLE_IN_WORDS, '')
    .normalize('NFKC')
    .toLowerCase()
    .normalize('NFD')
    .replace(COMBINING_MARKS, '')
    .replace(/['’]/g, '')
    .replace(/[‐‑]/g, '-');
}

export function isStopword(norm: string): boolean {
  return STOPWORDS.has(norm);
}

/** Memo cache: news text repeats the same few hundred thousand word forms over and over. */
const stemCache = new Map<string, string>();
const STEM_CACHE_LIMIT = 500_000;

const stemOfNorm = (norm: string): string => (/^[a-z]+(?:-[a-z]+)*$/.test(norm) ? stemWord(norm) : norm);

/** `stem` worked out anew, for a caller that memoizes in its own way (the index build). */
export const stemAnew = (word: string): string => stemOfNorm(normalizeWord(word));

/** The stem of one word (any case); stems non-alphabetic and short words to their normalized form. */
export function stem(word: string): string {
  const norm = normalizeWord(word);
  let cached = stemCache.get(norm);
  if (cached === undefined) {
    cached = stemOfNorm(norm);
    if (stemCache.size >= STEM_CACHE_LIMIT) stemCache.clear();
    stemCache.set(norm, cached);
  }
  return cached;
}

/** Every word of the text with its offsets, stopwords flagged rather than dropped. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  scanWords(text, (start, end) => {
    const norm = normalizeWord(text.slice(start, end));
    if (norm.length > 0) tokens.push({ norm, stem: stem(norm), start, end, stopword: STOPWORDS.has(norm) });
  });
  return tokens;
}

/**
 * The halves of a hyphenated word, which it is also indexed under, so "covid" finds "covid-19" and "jawa"
 * finds "jawa-bali". A reduplication ("negara-negara") stems to one word and has no halves.
 */
export function hyphenParts(
  token: Pick<Token, 'norm' | 'stem'>,
  stemOf: (word: string) => string = stem,
): { norm: string; stem: string }[] {
  if (!token.stem.includes('-')) return [];
  return token.norm
    .split('-')
    .filter((part) => part.length > 0 && !STOPWORDS.has(part))
    .map((part) => ({ norm: part, stem: stemOf(part) }));
}

/** Index terms of a text: normalized, stopwords removed, stemmed (hyphenated words also by halves). */
export function analyze(text: string): string[] {
  const terms: string[] = [];
  for (const token of tokenize(text)) {
    if (token.stopword) continue;
    terms.push(token.stem, ...hyphenParts(token).map((part) => part.stem));
  }
  return terms;
}
