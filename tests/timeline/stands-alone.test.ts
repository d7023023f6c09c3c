import { describe, expect, it } from 'vitest';
import { inTrailingTimeClause, opensWithAnaphor } from '../../src/timeline/stands-alone.ts';

describe('opensWithAnaphor', () => {
  it('finds a subject that points back: a pronoun, a demonstrative, a general noun closed by one', () => {
    for (const line of [
      'Itu merupakan kunjungan balasan setelah Kim menyambangi Rusia.',
      'Ia tiba di Jakarta dengan pesawat kepresidenan.',
      'Mereka sepakat memantau situasi di semenanjung.',
      'Beliau menyampaikan duka cita mendalam.',
      'Hal itu disampaikan Budi Karya Sumadi usai meninjau lokasi.',
      'Langkah ini diambil untuk menekan defisit.',
      'Peristiwa tersebut terjadi menjelang tengah malam.',
      'Semua hal itu dibahas dalam rapat kabinet.',
    ])
      expect(opensWithAnaphor(line), line).toBe(true);
  });

  it('lets stand a line whose subject names its referent, points to the time of writing, or is quoted', () => {
    for (const line of [
      'Tahun ini pemerintah menaikkan iuran peserta mandiri.',
      'Akhir pekan ini ribuan warga mengungsi ke dataran tinggi.',
      'Rusia sendiri pada pekan ini menegaskan hak mereka.',
      'Putin menyebut hal itu sebagai ancaman.',
      'Kepastian kabar kenaikan iuran BPJS Kesehatan itu disampaikan oleh Gubernur Gorontalo.',
      'Perjanjian kemitraan strategis komprehensif tersebut ditandatangani Putin dan Kim.',
      'Kunjungan Putin itu disambut ribuan warga.',
      // a noun of its own tells the event under its date, if not every detail of it
      'Pembicaraan tersebut melibatkan pejabat AS untuk Korea Utara.',
      'Kedua pemimpin itu berjabat tangan di bandara.',
      'Para diplomat tinggi dari ketiga negara tersebut membahas kesepakatan.',
      '"Ini sangat memprihatinkan," kata Miller dalam sebuah konferensi pers.',
      'Indonesia menaikkan tarif impor baja.',
      'Diana tiba di Jakarta untuk pertandingan final.',
    ])
      expect(opensWithAnaphor(line), line).toBe(false);
  });
});

describe('inTrailingTimeClause', () => {
  const at = (sentence: string, date: string): boolean => inTrailingTimeClause(sentence, sentence.indexOf(date));

  it('finds a date in a time clause after the main clause', () => {
    const visit = 'Itu merupakan kunjungan balasan setelah Kim Jong-un menyambangi Rusia selama sepekan penuh pada September lalu.';
    expect(at(visit, 'September')).toBe(true);
    const call = 'Kedua Menlu melakukan panggilan telepon pada Kamis (20/6), sehari setelah pertemuan Putin dan Kim pada Rabu (19/6).';
    expect(at(call, 'Rabu')).toBe(true);
    expect(at(call, 'Kamis')).toBe(false);
  });

  it('keeps the main clause date: after a closed clause, or in a fronted one', () => {
    expect(
      at('Perjanjian itu ditandatangani Putin dan Kim, setelah keduanya berbicara di Pyongyang, pada Rabu, 19 Juni 2024.', 'Rabu'),
    ).toBe(false);
    expect(at('Sehari setelah pertemuan pada Rabu (19/6), Putin terbang ke Hanoi.', 'Rabu')).toBe(false);
    expect(at('Putin tiba di Pyongyang pada Rabu (19/6) dini hari.', 'Rabu')).toBe(false);
  });
});
