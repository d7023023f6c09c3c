import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/corpus/load.ts';
import type { Article } from '../../src/corpus/types.ts';
import { SearchEngine } from '../../src/search/engine.ts';
import { CandidateTable } from '../../src/timeline/candidates.ts';
import {
  obtainTimeline,
  readCachedTimeline,
  timelineCorpusHash,
  writeCachedTimeline,
  writeTimelineCache,
} from '../../src/timeline/timeline-cache.ts';
import { Timeline, TOPIC_ARTICLE_LIMIT, type TimelineParts } from '../../src/timeline/timeline.ts';
import type { TimelineQuery } from '../../src/timeline/types.ts';

const seeds = fileURLToPath(new URL('../../seeds/', import.meta.url));
const QUERIES: TimelineQuery[] = [
  {},
  { limit: 50 },
  { limit: 2 },
  { topic: 'Putin' },
  { topic: 'Kim Jong Un', limit: 3 },
  { topic: 'rudal', from: '2024-01-01', to: '2024-12-31' },
  { from: '2024-06', to: '2024-06' },
  { from: '2024-06-19', to: '2024-06-19' },
];

let articles: Article[];
let engine: SearchEngine;
let built: Timeline;
let dir: string;
beforeAll(async () => {
  articles = (await loadCorpus(seeds)).articles;
  engine = await SearchEngine.build(articles);
  built = Timeline.build(articles);
});
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'kliping-timeline-cache-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const answers = (timeline: Timeline) =>
  QUERIES.map((q) => timeline.query(q, q.topic ? engine.matchArticles(q.topic, TOPIC_ARTICLE_LIMIT) : []));
const onlyFile = (): string => {
  const files = readdirSync(dir);
  expect(files).toHaveLength(1);
  return join(dir, files[0]!);
};
/** What a snapshot does on a cold start: obtain (read or extract), then write once it keeps the timeline. */
const obtainAndWrite = (list: readonly Article[]) => {
  const obtained = obtainTimeline(list, dir);
  writeTimelineCache(dir, obtained);
  return obtained;
};

