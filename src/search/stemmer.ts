/**
 * Indonesian stemmer: a port of the Sastrawi algorithm (Enhanced Confix Stripping, Asian et al. 2007,
 * with Sastrawi's rule modifications), checked against a root-word dictionary at every step so that a
 * word is only reduced to a root that exists. Words whose root is unknown come back unchanged.
 *
 * The dictionary (`data/kata-dasar.txt`) is the root-word list shipped by the MIT-licensed `natural`
 * package; see `data/NOTICE.md`.
 */
import { readFileSync } from 'node:fs';

const ROOT_WORDS: ReadonlySet<string> = new Set(
  readFileSync(new URL('./data/kata-dasar.txt', import.meta.url), 'utf8')
    .split('\n')
    .filter((w) => w.length > 0),
);

/**
 * Compound roots that Indonesian writes as one word once affixed ("ditandatangani", "pertanggungjawaban")
 * but the dictionary lists only as two words. Without them such words keep every affix.
 */
const COMPOUND_ROOTS = [
  'tandatangan',
  'tanggungjawab',
  'beritahu',
  'lipatganda',
  'salahguna',
  'sebarluas',
  'tindaklanjut',
  'ikutserta',
  'jualbeli',
  'kambinghitam',
  'latarbelakang',
  'ujicoba',
  'kerjasama',
  'dayaguna',
  'hasilguna',
  'alihfungsi',
  'alihbahasa',
  'campurtangan',
  'bumihangus',
];
/**
 * Rare or archaic roots that the rules reach before the common one and so split a family:
 * "mengunjungi" → unjung (not kunjung), "memasuki" → pasuk (not masuk), "menikah" → meni (not nikah).
 */
const SHADOWING_ROOTS = new Set(['unjung', 'pasuk', 'meni']);
const DICTIONARY: ReadonlySet<string> = new Set([...ROOT_WORDS, ...COMPOUND_ROOTS].filter((word) => !SHADOWING_ROOTS.has(word)));

export const isRoot = (word: string): boolean => DICTIONARY.has(word);

type AffixType = 'DP' | 'DS' | 'PP' | 'P';
interface Removal {
  subject: string;
  result: string;
  removed: string;
  type: AffixType;
}

/** One candidate reading of a prefix: the word without it, or undefined when the pattern does not apply. */
type Disambiguator = (word: string) => string | undefined;

const C = 'bcdfghjklmnpqrstvwxyz';
const V = 'aiueo';

/** A disambiguator from a pattern and a builder over its groups (the builder may refuse with undefined). */
function rule(pattern: string, build: (g: string[]) => string | undefined): Disambiguator {
  const re = new RegExp(pattern);
  return (word) => {
    const m = re.exec(word);
    return m ? build(m.slice(1)) : undefined;
  };
}
const g =
  (...idx: number[]) =>
  (groups: string[]) =>
    idx.map((i) => groups[i]).join('');
const pre =
  (prefix: string, ...idx: number[]) =>
  (groups: string[]) =>
    prefix + g(...idx)(groups);

/**
 * Prefix rules in Sastrawi's order. Each entry lists the readings tried in turn; the first that is a
 * root wins, otherwise the last reading is kept (as in the reference implementation).
 */
