/**
 * The persisted timeline: one file per corpus content hash in the cache folder (beside the search
 * index), so a warm start reads the events instead of extracting them again. The file holds what a
 * query reads: `TimelineParts` and each article's citation (id, title, outlet, url, date), never its
 * text; so a warm start sends the timeline worker nothing but the hash that names the file. A stale
 * or damaged file is ignored and rebuilt, never trusted.
 *
 * Layout: strings in JSON arrays (citations by column, the vocabulary, the sentences, the events), then
 * the numbers as 4-byte typed arrays (candidate articles, date spans and term ids with their offsets,
 * events, fitness, importance order), which are read in place instead of being parsed row by row.
 */
import { corpusTextHash } from '../cache/corpus-hash.ts';
import { cacheFilePath, check, readCacheFile, sourcesFingerprint, writeCacheFile, type CacheKind } from '../cache/cache-file.ts';
import type { Article } from '../corpus/types.ts';
import type { DatePrecision } from '../dates/types.ts';
import { CandidateTable } from './candidates.ts';
import type { TimelineArticle } from './segment.ts';
import { Timeline, type StoredEvent, type TimelineParts } from './timeline.ts';

/** Bump whenever the file layout or what a field means changes (4: an event's from/to is its vague date's window): old files then no longer match. */
export const TIMELINE_FORMAT_VERSION = 4;

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
 * A hash of everything extraction reads, in order, and of the citations the file keeps. Not the search
 * index's hash: events also depend on each article's date (relative dates) and publisher (one citation
 * per outlet), and a citation shows the url, which the index ignores.
 */
export function timelineCorpusHash(articles: readonly Article[]): string {
  const key = `kliping-timeline-${TIMELINE_FORMAT_VERSION}-${TIMELINE_CODE_FINGERPRINT}`;
  return corpusTextHash(
    key,
    articles,
    (a) => `${a.publisher ?? '\u0001'}\0${a.date ? `${a.date.iso}/${a.date.precision}` : '\u0001'}\0${a.url ?? '\u0001'}\0`,
  );
}

/** Where the timeline of the corpus whose hash is `hash` is cached in `dir`, if it is (read it with readCachedTimeline). */
export function timelineCacheFile(dir: string, hash: string): string {
  return cacheFilePath(dir, TIMELINE_FILE, hash);
}

interface Header {
  version: number;
  hash: string;
  articleCount: number;
  candidateCount: number;
  eventCount: number;
  /** Lengths of the flat date spans (start/end pairs) and term ids of all candidates. */
  spanCount: number;
  termCount: number;
  /** Byte length of the JSON part of the payload; the typed arrays follow, 4-byte aligned. */
  jsonBytes: number;
}

/** An event as written: iso, precision, from, to, representative, sources, importance. */
type EventRow = [string, DatePrecision, string, string, number, number[], number];
interface JsonPart {
  /** Each article's citation, by column. */
  ids: string[];
  titles: string[];
  publishers: (string | null)[];
  urls: (string | null)[];
  /** `iso` of the article's date, and its precision; null for an undated article. */
  dates: (string | null)[];
  precisions: (DatePrecision | null)[];
  vocabulary: string[];
  sentences: string[];
  events: EventRow[];
}

/** The typed arrays after the JSON part, in this order; `Int32Array` but for `fitness`. */
const COLUMNS = ['candidateArticle', 'spanStart', 'spans', 'termStart', 'termIds', 'eventOf', 'fitness', 'byImportance'] as const;
type Column = (typeof COLUMNS)[number];
const columnLengths = (h: Pick<Header, 'candidateCount' | 'eventCount' | 'spanCount' | 'termCount'>): Record<Column, number> => ({
  candidateArticle: h.candidateCount,
  spanStart: h.candidateCount + 1,
  spans: h.spanCount,
  termStart: h.candidateCount + 1,
  termIds: h.termCount,
  eventOf: h.candidateCount,
  fitness: h.candidateCount,
  byImportance: h.eventCount,
});

/**
 * A timeline as built, in the cache file's form (header counts and payload): how a thread that
 * extracted it hands it to the thread that serves it, which decodes a compact copy as a warm start does.
 */
export interface EncodedTimeline {
  header: Omit<Header, 'version' | 'hash'>;
  payload: Uint8Array;
}

/** Writes a timeline as built (`Timeline.build`); one changed by `extend`/`without` is not cached and this throws. */
export function writeCachedTimeline(dir: string, hash: string, timeline: Timeline): void {
  const { header, payload } = encodeTimeline(timeline);
  writeCacheFile(dir, TIMELINE_FILE, hash, header, payload);
}

