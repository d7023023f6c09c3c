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

/** A vocabulary's hashes in an open-addressing table: `mayHold` is never wrong about a word it holds. */
export class SpellingTable {
  private readonly slots: Uint32Array;
  private readonly mask: number;

  constructor(words: readonly string[]) {
    let size = 1024;
    while (size < words.length * 2) size *= 2;
    this.slots = new Uint32Array(size);
    this.mask = size - 1;
    for (const word of words) {
      const hash = wordHash(word) || 1; // 0 marks an empty slot
      let at = hash & this.mask;
      while (this.slots[at] !== 0 && this.slots[at] !== hash) at = (at + 1) & this.mask;
      this.slots[at] = hash;
    }
  }

  mayHold(hash: number): boolean {
    const wanted = hash || 1;
    for (let at = wanted & this.mask; ; at = (at + 1) & this.mask) {
      const slot = this.slots[at]!;
      if (slot === wanted) return true;
      if (slot === 0) return false;
    }
  }
}

/**
 * The variants of a lowercase a–z word that the tables may hold, one edit away, as strings (may repeat).
 * With h(s) the hash of s: h(head + tail) = h(head) × BASE^|tail| + h(tail), so with the hashes of every
 * prefix and suffix, each variant's hash costs a few multiplications.
 */
function likelyVariants(word: string, tables: readonly SpellingTable[]): string[] {
  const n = word.length;
  const code = (i: number) => word.charCodeAt(i);
  const power = new Int32Array(n + 2);
  const prefix = new Int32Array(n + 1);
  const suffix = new Int32Array(n + 2);
  power[0] = 1;
  for (let i = 1; i <= n + 1; i++) power[i] = Math.imul(power[i - 1]!, BASE);
  for (let i = 0; i < n; i++) prefix[i + 1] = (Math.imul(prefix[i]!, BASE) + code(i)) | 0;
  for (let i = n - 1; i >= 0; i--) suffix[i] = (Math.imul(code(i), power[n - 1 - i]!) + suffix[i + 1]!) | 0;
  /** The hash of `head` (a prefix hash) followed by `tail` (a suffix hash of `tailLength` letters). */
  const join = (head: number, tail: number, tailLength: number) => ((Math.imul(head, power[tailLength]!) + tail) | 0) >>> 0;
  const found: string[] = [];
  const consider = (hash: number, build: () => string) => {
    if (tables.some((table) => table.mayHold(hash))) found.push(build());
  };
  for (let i = 0; i <= n; i++) {
    const head = prefix[i]!;
    for (let letter = 0; letter < ALPHABET_SIZE; letter++) {
      const c = ALPHABET_FIRST + letter;
      const withLetter = (Math.imul(head, BASE) + c) | 0;
      consider(join(withLetter, suffix[i]!, n - i), () => word.slice(0, i) + String.fromCharCode(c) + word.slice(i));
      if (i < n && c !== code(i)) {
        consider(join(withLetter, suffix[i + 1]!, n - i - 1), () => word.slice(0, i) + String.fromCharCode(c) + word.slice(i + 1));
      }
    }
    if (i === n) continue;
    consider(join(head, suffix[i + 1]!, n - i - 1), () => word.slice(0, i) + word.slice(i + 1));
    if (i + 1 < n) {
      const swapped = (Math.imul((Math.imul(head, BASE) + code(i + 1)) | 0, BASE) + code(i)) | 0;
      consider(join(swapped, suffix[i + 2]!, n - i - 2), () => word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2));
    }
  }
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