describe('the timeline cache', () => {
  it('reads back a timeline that answers every query as the built one does', () => {
    const hash = timelineCorpusHash(articles);
    writeCachedTimeline(dir, hash, built);
    const { timeline, reason } = readCachedTimeline(dir, hash, articles.length);
    expect(reason).toBeUndefined();
    expect(timeline!.size).toBe(built.size);
    expect(timeline!.parts).toEqual(built.parts);
    expect(timeline!.articleCitations).toEqual(built.articleCitations);
    const expected = answers(built);
    expect(expected.reduce((n, r) => n + r.events.length, 0)).toBeGreaterThan(20); // real events, not only empty answers
    expect(answers(timeline!)).toEqual(expected);
  });

  it('is never written by reading, only by writeTimelineCache', () => {
    expect(obtainTimeline(articles, dir).origin.origin).toBe('built');
    expect(readdirSync(dir)).toEqual([]);
  });

  it('is written on a cold start and read on a warm one', () => {
    const cold = obtainAndWrite(articles);
    expect(cold.origin).toMatchObject({ origin: 'built', events: built.size, cacheNote: 'no cached timeline' });
    const warm = obtainTimeline(articles, dir);
    expect(warm.origin).toEqual({ origin: 'cache', events: built.size });
    expect(answers(warm.timeline)).toEqual(answers(built));
  });

  it('is rebuilt when the corpus changes, and the stale file removed', () => {
    obtainAndWrite(articles);
    const before = onlyFile();
    // Another outlet, same words: the events cite other sources, so the old file must not serve.
    const changed = articles.map((a, i) => (i === 0 ? { ...a, publisher: 'Koran Lain' } : a));
    expect(timelineCorpusHash(changed)).not.toBe(timelineCorpusHash(articles));
    const rebuilt = obtainAndWrite(changed);
    expect(rebuilt.origin.origin).toBe('built');
    expect(onlyFile()).not.toBe(before);
    expect(obtainTimeline(changed, dir).origin.origin).toBe('cache');
    // a moved article date re-resolves its relative dates
    const redated = articles.map((a, i) => (i === 0 && a.date ? { ...a, date: { ...a.date, iso: '2020-01-01' } } : a));
    expect(timelineCorpusHash(redated)).not.toBe(timelineCorpusHash(articles));
    // the file keeps each citation's link: a link found later (front matter's `source: https://…`) is a change
    const linked = articles.map((a, i) => (i === 0 ? { ...a, url: 'https://contoh.id/berita' } : a));
    expect(timelineCorpusHash(linked)).not.toBe(timelineCorpusHash(articles));
  });

  it('refuses a file made for another corpus or another number of articles', () => {
    const hash = timelineCorpusHash(articles);
    writeCachedTimeline(dir, hash, built);
    const other = 'f'.repeat(64);
    copyFileSync(onlyFile(), join(dir, `timeline-${other.slice(0, 32)}.bin`));
    expect(readCachedTimeline(dir, other, articles.length).reason).toMatch(/another corpus/);
    expect(readCachedTimeline(dir, hash, articles.length - 1).reason).toMatch(/article count/);
  });

  it.each([
    ['a flipped byte', (bytes: Buffer) => ((bytes[bytes.length - 5]! ^= 0xff), bytes), /checksum/],
    ['a flipped byte in the events', (bytes: Buffer) => ((bytes[bytes.length >> 1]! ^= 0x01), bytes), /checksum/],
    ['a truncated file', (bytes: Buffer) => bytes.subarray(0, bytes.length - 100), /checksum|truncated/],
    ['a file cut in its header', (bytes: Buffer) => bytes.subarray(0, 40), /truncated|JSON/],
    ['another file entirely', () => Buffer.from('not a timeline at all'), /not a timeline file/],
    ['an empty file', () => Buffer.alloc(0), /not a timeline file/],
  ])('ignores %s and rebuilds', (_, damage, reason) => {
    obtainAndWrite(articles);
    const file = onlyFile();
    writeFileSync(file, damage(readFileSync(file)));
    const again = obtainAndWrite(articles);
    expect(again.origin.origin).toBe('built');
    expect(again.origin.cacheNote).toMatch(reason);
    expect(answers(again.timeline)).toEqual(answers(built));
    expect(obtainTimeline(articles, dir).origin.origin).toBe('cache');
  });

  it.each([
    [
      'a source beyond the corpus',
      (p: TimelineParts) => ({ ...p, events: p.events.map((e, i) => (i === 0 ? { ...e, sources: [99] } : e)) }),
      /sources out of range/,
    ],
    [
      'an event index beyond the events',
      (p: TimelineParts) => ({ ...p, eventOf: p.eventOf.map((e, i) => (i === 0 ? 9999 : e)) }),
      /event out of range/,
    ],
    [
      'an importance order that repeats an event',
      (p: TimelineParts) => ({ ...p, byImportance: p.byImportance.map(() => 0) }),
      /permutation/,
    ],
    [
      'a date that lies about its precision',
      (p: TimelineParts) => ({
        ...p,
        events: p.events.map((e, i) => (i === 0 ? { ...e, date: { iso: '2024-06-19', precision: 'month' as const } } : e)),
      }),
      /date malformed/,
    ],
    [
      'date spans outside the sentence',
      (p: TimelineParts) => ({
        ...p,
        // The first candidate's first span ends far past its sentence.
        candidates: new CandidateTable({
          ...p.candidates.columns,
          spans: p.candidates.columns.spans.map((v, i) => (i === 1 ? 100_000 : v)),
        }),
      }),
      /date spans/,
    ],
  ])('checks the structure even when the checksum is right: %s', (_, tamper, reason) => {
    const hash = timelineCorpusHash(articles);
    writeCachedTimeline(dir, hash, Timeline.fromParts(built.articleCitations!, tamper(built.parts!)));
    const read = readCachedTimeline(dir, hash, articles.length);
    expect(read.timeline).toBeNull();
    expect(read.reason).toMatch(reason);
  });

  it("checks the articles' citations too: a date that lies about its precision", () => {
    const hash = timelineCorpusHash(articles);
    const citations = built.articleCitations!.map((a, i) =>
      i === 0 ? { ...a, date: { iso: '2024-06-19', precision: 'year' as const } } : a,
    );
    writeCachedTimeline(dir, hash, Timeline.fromParts(citations, built.parts!));
    expect(readCachedTimeline(dir, hash, articles.length).reason).toMatch(/article date malformed/);
  });

  it('builds without a cache folder, writing nothing', () => {
    const { origin } = obtainTimeline(articles, undefined);
    expect(origin).toEqual({ origin: 'built', events: built.size });
    expect(readdirSync(dir)).toEqual([]);
  });
});
