/**
 * The /cari query language: plain words, `"frasa persis"` for phrases, `-kata` (or `-"frasa"`) to exclude.
 * Anything else is text: markdown, mentions and emoji simply contribute no words.
 */
import { INVISIBLE_IN_WORDS } from '../corpus/text.ts';
import { isStopword, normalizeWord, scanWords, stem } from './analyzer.ts';
import type { AnswerKind } from './answer.ts';
import { inCaseOf } from './letter-case.ts';
import type { SearchProblem } from './types.ts';

export type QueryProblem = Extract<
  SearchProblem,
  { kind: 'empty-query' | 'query-too-long' | 'no-words' | 'only-common-words' | 'only-exclusions' }
>;

export interface QueryWord {
  /** As typed, for "did you mean" and display. */
  text: string;
  norm: string;
  stem: string;
}

/** meN-/peN- and the root's first letter that the nasal replaced: k, s, p, t. */
const NASAL_PREFIX = /^([mp]e)(ng|ny|m|n)([aiueo].*)$/;
const REPLACED_BY_NASAL: Readonly<Record<string, string>> = { ng: 'k', ny: 's', m: 'p', n: 't' };

/**
 * The root a nasal-prefixed word has when its nasal replaced the root's first letter, when the stemmer
 * chose otherwise: "mengaburkan" is meng+aburkan to the dictionary (abur) but the user meant kabur;
 * "pengering" is kering, "mengemasi" kemas. The stemmer can keep one reading per word; a query can
 * afford both.
 */
export function nasalAlternative(word: QueryWord): string | undefined {
  const match = NASAL_PREFIX.exec(word.norm);
  if (!match) return undefined;
  const root = stem(REPLACED_BY_NASAL[match[2]!]! + match[3]!);
  return root === word.stem ? undefined : root;
}

export interface ParsedQuery {
  /** Words to rank by (phrase words included), stopwords removed, duplicates dropped. */
  words: QueryWord[];
  /**
   * The stopwords of the query ("kini", "segera", "seorang"): too common to search by alone, but a
   * headline a user remembers holds them too, so they help rank.
   */
  commonWords: QueryWord[];
  /** Each phrase as its normalized word sequence, stopwords kept: the text must contain it as written. */
  phrases: string[][];
  /** Words whose stem must not occur. */
  excluded: QueryWord[];
  excludedPhrases: string[][];
  /** The query held a question word ("Siapa juru bicara Kremlin"): it asks, rather than quotes a text. */
  question: boolean;
  /** What kind of answer the question word asks for, when it says ("siapa" a name, "kapan" a date). */
  asks?: AnswerKind;
  /** With `asks: 'expansion'`: the acronym asked about, in lowercase ("kepanjangan dari LIPI": lipi). */
  acronym?: string;
  /** Why the query cannot be run. */
  problem?: QueryProblem;
}

/**
 * Question words and their -kah forms: they say what kind of answer is wanted, not what the answer is
 * about, so they are not searched for ("Siapa juru bicara Kremlin" searches "juru bicara Kremlin").
 * "di mana" is covered by "mana" ("di" is a stopword).
 */
const QUESTION_ROOTS = ['apa', 'siapa', 'berapa', 'kapan', 'mana', 'dimana', 'mengapa', 'kenapa', 'bagaimana'];
/** Each question word as typed (the root or its -kah form) → its root: the one list both are read from. */
const QUESTION_ROOT_OF: ReadonlyMap<string, string> = new Map(
  QUESTION_ROOTS.flatMap((root) => [
    [root, root],
    [`${root}kah`, root],
  ]),
);

export function isQuestionWord(norm: string): boolean {
  return QUESTION_ROOT_OF.has(norm);
}

/**
 * The kind of answer a question word asks for (`answer.ts`): a person or organisation's name, a place, a
 * number, a date. "apa", "mengapa" and "bagaimana" say nothing of the answer's form.
 */
const ANSWER_KIND_OF: Readonly<Record<string, AnswerKind>> = {
  siapa: 'name',
  kapan: 'date',
  berapa: 'number',
  mana: 'place',
  dimana: 'place',
};
/**
 * "apa nama …", "siapa nama …": beside a question word, "nama" asks with it for the kind of answer and
 * says nothing of the topic; the passage that answers gives the name without saying "nama". It counts as
 * a common word: it adds score where found, but does not coordinate.
 */
