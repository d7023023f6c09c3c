/**
 * A vocabulary word (lower case) written as the user typed the word it stands for: all capitals,
 * capitalized, or as the vocabulary has it. For words offered back to the user (a correction, a completion).
 */
export function inCaseOf(typed: string, word: string): string {
  if (typed.length > 1 && typed === typed.toUpperCase() && typed !== typed.toLowerCase()) return word.toUpperCase();
  const first = typed.charAt(0);
  return first !== first.toLowerCase() ? word.charAt(0).toUpperCase() + word.slice(1) : word;
}
