import { hyphenParts, isStopword, normalizeWord, scanWords, stem } from '../search/analyzer.ts';

/**
 * The terms of a sentence as the search index analyzes them (stems, stopwords out), each flagged
 * when it is part of a name: a capitalized word or an acronym ("Putin", "KPK", "Pyongyang").
 * Merging two reports of one happening leans on shared names more than on shared common words.
 */

/** Capitalized words that are not names: sentence openers, titles of address, calendar words. */
const NOT_NAMES = new Set([
  'pada', 'dalam', 'ini', 'itu', 'hal', 'para', 'namun', 'menurut', 'kedua', 'berdasarkan', 'sementara', 'selain',
  'saat', 'ketika', 'dia', 'ia', 'mereka', 'kami', 'kita', 'saya', 'seperti', 'tetapi', 'di', 'ke', 'dari', 'yang',
  'dan', 'atau', 'sebelumnya', 'kemudian', 'setelah', 'sebelum', 'adapun', 'sedangkan', 'bahkan', 'jika', 'untuk',
  'dengan', 'oleh', 'karena', 'sejak', 'hingga', 'sampai', 'pun', 'juga', 'baca', 'the', 'a', 'of', 'and',
  'senin', 'selasa', 'rabu', 'kamis', 'jumat', 'sabtu', 'minggu', 'januari', 'februari', 'maret', 'april', 'mei',
  'juni', 'juli', 'agustus', 'september', 'oktober', 'november', 'desember', 'wib', 'wita', 'wit',
]);

export interface SentenceTerm {
  term: string;
  /** Offset of the word it comes from. */
  start: number;
  name: boolean;
}

/**
 * Index terms of a sentence (as `analyze` gives them) with offsets and name flags, and its word
 * count, stopwords included. Stopwords are never stemmed: this runs on every dated sentence.
 */
export function sentenceTerms(text: string): { terms: SentenceTerm[]; words: number } {
  const terms: SentenceTerm[] = [];
  let words = 0;
  scanWords(text, (start, end) => {
    const surface = text.slice(start, end);
    const norm = normalizeWord(surface);
    if (norm.length === 0) return;
    words++;
    if (isStopword(norm)) return;
    const token = { norm, stem: stem(norm) };
    const name = isName(surface, norm, words === 1);
    terms.push({ term: token.stem, start, name });
    for (const part of hyphenParts(token)) terms.push({ term: part.stem, start, name });
  });
  return { terms, words };
}

/** The first word of a sentence is capitalized anyway: it counts only as an acronym. */
function isName(surface: string, norm: string, first: boolean): boolean {
  const code = surface.charCodeAt(0);
  const capital = code < 0x80 ? code >= 0x41 && code <= 0x5a : /^\p{Lu}/u.test(surface);
  if (!capital || NOT_NAMES.has(norm)) return false;
  const acronym = surface.length >= 2 && surface === surface.toUpperCase() && /\p{L}/u.test(surface);
  return acronym || !first;
}

/** Distinct names and acronyms of a sentence. */
export function nameCount(terms: readonly SentenceTerm[]): number {
  return new Set(terms.filter((t) => t.name).map((t) => t.term)).size;
}