const NAME_WORD = 'nama';
/** "tahun berapa", "tanggal berapa": a number that is a date. */
const TIME_NOUNS: ReadonlySet<string> = new Set(['tahun', 'tanggal', 'tgl', 'bulan', 'hari', 'abad']);

/** The answer kind of a question word, given the words typed next to it ("pada tahun berapakah" asks a date). */
function answerKindOf(norm: string, previous: string | undefined, next: string | undefined): AnswerKind | undefined {
  const root = QUESTION_ROOT_OF.get(norm);
  if (root === undefined) return undefined;
  const kind = ANSWER_KIND_OF[root];
  if (kind === 'number' && ((previous !== undefined && TIME_NOUNS.has(previous)) || (next !== undefined && TIME_NOUNS.has(next))))
    return 'date';
  // "apa nama perusahaan …": a name
  if (root === 'apa' && (next === NAME_WORD || previous === NAME_WORD)) return 'name';
  return kind;
}

/** Words that ask what an acronym stands for ("kepanjangan dari LIPI", "singkatan BKSDA"). */
const EXPANSION_NOUNS: ReadonlySet<string> = new Set(['kepanjangan', 'singkatan', 'kependekan', 'akronim']);
/** An acronym as typed: two to eight capitals. */
const ACRONYM = /^[A-Z]{2,8}$/;

export const MAX_QUERY_CHARS = 300;
export const MAX_QUERY_WORDS = 32;

