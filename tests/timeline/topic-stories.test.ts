import { describe, expect, it } from 'vitest';
import { summarize } from '../../src/timeline/summary.ts';
import { Timeline } from '../../src/timeline/timeline.ts';
import type { TimelineEvent } from '../../src/timeline/types.ts';
import { article } from './fixtures.ts';

/** Events of a topic told in its own stories, not in sentences that name it (issue 11). */

const lines = (events: readonly TimelineEvent[]): string[] => events.map((e) => `${e.date} ${e.summary}`);
const outlets = (event: TimelineEvent | undefined): string[] => (event?.sources ?? []).map((s) => s.publisher ?? s.articleId);

describe('a happening the topic stories of two outlets report', () => {
  // Stories on the new capital quote the minister; none of their dated sentences says "ibu kota baru".
  const articles = [
    article({
      id: 'tempo',
      publisher: 'Tempo',
      date: '2019-09-14',
      title: 'Menhub Siapkan Kereta Listrik',
      paragraphs: [
        '"Kami harapkan transportasi berbasis listrik," kata Budi Karya Sumadi saat menghadiri Pameran Indotrans Expo di JCC Senayan, Jakarta, Jumat (13/9/2019).',
      ],
    }),
    article({
      id: 'okezone',
      publisher: 'Okezone',
      date: '2019-09-14',
      title: 'Budi Karya: LRT Listrik Akan Hubungkan Samarinda',
      paragraphs: [
        '"Kita aplikasikan transportasi berbasis listrik," ujar Budi Karya Sumadi usai menghadiri Pameran Indotrans Expo di JCC Senayan, Jakarta, Jumat (13/9/2019).',
      ],
    }),
    article({
      id: 'kompas',
      publisher: 'Kompas.com',
      date: '2019-09-14',
      title: 'Menhub Resmikan Terminal',
      paragraphs: ['Budi Karya meresmikan Terminal Pondok Cabe di Tangerang Selatan, Banten, pada Kamis (12/9/2019) bersama Wali Kota.'],
    }),
  ];
  const timeline = Timeline.build(articles);

  it('is the topic’s when both stories match the topic strongly', () => {
    const matches = [
      { id: 'tempo', score: 10 },
      { id: 'okezone', score: 9 },
      { id: 'kompas', score: 9 },
    ];
    const { events } = timeline.query({ topic: 'ibu kota baru' }, matches);
    expect(events.map((e) => e.date)).toEqual(['2019-09-13']);
    expect(outlets(events[0]).sort()).toEqual(['Okezone', 'Tempo']);
  });

  it('is not, when one of them is a weak match: one story alone may be an aside', () => {
    const matches = [
      { id: 'tempo', score: 10 },
      { id: 'okezone', score: 2 },
      { id: 'kompas', score: 9 },
    ];
    expect(timeline.query({ topic: 'ibu kota baru' }, matches).events).toEqual([]);
  });
});

describe('what a story titled with the topic reports on its news day', () => {
  const timeline = Timeline.build([
    article({
      id: 'santunan',
      publisher: 'WowKeren',
      date: '2019-09-27',
      title: 'Jokowi Beri Santunan untuk Korban Gempa Ambon',
      paragraphs: [
        '"Kepada korban yang meninggal sudah saya sampaikan kepada menteri sosial untuk memberikan santunan," kata Jokowi di Istana Merdeka, Jumat (27/9/2019).',
        'Cuaca di Bandung pada Jumat (27/9/2019) diperkirakan cerah berawan sepanjang hari menurut BMKG setempat.',
        'Presiden Jokowi pernah meninjau lokasi longsor di Sukabumi pada Kamis (5/9/2019) bersama sejumlah menteri.',
      ],
    }),
    article({
      id: 'susulan',
      publisher: 'Kompas.com',
      date: '2019-09-27',
      title: 'Ambon Kembali Diguncang Gempa Susulan',
      paragraphs: ['Warga mengungsi ke perbukitan setelah guncangan susulan pada Jumat (27/9/2019) dini hari, menurut petugas.'],
    }),
  ]);
  const matches = [
    { id: 'santunan', score: 10 },
    { id: 'susulan', score: 9 },
  ];

  it('is the topic’s when it shares a word with the title; not an aside, an older day, or a title without the topic as written', () => {
    const { events } = timeline.query({ topic: 'gempa Ambon' }, matches);
    expect(lines(events)).toEqual([
      '2019-09-27 "Kepada korban yang meninggal sudah saya sampaikan kepada menteri sosial untuk memberikan santunan," kata Jokowi di Istana Merdeka.',
    ]);
    expect(outlets(events[0])).toEqual(['WowKeren']);
  });
});

