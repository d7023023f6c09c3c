import { FULL_MONTHS, WEEKDAYS } from '../dates/names.ts';
import { hyphenParts, isStopword, normalizeWord, scanWords, stem } from '../search/analyzer.ts';

/**
 * The terms of a sentence as the search index analyzes them (stems, stopwords out), each flagged
 * when it is part of a name: a capitalized word or an acronym ("Putin", "KPK", "Pyongyang").
 * Merging two reports of one happening leans on shared names more than on shared common words.
 */

/** Capitalized words that are not names: sentence openers, titles of address, calendar words. */
const NOT_NAMES: ReadonlySet<string> = new Set([
  ...FULL_MONTHS,
  ...WEEKDAYS.keys(),
  'pada',
  'dalam',
  'ini',
  'itu',
  'hal',
  'para',
  'namun',
  'menurut',
  'kedua',
  'berdasarkan',
  'sementara',
  'selain',
  'saat',
  'ketika',
  'dia',
  'ia',
  'mereka',
  'kami',
  'kita',
  'saya',
  'seperti',
  'tetapi',
  'di',
  'ke',
  'dari',
  'yang',
  'dan',
  'atau',
  'sebelumnya',
  'kemudian',
  'setelah',
  'sebelum',
  'adapun',
  'sedangkan',
  'bahkan',
  'jika',
  'untuk',
  'dengan',
  'oleh',
  'karena',
  'sejak',
  'hingga',
  'sampai',
  'pun',
  'juga',
  'baca',
  'the',
  'a',
  'of',
  'and',
  'wib',
  'wita',
  'wit',
]);

export interface SentenceTerm {
  term: string;
  /** Offset of the word it comes from. */
  start: number;
  name: boolean;
}

/** How the analyzer reads one written word form. */
interface WordReading {
  /** Empty for a form that normalizes to nothing: not a word. */
  norm: string;
  /** Its index terms (stem, then the stems of a hyphenated word's halves); none for a stopword. */
  terms: string[];
  /** A name wherever it stands (an acronym), or only when it does not open the sentence (a capitalized word). */
  nameFirst: boolean;
  nameLater: boolean;
}

/**
 * Readings by written form. News repeats the same forms over and over, so this spares normalizing,
 * stopword lookup, stemming and the name test on almost every word; bounded like the stem cache.
 */
const readings = new Map<string, WordReading>();
const READING_CACHE_LIMIT = 500_000;

/**
 * Forget the readings: for the end of a burst of extraction (a segment's build), after which the
 * memo (some 20 MB for a large corpus: its keys are slices that keep their sentences) would only
 * weigh on what follows (merging, encoding).
 */
export function forgetWordReadings(): void {
  readings.clear();
}

function readWord(surface: string): WordReading {
  let reading = readings.get(surface);
  if (reading !== undefined) return reading;
  const norm = normalizeWord(surface);
  const terms: string[] = [];
  if (norm.length > 0 && !isStopword(norm)) {
    const token = { norm, stem: stem(norm) };
    terms.push(token.stem);
    for (const part of hyphenParts(token)) terms.push(part.stem);
  }
  const name = norm.length > 0 && isCapitalized(surface) && !NOT_NAMES.has(norm);
  const acronym = surface.length >= 2 && surface === surface.toUpperCase() && /\p{L}/u.test(surface);
  reading = { norm, terms, nameFirst: name && acronym, nameLater: name };
  if (readings.size >= READING_CACHE_LIMIT) readings.clear();
  readings.set(surface, reading);
  return reading;
}

/**
 * Index terms of a sentence (as `analyze` gives them) with offsets and name flags, and its word
 * count, stopwords included. Stopwords are never stemmed: this runs on every dated sentence.
 */
export function sentenceTerms(text: string): { terms: SentenceTerm[]; words: number } {
  const terms: SentenceTerm[] = [];
  let words = 0;
  scanWords(text, (start, end) => {
    const reading = readWord(text.slice(start, end));
    if (reading.norm.length === 0) return;
    words++;
    // The first word of a sentence is capitalized anyway: it counts only as an acronym.
    const name = words === 1 ? reading.nameFirst : reading.nameLater;
    for (const term of reading.terms) terms.push({ term, start, name });
  });
  return { terms, words };
}

/** Index terms of a text, as `analyze` gives them, through the same memo. */
export function textTerms(text: string): string[] {
  const terms: string[] = [];
  scanWords(text, (start, end) => {
    for (const term of readWord(text.slice(start, end)).terms) terms.push(term);
  });
  return terms;
}

function isCapitalized(surface: string): boolean {
  const code = surface.charCodeAt(0);
  return code < 0x80 ? code >= 0x41 && code <= 0x5a : /^\p{Lu}/u.test(surface);
}

/** Distinct names and acronyms of a sentence. */
export function nameCount(terms: readonly SentenceTerm[]): number {
  return new Set(terms.filter((t) => t.name).map((t) => t.term)).size;
}