const PREFIX_RULES: Disambiguator[][] = [
  [rule('^(?:di|ke|se)(.*)$', g(0))],
  [rule(`^ber([${V}].*)$`, g(0)), rule(`^ber([${V}].*)$`, pre('r', 0))], // 1
  [rule(`^ber([${C}])([a-z])(.*)$`, (m) => (m[2]!.startsWith('er') ? undefined : m.join('')))], // 2
  [rule(`^ber([${C}])([a-z])er([${V}])(.*)$`, (m) => (m[0] === 'r' ? undefined : `${m[0]}${m[1]}er${m[2]}${m[3]}`))], // 3
  [(w) => (w === 'belajar' ? 'ajar' : undefined)], // 4
  [rule(`^be([bcdfghjklmnpqstvwxyz])(er[${C}])(.*)$`, g(0, 1, 2))], // 5
  [rule(`^ter([${V}].*)$`, g(0)), rule(`^ter([${V}].*)$`, pre('r', 0))], // 6
  [rule(`^ter([${C}])er([${V}].*)$`, (m) => (m[0] === 'r' ? undefined : `${m[0]}er${m[1]}`))], // 7
  [rule(`^ter([${C}])(.*)$`, (m) => (m[0] === 'r' || m[1]!.startsWith('er') ? undefined : m.join('')))], // 8
  [rule(`^te([${C}])er([${C}])(.*)$`, (m) => (m[0] === 'r' ? undefined : `${m[0]}er${m[1]}${m[2]}`))], // 9
  [rule(`^me([lrwy])([${V}])(.*)$`, g(0, 1, 2))], // 10
  [rule('^mem([bfv])(.*)$', g(0, 1))], // 11
  [rule('^mempe(.*)$', pre('pe', 0))], // 12
  [rule(`^mem([${V}])(.*)$`, pre('m', 0, 1)), rule(`^mem([${V}])(.*)$`, pre('p', 0, 1))], // 13
  [rule('^men([cdjstz])(.*)$', g(0, 1))], // 14
  [rule(`^men([${V}])(.*)$`, pre('n', 0, 1)), rule(`^men([${V}])(.*)$`, pre('t', 0, 1))], // 15
  [rule('^meng([ghqk])(.*)$', g(0, 1))], // 16
  [
    rule(`^meng([${V}])(.*)$`, g(0, 1)),
    rule(`^meng([${V}])(.*)$`, pre('k', 0, 1)),
    rule('^menge(.*)$', g(0)),
    rule(`^meng([${V}])(.*)$`, pre('ng', 0, 1)),
  ], // 17
  [rule(`^meny([${V}])(.*)$`, pre('ny', 0, 1)), rule(`^meny([${V}])(.*)$`, pre('s', 0, 1))], // 18
  [rule('^memp([abcdfghijklmopqrstuvwxyz])(.*)$', pre('p', 0, 1))], // 19
  [rule(`^pe([wy])([${V}])(.*)$`, g(0, 1, 2))], // 20
  [rule(`^per([${V}])(.*)$`, g(0, 1)), rule(`^pe(r[${V}])(.*)$`, g(0, 1))], // 21
  [rule(`^per([${C}])([a-z])(.*)$`, (m) => (m[2]!.startsWith('er') ? undefined : m.join('')))], // 23
  [rule(`^per([${C}])([a-z])er([${V}])(.*)$`, (m) => (m[0] === 'r' ? undefined : `${m[0]}${m[1]}er${m[2]}${m[3]}`))], // 24
  [rule('^pem([bfv])(.*)$', g(0, 1))], // 25
  [rule(`^pem([${V}])(.*)$`, pre('m', 0, 1)), rule(`^pem([${V}])(.*)$`, pre('p', 0, 1))], // 26
  [rule('^pen([cdjstz])(.*)$', g(0, 1))], // 27
  [rule(`^pen([${V}])(.*)$`, pre('n', 0, 1)), rule(`^pen([${V}])(.*)$`, pre('t', 0, 1))], // 28
  [rule(`^peng([${C}])(.*)$`, g(0, 1))], // 29
  [rule(`^peng([${V}])(.*)$`, g(0, 1)), rule(`^peng([${V}])(.*)$`, pre('k', 0, 1)), rule('^penge(.*)$', g(0))], // 30
  [rule(`^peny([${V}])(.*)$`, pre('ny', 0, 1)), rule(`^peny([${V}])(.*)$`, pre('s', 0, 1))], // 31
  [(w) => (w === 'pelajar' ? 'ajar' : undefined) ?? rule(`^pe(l[${V}])(.*)$`, g(0, 1))(w)], // 32
  [rule(`^pe([${C}])(.*)$`, (m) => (m[1]!.startsWith('er') ? undefined : m.join('')))], // 34
  [rule(`^ter([bcdfghjkpqstvxz])(er[${C}])(.*)$`, g(0, 1, 2))], // 35
  [rule(`^pe([bcdfghjkpqstvxz])(er[${C}])(.*)$`, g(0, 1, 2))], // 36
  [rule(`^([${C}])(er[${V}])(.*)$`, g(0, 1, 2)), rule(`^([${C}])er([${V}])(.*)$`, g(0, 1, 2))], // 37: infix -er-
  [rule(`^([${C}])(el[${V}])(.*)$`, g(0, 1, 2)), rule(`^([${C}])el([${V}])(.*)$`, g(0, 1, 2))], // 38: infix -el-
  [rule(`^([${C}])(em[${V}])(.*)$`, g(0, 1, 2)), rule(`^([${C}])em([${V}])(.*)$`, g(0, 1, 2))], // 39: infix -em-
  [rule(`^([${C}])(in[${V}])(.*)$`, g(0, 1, 2)), rule(`^([${C}])in([${V}])(.*)$`, g(0, 1, 2))], // 40: infix -in-
  [rule('^ku(.*)$', g(0))], // 41
  [rule('^kau(.*)$', g(0))], // 42
];

type SuffixRule = { pattern: RegExp; type: AffixType };
const INFLECTIONAL_SUFFIXES: SuffixRule[] = [
  { pattern: /-*(lah|kah|tah|pun)$/, type: 'P' },
  { pattern: /-*(ku|mu|nya)$/, type: 'PP' },
];
const SUFFIX_RULES: SuffixRule[] = [...INFLECTIONAL_SUFFIXES, { pattern: /(i|kan|an)$/, type: 'DS' }];
/**
 * Nouns of the peN-/ke-…-an confix on a root ending in k ("penyelidikan", "penegakan", "kebijakan"):
 * "-kan" would be stripped first and reach a shorter, wrong root (lidi, tega, bija), so "-an" is tried too.
 */
const AN_AFTER_K_RULES: SuffixRule[] = [...INFLECTIONAL_SUFFIXES, { pattern: /(?<=k)an$/, type: 'DS' }];
const CONFIX_NOUN_ON_K = /^(pe|ke).*kan$/;