describe('the end of a quotation opened in an earlier sentence', () => {
  it('shows where the quotation starts, with an ellipsis', () => {
    const sentence = 'Salah satunya peluang pemindahan ibu kota," ujar Hendro di Jakarta, Rabu (18/9/2019).';
    const date = sentence.indexOf('Rabu');
    expect(summarize(sentence, [[date, sentence.length - 1]])).toBe(
      '"…Salah satunya peluang pemindahan ibu kota," ujar Hendro di Jakarta.',
    );
    const curly = 'Itu milik negara,” ujarnya di Jakarta, Kamis (19/9/2019).';
    expect(summarize(curly, [[curly.indexOf('Kamis'), curly.length - 1]])).toBe('“…Itu milik negara,” ujarnya di Jakarta.');
  });

  it('leaves a whole quotation and a quotation inside a sentence as they are', () => {
    const whole = '"Kami siap," kata Budi di Jakarta, Senin (16/9/2019).';
    expect(summarize(whole, [[whole.indexOf('Senin'), whole.length - 1]])).toBe('"Kami siap," kata Budi di Jakarta.');
    const glued = 'Ia berkata,"Kami siap pindah," di Jakarta, Senin (16/9/2019).';
    expect(summarize(glued, [[glued.indexOf('Senin'), glued.length - 1]])).toBe('Ia berkata,"Kami siap pindah," di Jakarta.');
    const inside = 'Acara bertajuk "Ecofriendly Capital" digelar di Jakarta pada Senin (9/9/2019).';
    expect(summarize(inside, [[inside.indexOf('pada'), inside.length - 1]])).toBe(
      'Acara bertajuk "Ecofriendly Capital" digelar di Jakarta.',
    );
  });
});

describe('two events of one day that tell one happening in the same words', () => {
  // Near-identical quotes with no name in them: building cannot merge them (it merges on shared names).
  const quote = (id: string, publisher: string, tail: string) =>
    article({
      id,
      publisher,
      date: '2019-09-12',
      title: `Iuran Peserta Naik ${id}`,
      paragraphs: [
        `"Tentunya rencana menaikkan iuran peserta ini tidak menjadi beban bagi masyarakat dan tidak memberatkan," ${tail} (12/9/2019).`,
      ],
    });
  const timeline = Timeline.build([
    quote('okezone', 'Okezone', 'ujar dia di kantornya, Kamis'),
    quote('sindonews', 'SINDOnews', 'ujarnya di kantor pada Kamis'),
    quote('tempo', 'Tempo', 'katanya kepada wartawan, Kamis'),
    article({
      id: 'kompas',
      publisher: 'Kompas.com',
      date: '2019-09-13',
      title: 'Iuran Peserta Dibahas',
      paragraphs: ['Kenaikan iuran peserta mandiri dibahas pemerintah bersama Komisi IX di Gedung Parlemen pada Jumat (13/9/2019).'],
    }),
  ]);
  const matches = ['okezone', 'sindonews', 'tempo', 'kompas'].map((id) => ({ id, score: 10 }));

  it('rank as one happening with all its outlets', () => {
    const { events } = timeline.query({ topic: 'iuran peserta', limit: 1 }, matches);
    expect(events.map((e) => e.date)).toEqual(['2019-09-12']);
    expect(outlets(events[0]).sort()).toEqual(['Okezone', 'SINDOnews', 'Tempo']);
    expect(timeline.query({ topic: 'iuran peserta' }, matches).events.map((e) => e.date)).toEqual(['2019-09-12', '2019-09-13']);
  });
});
