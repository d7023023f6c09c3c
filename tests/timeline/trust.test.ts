import { describe, expect, it } from 'vitest';
import { Timeline } from '../../src/timeline/timeline.ts';
import type { TimelineEvent } from '../../src/timeline/types.ts';
import { article } from './fixtures.ts';

/** The cases of issue 11, each on a small hand-made text. */

const lines = (events: readonly TimelineEvent[]): string[] => events.map((e) => `${e.date} ${e.summary}`);

describe('a plan is not an event on its future date', () => {
  const timeline = Timeline.build([
    article({
      id: 'bpjs',
      publisher: 'Tempo',
      date: '2019-09-10',
      title: 'Iuran BPJS Kesehatan Naik',
      paragraphs: [
        'Pemerintah memastikan tetap akan menaikkan iuran BPJS Kesehatan kelas I, II, dan III per 1 Januari 2020 mendatang.',
        'Pembangunan gedung baru rencananya dimulai pada 2020 di Penajam Paser Utara, Kalimantan Timur.',
        'Rapat lanjutan dengan Komisi IX DPR dijadwalkan pada Rabu (11/9/2019) di Gedung DPR, Jakarta.',
        'Menteri Keuangan Sri Mulyani mengusulkan kenaikan iuran BPJS Kesehatan pada Selasa (27/8/2019) di DPR.',
      ],
    }),
  ]);

  it('keeps only what happened by the day the article was published', () => {
    expect(lines(timeline.query({}).events)).toEqual([
      '2019-08-27 Menteri Keuangan Sri Mulyani mengusulkan kenaikan iuran BPJS Kesehatan di DPR.',
    ]);
  });
});

describe('a year range is not a date', () => {
  it('gives no event at its first year and leaves the line whole', () => {
    const timeline = Timeline.build([
      article({
        id: 'bupati',
        publisher: 'Kompas.com',
        date: '2019-09-10',
        paragraphs: ['Mantan bupati yang menjabat dua periode 2006-2011 dan 2011-2016 itu ditahan KPK pada Senin (9/9/2019) di Jakarta.'],
      }),
    ]);
    const { events } = timeline.query({});
    expect(lines(events)).toEqual([
      '2019-09-09 Mantan bupati yang menjabat dua periode 2006-2011 dan 2011-2016 itu ditahan KPK di Jakarta.',
    ]);
  });
});

describe('a span is not a date', () => {
  it('gives no event for a state since a year until now, nor for the ends of a span of days', () => {
    const timeline = Timeline.build([
      article({
        id: 'span',
        publisher: 'Tempo',
        date: '2019-09-28',
        paragraphs: [
          'Menurut aktuaris BPJS Kesehatan, tunggakan peserta mandiri sejak 2014 hingga kini telah mencapai Rp 10 triliun.',
          'Sejak Jumat (27/9) malam hingga Sabtu (28/9) dini hari setidaknya ada 10 gempa yang terjadi di Ambon.',
          'BMKG mencatat gempa bermagnitudo 6,8 mengguncang Ambon pada Kamis (26/9/2019) pagi.',
        ],
      }),
    ]);
    expect(timeline.query({}).events.map((e) => e.date)).toEqual(['2019-09-26']);
  });
});

