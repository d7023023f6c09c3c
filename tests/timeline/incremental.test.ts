import { describe, expect, it } from 'vitest';
import { Timeline } from '../../src/timeline/timeline.ts';
import type { TimelineEvent } from '../../src/timeline/types.ts';
import { article, topicMatches } from './fixtures.ts';

/** Contract 1: `extend` and `without` return new timelines; the old one keeps serving unchanged. */

const habibieWafat = article({
  id: 'a',
  publisher: 'Tempo.co',
  date: '2019-09-11',
  title: 'BJ Habibie Tutup Usia',
  paragraphs: ['Mantan Presiden BJ Habibie wafat di RSPAD Gatot Soebroto, Jakarta Pusat, pada Rabu (11/9/2019) pukul 18.05 WIB.'],
});
const habibieDimakamkan = article({
  id: 'b',
  publisher: 'Okezone',
  date: '2019-09-12',
  title: 'Pemakaman Habibie',
  paragraphs: [
    'Jenazah BJ Habibie dimakamkan di Taman Makam Pahlawan Kalibata, Jakarta, pada Kamis (12/9/2019) siang dengan upacara militer.',
  ],
});
const habibieWafatLagi = article({
  id: 'c',
  publisher: 'Kompas.com',
  date: '2019-09-11',
  title: 'Habibie Meninggal Dunia',
  paragraphs: ['Presiden ketiga RI BJ Habibie wafat di RSPAD Gatot Soebroto, Jakarta Pusat, pada Rabu (11/9/2019) petang.'],
});

const view = (events: readonly TimelineEvent[]): string[] =>
  events.map((e) => `${e.date} ${e.sources.map((s) => `${s.publisher}:${s.articleId}`).join(',')}`);

describe('timeline.extend', () => {
  it('adds the new articles’ events and leaves the old timeline as it was', () => {
    const base = Timeline.build([habibieWafat]);
    const before = base.query({});
    const extended = base.extend([habibieDimakamkan]);
    expect(view(extended.query({}).events)).toEqual(['2019-09-11 Tempo.co:a', '2019-09-12 Okezone:b']);
    expect(base.query({})).toEqual(before);
    expect(extended.size).toBe(2);
  });

  it('shows a happening reported in both the old and the new articles once, citing both outlets', () => {
    const extended = Timeline.build([habibieWafat]).extend([habibieWafatLagi]);
    expect(view(extended.query({}).events)).toEqual(['2019-09-11 Tempo.co:a,Kompas.com:c']);
  });

  it('replaces an article whose id is already there', () => {
    const corrected = {
      ...habibieWafat,
      paragraphs: ['Mantan Presiden BJ Habibie wafat di RSPAD Gatot Soebroto pada Kamis (12/9/2019) dini hari.'],
    };
    const extended = Timeline.build([habibieWafat]).extend([corrected]);
    const { events } = extended.query({});
    expect(events.map((e) => e.date)).toEqual(['2019-09-12']);
    expect(events[0]!.summary).toMatch(/dini hari|wafat di RSPAD Gatot Soebroto\.$/);
  });

  it('serves topic queries over old and new articles, with the ids the engine matched', () => {
    const all = [habibieWafat, habibieDimakamkan];
    const extended = Timeline.build([habibieWafat]).extend([habibieDimakamkan]);
    const { events } = extended.query({ topic: 'Habibie' }, topicMatches(all, 'Habibie'));
    expect(events.map((e) => e.date)).toEqual(['2019-09-11', '2019-09-12']);
    expect(extended.query({ topic: 'Habibie' }, topicMatches([habibieDimakamkan], 'Habibie')).events.map((e) => e.date)).toEqual([
      '2019-09-12',
    ]);
  });
});

describe('timeline.without', () => {
  it('drops the removed articles’ sentences and citations, and events only they reported', () => {
    const base = Timeline.build([habibieWafat, habibieWafatLagi, habibieDimakamkan]);
    expect(view(base.query({}).events)).toEqual(['2019-09-11 Tempo.co:a,Kompas.com:c', '2019-09-12 Okezone:b']);
    const smaller = base.without(new Set(['a', 'b']));
    const { events } = smaller.query({});
    expect(view(events)).toEqual(['2019-09-11 Kompas.com:c']);
    expect(events[0]!.summary).toMatch(/^Presiden ketiga RI BJ Habibie wafat/);
    expect(smaller.size).toBe(1);
    expect(view(base.query({}).events)).toHaveLength(2); // the old one still serves
  });

  it('ignores removed articles the engine still matches, and takes back what extend added', () => {
    const all = [habibieWafat, habibieDimakamkan];
    const timeline = Timeline.build([habibieWafat])
      .extend([habibieDimakamkan])
      .without(new Set(['b']));
    expect(timeline.query({ topic: 'Habibie' }, topicMatches(all, 'Habibie')).events.map((e) => e.date)).toEqual(['2019-09-11']);
    expect(timeline.without(new Set(['a'])).query({}).problem).toEqual({ kind: 'no-dated-events' });
  });

  it('leaves nothing for the cache to write once changed', () => {
    const base = Timeline.build([habibieWafat]);
    expect(base.parts).toBeDefined();
    expect(base.without(new Set(['a'])).parts).toBeUndefined();
    expect(base.without(new Set(['absent'])).parts).toBeDefined();
  });
});
