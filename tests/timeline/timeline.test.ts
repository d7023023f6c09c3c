import { describe, expect, it } from 'vitest';
import { Timeline } from '../../src/timeline/timeline.ts';
import type { TimelineEvent } from '../../src/timeline/types.ts';
import { article, topicMatches } from './fixtures.ts';

const publishers = (event: TimelineEvent | undefined): (string | null)[] => event?.sources.map((s) => s.publisher) ?? [];

const habibie = [
  article({
    id: 'a',
    publisher: 'Kompas.com',
    date: '2019-09-12',
    title: 'Habibie Wafat',
    paragraphs: [
      'Presiden ketiga RI BJ Habibie meninggal dunia kemarin di RSPAD Gatot Soebroto, Jakarta, dalam usia 83 tahun.',
      'Cuaca Jakarta pada Kamis (12/9/2019) diperkirakan cerah berawan sepanjang hari menurut BMKG.',
    ],
  }),
  article({
    id: 'b',
    publisher: 'Tempo.co',
    date: '2019-09-11',
    title: 'BJ Habibie Tutup Usia',
    paragraphs: ['Mantan Presiden BJ Habibie wafat di RSPAD Gatot Soebroto, Jakarta Pusat, pada Rabu (11/9/2019) pukul 18.05 WIB.'],
  }),
  article({
    id: 'c',
    publisher: 'Tempo.co',
    date: '2019-09-12',
    title: 'Duka untuk Habibie',
    paragraphs: ['Kabar meninggalnya BJ Habibie di RSPAD Gatot Soebroto pada Rabu (11/9) mengejutkan banyak pihak.'],
  }),
  article({
    id: 'd',
    publisher: 'Okezone',
    date: '2019-09-13',
    title: 'Pemakaman Habibie',
    captions: ['Jenazah BJ Habibie disemayamkan di rumah duka, Rabu, 11 September 2019. (Foto: Antara)'],
    paragraphs: [
      'Jenazah BJ Habibie dimakamkan di Taman Makam Pahlawan Kalibata, Jakarta, pada Kamis (12/9/2019) siang dengan upacara militer.',
      'Habibie pertama kali dirawat di RSPAD Gatot Soebroto sejak awal bulan Juli karena kelelahan.',
    ],
  }),
];

