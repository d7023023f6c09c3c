/**
 * Whether a dated sentence makes a timeline line that stands on its own, by Indonesian grammar
 * (Sneddon, Adelaar, Djenar & Ewing, Indonesian: A Comprehensive Grammar, 2nd ed. 2010, on personal
 * pronouns, demonstratives and adverbial clauses of time). A timeline shows the sentence alone,
 * under its date: it fails when its subject points back to a sentence left out ("Itu merupakan
 * kunjungan balasan …" under a 2023 heading reads as if the 2023 visit were the return visit), or
 * when its date belongs to a time clause, not to what the sentence tells ("… kunjungan balasan
 * setelah Kim menyambangi Rusia … pada September lalu": the return visit was not in September).
 *
 * The subject refers back when it is:
 * - a third-person pronoun: "Ia", "Dia", "Beliau", "Mereka";
 * - a demonstrative standing as a pronoun: "Ini", "Itu", "Tersebut" ("Itu merupakan …");
 * - a short noun phrase closed by a demonstrative (which follows its noun in Indonesian) whose head is
 *   a general noun, one that stands for a whole situation told before: "Hal itu", "Langkah ini",
 *   "Peristiwa tersebut". A phrase with a noun of its own says what happened, even if not every
 *   detail ("Pembicaraan tersebut melibatkan …", "Kedua pemimpin itu berjabat tangan …"): under its
 *   date it tells the event, and the line stands, as does a longer one that carries its referent
 *   ("Kepastian kabar kenaikan iuran BPJS Kesehatan itu"). A time noun with "ini" ("Tahun ini",
 *   "Pekan ini") points to the time of writing, not back: it stands.
 * Inside a quotation a demonstrative is the speaker's, pointing at what was asked or shown
 * ('"Ini sangat memprihatinkan," kata Miller … ketika ditanya tentang …'): only the reporter's
 * own clause is read.
 */

/** Third-person pronouns and demonstratives standing as pronouns: words that refer back (the scorer's too). */
export const REFERRING_PRONOUNS = ['ia', 'dia', 'beliau', 'mereka', 'ini', 'itu', 'tersebut'] as const;

/** A referring pronoun opening the clause. */
const PRONOUN_SUBJECT = new RegExp(`^(?:${REFERRING_PRONOUNS.join('|')})(?![\\p{L}\\p{N}-])`, 'iu');

/** A noun phrase of up to six words (its modifiers too: "dari ketiga negara") and a demonstrative, opening the clause. */
const DEMONSTRATIVE_PHRASE = /^([\p{L}\p{N}-]+(?:\s+[\p{L}\p{N}-]+){0,5})\s+(ini|itu|tersebut)(?![\p{L}\p{N}-])/iu;

/**
 * Words that end a noun phrase before the demonstrative could close it: prepositions (but the "di",
 * "ke", "dari" of a noun's modifier), conjunctions, auxiliaries, the relative "yang" ("Rusia pada
 * pekan ini menegaskan …" is a name, then an adverbial).
 */
const NOT_IN_NOUN_PHRASE = new Set(
  (
    'pada dalam untuk dengan oleh bagi kepada terhadap tentang atas antara sejak hingga sampai ' +
    'yang dan atau serta tetapi namun karena bahwa jika ketika saat setelah sebelum seperti sebagai ' +
    'akan telah sudah sedang masih belum tidak bukan juga pun hanya adalah ialah merupakan menjadi'
  ).split(' '),
);

/**
 * Active verbal prefixes (meN-, ber-, ter-): a word after the first carrying one is a predicate, so
 * the demonstrative is its object ("Putin menyebut hal itu"), not the subject's. Not di-: it opens
 * as many nouns ("diplomat", "direktur") as verbs, and a passive verb follows its subject anyway.
 */
const VERB_FORM = /^(?:me|ber|ter)\p{Ll}{2,}/u;

/** Prepositions of a noun's modifier: the demonstrative closes the noun phrase after the last ("dari ketiga negara tersebut"). */
const MODIFIER_PREPOSITIONS = new Set(['di', 'ke', 'dari']);