const QUOTES = /["“”„«»]/g;

/** A word of the query, as typed and read. */
interface FoundWord {
  word: QueryWord;
  stopword: boolean;
  /** Typed with a leading "-" (unquoted words only). */
  negated: boolean;
}

/** Words of a fragment, appended to `found`: every word, stopwords flagged. */
function wordsOf(fragment: string, negated = false, found: FoundWord[] = []): FoundWord[] {
  scanWords(fragment, (start, end) => {
    const text = fragment.slice(start, end);
    const norm = normalizeWord(text);
    if (norm.length > 0) found.push({ word: { text, norm, stem: stem(norm) }, stopword: isStopword(norm), negated });
  });
  return found;
}

/** A piece of an unquoted fragment typed with a leading "-" ("-putin"): it excludes. */
const isNegatedPiece = (piece: string): boolean => piece.startsWith('-') && piece.length > 1;

/**
 * The query as its words are read: invisible characters dropped, then NFKC (circled, fullwidth and styled
 * letters become plain ones: "ⓚⓞⓡⓔⓐ" is "korea"); in that order, since JS counts a BOM as a space:
 * "pu\ufefftin" is one word.
 */
const readableText = (query: string): string => query.replace(INVISIBLE_IN_WORDS, '').normalize('NFKC');

/** Words of an unquoted fragment: a piece typed with a leading "-" is negated. */
function unquotedWords(text: string): FoundWord[] {
  const found: FoundWord[] = [];
  for (const piece of text.split(/\s+/)) {
    const negated = isNegatedPiece(piece);
    wordsOf(negated ? piece.slice(1) : piece, negated, found);
  }
  return found;
}

/** Adds a word to rank by, once; question words are not searched for. */
function addWord(parsed: ParsedQuery, seen: Set<string>, { word, stopword }: FoundWord): void {
  if (seen.has(word.norm) || isQuestionWord(word.norm)) return;
  seen.add(word.norm);
  if (stopword) parsed.commonWords.push(word);
  else parsed.words.push(word);
}

/** Splits the query into quoted and unquoted fragments; an unmatched quote counts as plain text. */
function fragments(query: string): { text: string; quoted: boolean; negated: boolean }[] {
  const parts: { text: string; quoted: boolean; negated: boolean }[] = [];
  const normalized = query.replace(QUOTES, '"');
  let rest = normalized;
  for (;;) {
    const open = rest.indexOf('"');
    const close = open === -1 ? -1 : rest.indexOf('"', open + 1);
    if (close === -1) {
      parts.push({ text: rest, quoted: false, negated: false });
      return parts;
    }
    const before = rest.slice(0, open);
    const negated = /(^|\s)-$/.test(before);
    parts.push({ text: negated ? before.slice(0, -1) : before, quoted: false, negated: false });
    parts.push({ text: rest.slice(open + 1, close), quoted: true, negated });
    rest = rest.slice(close + 1);
  }
}

export function parseQuery(query: string): ParsedQuery {
  const parsed: ParsedQuery = { words: [], commonWords: [], phrases: [], excluded: [], excludedPhrases: [], question: false };
  const trimmed = readableText(query).trim();
  if (trimmed === '') return { ...parsed, problem: { kind: 'empty-query' } };
  if (trimmed.length > MAX_QUERY_CHARS)
    return { ...parsed, problem: { kind: 'query-too-long', chars: trimmed.length, maxChars: MAX_QUERY_CHARS } };

  let sawWord = false;
  const seen = new Set<string>();
  for (const fragment of fragments(trimmed)) {
    if (fragment.quoted) {
      const words = wordsOf(fragment.text);
      if (words.length === 0) continue;
      sawWord = true;
      const sequence = words.map((w) => w.word.norm);
      if (fragment.negated) {
        parsed.excludedPhrases.push(sequence);
        continue;
      }
      parsed.phrases.push(sequence);
      for (const found of words) addWord(parsed, seen, found);
      continue;
    }
    // unquoted: words, some of them negated by a leading "-"
    const unquoted = unquotedWords(fragment.text);
    for (let i = 0; i < unquoted.length; i++) {
      const found = unquoted[i]!;
      sawWord = true;
      if (found.negated) {
        if (!found.stopword) parsed.excluded.push(found.word);
        continue;
      }
      // a question word in a quoted title ("Apa Jang Kau Tjari") asks nothing
      if (isQuestionWord(found.word.norm)) {
        parsed.question = true;
        parsed.asks ??= answerKindOf(found.word.norm, unquoted[i - 1]?.word.norm, unquoted[i + 1]?.word.norm);
      }
      const asking =
        found.word.norm === NAME_WORD &&
        (isQuestionWord(unquoted[i - 1]?.word.norm ?? '') || isQuestionWord(unquoted[i + 1]?.word.norm ?? ''));
      addWord(parsed, seen, asking ? { ...found, stopword: true } : found);
    }
  }

  if (!sawWord) return { ...parsed, problem: { kind: 'no-words' } };
  const acronym = parsed.words.find((w) => ACRONYM.test(w.text));
  if (acronym && parsed.words.some((w) => EXPANSION_NOUNS.has(w.norm.replace(/nya$/, '')))) {
    parsed.asks = 'expansion';
    parsed.acronym = acronym.norm;
  }
  if (parsed.words.length === 0) {
    const onlyExclusions = parsed.excluded.length > 0 || parsed.excludedPhrases.length > 0;
    return { ...parsed, problem: { kind: onlyExclusions ? 'only-exclusions' : 'only-common-words' } };
  }
  if (parsed.words.length > MAX_QUERY_WORDS) parsed.words.length = MAX_QUERY_WORDS;
  if (parsed.commonWords.length > MAX_QUERY_WORDS) parsed.commonWords.length = MAX_QUERY_WORDS;
  return parsed;
}

/** The query without what it excludes (`-kata`, `-"frasa"`): the text of what it asks for. */
export function searchedText(query: string): string {
  return fragments(readableText(query))
    .filter((fragment) => !fragment.negated)
    .map(({ text, quoted }) =>
      quoted
        ? text
        : text
            .split(/\s+/)
            .filter((piece) => !isNegatedPiece(piece))
            .join(' '),
    )
    .join(' ');
}

/**
 * "Did you mean": the query as typed, each corrected word replaced in the case it was typed
 * ("Siapa juru bicra Kremlin" → "Siapa juru bicara Kremlin", "bicra -putin" → "bicara -putin"), so
 * the suggestion run as it stands asks what the user asked, question word, phrases and exclusions kept.
 */
export function withCorrections(query: string, corrections: ReadonlyMap<string, string>): string {
  let out = '';
  let copied = 0;
  scanWords(query, (start, end) => {
    const typed = query.slice(start, end);
    const correction = corrections.get(typed);
    if (correction === undefined) return;
    out += query.slice(copied, start) + inCaseOf(typed, correction);
    copied = end;
  });
  return (out + query.slice(copied)).trim();
}
