import { findDates, formatTime } from '../dates/find.ts';
import type { DateMention, ResolvedDate } from '../dates/types.ts';
import { CROSS_LINK_ALONE, END_MARKERS, SECTION_WORDS, contentOfLine, isCaption, isFurniture, matchesAny } from './boilerplate.ts';
import { authorship, originOf, readCode, readCredits, takeSyndication, takeTrailingCode, takeWireCredit, type Credits } from './credits.ts';
import { publisherInText } from './publishers.ts';
import { cleanParagraph, normalizeText, wordsOf } from './text.ts';

/** A publication date the page states, and where it stands. */
export interface StatedDate {
  date: ResolvedDate;
  provenance: 'byline' | 'header' | 'dateline';
  time?: string;
}

/** What a careful reader takes from a raw scraped page, before dates are weighed. */
export interface PageReading {
  /** Null when the page has no title line. */
  title: string | null;
  publisher: string | null;
  origin: string | null;
  author: string | null;
  editor: string | null;
  captions: string[];
  paragraphs: string[];
  /** Stated dates, most trustworthy first: byline, header, dateline. */
  stated: StatedDate[];
}

/** A dateline ending in a dash: "Bisnis.com, JAKARTA - ", "WASHINGTON, KOMPAS.TV - ", "Jakarta, Pahami.id —". */
const DATELINE = /^(?<prefix>[^-–—\n]{2,70}?)\s*(?:-{1,2}|[–—])(?:\s+|$)/;
/** "JAKARTA", "KUALA LUMPUR", "JAKARTA (ANTARA)": an all-caps dateline place of one or two words. */
const ALL_CAPS_PLACE = /^\p{Lu}{2,}\.?(?: \p{Lu}{2,}\.?)?(?:\s*\(\p{Lu}+\))?$/u;
/** "Jakarta - …", "Kuala Lumpur - …": an outlet-less dateline (detikcom style). */
const PLACE = /^\p{Lu}\p{Ll}+(?: \p{Lu}\p{Ll}+)?$/u;

