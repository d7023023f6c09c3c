/**
 * Autocomplete for /cari: the typed text with its last word completed from the corpus vocabulary
 * (most frequent words first), then titles of the articles the completed query finds.
 */
import { normalizeWord } from './analyzer.ts';
import { docFrequency, type TermSpace } from './inverted-index.ts';
import { inCaseOf } from './letter-case.ts';

type Matcher = (query: string, limit: number) => { id: string; score: number }[];

/** Word completions offered before titles. */
const MAX_COMPLETIONS = 8;

export class Suggester {
  constructor(
    /** The vocabularies to complete from (one per segment), frequencies summed. */
    private readonly spaces: readonly TermSpace[],
    /** Titles for an empty query, most recent first. */
    private readonly recentTitles: readonly string[],
    private readonly titleOf: (id: string) => string | undefined,
    private readonly match: Matcher,
  ) {}

  suggest(typed: string, limit: number): string[] {
    if (limit === 0) return [];
    const text = typed.replace(/\s+/g, ' ').trimStart().slice(0, 200);
    if (text.trim() === '') return this.recentTitles.slice(0, limit);
    const endsWord = !/\s$/.test(text);
    const cut = text.lastIndexOf(' ');
    const head = endsWord ? text.slice(0, cut + 1) : text;
    const typedPartial = endsWord ? text.slice(cut + 1) : '';
    const partial = normalizeWord(typedPartial);
    const completions =
      partial === '' ? [] : this.complete(partial, Math.min(MAX_COMPLETIONS, limit)).map((word) => head + inCaseOf(typedPartial, word));

    const out = new Set(completions);
    const query = completions[0] ?? text;
    for (const { id } of this.match(query, limit)) {
      if (out.size >= limit) break;
      const title = this.titleOf(id);
      if (title) out.add(title);
    }
    return [...out].slice(0, limit);
  }

  /** The most frequent vocabulary words starting with `partial` (term ids are in lexicographic order). */
  private complete(partial: string, limit: number): string[] {
    const frequencies = new Map<string, number>();
    for (const space of this.spaces) {
      const { terms } = space;
      let lo = 0;
      let hi = terms.length;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (terms[mid]! < partial) lo = mid + 1;
        else hi = mid;
      }
      for (let id = lo; id < terms.length && terms[id]!.startsWith(partial); id++) {
        frequencies.set(terms[id]!, (frequencies.get(terms[id]!) ?? 0) + docFrequency(space, id));
      }
    }
    const best: { term: string; df: number }[] = [];
    for (const [term, df] of frequencies) {
      if (best.length === limit && df <= best[limit - 1]!.df) continue;
      best.push({ term, df });
      best.sort((a, b) => b.df - a.df);
      if (best.length > limit) best.pop();
    }
    return best.map((b) => b.term);
  }
}