/**
 * A timeline as built (`Timeline.build`) encoded; one changed by `extend`/`without` has no parts and this throws.
 * Written straight into the payload, the JSON part a slice at a time (jsonSlices): the JSON of a large
 * corpus's timeline is tens of MB as one string, and again as its bytes, on top of the payload.
 */
export function encodeTimeline(timeline: Pick<Timeline, 'parts' | 'articleCitations'>): EncodedTimeline {
  const { parts, articleCitations: citations } = timeline;
  if (!parts || !citations) throw new Error('only a timeline as built is cached, not one changed by extend/without');
  const { candidates, eventOf, fitness, events, byImportance } = parts;
  const { columns } = candidates;
  const header: Omit<Header, 'version' | 'hash'> = {
    articleCount: citations.length,
    candidateCount: candidates.size,
    eventCount: events.length,
    spanCount: columns.spans.length,
    termCount: columns.termIds.length,
    jsonBytes: 0,
  };
  const json = (): Iterable<string> => jsonSlices(citations, columns.vocabulary, columns.sentences, events);
  for (const slice of json()) header.jsonBytes += Buffer.byteLength(slice, 'utf8');
  const lengths = columnLengths(header);
  const jsonEnd = header.jsonBytes + ((4 - (header.jsonBytes % 4)) % 4);
  // Zeroed, and at offset 0 of its own buffer: the padding is zeros and the columns are 4-byte aligned.
  const payload = new Uint8Array(jsonEnd + 4 * COLUMNS.reduce((sum, c) => sum + lengths[c], 0));
  const bytes = Buffer.from(payload.buffer);
  let at = 0;
  for (const slice of json()) at += bytes.write(slice, at, 'utf8');
  const column = {} as Record<Column, Int32Array | Float32Array>;
  at = jsonEnd;
  for (const c of COLUMNS) {
    column[c] = new (c === 'fitness' ? Float32Array : Int32Array)(payload.buffer, at, lengths[c]);
    at += 4 * lengths[c];
  }
  column.candidateArticle.set(columns.article);
  column.spanStart.set(columns.spanStart);
  column.spans.set(columns.spans);
  column.termStart.set(columns.termStart);
  column.termIds.set(columns.termIds);
  column.eventOf.set(eventOf);
  column.fitness.set(fitness);
  column.byImportance.set(byImportance);
  return { header, payload };
}

/**
 * Elements of a JSON array written a slice of this many at a time: a slice of sentences stays under
 * V8's large-object size (128 KB), so it dies young instead of filling the old generation until a
 * full collection (2,048 made encoding grow the extraction thread's heap by ~15 MB).
 */
const JSON_SLICE = 256;

/** The JSON part (`JsonPart`, as JSON.stringify writes it) in slices whose concatenation is the whole. */
function* jsonSlices(
  citations: readonly TimelineArticle[],
  vocabulary: readonly string[],
  sentences: readonly string[],
  events: readonly StoredEvent[],
): Generator<string> {
  const columns: { [K in keyof JsonPart]: [number, (i: number) => JsonPart[K][number]] } = {
    ids: [citations.length, (a) => citations[a]!.id],
    titles: [citations.length, (a) => citations[a]!.title],
    publishers: [citations.length, (a) => citations[a]!.publisher],
    urls: [citations.length, (a) => citations[a]!.url],
    dates: [citations.length, (a) => citations[a]!.date?.iso ?? null],
    precisions: [citations.length, (a) => citations[a]!.date?.precision ?? null],
    vocabulary: [vocabulary.length, (t) => vocabulary[t]!],
    sentences: [sentences.length, (c) => sentences[c]!],
    events: [
      events.length,
      (i) => {
        const e = events[i]!;
        return [e.date.iso, e.date.precision, e.from, e.to, e.representative, e.sources, e.importance];
      },
    ],
  };
  let separator = '{';
  for (const [name, [length, element]] of Object.entries(columns) as [string, [number, (i: number) => unknown]][]) {
    yield `${separator}${JSON.stringify(name)}:[`;
    separator = ',';
    for (let from = 0; from < length; from += JSON_SLICE) {
      const slice = JSON.stringify(Array.from({ length: Math.min(JSON_SLICE, length - from) }, (_, i) => element(from + i)));
      yield `${from === 0 ? '' : ','}${slice.slice(1, -1)}`;
    }
    yield ']';
  }
  yield '}';
}