/** A byline name: two to five capitalised words. */
const NAME = /^\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*){1,4}$/u;
const SENTENCE_END = /[.!?"”’)]$/;

function isSectionLabel(line: string): boolean {
  if (line.length > 60) return false;
  const words = wordsOf(line);
  return words.length > 0 && words.length <= 6 && words.every((w) => SECTION_WORDS.has(w) || publisherInText(w) !== null);
}

/** Shaped like a headline: a short line that does not start in lower case. */
function isTitleLike(line: string): boolean {
  const words = line.split(' ').length;
  return words >= 2 && words <= 35 && line.length <= 220 && /^[\p{Lu}\p{N}"“‘'[(#]/u.test(line);
}

/** Ends like a sentence, not a headline (which may trail off: "Penting Ini..."). */
function endsLikeSentence(line: string): boolean {
  return /[:;,]$/.test(line) || /[^.]\.$/.test(line);
}

/** Words after a plain place name ("Jakarta - …") for it to be a dateline, not a headline like "Jokowi - Prabowo Bertemu". */
const PLACE_DATELINE_MIN_WORDS = 12;

/** The dateline prefix of a lead, when it names an outlet or a place. */
function datelineOf(line: string): { prefix: string; rest: string } | null {
  const m = DATELINE.exec(line);
  if (!m) return null;
  const prefix = m.groups!.prefix!.trim();
  if (prefix.split(/\s+/).length > 6) return null;
  const rest = line.slice(m[0].length);
  const outlet =
    publisherInText(prefix) !== null ||
    prefix.split(',').some((part) => ALL_CAPS_PLACE.test(part.trim()) || /\b[\w-]+\.(?:com|id|co|net|tv|co\.id)\b/i.test(part));
  const place = PLACE.test(prefix) && rest.split(' ').length >= PLACE_DATELINE_MIN_WORDS;
  return outlet || place ? { prefix, rest } : null;
}

/** "Nama Penulis - detikNews", "Tim Redaksi | Kompas.com": a byline naming the writer and the outlet. */
function outletByline(line: string): { publisher: string; author: string | null } | null {
  if (line.length > 80) return null;
  const m = /^(?<name>.*?)\s*[-–—|·,]\s*(?<outlet>[^-–—|·,]+)$/.exec(line);
  const publisher = m ? publisherInText(m.groups!.outlet!) : null;
  const name = m?.groups!.name!.trim() ?? '';
  if (!publisher || (name !== '' && !NAME.test(name))) return null;
  return { publisher, author: name === '' ? null : name };
}

interface DatedLine {
  mention: DateMention;
  /** What precedes the date: a byline name or outlet, or nothing. */
  before: string;
}

/** A time set off from the date before it by a separator: "… 2024 | 10:15 WIB", "… 2024 - 10:15". */
const SEPARATED_TIME = /^\s*[|/–—-]\s*(?<hh>[01]?\d|2[0-3])[:.](?<mm>[0-5]\d)(?:\s*(?<tz>WIB|WITA|WIT))?\s*$/i;

/** A short line whose only content is one full date (and its time), possibly after a byline name or outlet. */
function dateLine(line: string): DatedLine | null {
  // A stated date always has its year: lines without one need no date scan.
  if (line.length > 120 || !/(?:19|20)\d\d/.test(line)) return null;
  const mentions = findDates(line).filter((m) => m.resolution === 'explicit' && m.date.precision === 'day');
  const found = mentions[0];
  if (mentions.length !== 1 || !found) return null;
  const separated = found.time === undefined ? SEPARATED_TIME.exec(line.slice(found.end))?.groups : undefined;
  if (!separated && line.slice(found.end).replace(/[\s|,.·•-]/g, '') !== '') return null;
  const time = separated && formatTime(separated);
  const mention = time ? { ...found, time } : found;
  const before = line
    .slice(0, mention.start)
    .replace(/(?:diperbarui|dipublikasikan|diterbitkan|tanggal|published|updated)\s*:?\s*$/i, '')
    .replace(/[\s|,·•:–—-]+$/, '')
    .trim();
  return { mention, before };
}

function stated(mention: DateMention, provenance: StatedDate['provenance']): StatedDate {
  return { date: mention.date, provenance, ...(mention.time ? { time: mention.time } : {}) };
}

/** Datelines open the lead within the first lines of a page; later "X - y" lines are text. */
const DATELINE_WINDOW = 12;

/**
 * Index of the lead paragraph: the line opening with a dateline, else the first sentence-like
 * line (a title-like first line is the title, not the lead), else the line after the title.
 */
function findLead(lines: readonly string[], datedAt: (i: number) => DatedLine | null): { index: number; byDateline: boolean } {
  const candidates: number[] = [];
  for (let i = 0; i < lines.length && candidates.length < DATELINE_WINDOW; i++) {
    const line = lines[i]!;
    if (isFurniture(line) || isCaption(line) || isSectionLabel(line) || datedAt(i)) continue;
    if (datelineOf(line)) return { index: i, byDateline: true };
    candidates.push(i);
  }
  const first = candidates[0] === undefined ? undefined : lines[candidates[0]]!;
  const titleSkipped = first !== undefined && isTitleLike(first) && !endsLikeSentence(first) ? candidates.slice(1) : candidates;
  const sentence = titleSkipped.find((i) => lines[i]!.split(' ').length >= 15 && SENTENCE_END.test(lines[i]!));
  return { index: sentence ?? titleSkipped[0] ?? candidates[0] ?? lines.length, byDateline: false };
}

/** Shorter lines before the lead are subheads or decks, not teasers. */
const TEASER_MIN_WORDS = 8;

/** A line before the lead that repeats it (a teaser, a truncated summary): nearly all its words are the lead's. */
function isTeaser(line: string, lead: string): boolean {
  const words = wordsOf(line);
  if (words.length < TEASER_MIN_WORDS) return false;
  const leadWords = new Set(wordsOf(lead));
  return words.filter((w) => leadWords.has(w)).length / words.length >= 0.9;
}

/** What the head and body readers collect besides text. */
interface Collected {
  credits: Credits;
  captions: string[];
  dates: StatedDate[];
  publisher: string | null;
}

/** Lines before the lead: title, header or byline date, captions, credits; other lines are returned as extras. */
function readHead(lines: readonly string[], leadIndex: number, datedAt: (i: number) => DatedLine | null, got: Collected) {
  let title: string | null = null;
  const extras: string[] = [];
  for (let i = 0; i < leadIndex; i++) {
    const line = lines[i]!;
    if (contentOfLine(line) === null || readCredits(line, got.credits)) continue;
    if (isCaption(line)) {
      got.captions.push(line);
      continue;
    }
    const dated = datedAt(i);
    if (dated?.before === '') {
      got.dates.push(stated(dated.mention, 'header'));
      continue;
    }
    // "Oleh: Budi Santoso | Senin, 24 Juni 2024 14:30 WIB": credits, then the date
    if (dated && readCredits(dated.before, got.credits)) {
      got.dates.unshift(stated(dated.mention, 'byline'));
      continue;
    }
    if (dated) {
      const outlet = publisherInText(dated.before);
      if ((outlet && dated.before.split(' ').length <= 5 && !/["“”]/.test(dated.before)) || NAME.test(dated.before)) {
        got.dates.unshift(stated(dated.mention, 'byline'));
        if (outlet) got.publisher ??= outlet;
        else got.credits.bylineAuthor = dated.before;
        continue;
      }
    }
    if (isSectionLabel(line)) continue;
    const byline = title !== null ? outletByline(line) : null;
    if (byline) {
      got.publisher ??= byline.publisher;
      if (byline.author) got.credits.bylineAuthor ??= byline.author;
      continue;
    }
    if (title === null && isTitleLike(line)) title = line;
    else extras.push(line);
  }
  return { title, extras };
}

/** The lead's dateline: the publisher and any date it states come out, the rest of the line stays. */
function stripDateline(line: string, got: Collected): string {
  const dateline = datelineOf(line);
  if (!dateline) return line;
  got.publisher ??= publisherInText(dateline.prefix);
  const inPrefix = findDates(dateline.prefix).find((m) => m.resolution === 'explicit' && m.date.precision === 'day');
  if (inPrefix) got.dates.push(stated(inPrefix, 'dateline'));
  return dateline.rest;
}

/** Lines from the lead on: paragraphs, until an end marker (after which only credits are read). */
function readBody(lines: readonly string[], leadIndex: number, got: Collected): string[] {
  const paragraphs: string[] = [];
  let ended = false;
  let skipHeadline = false;
  for (let i = leadIndex; i < lines.length; i++) {
    const line = lines[i]!;
    if (ended) {
      readCredits(line, got.credits);
      continue;
    }
    if (paragraphs.length > 0 && matchesAny(line, END_MARKERS)) {
      ended = true;
      continue;
    }
    if (skipHeadline) {
      skipHeadline = false;
      if (line.length <= 150 && !SENTENCE_END.test(line)) continue;
    }
    if (CROSS_LINK_ALONE.test(line)) {
      skipHeadline = true;
      continue;
    }
    const text = contentOfLine(line);
    const content = text === null ? '' : takeSyndication(text, got.credits);
    if (content === '' || readCredits(content, got.credits)) continue;
    if (isCaption(content)) {
      got.captions.push(content);
      continue;
    }
    const bracket = /^\((.{2,60})\)$/.exec(content);
    if (bracket && readCode(bracket[1]!, got.credits)) continue;
    // A dateline alone on its line ("Jakarta, Pahami.id —") leaves nothing: the next line is the lead.
    const paragraph = cleanParagraph(paragraphs.length === 0 ? stripDateline(content, got) : content);
    if (paragraph !== '') paragraphs.push(paragraph);
  }
  takeTrailingCode(paragraphs, got.credits);
  return paragraphs;
}

export function readPage(raw: string): PageReading {
  const lines = normalizeText(raw)
    .split('\n')
    .map((l) =>
      l
        .replace(/\s+/g, ' ')
        .trim()
        .replace(/\s+rn$/, ''),
    )
    .filter((l) => l !== '');
  const datedLines = new Map<number, DatedLine | null>();
  const datedAt = (i: number): DatedLine | null => {
    if (!datedLines.has(i)) datedLines.set(i, dateLine(lines[i]!));
    return datedLines.get(i)!;
  };
  const got: Collected = { credits: {}, captions: [], dates: [], publisher: null };
  const { index: leadIndex, byDateline } = findLead(lines, datedAt);
  const head = readHead(lines, leadIndex, datedAt, got);
  const paragraphs = readBody(lines, leadIndex, got);
  // Only a page with a dateline lead shows where its text starts; before it, a copy of the lead is a teaser.
  const lead = paragraphs[0] ?? '';
  paragraphs.unshift(...head.extras.filter((line) => !(byDateline && isTeaser(line, lead))).map(cleanParagraph));
  return {
    title: head.title,
    publisher: got.publisher,
    origin: originOf(got.credits, paragraphs, got.publisher),
    ...authorship(got.credits),
    captions: [...new Set(got.captions)],
    paragraphs,
    stated: got.dates,
  };
}

/** Credits, captions and publisher a plain body (.jsonl, .md) carries in its text, and the body without them. */
export interface PlainBody {
  paragraphs: string[];
  captions: string[];
  publisher: string | null;
  origin: string | null;
  author: string | null;
  editor: string | null;
}

/** Longest paragraph that may be a credit line ("Penulis: Annesa K. Ramadhany"). */
const CREDIT_MAX_LENGTH = 120;

/** A line that is only credits ("Penulis: X | Editor: Y") or a bracketed code ("(blq/dna)"), read into `credits`. */
function isCreditLine(line: string, credits: Credits): boolean {
  const bracket = /^\((.{2,60})\)$/.exec(line);
  return readCredits(line, credits) || (bracket !== null && readCode(bracket[1]!, credits));
}

/**
 * A body from structured sources still carries page habits: a dateline opening the lead
 * ("Liputan6.com, Jakarta - "), credit lines, a wire credit closing a paragraph
 * ("(AFP / OKI)"), a writer code at the end. They move to fields.
 */
export function readPlainBody(paragraphs: readonly string[]): PlainBody {
  const got: Collected = { credits: {}, captions: [], dates: [], publisher: null };
  const kept: string[] = [];
  for (const raw of paragraphs) {
    const p = takeSyndication(raw, got.credits);
    if (p === '') continue;
    const credited = takeWireCredit(p, got.credits);
    if (credited !== null) kept.push(credited);
    else if (isCaption(p)) got.captions.push(p);
    else if (p.length > CREDIT_MAX_LENGTH || !isCreditLine(p, got.credits)) kept.push(p);
  }
  // a body is never captions only: a passage of one caption-like paragraph is the text
  if (kept.length === 0) kept.push(...got.captions.splice(0));
  const lead = kept[0] === undefined ? '' : stripDateline(kept[0], got);
  if (lead !== '') kept[0] = lead;
  takeTrailingCode(kept, got.credits);
  return {
    paragraphs: kept,
    captions: got.captions,
    publisher: got.publisher,
    origin: originOf(got.credits, kept, got.publisher),
    ...authorship(got.credits),
  };
}
