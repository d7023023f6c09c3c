/**
 * The persisted timeline: one file per corpus content hash in the cache folder (beside the search
 * index), so a warm start reads the events instead of extracting them again. The file holds what a
 * query reads (timeline.ts `TimelineParts`), never the articles: those come from the load, and the
 * hash ties the file to them. A stale or damaged file is ignored and rebuilt, never trusted.
 */
import { corpusTextHash } from '../cache/corpus-hash.ts';
import { check, readCacheFile, sourcesFingerprint, writeCacheFile, type CacheKind } from '../cache/cache-file.ts';
import type { Article } from '../corpus/types.ts';
import type { DatePrecision } from '../dates/types.ts';
import { Timeline, type StoredCandidate, type StoredEvent, type TimelineParts } from './timeline.ts';

/** Bump whenever the file layout changes: old files then no longer match. */
export const TIMELINE_FORMAT_VERSION = 2;

/**
 * The sources that decide which events a corpus yields: an upgrade never serves what the old code
 * extracted. Not the query's (timeline.ts, params.ts, summary.ts): they read the parts, never shape them.
 */
const TIMELINE_SOURCES = [
  'segment.ts',
  'timeline-cache.ts',
  'extract.ts',
  'merge.ts',
  'score.ts',
  'sentences.ts',
  'entities.ts',
  '../dates/calendar.ts',
  '../dates/context.ts',
  '../dates/find.ts',
  '../dates/names.ts',
  '../dates/patterns.ts',
  '../search/analyzer.ts',
  '../search/stemmer.ts',
  '../search/data/kata-dasar.txt',
];
const TIMELINE_CODE_FINGERPRINT = sourcesFingerprint(new URL('./', import.meta.url), TIMELINE_SOURCES);
const TIMELINE_FILE: CacheKind = {
  name: 'timeline',
  prefix: 'timeline-',
  extension: '.bin',
  magic: Buffer.from('KLIPTML\0', 'latin1'),
  version: TIMELINE_FORMAT_VERSION,
};

/**
 * A hash of everything extraction reads, in order. Not the search index's hash: events also depend
 * on each article's date (relative dates) and publisher (one citation per outlet), which the index ignores.
 */
export function timelineCorpusHash(articles: readonly Article[]): string {
  const key = `kliping-timeline-${TIMELINE_FORMAT_VERSION}-${TIMELINE_CODE_FINGERPRINT}`;
  return corpusTextHash(key, articles, (a) => `${a.publisher ?? '\u0001'}\0${a.date ? `${a.date.iso}/${a.date.precision}` : '\u0001'}\0`);
}

interface Header {
  version: number;
  hash: string;
  articleCount: number;
  candidateCount: number;
  eventCount: number;
  /** Byte length of the JSON part of the payload; the typed arrays follow, 4-byte aligned. */
  jsonBytes: number;
}

/** A candidate as written: article, sentence, date spans (flat start/end pairs), term ids in `vocabulary`. */
type CandidateRow = [number, string, number[], number[]];
/** An event as written: iso, precision, from, to, representative, sources, importance. */
type EventRow = [string, DatePrecision, string, string, number, number[], number];
interface JsonPart {
  vocabulary: string[];
  candidates: CandidateRow[];
  events: EventRow[];
}

/**
 * A timeline as built, in the cache file's form (header counts and payload): how a thread that
 * extracted it hands it to the thread that serves it, which decodes a compact copy as a warm start does.
 */
export interface EncodedTimeline {
  header: Omit<Header, 'version' | 'hash'>;
  payload: Uint8Array;
}

