/**
 * Synthetic known-item queries from any corpus, for measuring /cari on queries it was not tuned to:
 * `npx tsx scripts/synth-queries.ts --corpus PATH [--seed 1] [--n 1000] [--out FILE]`.
 *
 * Modelled on the kind of query issue 3 describes, not on any particular query set: a user remembers
 * two to four distinctive words of a headline, in no particular order; sometimes one of them in another
 * form of the same root ("kecaman" for "Kecam", "persenjataan" for "senjata"), sometimes with one typo.
 * Other forms are made with Indonesian affix rules applied to the word's stem and kept only when the
 * corpus uses them, so they are real words. Output: JSON lines `qid`, `query`, `target_id`, `kinds`.
 */
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { loadCorpus } from '../src/corpus/load.ts';
import type { Article } from '../src/corpus/types.ts';
import { isStopword, normalizeWord, scanWords, stem } from '../src/search/analyzer.ts';
import { bodyText } from '../src/search/inverted-index.ts';

export interface SynthQuery {
  qid: string;
  query: string;
  target_id: string;
  kinds: ('morph' | 'typo')[];
}

export interface SynthOptions {
  seed: number;
  n: number;
  /** Chance that one word is replaced by another form of its root (when the corpus has one). */
  morphRate?: number;
  /** Chance that one word gets one typo. */
  typoRate?: number;
}

const DEFAULT_MORPH_RATE = 0.3;
const DEFAULT_TYPO_RATE = 0.25;
/** Shorter words are rarely remembered as the distinctive ones, and a typo in them is a different word. */
const MIN_WORD_LENGTH = 3;
const MIN_TYPO_LENGTH = 4;
/** A derived form must occur this often in the corpus to count as a word people write. */
const MIN_FORM_COUNT = 2;

/** mulberry32: small, fast, and the same sequence for the same seed on every platform. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const VOWELS = 'aeiou';

/**
 * The nasal prefix meN-/peN- on a root: the nasal assimilates to the first letter, and k, p, t, s
 * drop (kecam → mengecam, pukul → memukul, tulis → menulis, sapu → menyapu); one-syllable roots take
 * menge-. Loan roots often keep their k/p/t/s, so both readings are offered.
 */
function nasalForms(prefix: 'me' | 'pe', root: string): string[] {
  const first = root[0]!;
  const rest = root.slice(1);
  const syllables = root.match(/[aeiou]+/g)?.length ?? 0;
  if (syllables <= 1) return [`${prefix}nge${root}`];
  if (VOWELS.includes(first) || 'gh'.includes(first)) return [`${prefix}ng${root}`];
  if (first === 'k') return [`${prefix}ng${rest}`, `${prefix}ng${root}`];
  if (first === 'p') return [`${prefix}m${rest}`, `${prefix}m${root}`];
  if ('bfv'.includes(first)) return [`${prefix}m${root}`];
  if (first === 't') return [`${prefix}n${rest}`, `${prefix}n${root}`];
  if ('dcjz'.includes(first)) return [`${prefix}n${root}`];
  if (first === 's') return [`${prefix}ny${rest}`, `${prefix}n${root}`];
  return [`${prefix}${root}`];
}

/** ber-/per-/ter- lose their r before a root starting with r ("berencana"), and ber- before "ajar" is bel-. */
function rPrefix(prefix: 'ber' | 'per' | 'ter', root: string): string {
  if (root === 'ajar' && prefix !== 'ter') return `${prefix.slice(0, 2)}l${root}`;
  return root.startsWith('r') ? prefix.slice(0, 2) + root : prefix + root;
}

/** Forms of one root by the common Indonesian affixes (some forms will not be words: the corpus decides). */
export function affixedForms(root: string): string[] {
  const forms = new Set<string>();
  const add = (form: string) => forms.add(form);
  const suffixed = ['', 'kan', 'i', 'an'];
  for (const suffix of suffixed) {
    const base = root + suffix;
    if (suffix !== '') add(base);
    if (suffix !== 'an') {
      for (const form of nasalForms('me', root)) add(form + suffix);
      add(`di${base}`);
      add(`memper${base}`);
      add(`diper${base}`);
    }
    if (suffix !== 'i') add(rPrefix('ter', root) + suffix);
    if (suffix === '' || suffix === 'an' || suffix === 'kan') add(rPrefix('ber', root) + suffix);
    if (suffix === '' || suffix === 'an') {
      for (const form of nasalForms('pe', root)) add(form + suffix);
      add(rPrefix('per', root) + suffix);
      add(`pe${root}${suffix}`);
    }
  }
  add(`ke${root}an`);
  add(`se${root}`);
  return [...forms].filter((form) => form !== root);
}

const KEYBOARD_ROWS = ['qwertyuiop', 'asdfghjkl', 'zxcvbnm'];

/** Letters next to a letter on a QWERTY keyboard: most substitutions and insertions are slips to a neighbour. */
function neighbours(letter: string): string {
  for (let row = 0; row < KEYBOARD_ROWS.length; row++) {
    const at = KEYBOARD_ROWS[row]!.indexOf(letter);
    if (at === -1) continue;
    let found = '';
    for (const r of [row - 1, row, row + 1]) {
      const keys = KEYBOARD_ROWS[r];
      if (!keys) continue;
      for (const c of [at - 1, at, at + 1]) if (keys[c] && keys[c] !== letter) found += keys[c];
    }
    return found;
  }
  return 'abcdefghijklmnopqrstuvwxyz';
}