describe('a time or a decimal inside a sentence', () => {
  it('neither splits the sentence nor leaves part of the time in the line', () => {
    const timeline = Timeline.build([
      article({
        id: 'talaud',
        publisher: 'SINDOnews',
        date: '2019-09-19',
        paragraphs: [
          'Rabu (11/9/2019) pukul 06.32.27 WIB wilayah kepulauan Talaud, Sulawesi Utara diguncang gempa tektonik 5,7 SR. Gempa ini tidak berpotensi tsunami.',
          'Gempa bermagnitudo 5.6 mengguncang Jawa Timur pada Kamis (19/9/2019) pukul 20.27 WIB menurut BMKG.',
        ],
      }),
    ]);
    expect(lines(timeline.query({}).events)).toEqual([
      '2019-09-11 Wilayah kepulauan Talaud, Sulawesi Utara diguncang gempa tektonik 5,7 SR.',
      '2019-09-19 Gempa bermagnitudo 5.6 mengguncang Jawa Timur menurut BMKG.',
    ]);
  });

  it('drops the dash a dateline leaves and never starts a line mid-sentence', () => {
    const timeline = Timeline.build([
      article({
        id: 'bawaslu',
        publisher: 'CNN Indonesia',
        date: '2017-06-02',
        paragraphs: [
          'Jakarta, CNN Indonesia - - Badan Pengawas Pemilu telah menyampaikan permasalahan anggaran kepada Wiranto pada Jumat (2/6/2017).',
          'akan menghadapi Thailand di Stadion Utama pada Sabtu (3/6/2017) malam.',
        ],
      }),
    ]);
    expect(lines(timeline.query({}).events)).toEqual([
      '2017-06-02 Badan Pengawas Pemilu telah menyampaikan permasalahan anggaran kepada Wiranto.',
    ]);
  });
});

describe('one happening, one line', () => {
  it('shows the same sentence from two outlets once, citing both', () => {
    const sentence =
      'Gempa susulan terasa pada Jumat (27/9) malam, lalu BMKG mencatat 10 gempa lagi pada Sabtu (28/9) dini hari di Ambon, Maluku.';
    const timeline = Timeline.build([
      article({ id: 'w', publisher: 'WowKeren', date: '2019-09-28', title: 'Gempa Ambon', paragraphs: [sentence] }),
      article({ id: 'k', publisher: 'Kompas.com', date: '2019-09-28', title: 'Gempa Susulan Ambon', paragraphs: [sentence] }),
    ]);
    const all = timeline.query({}).events;
    expect(all).toHaveLength(1);
    expect(all[0]!.sources.map((s) => s.publisher).sort()).toEqual(['Kompas.com', 'WowKeren']);
  });

  it('folds two accounts of one visit on one day into one line', () => {
    const timeline = Timeline.build([
      article({
        id: 'a',
        publisher: 'Tribunnews',
        date: '2019-09-17',
        paragraphs: ['Presiden Joko Widodo meninjau lokasi kebakaran hutan di Pelalawan, Riau, pada Selasa (17/9/2019) bersama Wiranto.'],
      }),
      article({
        id: 'b',
        publisher: 'Okezone',
        date: '2019-09-17',
        paragraphs: [
          'Didampingi Wiranto, Jokowi meninjau langsung kebakaran hutan dan lahan di Kabupaten Pelalawan, Selasa (17/9/2019), Riau.',
        ],
      }),
    ]);
    const { events } = timeline.query({});
    expect(events).toHaveLength(1);
    expect(events[0]!.sources.map((s) => s.publisher).sort()).toEqual(['Okezone', 'Tribunnews']);
  });
});

