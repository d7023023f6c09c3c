import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Article } from '../../src/corpus/types.ts';
import { loadCorpus } from '../../src/corpus/load.ts';
import { SearchEngine } from '../../src/search/engine.ts';
import { SUMMARY_MAX_CHARS } from '../../src/timeline/summary.ts';
import { Timeline, TOPIC_ARTICLE_LIMIT } from '../../src/timeline/timeline.ts';
import type { TimelineEvent } from '../../src/timeline/types.ts';

/**
 * The timeline a careful reader writes from the five seeds (read them: seeds/*.txt). Captions
 * (the Vostochny photo of 13 September 2023) and headers ("DECEMBER 9, 2022") are not events; a
 * caption's day may date an event the body reports at month precision.
 */
const seeds = fileURLToPath(new URL('../../seeds/', import.meta.url));

let articles: Article[];
let events: TimelineEvent[];
beforeAll(async () => {
  articles = (await loadCorpus(seeds)).articles;
  events = Timeline.build(articles).query({ limit: 50 }).events;
});

const outlets = (event: TimelineEvent | undefined): (string | null)[] => (event?.sources.map((s) => s.publisher) ?? []).sort();
const on = (date: string): TimelineEvent[] => events.filter((e) => e.date === date);
const about = (date: string, words: RegExp): TimelineEvent | undefined => on(date).find((e) => words.test(e.summary));

describe('the seeds timeline', () => {
  it('has the key events in date order, at honest precision', () => {
    expect(events.map((e) => [e.date, e.precision])).toEqual([
      ['2023-07', 'month'], // Shoigu in Pyongyang "pada bulan Juli" (Bisnis.com, published September 2023)
      // Not Kim in Russia "September lalu" (Kompas TV): its one sentence, "Itu merupakan kunjungan balasan setelah Kim
      // Jong-un menyambangi Rusia … pada September lalu", opens with "Itu" and dates only its "setelah" clause.
      ['2024-01-02', 'day'], // missile debris in Kharkiv "pada 2 Januari" (Kompas TV, June 2024)
      ['2024-06', 'month'], // Russia asserts its right "pada pekan ini" (the week of 10–16 June)
      ['2024-06-14', 'day'], // Campbell to Kim Hong-kyun, "Jumat (14/6/2024)"
      ['2024-06-19', 'day'], // Putin–Kim summit and treaty in Pyongyang
      ['2024-06-20', 'day'], // Miller's press conference
      ['2024-06-20', 'day'], // Chang Ho Jin on arming Ukraine, "Pada hari Kamis"
      ['2024-06-20', 'day'], // Blinken–Cho phone call
      ['2024-06-21', 'day'], // their statement, "Jumat (21/6)"
      ['2024-06-24', 'day'], // US–Japan–South Korea talks, "Senin (24/06/2024)": "Pembicaraan tersebut" names the talks
    ]);
  });

  it('cites every outlet that reported the Pyongyang treaty, each once', () => {
    const treaty = about('2024-06-19', /ditandatangani Putin .* Kim Jong Un.*Pyongyang/);
    expect(outlets(treaty)).toEqual(['IDXChannel', 'Orbit Indonesia', 'Pahami.id']);
    expect(on('2024-06-19')).toHaveLength(1);
  });

  it('keeps the three happenings of 20 June apart, each with its outlet', () => {
    expect(outlets(about('2024-06-20', /^"Ini sangat memprihatinkan," kata Miller dalam sebuah konferensi pers/))).toEqual([
      'Orbit Indonesia',
    ]);
    expect(outlets(about('2024-06-20', /^Kedua Menlu melakukan panggilan telepon, sehari setelah pertemuan/))).toEqual(['Pahami.id']);
    expect(outlets(about('2024-06-20', /^Penasihat Keamanan Nasional Korea Selatan Chang Ho Jin/))).toEqual(['Pahami.id']);
  });

  it('summarizes the statement and the talks without their dates or attribution tails', () => {
    expect(about('2024-06-21', /Cho Tae Yul dan Menteri Luar Negeri AS Antony Blinken dalam keterangannya menyebut/)).toBeDefined();
    expect(on('2024-06-21').every((e) => !/ungkap|21\/6/.test(e.summary))).toBe(true);
  });

  it('dates the older events the articles recall, from body text only', () => {
    expect(about('2023-07', /Shoigu ke Pyongyang/)?.sources.map((s) => s.publisher)).toEqual(['Bisnis.com']);
    // The captions (Orbit Indonesia, Pahami.id) state the day of the visit Kompas TV's body reports, in a sentence that
    // needs its predecessor ("Itu merupakan kunjungan balasan setelah …"): no line tells that visit on its own.
    expect(on('2023-09-13')).toEqual([]);
    expect(about('2024-01-02', /Kharkiv.*Hwasong-11/)).toBeDefined();
    // Captions, headers and bylines give no events of their own.
    for (const date of ['2022-12-09', '2024-06-25', '2024-06-15']) expect(on(date)).toEqual([]);
  });

  it('writes lines of at most ~200 characters, ending on a whole word', () => {
    for (const event of events) {
      expect(event.summary.length).toBeLessThanOrEqual(SUMMARY_MAX_CHARS);
      expect(event.summary).toMatch(/[\p{L}\p{N}.)"”…]$/u);
    }
  });

  it('selects a topic through the real search engine', async () => {
    const engine = await SearchEngine.build(articles);
    const result = Timeline.build(articles).query({ topic: 'Putin' }, engine.matchArticles('Putin', TOPIC_ARTICLE_LIMIT));
    // Sentences naming Putin, and what stories titled with his name report on their own news day.
    expect(result.events.map((e) => e.date)).toEqual(['2024-06-14', '2024-06-19', '2024-06-20', '2024-06-20']);
    expect(result.events[3]!.summary).toMatch(/^Kedua Menlu melakukan panggilan telepon/);
    expect(result.events.every((e) => e.sources.some((s) => /Putin|Kim|Korea|Rusia/.test(s.title)))).toBe(true);
    const none = Timeline.build(articles).query({ topic: 'banjir Jakarta' }, engine.matchArticles('banjir Jakarta', TOPIC_ARTICLE_LIMIT));
    expect(none.events).toEqual([]);
    expect(none.problem).toEqual({ kind: 'no-topic-match', topic: 'banjir Jakarta' });
  });
});