/** One typo: insertion, deletion, substitution or swap of neighbours, at a random place. */
export function typo(word: string, random: () => number): string {
  const pick = <T>(items: ArrayLike<T>): T => items[Math.floor(random() * items.length)]!;
  const slip = (letter: string) => (random() < 0.7 ? pick(neighbours(letter)) : pick('abcdefghijklmnopqrstuvwxyz'));
  for (let attempt = 0; attempt < 10; attempt++) {
    const i = Math.floor(random() * word.length);
    const edit = Math.floor(random() * 4);
    let result: string;
    if (edit === 0) result = word.slice(0, i) + slip(word[i]!) + word.slice(i);
    else if (edit === 1) result = word.slice(0, i) + word.slice(i + 1);
    else if (edit === 2) result = word.slice(0, i) + slip(word[i]!) + word.slice(i + 1);
    else result = i + 1 < word.length ? word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2) : word;
    if (result !== word) return result;
  }
  return word.slice(1);
}

/** Counts of every written word of the corpus and, per word, in how many articles it occurs. */
function vocabularyOf(articles: readonly Article[]): { count: Map<string, number>; df: Map<string, number> } {
  const count = new Map<string, number>();
  const df = new Map<string, number>();
  for (const article of articles) {
    const seen = new Set<string>();
    for (const text of [article.title, ...bodyText(article)]) {
      scanWords(text, (start, end) => {
        const norm = normalizeWord(text.slice(start, end));
        count.set(norm, (count.get(norm) ?? 0) + 1);
        seen.add(norm);
      });
    }
    for (const norm of seen) df.set(norm, (df.get(norm) ?? 0) + 1);
  }
  return { count, df };
}

/** The words of a title a user could remember it by: no stopwords, no short words, each once. */
function titleWords(title: string): string[] {
  const words = new Set<string>();
  scanWords(title, (start, end) => {
    const norm = normalizeWord(title.slice(start, end));
    if (norm.length >= MIN_WORD_LENGTH && /\p{L}/u.test(norm) && !isStopword(norm)) words.add(norm);
  });
  return [...words];
}

/** Draws `k` distinct items, each with chance proportional to its weight. */
function weightedSample<T>(items: T[], weights: number[], k: number, random: () => number): T[] {
  const pool = items.map((item, i) => ({ item, weight: weights[i]! }));
  const chosen: T[] = [];
  while (chosen.length < k && pool.length > 0) {
    let target = random() * pool.reduce((sum, p) => sum + p.weight, 0);
    let at = 0;
    while (at < pool.length - 1 && target >= pool[at]!.weight) target -= pool[at++]!.weight;
    chosen.push(pool.splice(at, 1)[0]!.item);
  }
  return chosen;
}

function shuffle<T>(items: T[], random: () => number): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  return items;
}

/** `n` known-item queries over the corpus; the same seed and corpus give the same queries. */
export function synthQueries(articles: readonly Article[], opts: SynthOptions): SynthQuery[] {
  const random = seededRandom(opts.seed);
  const morphRate = opts.morphRate ?? DEFAULT_MORPH_RATE;
  const typoRate = opts.typoRate ?? DEFAULT_TYPO_RATE;
  const { count, df } = vocabularyOf(articles);
  // distinctive words are the rare ones: sampled by idf, so "kecam" is remembered more often than "baru"
  const idf = (word: string) => Math.log(1 + articles.length / (df.get(word) ?? 1));
  const candidates = articles.filter((a) => !a.titleDerived && titleWords(a.title).length >= 2);
  const queries: SynthQuery[] = [];
  if (candidates.length === 0) return queries;

  while (queries.length < opts.n) {
    const target = candidates[Math.floor(random() * candidates.length)]!;
    const pool = titleWords(target.title);
    const k = Math.min(pool.length, 2 + Math.floor(random() * 3));
    const words = shuffle(weightedSample(pool, pool.map(idf), k, random), random);
    const kinds: SynthQuery['kinds'] = [];

    if (random() < morphRate) {
      const options = words.map((word) =>
        affixedForms(stem(word)).filter((form) => form !== word && (count.get(form) ?? 0) >= MIN_FORM_COUNT),
      );
      const changeable = words.map((_, i) => i).filter((i) => options[i]!.length > 0);
      if (changeable.length > 0) {
        const i = changeable[Math.floor(random() * changeable.length)]!;
        const forms = options[i]!.sort();
        words[i] = forms[Math.floor(random() * forms.length)]!;
        kinds.push('morph');
      }
    }
    if (random() < typoRate) {
      const typeable = words.map((_, i) => i).filter((i) => words[i]!.length >= MIN_TYPO_LENGTH && /^[a-z]+$/.test(words[i]!));
      if (typeable.length > 0) {
        const i = typeable[Math.floor(random() * typeable.length)]!;
        words[i] = typo(words[i]!, random);
        kinds.push('typo');
      }
    }
    queries.push({ qid: `syn-${opts.seed}-${queries.length}`, query: words.join(' '), target_id: target.id, kinds });
  }
  return queries;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { corpus: { type: 'string' }, seed: { type: 'string' }, n: { type: 'string' }, out: { type: 'string' } },
  });
  const seed = Number(values.seed ?? 1);
  const n = Number(values.n ?? 1000);
  if (!values.corpus || !Number.isInteger(seed) || !Number.isInteger(n) || n < 1) {
    console.error('usage: npx tsx scripts/synth-queries.ts --corpus PATH [--seed 1] [--n 1000] [--out FILE]');
    process.exitCode = 2;
    return;
  }
  const { articles } = await loadCorpus(values.corpus);
  const lines =
    synthQueries(articles, { seed, n })
      .map((q) => JSON.stringify(q))
      .join('\n') + '\n';
  if (values.out) writeFileSync(values.out, lines);
  else process.stdout.write(lines);
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