/** The timeline `encodeTimeline` made, checked as a cache file's is (throws CorruptCache). */
export function decodeTimeline({ header, payload }: EncodedTimeline): Timeline {
  const { citations, parts } = decode(Buffer.from(payload.buffer, payload.byteOffset, payload.byteLength), header);
  return Timeline.fromParts(citations, parts);
}

/**
 * The cached timeline of `articleCount` articles whose hash is `hash`, or null when absent, stale or
 * damaged (with the reason). It needs no article: the file holds their citations.
 */
export function readCachedTimeline(dir: string, hash: string, articleCount: number): { timeline: Timeline | null; reason?: string } {
  const { value, reason } = readCacheFile<Header, Timeline>(
    dir,
    TIMELINE_FILE,
    hash,
    (header) => check(header.articleCount === articleCount, 'article count differs'),
    (payload, header) => {
      const { citations, parts } = decode(payload, header);
      return Timeline.fromParts(citations, parts);
    },
  );
  return reason === undefined ? { timeline: value } : { timeline: value, reason };
}

const isIndex = (x: unknown, size: number): x is number => Number.isInteger(x) && (x as number) >= 0 && (x as number) < size;
const isText = (x: unknown): x is string => typeof x === 'string';
const isTextOrNull = (x: unknown): x is string | null => x === null || typeof x === 'string';
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
const ISO_OF: Record<DatePrecision, RegExp> = { day: ISO_DAY, month: /^\d{4}-\d{2}$/, year: /^\d{4}$/ };
const isDate = (iso: unknown, precision: unknown): boolean =>
  typeof precision === 'string' &&
  Object.hasOwn(ISO_OF, precision) &&
  typeof iso === 'string' &&
  ISO_OF[precision as DatePrecision].test(iso);

/** Every value of `values[from..to)` in [0, size). */
function allIndices(values: Int32Array, size: number, from = 0, to = values.length): boolean {
  for (let i = from; i < to; i++) if (values[i]! < 0 || values[i]! >= size) return false;
  return true;
}

/** `starts` runs from 0 to `total`, never down: the offsets of one flat column. */
function offsetsFit(starts: Int32Array, total: number): boolean {
  if (starts[0] !== 0 || starts[starts.length - 1] !== total) return false;
  for (let i = 1; i < starts.length; i++) if (starts[i - 1]! > starts[i]!) return false;
  return true;
}

