/**
 * Typo candidates: the vocabulary words one edit away (insertion, deletion, substitution or swap of
 * neighbours) from a query word. Generating the few hundred variants and looking each up costs tens of
 * microseconds, far less than a fuzzy walk over the whole vocabulary, and needs no extra index.
 */
const ALPHABET = 'abcdefghijklmnopqrstuvwxyz';

/** Every string one Damerau edit away from `word` (may repeat). */
export function editVariants(word: string): string[] {
  const variants: string[] = [];
  for (let i = 0; i <= word.length; i++) {
    const head = word.slice(0, i);
    const tail = word.slice(i);
    for (const letter of ALPHABET) variants.push(head + letter + tail);
    if (i === word.length) continue;
    const rest = word.slice(i + 1);
    variants.push(head + rest);
    for (const letter of ALPHABET) if (letter !== word[i]) variants.push(head + letter + rest);
    if (i + 1 < word.length) variants.push(head + word[i + 1] + word[i] + word.slice(i + 2));
  }
  return variants;
}

/** The known variants of a word, most frequent first. */
export function knownVariants(
  word: string,
  frequency: (candidate: string) => number,
  limit: number,
): { word: string; frequency: number }[] {
  const found = new Map<string, number>();
  for (const variant of editVariants(word)) {
    if (variant === word || found.has(variant)) continue;
    const f = frequency(variant);
    if (f > 0) found.set(variant, f);
  }
  return [...found]
    .map(([candidate, f]) => ({ word: candidate, frequency: f }))
    .sort((a, b) => b.frequency - a.frequency || (a.word < b.word ? -1 : 1))
    .slice(0, limit);
}