/** Words whose confix is stripped prefix-first (ECS precedence adjustment): "bertaburan", "menduduki". */
const PREFIX_FIRST = [/^be.*lah$/, /^be.*an$/, /^me.*i$/, /^di.*i$/, /^pe.*i$/, /^ter.*i$/];

/** The state of stemming one word: the current form and the affixes removed so far. */
class StemContext {
  current: string;
  removals: Removal[] = [];

  constructor(
    readonly original: string,
    private readonly suffixRules: SuffixRule[],
  ) {
    this.current = original;
  }

  private record(result: string, type: AffixType): void {
    if (result === this.current) return;
    const at = this.current.indexOf(result);
    const removed = at === -1 ? '' : this.current.slice(0, at) + this.current.slice(at + result.length);
    this.removals.push({ subject: this.current, result, removed, type });
    this.current = result;
  }

  removeSuffixes(): void {
    for (const { pattern, type } of this.suffixRules) {
      this.record(this.current.replace(pattern, ''), type);
      if (isRoot(this.current)) return;
    }
  }

  /** Up to three prefixes, one rule application per round. */
  removePrefixes(): void {
    for (let round = 0; round < 3; round++) {
      this.removeOnePrefix();
      if (isRoot(this.current)) return;
    }
  }

  private removeOnePrefix(): void {
    const before = this.removals.length;
    for (const readings of PREFIX_RULES) {
      let result: string | undefined;
      for (const read of readings) {
        result = read(this.current);
        if (result !== undefined && isRoot(result)) break;
      }
      if (result !== undefined) this.record(result, 'DP');
      if (isRoot(this.current) || this.removals.length > before) return;
    }
  }

  /** ECS "loop pengembalian akhiran": put suffixes back one by one and retry the prefixes. */
  restoreSuffixesAndRetry(): void {
    const firstPrefix = this.removals.find((r) => r.type === 'DP');
    if (firstPrefix) this.current = firstPrefix.subject;
    const suffixRemovals = this.removals.filter((r) => r.type !== 'DP');
    const restored = this.current;
    for (const removal of suffixRemovals.reverse()) {
      this.removals = [...suffixRemovals];
      if (removal.removed === 'kan') {
        this.current = `${removal.result}k`;
        this.removePrefixes();
        if (isRoot(this.current)) return;
        this.current = `${removal.result}kan`;
      } else {
        this.current = removal.subject;
      }
      this.removePrefixes();
      if (isRoot(this.current)) return;
      this.current = restored;
    }
  }
}

function stemSingular(word: string): string {
  if (word.length <= 3 || isRoot(word)) return word;
  const root = stripAffixes(word, SUFFIX_RULES);
  if (!CONFIX_NOUN_ON_K.test(word)) return root;
  // only when the first reading lost the root's final k: tega(k), bija(k), (se)lidi(k)
  const withK = stripAffixes(word, AN_AFTER_K_RULES);
  return withK !== word && withK.endsWith(`${root}k`) ? withK : root;
}

function stripAffixes(word: string, suffixRules: SuffixRule[]): string {
  const ctx = new StemContext(word, suffixRules);
  if (PREFIX_FIRST.some((re) => re.test(word))) {
    ctx.removePrefixes();
    if (isRoot(ctx.current)) return ctx.current;
    ctx.removeSuffixes();
    if (isRoot(ctx.current)) return ctx.current;
    ctx.current = word;
    ctx.removals = [];
  }
  ctx.removeSuffixes();
  if (isRoot(ctx.current)) return ctx.current;
  ctx.removePrefixes();
  if (isRoot(ctx.current)) return ctx.current;
  ctx.restoreSuffixesAndRetry();
  return isRoot(ctx.current) ? ctx.current : word;
}

const PARTICLES = new Set(['ku', 'mu', 'nya', 'lah', 'kah', 'tah', 'pun']);

/** Reduplicated words: "berbalas-balasan" → balas, "negara-negaranya" → negara; unrelated halves stay whole. */
function stemHyphenated(word: string): string {
  const parts = word.split('-');
  let first = parts.slice(0, -1).join('-');
  let second = parts[parts.length - 1]!;
  if (PARTICLES.has(second) && first.includes('-')) {
    const cut = first.lastIndexOf('-');
    second = `${first.slice(cut + 1)}-${second}`;
    first = first.slice(0, cut);
  }
  const root1 = stemSingular(first);
  let root2 = stemSingular(second);
  // "meniru-nirukan": the second half drops the prefix's initial sound
  if (!isRoot(second) && root2 === second) root2 = stemSingular(`me${second}`);
  return root1 === root2 ? root1 : word;
}

/** The root of one lowercase word (letters, optionally hyphenated); unknown roots return the word. */
export function stemWord(word: string): string {
  const pluralWithParticle = /^(.*)-(ku|mu|nya|lah|kah|tah|pun)$/.exec(word);
  const hyphenated = pluralWithParticle ? pluralWithParticle[1]!.includes('-') : word.includes('-');
  return hyphenated ? stemHyphenated(word) : stemSingular(word);
}