function decode(payload: Buffer, header: EncodedTimeline['header']): { citations: TimelineArticle[]; parts: TimelineParts } {
  const { articleCount, candidateCount, eventCount, spanCount, termCount, jsonBytes } = header;
  check(
    [articleCount, candidateCount, eventCount, spanCount, termCount, jsonBytes].every((n) => Number.isInteger(n) && n >= 0),
    'counts are not counts',
  );
  const lengths = columnLengths(header);
  const jsonEnd = jsonBytes + ((4 - (jsonBytes % 4)) % 4);
  check(payload.length === jsonEnd + 4 * COLUMNS.reduce((sum, c) => sum + lengths[c], 0), 'payload size does not fit the counts');
  const json = JSON.parse(payload.toString('utf8', 0, jsonBytes)) as JsonPart;
  check(typeof json === 'object' && json !== null, 'payload is not an object');

  const { ids, titles, publishers, urls, dates, precisions } = json;
  const column = <T>(values: unknown, is: (x: unknown) => x is T, length: number): values is T[] =>
    Array.isArray(values) && values.length === length && values.every(is);
  check(column(ids, isText, articleCount) && column(titles, isText, articleCount), 'article ids or titles missing');
  check(column(publishers, isTextOrNull, articleCount) && column(urls, isTextOrNull, articleCount), 'article outlets or urls missing');
  check(
    Array.isArray(dates) && Array.isArray(precisions) && dates.length === articleCount && precisions.length === articleCount,
    'article dates missing',
  );
  const citations = ids.map((id, a): TimelineArticle => {
    const iso = dates[a]!;
    const precision = precisions[a]!;
    check((iso === null && precision === null) || isDate(iso, precision), 'article date malformed');
    return { id, title: titles[a]!, publisher: publishers[a]!, url: urls[a]!, date: iso === null ? null : { iso, precision: precision! } };
  });

  const { vocabulary, sentences, events: eventRows } = json;
  check(column(vocabulary, isText, vocabulary?.length ?? 0), 'vocabulary is not a list of terms');
  check(column(sentences, isText, candidateCount), 'candidate sentences missing');
  check(Array.isArray(eventRows) && eventRows.length === eventCount, 'event count differs');

  // In place: the JSON part is padded so the columns start 4-byte aligned in the payload, and readFileSync's buffer is aligned.
  const buffer = payload.buffer as ArrayBuffer;
  let at = payload.byteOffset + jsonEnd;
  const aligned = at % 4 === 0;
  const read = {} as Record<Column, Int32Array | Float32Array>;
  for (const c of COLUMNS) {
    const make = c === 'fitness' ? Float32Array : Int32Array;
    const bytes = 4 * lengths[c];
    read[c] = aligned ? new make(buffer, at, lengths[c]) : new make(new Uint8Array(buffer, at, bytes).slice().buffer, 0, lengths[c]);
    at += bytes;
  }
  const { candidateArticle, spanStart, spans, termStart, termIds, eventOf, byImportance } = read as Record<Column, Int32Array>;
  const fitness = read.fitness as Float32Array;
  check(allIndices(candidateArticle, articleCount), 'candidate article out of range or order');
  for (let c = 1; c < candidateCount; c++)
    check(candidateArticle[c - 1]! <= candidateArticle[c]!, 'candidate article out of range or order');
  check(offsetsFit(spanStart, spanCount) && offsetsFit(termStart, termCount), 'candidate offsets do not fit');
  check(allIndices(termIds, vocabulary.length), 'term out of the vocabulary');

  sentences.forEach((sentence, c) => {
    const end = spanStart[c + 1]!;
    check((end - spanStart[c]!) % 2 === 0 && allIndices(spans, sentence.length + 1, spanStart[c], end), 'date spans out of the sentence');
  });
  const candidates = new CandidateTable({ article: candidateArticle, sentences, spanStart, spans, termStart, termIds, vocabulary });
  const events = eventRows.map((row): StoredEvent => {
    check(Array.isArray(row) && row.length === 7, 'event is not a row');
    const [iso, precision, from, to, representative, sources, importance] = row;
    check(isDate(iso, precision), 'event date malformed');
    check(
      typeof from === 'string' && typeof to === 'string' && ISO_DAY.test(from) && ISO_DAY.test(to) && from <= to,
      'event span malformed',
    );
    check(isIndex(representative, candidateCount), 'event summary out of range');
    check(Array.isArray(sources) && sources.length > 0 && sources.every((a) => isIndex(a, articleCount)), 'event sources out of range');
    check(typeof importance === 'number' && Number.isFinite(importance), 'event importance is not a number');
    return { date: { iso, precision }, from, to, representative, sources, importance };
  });

  check(allIndices(eventOf, eventCount), 'candidate event out of range');
  for (let c = 0; c < candidateCount; c++) check(Number.isFinite(fitness[c]), 'candidate fitness is not a number');
  const seen = new Uint8Array(eventCount);
  for (const e of byImportance) {
    check(isIndex(e, eventCount) && seen[e] === 0, 'importance order is not a permutation');
    seen[e] = 1;
  }
  events.forEach((event, index) => check(eventOf[event.representative] === index, 'event summary taken from another event'));
  return { citations, parts: { candidates, eventOf, fitness, events, byImportance } };
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
}

/** The timeline of `articles`: read from `cacheDir` when it holds theirs, else extracted. Reading never writes (see writeTimelineCache). */
export function obtainTimeline(articles: readonly Article[], cacheDir: string | undefined): ObtainedTimeline {
  if (cacheDir === undefined) {
    const built = Timeline.build(articles);
    return { timeline: built, origin: { events: built.size, origin: 'built' } };
  }
  // Hashed here, in the timeline's thread and beside the index build, rather than reusing the
  // engine's hash: that one leaves out the dates and publishers extraction reads.
  const hash = timelineCorpusHash(articles);
  const cached = readCachedTimeline(cacheDir, hash, articles.length);
  if (cached.timeline) return { timeline: cached.timeline, origin: { events: cached.timeline.size, origin: 'cache' }, hash };
  const built = Timeline.build(articles);
  const origin: TimelineOrigin = { events: built.size, origin: 'built', ...(cached.reason !== undefined && { cacheNote: cached.reason }) };
  return { timeline: built, origin, hash };
}

/** Persist an extracted timeline in `cacheDir` (replacing older ones there); nothing to do for one read from the cache. */
export function writeTimelineCache(cacheDir: string, obtained: ObtainedTimeline): void {
  if (obtained.origin.origin === 'cache') return;
  if (obtained.hash === undefined) throw new Error('a timeline obtained without a cache folder has no cache key');
  writeCachedTimeline(cacheDir, obtained.hash, obtained.timeline);
}
