/**
 * Answer types for questions, as classic QA passage retrieval uses them (Prager et al.'s predictive
 * annotation; Ittycheriah et al.'s answer-type models): a question word says what kind of answer is
 * wanted ("siapa" a name, "berapa" a number, "kapan" a date), and the passage that answers holds the
 * question's words AND a word of that kind beside them. Which kind a word can be is read off its stem's
 * form, not from a list of names: digits, month and weekday names, and for names and places a stem
 * that is no Indonesian root word (the stemmer's dictionary): "Manhal", "Pasaribu", "Pyongyang".
 */
import { FULL_MONTHS, WEEKDAYS } from '../dates/names.ts';
import { NUMBER_WORDS } from '../dates/patterns.ts';
import { scanWords } from './analyzer.ts';
import { isRoot } from './stemmer.ts';

/**
 * What a question asks for, read off its question word (`parseQuery`); `expansion` is what an acronym
 * stands for ("kepanjangan dari LIPI").
 */
export type AnswerKind = 'name' | 'place' | 'number' | 'date' | 'expansion';

/** Bits of a stem's answer classes; `CLASSIFIED` marks a stem already looked at. */
const CLASSIFIED = 1;
const NUMBER = 2;
const DATE = 4;
const NAME = 8;

/** The stem classes that answer each kind; an acronym's expansion is read from the text (`spellsOut`). */
export const ANSWER_BITS: Readonly<Record<AnswerKind, number>> = { name: NAME, place: NAME, number: NUMBER, date: DATE, expansion: 0 };

/** Stems of number words beyond the digits ("dua puluh", "ratusan", "tiga juta"). */
const QUANTITY_STEMS: ReadonlySet<string> = new Set([
  ...Object.keys(NUMBER_WORDS),
  'sebelas',
  'belas',
  'puluh',
  'ratus',
  'seratus',
  'ribu',
  'seribu',
  'juta',
  'miliar',
  'triliun',
  'setengah',
  'separuh',
  'persen',
]);
const YEAR = /^(?:1[89]|20)\d\d$/;
const DIGIT = /\d/;
const LETTERS = /^[a-z]{2,}/;

/** The answer classes a stem can belong to, as `ANSWER_BITS` (with `CLASSIFIED` set). */
export function answerClasses(stem: string): number {
  let bits = CLASSIFIED;
  if (DIGIT.test(stem) || QUANTITY_STEMS.has(stem)) bits |= NUMBER;
  const dayOrMonth = FULL_MONTHS.has(stem) || WEEKDAYS.has(stem);
  if (YEAR.test(stem) || dayOrMonth) bits |= DATE;
  if (!dayOrMonth && !DIGIT.test(stem) && LETTERS.test(stem) && !isRoot(stem)) bits |= NAME;
  return bits;
}

/** Small words a name's initials skip ("Badan Rehabilitasi dan Rekonstruksi", "Federation … de l'Automobile"). */
const CONNECTORS: ReadonlySet<string> = new Set([
  'dan',
  'of',
  'and',
  'de',
  'the',
  'for',
  'untuk',
  'la',
  'l',
  'd',
  'des',
  'du',
  'van',
  'der',
  'von',
]);

const startsCapitalized = (word: string) => {
  const c = word[0]!;
  return c !== c.toLowerCase();
};

/**
 * True when the text writes out the acronym (lowercase letters): capitalized words whose initials spell
 * it, small connectors skipped ("Lembaga Ilmu Pengetahuan Indonesia" for lipi, "Perserikatan
 * Bangsa-Bangsa" for pbb; hyphens and elisions split words). The general rule for an acronym's expansion, not a list of them.
 */
export function spellsOut(paragraphs: readonly string[], acronym: string): boolean {
  for (const text of paragraphs) {
    const words: string[] = [];
    scanWords(text, (start, end) => words.push(...text.slice(start, end).split(/[-'’]/)));
    for (let i = 0; i < words.length; i++) {
      let letter = 0;
      for (let j = i; j < words.length && letter < acronym.length; j++) {
        const word = words[j]!;
        if (word !== '' && startsCapitalized(word) && word[0]!.toLowerCase() === acronym[letter]) letter++;
        else if (!(letter > 0 && CONNECTORS.has(word.toLowerCase()))) break;
      }
      if (letter === acronym.length) return true;
    }
  }
  return false;
}