/** A head noun and one modifier ("Hal itu", "Semua hal itu"): no more than the demonstrative's pointer. */
const MAX_EMPTY_PHRASE_WORDS = 2;

/**
 * General nouns (Sneddon et al. on "hal" and its kind): they name no thing or event of their own, only
 * "the matter, the step, the incident" told in a sentence the line leaves out.
 */
const GENERAL_NOUNS = new Set('hal soal perkara masalah kejadian peristiwa kondisi keadaan situasi langkah tindakan upaya'.split(' '));

/** Time nouns: with "ini" they point to the time of writing ("Tahun ini, …"). */
const TIME_NOUNS = new Set(
  'hari pekan minggu bulan tahun saat kali pagi siang sore petang malam kini masa waktu musim abad dekade kuartal triwulan semester periode sesi'.split(
    ' ',
  ),
);

/** The line (past any dateline, linking word or date) opens with a subject that refers back. */
export function opensWithAnaphor(text: string): boolean {
  if (PRONOUN_SUBJECT.test(text)) return true;
  const match = DEMONSTRATIVE_PHRASE.exec(text);
  if (!match) return false;
  const words = match[1]!.split(/\s+/);
  const last = words[words.length - 1]!.toLowerCase();
  if (match[2]!.toLowerCase() === 'ini' && TIME_NOUNS.has(last)) return false;
  if (!words.every((word, i) => !NOT_IN_NOUN_PHRASE.has(word.toLowerCase()) && (i === 0 || !VERB_FORM.test(word)))) return false;
  return namesNothing(words.slice(lastIndexWhere(words, (w) => MODIFIER_PREPOSITIONS.has(w.toLowerCase())) + 1));
}

/**
 * The demonstrative's own noun phrase names nothing when it is a general noun with at most one modifier
 * and no name ("Hal itu", "Semua hal itu").
 */
function namesNothing(phrase: readonly string[]): boolean {
  return (
    phrase.length <= MAX_EMPTY_PHRASE_WORDS &&
    phrase.some((word) => GENERAL_NOUNS.has(word.toLowerCase())) &&
    phrase.every((word, i) => i === 0 || !/^\p{Lu}/u.test(word))
  );
}

function lastIndexWhere(words: readonly string[], test: (word: string) => boolean): number {
  for (let i = words.length - 1; i >= 0; i--) if (test(words[i]!)) return i;
  return -1;
}

/**
 * Temporal conjunctions opening an adverbial clause: "X setelah Y pada D" dates Y, the clause's own
 * happening, not X, the sentence's main one.
 */
const TIME_CONJUNCTION = /(?<![\p{L}\p{N}-])(?:setelah|sesudah|sebelum|usai|seusai|selepas|sehabis|menyusul)(?![\p{L}\p{N}-])/giu;
/**
 * Fewer words than this before the conjunction: a fronted clause ("Sehari setelah …, Putin …") or a
 * measure of it ("Dua hari setelah …"), whose date is usually the main clause's own day.
 */
const MAIN_CLAUSE_WORDS = 3;

/**
 * The date at `offset` is in a time clause that follows the sentence's main clause ("Itu merupakan
 * kunjungan balasan setelah Kim menyambangi Rusia … pada September lalu"): the main clause names no
 * date of its own, so the sentence does not tell what happened on this one. A clause break between
 * the conjunction and the date closes the clause first ("…, setelah keduanya berbicara, pada Rabu").
 */
export function inTrailingTimeClause(sentence: string, offset: number): boolean {
  const before = sentence.slice(0, offset);
  let conjunction = -1;
  for (const match of before.matchAll(TIME_CONJUNCTION)) conjunction = match.index;
  if (conjunction < 0 || /[,;:]/.test(before.slice(conjunction))) return false;
  return (
    before
      .slice(0, conjunction)
      .split(/\s+/)
      .filter((w) => /[\p{L}\p{N}]/u.test(w)).length >= MAIN_CLAUSE_WORDS
  );
}
