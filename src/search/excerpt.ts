/**
 * Excerpts: the passage of an article that best matches the query, about 300 characters cut at word
 * boundaries, with the matched words in **bold** as written and the article's own markdown escaped.
 */
import type { Article } from '../corpus/types.ts';
import { hyphenParts, isStopword, normalizeWord, scanWords, stem, wordAt } from './analyzer.ts';
import { bodyText } from './inverted-index.ts';

/** What to look for in a passage. */
export interface Highlight {
  /** Stem → weight (the word's idf): passages are chosen by the weight of the distinct stems they hold. */
  stems: ReadonlyMap<string, number>;
  /** Lowercase fragments, one of which a paragraph must contain to be worth tokenizing. */
  probes: readonly string[];
}

export const EXCERPT_CHARS = 300;
/** Paragraphs examined in full at most; the first ones of an article are the likeliest anyway. */
const MAX_CANDIDATE_PARAGRAPHS = 8;

const MARKDOWN = /[\\*_~`|>#[\]<]/g;

/** Escapes Discord/markdown syntax and defuses mass mentions. */
export function escapeMarkdown(text: string): string {
  return text.replace(MARKDOWN, '\\$&').replace(/@(everyone|here)\b/gi, '@\u200b$1');
}

/** Stems of written words as met in excerpts, memoized: the same words recur across hits. */
const stemsOfWritten = new Map<string, readonly string[]>();
const MEMO_LIMIT = 200_000;

/** The stems a written word can match: its own, and those of its halves when hyphenated. */
function stemsOf(written: string): readonly string[] {
  let found = stemsOfWritten.get(written);
  if (found === undefined) {
    const norm = normalizeWord(written);
    const own = { norm, stem: stem(norm) };
    found = norm === '' || isStopword(norm) ? [] : [own.stem, ...hyphenParts(own).map((part) => part.stem)];
    if (stemsOfWritten.size >= MEMO_LIMIT) stemsOfWritten.clear();
    stemsOfWritten.set(written, found);
  }
  return found;
}

interface Match {
  start: number;
  end: number;
  stem: string;
}

interface Passage {
  text: string;
  matches: Match[];
  /** Distinct stems matched. */
  distinct: number;
  score: number;
}

/**
 * The matches of a paragraph. Only the words around occurrences of a probe are examined: far cheaper
 * than stemming every word, and excerpts are built for every hit of every query.
 */
function passageOf(text: string, lower: string, highlight: Highlight): Passage {
  const matches: Match[] = [];
  const seen = new Set<number>();
  const consider = (start: number, end: number) => {
    if (seen.has(start)) return;
    seen.add(start);
    const stem = stemsOf(text.slice(start, end)).find((s) => highlight.stems.has(s));
    if (stem !== undefined) matches.push({ start, end, stem });
  };
  if (lower.length === text.length) {
    for (const probe of highlight.probes) {
      for (let at = lower.indexOf(probe); at !== -1;) {
        const word = wordAt(text, at);
        consider(word.start, word.end);
        at = lower.indexOf(probe, Math.max(word.end, at + 1));
      }
    }
    matches.sort((a, b) => a.start - b.start);
  } else {
    scanWords(text, consider); // lowercasing changed offsets (rare letters): examine every word
  }
  const distinct = new Set(matches.map((m) => m.stem));
  let score = 0;
  for (const stem of distinct) score += highlight.stems.get(stem)!;
  return { text, matches, distinct: distinct.size, score: score + 0.01 * matches.length };
}

function bestPassage(paragraphs: readonly string[], highlight: Highlight): Passage | undefined {
  let best: Passage | undefined;
  let examined = 0;
  for (const paragraph of paragraphs) {
    const lower = paragraph.toLowerCase();
    if (!highlight.probes.some((probe) => lower.includes(probe))) continue;
    const passage = passageOf(paragraph, lower, highlight);
    if (passage.matches.length > 0 && (!best || passage.score > best.score)) best = passage;
    // a paragraph holding every query word cannot be beaten by a later one
    if (best?.distinct === highlight.stems.size || ++examined === MAX_CANDIDATE_PARAGRAPHS) break;
  }
  return best;
}

/** The window of about `size` characters holding the most distinct matches, snapped to word boundaries. */
function windowOf(passage: Passage, size: number): { start: number; end: number } {
  const { text, matches } = passage;
  if (text.length <= size) return { start: 0, end: text.length };
  let bestStart = 0;
  let bestCount = -1;
  for (const match of matches) {
    const start = Math.max(0, Math.min(match.start - 40, text.length - size));
    const distinct = new Set(matches.filter((m) => m.start >= start && m.end <= start + size).map((m) => m.stem));
    if (distinct.size > bestCount) {
      bestCount = distinct.size;
      bestStart = start;
    }
  }
  let start = bestStart;
  if (start > 0) {
    const space = text.indexOf(' ', start);
    start = space === -1 || space - start > 30 ? start : space + 1;
  }
  let end = Math.min(text.length, start + size);
  if (end < text.length) {
    const space = text.lastIndexOf(' ', end);
    if (space > start + size / 2) end = space;
  }
  return { start, end };
}

function render(passage: Passage, start: number, end: number): string {
  const { text } = passage;
  let out = start > 0 ? '…' : '';
  let at = start;
  for (const match of passage.matches) {
    if (match.start < start || match.end > end) continue;
    out += escapeMarkdown(text.slice(at, match.start)) + `**${escapeMarkdown(text.slice(match.start, match.end))}**`;
    at = match.end;
  }
  out += escapeMarkdown(text.slice(at, end)).trimEnd();
  if (end < text.length) out += '…';
  // a leading "-" or "+" would render as a list item
  return out.replace(/\s+/g, ' ').trim().replace(/^[-+]/, '\\$&');
}

/** The excerpt of an article for a query; the lead paragraph when only the title matched. */
export function excerptOf(article: Article, highlight: Highlight, size = EXCERPT_CHARS): string {
  const paragraphs = bodyText(article);
  const passage =
    bestPassage(paragraphs, highlight) ??
    (paragraphs[0] === undefined ? undefined : passageOf(paragraphs[0], paragraphs[0].toLowerCase(), highlight));
  if (!passage) return '';
  const { start, end } = windowOf(passage, size);
  return render(passage, start, end);
}
