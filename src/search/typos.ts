/**
 * Typo candidates: the vocabulary words one edit away (insertion, deletion, substitution or swap of
 * neighbours) from a query word. A word of n letters has about 54n such variants; building each as a
 * string and looking it up in a vocabulary of hundreds of thousands of words cost most of a query's time.
 * So the vocabulary is also kept as a table of 32-bit polynomial hashes (`SpellingTable`): a variant's hash
 * follows from the word's prefix and suffix hashes in a few multiplications, and only a variant whose hash
 * is in the table is built and looked up.
 */
const ALPHABET_FIRST = 0x61; // a
const ALPHABET_SIZE = 26;
/** The polynomial's base: odd, so multiplying by it loses no bits modulo 2^32. */
const BASE = 0x01000193;

/** The hash of a word: Σ code(i) × BASE^(n−1−i), modulo 2^32. */
export function wordHash(word: string): number {
  let hash = 0;
  for (let i = 0; i < word.length; i++) hash = (Math.imul(hash, BASE) + word.charCodeAt(i)) | 0;
  return hash >>> 0;
}

/**
 * A vocabulary's hashes in an open-addressing table, with a bit array before it: one bit per eight or more
 * slots' worth, small enough to stay in the processor's cache, answers most probes for non-words without
 * reaching the table. `mayHold` is never wrong about a word it holds.
 */
export class SpellingTable {
  private readonly slots: Uint32Array;
  private readonly mask: number;
  private readonly shift: number;
  private readonly bits: Uint32Array;
  private readonly bitShift: number;

  constructor(words: readonly string[]) {
    let log = 10;
    while (1 << log < words.length * 2) log++;
    this.slots = new Uint32Array(1 << log);
    this.mask = (1 << log) - 1;
    this.shift = 32 - log;
    const bitLog = log + 3;
    this.bits = new Uint32Array(1 << (bitLog - 5));
    this.bitShift = 32 - bitLog;
    for (const word of words) {
      const hash = wordHash(word) || 1; // 0 marks an empty slot
      const mixed = mix(hash);
      this.bits[mixed >>> (this.bitShift + 5)]! |= 1 << ((mixed >>> this.bitShift) & 31);
      let at = mixed >>> this.shift;
      while (this.slots[at] !== 0 && this.slots[at] !== hash) at = (at + 1) & this.mask;
      this.slots[at] = hash;
    }
  }

  mayHold(hash: number): boolean {
    const wanted = hash || 1;
    const mixed = mix(wanted);
    if ((this.bits[mixed >>> (this.bitShift + 5)]! & (1 << ((mixed >>> this.bitShift) & 31))) === 0) return false;
    for (let at = mixed >>> this.shift; ; at = (at + 1) & this.mask) {
      const slot = this.slots[at]!;
      if (slot === wanted) return true;
      if (slot === 0) return false;
    }
  }
}

/**
 * A hash's bits spread by a Fibonacci multiplication, of which the top ones pick a slot: similar words
 * ("2005", "2006") have near hashes, which would otherwise pile up in neighbouring slots.
 */
function mix(hash: number): number {
  return Math.imul(hash, 0x9e3779b1) >>> 0;
}

/** Edits, as `likelyVariants` records them before building the few strings that may be words. */
const INSERT = 0;
const SUBSTITUTE = 1;
const DELETE = 2;
const SWAP = 3;

function mayBeWord(tables: readonly SpellingTable[], hash: number): boolean {
  for (const table of tables) if (table.mayHold(hash)) return true;
  return false;
}

function applyEdit(word: string, edit: number, at: number, letter: number): string {
  const head = word.slice(0, at);
  if (edit === INSERT) return head + String.fromCharCode(letter) + word.slice(at);
  if (edit === SUBSTITUTE) return head + String.fromCharCode(letter) + word.slice(at + 1);
  if (edit === DELETE) return head + word.slice(at + 1);
  return head + word[at + 1]! + word[at]! + word.slice(at + 2);
}

/**
 * The variants of a lowercase a–z word that the tables may hold, one edit away, as strings (may repeat).
 * With h(s) the hash of s: h(head + tail) = h(head) × BASE^|tail| + h(tail), so with the hashes of every
 * prefix and suffix, each variant's hash costs a few multiplications; no string is built for the others.
 */
function likelyVariants(word: string, tables: readonly SpellingTable[]): string[] {
  const n = word.length;
  const power = new Int32Array(n + 2);
  const prefix = new Int32Array(n + 1);
  const suffix = new Int32Array(n + 2);
  power[0] = 1;
  for (let i = 1; i <= n + 1; i++) power[i] = Math.imul(power[i - 1]!, BASE);
  for (let i = 0; i < n; i++) prefix[i + 1] = (Math.imul(prefix[i]!, BASE) + word.charCodeAt(i)) | 0;
  for (let i = n - 1; i >= 0; i--) suffix[i] = (Math.imul(word.charCodeAt(i), power[n - 1 - i]!) + suffix[i + 1]!) | 0;
  /** Edits whose result may be a word: edit, position and letter, three numbers each. */
  const hits: number[] = [];
  for (let i = 0; i <= n; i++) {
    const head = prefix[i]!;
    const own = i < n ? word.charCodeAt(i) : -1;
    for (let letter = ALPHABET_FIRST; letter < ALPHABET_FIRST + ALPHABET_SIZE; letter++) {
      const withLetter = (Math.imul(head, BASE) + letter) | 0;
      // h(head + letter + word[i..]) and h(head + letter + word[i+1..])
      if (mayBeWord(tables, ((Math.imul(withLetter, power[n - i]!) + suffix[i]!) | 0) >>> 0)) hits.push(INSERT, i, letter);
      if (i < n && letter !== own && mayBeWord(tables, ((Math.imul(withLetter, power[n - i - 1]!) + suffix[i + 1]!) | 0) >>> 0))
        hits.push(SUBSTITUTE, i, letter);
    }
    if (i === n) continue;
    if (mayBeWord(tables, ((Math.imul(head, power[n - i - 1]!) + suffix[i + 1]!) | 0) >>> 0)) hits.push(DELETE, i, 0);
    if (i + 1 < n) {
      const swapped = (Math.imul((Math.imul(head, BASE) + word.charCodeAt(i + 1)) | 0, BASE) + own) | 0;
      if (mayBeWord(tables, ((Math.imul(swapped, power[n - i - 2]!) + suffix[i + 2]!) | 0) >>> 0)) hits.push(SWAP, i, 0);
    }
  }
  const found: string[] = [];
  for (let h = 0; h < hits.length; h += 3) found.push(applyEdit(word, hits[h]!, hits[h + 1]!, hits[h + 2]!));
  return found;
}

/** The known variants of a lowercase a–z word, most frequent first. */
export function knownVariants(
  word: string,
  tables: readonly SpellingTable[],
  frequency: (candidate: string) => number,
  limit: number,
): { word: string; frequency: number }[] {
  const found = new Map<string, number>();
  for (const variant of likelyVariants(word, tables)) {
    if (variant === word || found.has(variant)) continue;
    const f = frequency(variant);
    if (f > 0) found.set(variant, f);
  }
  return [...found]
    .map(([candidate, f]) => ({ word: candidate, frequency: f }))
    .sort((a, b) => b.frequency - a.frequency || (a.word < b.word ? -1 : 1))
    .slice(0, limit);
}