/** A timeline as built (`Timeline.build`) encoded; one changed by `extend`/`without` has no parts and this throws. */
export function encodeTimeline(timeline: Timeline, articleCount: number): EncodedTimeline {
  const { parts } = timeline;
  if (!parts) throw new Error('only a timeline as built is cached, not one changed by extend/without');
  const { candidates, eventOf, fitness, events, byImportance } = parts;
  const termIds = new Map<string, number>();
  const idOf = (term: string): number => {
    let id = termIds.get(term);
    if (id === undefined) termIds.set(term, (id = termIds.size));
    return id;
  };
  const json: JsonPart = {
    vocabulary: [],
    candidates: candidates.map((c): CandidateRow => [c.article, c.sentence, c.dateSpans.flat(), c.terms.map(idOf)]),
    events: events.map((e): EventRow => [e.date.iso, e.date.precision, e.from, e.to, e.representative, e.sources, e.importance]),
  };
  json.vocabulary = [...termIds.keys()];
  const jsonBytes = Buffer.from(JSON.stringify(json), 'utf8');
  const padding = Buffer.alloc((4 - (jsonBytes.length % 4)) % 4);
  const bytesOf = (a: Int32Array | Float32Array): Buffer => Buffer.from(a.buffer, a.byteOffset, a.byteLength);
  const header = { articleCount, candidateCount: candidates.length, eventCount: events.length, jsonBytes: jsonBytes.length };
  return { header, payload: Buffer.concat([jsonBytes, padding, bytesOf(eventOf), bytesOf(fitness), bytesOf(byImportance)]) };
}

/** The timeline `encodeTimeline` made from these same articles, checked as a cache file's is (throws CorruptCache). */
export function decodeTimeline(articles: readonly Article[], { header, payload }: EncodedTimeline): Timeline {
  check(header.articleCount === articles.length, 'article count differs');
  return Timeline.fromParts(articles, decode(Buffer.from(payload.buffer, payload.byteOffset, payload.byteLength), header));
}

/** Writes a timeline as built (`Timeline.build`); one changed by `extend`/`without` is not cached and this throws. */
export function writeCachedTimeline(dir: string, hash: string, articleCount: number, timeline: Timeline): void {
  const { header, payload } = encodeTimeline(timeline, articleCount);
  writeCacheFile(dir, TIMELINE_FILE, hash, header, Buffer.from(payload.buffer, payload.byteOffset, payload.byteLength));
}

/** The cached timeline of these articles (whose hash is `hash`), or null when absent, stale or damaged (with the reason). */
export function readCachedTimeline(
  dir: string,
  hash: string,
  articles: readonly Article[],
): { timeline: Timeline | null; reason?: string } {
  const { value, reason } = readCacheFile<Header, Timeline>(
    dir,
    TIMELINE_FILE,
    hash,
    (header) => check(header.articleCount === articles.length, 'article count differs'),
    (payload, header) => Timeline.fromParts(articles, decode(payload, header)),
  );
  return reason === undefined ? { timeline: value } : { timeline: value, reason };
}

const isIndex = (x: unknown, size: number): x is number => Number.isInteger(x) && (x as number) >= 0 && (x as number) < size;
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
const ISO_OF: Record<DatePrecision, RegExp> = { day: ISO_DAY, month: /^\d{4}-\d{2}$/, year: /^\d{4}$/ };