describe('the topic as a whole', () => {
  const articles = [
    article({
      id: 'ambon',
      publisher: 'Kompas.com',
      date: '2019-09-26',
      title: 'Gempa Guncang Ambon',
      paragraphs: ['Gempa bermagnitudo 6,8 mengguncang Ambon, Maluku, pada Kamis (26/9/2019) pagi dan merusak ratusan rumah.'],
    }),
    article({
      id: 'jatim',
      publisher: 'Okezone',
      date: '2019-09-19',
      title: 'Gempa Guncang Jawa Timur',
      paragraphs: ['Gempa bermagnitudo 5,6 mengguncang Jawa Timur pada Kamis (19/9/2019) malam tanpa potensi tsunami.'],
    }),
    article({
      id: 'teluk',
      publisher: 'Tribunnews',
      date: '2019-09-10',
      title: 'Jasad Bayi Ditemukan',
      paragraphs: ['Polisi menyelidiki temuan jasad bayi di tepi pantai Kecamatan Teluk Ambon pada Selasa (10/9/2019) sore.'],
    }),
  ];

  it('drops a sentence holding only half of it: another quake, or Ambon without a quake', () => {
    const timeline = Timeline.build(articles);
    // As the engine scores them: the story naming both words far above those naming one.
    const matches = [
      { id: 'ambon', score: 12 },
      { id: 'jatim', score: 3 },
      { id: 'teluk', score: 4 },
    ];
    const { events } = timeline.query({ topic: 'gempa Ambon' }, matches);
    expect(lines(events)).toEqual(['2019-09-26 Gempa bermagnitudo 6,8 mengguncang Ambon, Maluku, dan merusak ratusan rumah.']);
  });

  it('lets a story matched strongly to the whole topic omit a common qualifier, not a weak match', () => {
    const capital = [
      article({
        id: 'pansus',
        publisher: 'Tempo',
        date: '2019-09-16',
        title: 'DPR Bentuk Pansus Pemindahan Ibu Kota',
        paragraphs: [
          'Rapat paripurna DPR membentuk panitia khusus pemindahan ibu kota pada Senin (16/9/2019) di Gedung DPR, Jakarta.',
          'Pemerintah menyiapkan kawasan baru di Kalimantan Timur untuk ibu kota baru sejak Senin (26/8/2019).',
        ],
      }),
      article({
        id: 'bangkok',
        publisher: 'Okezone',
        date: '2019-09-19',
        title: 'PM Thailand Usulkan Pindahkan Ibu Kota dari Bangkok',
        paragraphs: ['Perdana Menteri Thailand mengusulkan pemindahan ibu kota dari Bangkok pada Kamis (19/9/2019) di depan parlemen.'],
      }),
      article({
        id: 'mall',
        publisher: 'Kompas.com',
        date: '2019-09-12',
        title: 'Mal Baru Dibuka',
        // "baru" is common: the rarest word of the topic is "ibu", as in a real corpus.
        paragraphs: [
          'Sebuah mal baru dibuka di Bekasi pada Kamis (12/9/2019) dengan diskon besar bagi pengunjung.',
          'Gerai baru itu menarik ribuan pengunjung pada Jumat (13/9/2019) sejak pagi.',
          'Pengelola menambah lahan parkir baru pada Sabtu (14/9/2019) karena antrean panjang.',
          'Jalan akses baru ke mal itu diresmikan pada Minggu (15/9/2019) oleh wali kota.',
        ],
      }),
    ];
    const timeline = Timeline.build(capital);
    const matches = [
      { id: 'pansus', score: 20 },
      { id: 'bangkok', score: 6 },
      { id: 'mall', score: 2 },
    ];
    const { events } = timeline.query({ topic: 'ibu kota baru' }, matches);
    expect(events.map((e) => e.date)).toEqual(['2019-08-26', '2019-09-16']);
  });
});

describe('a caption refines the day of an event the body reports', () => {
  const body = article({
    id: 'kompastv',
    publisher: 'Kompas TV',
    date: '2024-06-19',
    paragraphs: ['Kim Jong-un menyambangi Rusia selama sepekan penuh pada September lalu untuk bertemu Putin.'],
  });
  const pictured = article({
    id: 'orbit',
    publisher: 'Orbit Indonesia',
    date: '2024-06-19',
    paragraphs: ['Putin tiba di Pyongyang pada Rabu (19/6/2024) dini hari untuk kunjungan kenegaraan dua hari.'],
    captions: ['Presiden Rusia Vladimir Putin dan pemimpin Korea Utara Kim Jong-un di kosmodrom Vostochny, Rusia, 13 September 2023.'],
  });

  it('dates the body report on the caption day, citing only the body', () => {
    const { events } = Timeline.build([body, pictured]).query({});
    const visit = events.find((e) => e.summary.includes('menyambangi Rusia'));
    expect(visit).toMatchObject({ date: '2023-09-13', precision: 'day' });
    expect(visit!.sources.map((s) => s.publisher)).toEqual(['Kompas TV']);
  });

  it('makes no event of a caption alone', () => {
    const { events } = Timeline.build([pictured]).query({});
    expect(events.map((e) => e.date)).toEqual(['2024-06-19']);
  });
});