describe('Timeline.build and query', () => {
  it('resolves "kemarin" against the article date and merges reports across outlets, citing each outlet once', () => {
    const { events } = Timeline.build(habibie).query({});
    const death = events.find((e) => e.date === '2019-09-11');
    expect(death?.precision).toBe('day');
    expect(publishers(death).sort()).toEqual(['Kompas.com', 'Tempo.co']);
    expect(events.filter((e) => e.date === '2019-09-11')).toHaveLength(1);
  });

  it('keeps different happenings of one day apart', () => {
    const { events } = Timeline.build(habibie).query({});
    const day12 = events.filter((e) => e.date === '2019-09-12');
    expect(day12).toHaveLength(2);
    expect(day12.some((e) => e.summary.startsWith('Jenazah BJ Habibie dimakamkan di Taman Makam Pahlawan Kalibata'))).toBe(true);
  });

  it('dates a month mention at month precision and never takes dates from captions', () => {
    const { events } = Timeline.build(habibie).query({});
    const july = events.find((e) => e.date === '2019-07');
    expect(july?.precision).toBe('month');
    expect(july?.summary).toBe('Habibie pertama kali dirawat di RSPAD Gatot Soebroto sejak awal bulan Juli karena kelelahan.');
    const fromOkezone = events.filter((e) => publishers(e).includes('Okezone'));
    expect(fromOkezone.map((e) => e.date).sort()).toEqual(['2019-07', '2019-09-12']);
  });

  it('shows events in date order with their summaries, under honest dates', () => {
    const { events, total } = Timeline.build(habibie).query({});
    expect(total).toBe(events.length);
    expect(events.map((e) => e.date)).toEqual(['2019-07', '2019-09-11', '2019-09-12', '2019-09-12']);
  });

  it('resolves a missing year from the weekday', () => {
    const timeline = Timeline.build([
      article({
        id: 'w',
        publisher: 'Pahami.id',
        date: '2020-01-05',
        paragraphs: [
          'Menteri Luar Negeri Cho Tae Yul dan Antony Blinken dalam keterangannya pada Jumat (21/6) mengecam pakta pertahanan itu.',
        ],
      }),
    ]);
    // 21 June is a Friday in 2019, not in 2020 (the article's year).
    expect(timeline.query({}).events.map((e) => e.date)).toEqual(['2019-06-21']);
  });

  it('joins "pekan lalu" to the report of a day in that week, else shows it at month precision', () => {
    const timeline = Timeline.build([
      article({
        id: 'p1',
        publisher: 'Tempo.co',
        date: '2019-09-17',
        paragraphs: ['Rapat paripurna DPR mengesahkan revisi UU KPK pada Selasa (17/9/2019) meski ditolak pegiat antikorupsi.'],
      }),
      article({
        id: 'p2',
        publisher: 'Kompas.com',
        date: '2019-09-24',
        paragraphs: [
          'Pengesahan revisi UU KPK oleh rapat paripurna DPR pekan lalu memicu demonstrasi mahasiswa.',
          'Sementara itu, harga cabai di Pasar Induk Kramat Jati naik pekan lalu karena pasokan dari Jawa Tengah berkurang.',
        ],
      }),
    ]);
    const { events } = timeline.query({});
    expect(events.map((e) => [e.date, e.precision])).toEqual([
      ['2019-09', 'month'],
      ['2019-09-17', 'day'],
    ]);
    expect(publishers(events[1]).sort()).toEqual(['Kompas.com', 'Tempo.co']);
    expect(events[0]!.summary).toMatch(/^Harga cabai di Pasar Induk Kramat Jati naik karena/);
  });

  it('filters a "pekan ini" event by the days of that week, not by its whole month', () => {
    const timeline = Timeline.build([
      article({
        id: 'w',
        publisher: 'Kompas TV',
        date: '2024-06-15',
        paragraphs: ['Rusia pada pekan ini menegaskan hak membangun hubungan lebih dalam dengan Korea Utara.'],
      }),
    ]);
    const week = timeline.query({ from: '12 Juni 2024', to: '14 Juni 2024' }).events;
    expect(week.map((e) => [e.date, e.precision])).toEqual([['2024-06', 'month']]);
    expect(timeline.query({ from: '20 Juni 2024' })).toMatchObject({ events: [], problem: { kind: 'none-in-range' } });
    expect(timeline.query({ to: '9 Juni 2024' }).events).toEqual([]);
  });

  it('lines an event with a sentence that stands on its own, and shows none when no sentence does', () => {
    const timeline = Timeline.build([
      article({
        id: 'a',
        publisher: 'Kompas TV',
        date: '2024-06-20',
        paragraphs: [
          'Putin bertolak dari Moskwa ke Asia Timur.',
          'Itu merupakan kunjungan balasan setelah Kim Jong-un menyambangi Rusia selama sepekan penuh pada September 2023.',
          'Hal itu disampaikan juru bicara Kremlin Dmitry Peskov di Moskwa pada Selasa (18/6/2024).',
          'Mereka menandatangani pakta pertahanan Kim Jong Un dan Putin di Pyongyang pada Rabu (19/6/2024).',
        ],
      }),
      article({
        id: 'b',
        publisher: 'Orbit Indonesia',
        date: '2024-06-20',
        paragraphs: ['Putin dan Kim Jong Un menandatangani pakta pertahanan di Pyongyang pada Rabu (19/6/2024).'],
      }),
    ]);
    const { events } = timeline.query({});
    const line = [['2024-06-19', 'Putin dan Kim Jong Un menandatangani pakta pertahanan di Pyongyang.']];
    expect(events.map((e) => [e.date, e.summary])).toEqual(line);
    expect(publishers(events[0])).toEqual(['Orbit Indonesia', 'Kompas TV']);
    // For a topic too; an outlet whose sentence about it makes no line still reported it.
    const topic = timeline.query({ topic: 'Kim Jong' }, [
      { id: 'a', score: 1 },
      { id: 'b', score: 1 },
    ]).events;
    expect(topic.map((e) => [e.date, e.summary])).toEqual(line);
    expect(publishers(topic[0])).toEqual(['Orbit Indonesia', 'Kompas TV']);
  });

  it("cites, for a topic, the outlet's story about it even when that story's sentence makes no line", () => {
    const story = article({
      id: 'story',
      publisher: 'Kompas TV',
      date: '2024-06-20',
      title: 'Pakta Kim Jong Un dan Putin',
      paragraphs: [
        'Korea Utara menyambut tamu negara dengan upacara besar.',
        'Warga Pyongyang berbaris di sepanjang jalan utama.',
        'Mereka menandatangani pakta pertahanan Kim Jong Un dan Putin di Pyongyang pada Rabu (19/6/2024).',
      ],
    });
    const roundup = article({
      id: 'roundup',
      publisher: 'Kompas TV',
      date: '2024-06-20',
      title: 'Ringkasan berita sepekan',
      paragraphs: ['Presiden Rusia Vladimir Putin dan Kim Jong Un menandatangani pakta pertahanan di Pyongyang pada Rabu (19/6/2024).'],
    });
    const other = article({
      id: 'other',
      publisher: 'Orbit Indonesia',
      date: '2024-06-20',
      paragraphs: ['Putin dan Kim Jong Un menandatangani pakta pertahanan di Pyongyang pada Rabu (19/6/2024).'],
    });
    const { events } = Timeline.build([roundup, story, other]).query({ topic: 'Kim Jong' }, [
      { id: 'story', score: 1 },
      { id: 'other', score: 1 },
    ]);
    expect(events.map((e) => e.sources.map((s) => s.articleId).sort())).toEqual([['other', 'story']]);
  });

  it('takes no event from a byline, nor from a relative date inside a quotation', () => {
    const timeline = Timeline.build([
      article({
        id: 'q',
        publisher: 'IDXChannel',
        date: '2024-06-25',
        paragraphs: [
          'Dian Kusumo Hapsari 25/06/2024 10:01 WIB',
          '"Perjanjian kemitraan yang ditandatangani hari ini memberikan bantuan timbal balik," kata Putin seperti dikutip Reuters.',
        ],
      }),
    ]);
    const result = timeline.query({});
    expect(result.events).toEqual([]);
    expect(result.problem).toEqual({ kind: 'no-dated-events' });
  });

  it('chooses the most reported events under a limit, and tells the total', () => {
    const timeline = Timeline.build(habibie);
    const result = timeline.query({ limit: 1 });
    expect(result.total).toBe(4);
    expect(result.events).toHaveLength(1);
    expect(result.events[0]!.date).toBe('2019-09-11');
  });

  it('filters by date range at any precision, and explains a bad date', () => {
    const timeline = Timeline.build(habibie);
    expect(timeline.query({ from: '12 September 2019' }).events.map((e) => e.date)).toEqual(['2019-09-12', '2019-09-12']);
    expect(timeline.query({ to: 'Juli 2019' }).events.map((e) => e.date)).toEqual(['2019-07']);
    expect(timeline.query({ from: '2019-09', to: '2019-09' }).total).toBe(3);
    const empty = timeline.query({ from: '2020' });
    expect(empty.events).toEqual([]);
    expect(empty.problem).toEqual({ kind: 'none-in-range' });
    expect(timeline.query({ from: 'besok lusa' }).problem).toEqual({ kind: 'bad-date', which: 'from', text: 'besok lusa' });
    expect(timeline.query({ from: '2020', to: '2019' }).problem).toEqual({ kind: 'reversed-range' });
  });

  it('selects a topic through the matcher and the sentences own words', () => {
    const timeline = Timeline.build(habibie);
    const result = timeline.query({ topic: 'Habibie' }, topicMatches(habibie, 'Habibie'));
    // Article "a" matches, but its weather sentence is not about Habibie.
    expect(result.events.map((e) => e.date)).toEqual(['2019-07', '2019-09-11', '2019-09-12']);
    expect(result.events.every((e) => !e.summary.includes('Cuaca'))).toBe(true);
  });

  it('answers an unknown topic with a typed problem', () => {
    const timeline = Timeline.build(habibie);
    const none = timeline.query({ topic: 'gempa Palu' }, topicMatches(habibie, 'gempa Palu'));
    expect(none.events).toEqual([]);
    expect(none.total).toBe(0);
    expect(none.problem).toEqual({ kind: 'no-topic-match', topic: 'gempa Palu' });
    expect(timeline.query({ topic: 'yang dan di' }, topicMatches(habibie, 'yang dan di')).problem).toEqual({
      kind: 'common-words-topic',
      topic: 'yang dan di',
    });
  });

  it('a topic excluding a word (-kata) asks for the rest, as /cari reads it; exclusions alone ask nothing', () => {
    const timeline = Timeline.build(habibie);
    // the caller's engine match leaves out the articles holding the excluded word; the topic is what remains
    const matches = topicMatches(habibie, 'Habibie').filter((m) => m.id !== 'd');
    const dates = (topic: string) => timeline.query({ topic }, matches).events.map((e) => e.date);
    expect(dates('Habibie -Kalibata')).toEqual(dates('Habibie'));
    expect(dates('Habibie -"Taman Makam"')).toEqual(dates('Habibie'));
    expect(dates('Habibie -Kalibata').length).toBeGreaterThan(0);
    expect(timeline.query({ topic: '-Habibie' }, []).problem).toEqual({ kind: 'only-exclusions-topic', topic: '-Habibie' });
  });

  it('a topic of emoji or punctuation has no words at all, which is not "only common words"', () => {
    const timeline = Timeline.build(habibie);
    for (const topic of ['😀😀', '""', '#!?']) {
      expect(timeline.query({ topic }, topicMatches(habibie, topic)).problem).toEqual({ kind: 'no-words-topic', topic });
    }
  });
});
