/**
 * Excerpts: the passage of an article that best matches the query, about 300 characters cut at word
 * boundaries, as plain text with the ranges of the matched words. Markup is the reader's business: the
 * bot escapes and bolds, the CLI prints for a terminal.
 */
import type { Article } from '../corpus/types.ts';
import { hyphenParts, isStopword, normalizeWord, scanWords, stem, wordAt } from './analyzer.ts';
import { bodyText } from './inverted-index.ts';
import type { TextRange } from './types.ts';

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

/** An excerpt: plain text (whitespace collapsed, `…` where it was cut) and the ranges of the matched words in it. */
export interface Excerpt {
  text: string;
  /** Offsets into `text`, in order, not overlapping. */
  highlights: TextRange[];
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
  if (lower.length === text.length) {
    const seen = new Set<number>();
    for (const probe of highlight.probes) {
      for (let at = lower.indexOf(probe); at !== -1;) {
        const word = wordAt(text, at);
        if (!seen.has(word.start)) {
          seen.add(word.start);
          addMatch(matches, text, word.start, word.end, highlight);
        }
        at = lower.indexOf(probe, Math.max(word.end, at + 1));
      }
    }
    matches.sort((a, b) => a.start - b.start);
  } else {
    // lowercasing changed offsets (rare letters): examine every word
    scanWords(text, (start, end) => addMatch(matches, text, start, end, highlight));
  }
  const distinct = new Set(matches.map((m) => m.stem));
  let score = 0;
  for (const stem of distinct) score += highlight.stems.get(stem)!;
  return { text, matches, distinct: distinct.size, score: score + 0.01 * matches.length };
}

/**
 * The word at start…end as a match, when one of its stems is the query's. A module function rather than
 * a closure per passage: under tsx every named closure costs a `__name` call.
 */
function addMatch(matches: Match[], text: string, start: number, end: number, highlight: Highlight): void {
  const stem = stemsOf(text.slice(start, end)).find((s) => highlight.stems.has(s));
  if (stem !== undefined) matches.push({ start, end, stem });
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

function render(passage: Passage, start: number, end: number): Excerpt {
  const { text } = passage;
  let out = start > 0 ? '…' : '';
  const highlights: Excerpt['highlights'] = [];
  let at = start;
  for (const match of passage.matches) {
    if (match.start < start || match.end > end) continue;
    out = appendCollapsed(out, text.slice(at, match.start));
    highlights.push({ start: out.length, end: out.length + match.end - match.start });
    out += text.slice(match.start, match.end);
    at = match.end;
  }
  out = appendCollapsed(out, text.slice(at, end)).trimEnd();
  if (end < text.length) out += '…';
  return { text: out, highlights };
}

/** Whitespace that collapsing changes: a run of two, or one that is not a plain space. */
const UNCOLLAPSED = /\s\s|[^\S ]/;

/** `out` followed by `piece` with its whitespace collapsed to single spaces (none doubled at the seam). */
function appendCollapsed(out: string, piece: string): string {
  // most text is already collapsed: testing is cheaper than replacing every single space by itself
  const collapsed = UNCOLLAPSED.test(piece) ? piece.replace(/\s+/g, ' ') : piece;
  return out + (out.endsWith(' ') || out === '' ? collapsed.trimStart() : collapsed);
}

/**
 * The excerpt of an article for a query: from the paragraph the ranker found holding most of the query
 * when it says so (`paragraph`, an index into the indexed body text), else the best of the first ones;
 * the lead paragraph when only the title matched.
 */
export function excerptOf(article: Article, highlight: Highlight, size = EXCERPT_CHARS, paragraph?: number): Excerpt {
  const known = paragraph === undefined ? undefined : bodyParagraph(article, paragraph);
  const hinted = known === undefined ? undefined : passageOf(known, known.toLowerCase(), highlight);
  let passage = hinted && hinted.matches.length > 0 ? hinted : undefined;
  if (passage === undefined) {
    const paragraphs = bodyText(article);
    passage =
      bestPassage(paragraphs, highlight) ??
      (paragraphs[0] === undefined ? undefined : passageOf(paragraphs[0], paragraphs[0].toLowerCase(), highlight));
  }
  if (!passage) return { text: '', highlights: [] };
  const { start, end } = windowOf(passage, size);
  return render(passage, start, end);
}

/**
 * Paragraph `index` of `bodyText(article)` (paragraphs, then captions) without building that list: an
 * excerpt is made for every hit.
 */
function bodyParagraph(article: Article, index: number): string | undefined {
  const { paragraphs, captions } = article;
  return index < paragraphs.length ? paragraphs[index] : captions[index - paragraphs.length];
}

/**
 * A text with ranges rendered for some medium: `plain` for the text between ranges, `mark` for each range
 * (the bot escapes and bolds for Discord, the CLI bolds for a terminal). Ranges out of order or out of
 * bounds are ignored.
 */
export function renderRanges(
  text: string,
  ranges: readonly TextRange[],
  plain: (piece: string) => string,
  mark: (piece: string) => string,
): string {
  let out = '';
  let at = 0;
  for (const { start, end } of ranges) {
    if (start < at || end > text.length || end <= start) continue;
    out += plain(text.slice(at, start)) + mark(text.slice(start, end));
    at = end;
  }
  return out + plain(text.slice(at));
}