function decode(payload: Buffer, header: EncodedTimeline['header']): TimelineParts {
  const { articleCount, candidateCount, eventCount, jsonBytes } = header;
  check(
    [articleCount, candidateCount, eventCount, jsonBytes].every((n) => Number.isInteger(n) && n >= 0),
    'counts are not counts',
  );
  const jsonEnd = jsonBytes + ((4 - (jsonBytes % 4)) % 4);
  check(payload.length === jsonEnd + 4 * (2 * candidateCount + eventCount), 'payload size does not fit the counts');
  const json = JSON.parse(payload.subarray(0, jsonBytes).toString('utf8')) as JsonPart;
  check(typeof json === 'object' && json !== null, 'payload is not an object');
  const { vocabulary, candidates: candidateRows, events: eventRows } = json;
  check(Array.isArray(vocabulary) && vocabulary.every((t) => typeof t === 'string'), 'vocabulary is not a list of terms');
  check(Array.isArray(candidateRows) && candidateRows.length === candidateCount, 'candidate count differs');
  check(Array.isArray(eventRows) && eventRows.length === eventCount, 'event count differs');

  let previousArticle = 0;
  const candidates = candidateRows.map((row): StoredCandidate => {
    check(Array.isArray(row) && row.length === 4, 'candidate is not a row');
    const [article, sentence, spans, terms] = row;
    check(isIndex(article, articleCount) && article >= previousArticle, 'candidate article out of range or order');
    previousArticle = article;
    check(typeof sentence === 'string', 'candidate sentence is not text');
    check(
      Array.isArray(spans) && spans.length % 2 === 0 && spans.every((x) => isIndex(x, sentence.length + 1)),
      'date spans out of the sentence',
    );
    check(Array.isArray(terms) && terms.every((id) => isIndex(id, vocabulary.length)), 'term out of the vocabulary');
    const dateSpans: Array<[number, number]> = [];
    for (let i = 0; i < spans.length; i += 2) dateSpans.push([spans[i]!, spans[i + 1]!]);
    return { article, sentence, dateSpans, terms: terms.map((id) => vocabulary[id]!) };
  });
  const events = eventRows.map((row): StoredEvent => {
    check(Array.isArray(row) && row.length === 7, 'event is not a row');
    const [iso, precision, from, to, representative, sources, importance] = row;
    check(Object.hasOwn(ISO_OF, precision) && typeof iso === 'string' && ISO_OF[precision].test(iso), 'event date malformed');
    check(
      typeof from === 'string' && typeof to === 'string' && ISO_DAY.test(from) && ISO_DAY.test(to) && from <= to,
      'event span malformed',
    );
    check(isIndex(representative, candidateCount), 'event summary out of range');
    check(Array.isArray(sources) && sources.length > 0 && sources.every((a) => isIndex(a, articleCount)), 'event sources out of range');
    check(typeof importance === 'number' && Number.isFinite(importance), 'event importance is not a number');
    return { date: { iso, precision }, from, to, representative, sources, importance };
  });

  // copies: aligned and owned
  const int32 = (offset: number, length: number) => new Int32Array(new Uint8Array(payload.subarray(offset, offset + 4 * length)).buffer);
  const eventOf = int32(jsonEnd, candidateCount);
  const fitness = new Float32Array(new Uint8Array(payload.subarray(jsonEnd + 4 * candidateCount, jsonEnd + 8 * candidateCount)).buffer);
  const byImportance = int32(jsonEnd + 8 * candidateCount, eventCount);
  for (let c = 0; c < candidateCount; c++) {
    check(isIndex(eventOf[c], eventCount), 'candidate event out of range');
    check(Number.isFinite(fitness[c]), 'candidate fitness is not a number');
  }
  const seen = new Uint8Array(eventCount);
  for (const e of byImportance) {
    check(isIndex(e, eventCount) && seen[e] === 0, 'importance order is not a permutation');
    seen[e] = 1;
  }
  events.forEach((event, index) => check(eventOf[event.representative] === index, 'event summary taken from another event'));
  return { candidates, eventOf, fitness, events, byImportance };
}

/** How the worker's timeline was obtained; `cacheNote` says why a cached one was not used. */
export interface TimelineOrigin {
  events: number;
  origin: 'built' | 'cache';
  cacheNote?: string;
}

/** A timeline read from the cache or built; `hash` (with a cache folder) is what `writeTimelineCache` files it under. */
export interface ObtainedTimeline {
  timeline: Timeline;
  origin: TimelineOrigin;
  hash?: string;
  articleCount: number;
}

/** The timeline of `articles`: read from `cacheDir` when it holds theirs, else extracted. Reading never writes (see writeTimelineCache). */
export function obtainTimeline(articles: readonly Article[], cacheDir: string | undefined): ObtainedTimeline {
  const articleCount = articles.length;
  if (cacheDir === undefined) {
    const built = Timeline.build(articles);
    return { timeline: built, origin: { events: built.size, origin: 'built' }, articleCount };
  }
  // Hashed here, in the timeline's thread and beside the index build, rather than reusing the
  // engine's hash: that one leaves out the dates and publishers extraction reads.
  const hash = timelineCorpusHash(articles);
  const cached = readCachedTimeline(cacheDir, hash, articles);
  if (cached.timeline) return { timeline: cached.timeline, origin: { events: cached.timeline.size, origin: 'cache' }, hash, articleCount };
  const built = Timeline.build(articles);
  const origin: TimelineOrigin = { events: built.size, origin: 'built', ...(cached.reason !== undefined && { cacheNote: cached.reason }) };
  return { timeline: built, origin, hash, articleCount };
}

/** Persist an extracted timeline in `cacheDir` (replacing older ones there); nothing to do for one read from the cache. */
export function writeTimelineCache(cacheDir: string, obtained: ObtainedTimeline): void {
  if (obtained.origin.origin === 'cache') return;
  if (obtained.hash === undefined) throw new Error('a timeline obtained without a cache folder has no cache key');
  writeCachedTimeline(cacheDir, obtained.hash, obtained.articleCount, obtained.timeline);
}
