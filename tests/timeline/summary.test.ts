import { describe, expect, it } from 'vitest';
import { summarize, SUMMARY_MAX_CHARS } from '../../src/timeline/summary.ts';

/** Summary of `sentence` filed under the date written as `date` in it. */
function under(sentence: string, date: string): string {
  const start = sentence.indexOf(date);
  if (start < 0) throw new Error(`"${date}" not in sentence`);
  return summarize(sentence, [[start, start + date.length]]);
}

describe('summarize', () => {
  it('drops the heading date with its preposition, keeping other dates', () => {
    expect(
      under('Kedua Menlu melakukan panggilan telepon pada Kamis (20/6), sehari setelah pertemuan pada Rabu (19/6).', 'Kamis (20/6)'),
    ).toBe('Kedua Menlu melakukan panggilan telepon, sehari setelah pertemuan pada Rabu (19/6).');
    expect(under('Pada hari Kamis, Penasihat Keamanan Nasional Chang Ho Jin mengatakan akan meninjau rencana itu.', 'Kamis')).toBe(
      'Penasihat Keamanan Nasional Chang Ho Jin mengatakan akan meninjau rencana itu.',
    );
    expect(
      under(
        '"Ini sangat memprihatinkan," kata Miller dalam sebuah konferensi pers, Kamis, 20 Juni 2024, ketika ditanya wartawan.',
        'Kamis, 20 Juni 2024',
      ),
    ).toBe('"Ini sangat memprihatinkan," kata Miller dalam sebuah konferensi pers, ketika ditanya wartawan.');
  });

  it('drops words that link to a previous sentence the timeline does not show', () => {
    expect(
      under('Tetapi PBB mengungkapkan puing rudal yang mendarat di Kharkiv pada 2 Januari berasal dari Korea Utara.', '2 Januari'),
    ).toBe('PBB mengungkapkan puing rudal yang mendarat di Kharkiv berasal dari Korea Utara.');
  });

  it('keeps a date that another word needs as its object', () => {
    expect(under('Gedung DPR dijaga ketat sejak Senin (23/9) oleh ribuan polisi.', 'Senin (23/9)')).toBe(
      'Gedung DPR dijaga ketat sejak Senin (23/9) oleh ribuan polisi.',
    );
  });

  it('trims relay openers and attribution tails, but never the speaker of a quotation', () => {
    expect(
      under('Dikutip dari The Guardian, Jumat (14/6/2024), Kurt Campbell mengatakan hubungan itu berbahaya.', 'Jumat (14/6/2024)'),
    ).toBe('Kurt Campbell mengatakan hubungan itu berbahaya.');
    expect(
      under(
        'Pembicaraan pada Senin (24/06/2024) tersebut melibatkan Jung Pak dan Cho Koo-rae, ungkap Departemen Luar Negeri AS.',
        'Senin (24/06/2024)',
      ),
    ).toBe('Pembicaraan tersebut melibatkan Jung Pak dan Cho Koo-rae.');
    expect(under('"Kami menolak," kata Agus pada Jumat (13/9).', 'Jumat (13/9)')).toBe('"Kami menolak," kata Agus.');
  });

  it('shortens long lines to the limit at a boundary, never mid-word', () => {
    const words =
      'Presiden Joko Widodo menerima para tokoh dan pimpinan lembaga negara di Istana Merdeka untuk membahas revisi undang-undang yang memicu demonstrasi mahasiswa di berbagai kota besar di Indonesia selama beberapa hari terakhir tanpa henti';
    const line = under(`Pada Kamis (26/9), ${words}.`, 'Kamis (26/9)');
    expect(line.length).toBeLessThanOrEqual(SUMMARY_MAX_CHARS);
    expect(line.endsWith('…')).toBe(true);
    const kept = line.slice(0, -1);
    expect(words.startsWith(kept)).toBe(true);
    expect(words[kept.length]).toBe(' ');
  });

  it('removes short bracketed asides before cutting anything', () => {
    const sentence =
      'Menteri Luar Negeri Korea Selatan Cho Tae Yul dan Menteri Luar Negeri AS Antony Blinken dalam keterangannya pada Jumat (21/6) menyebut kerja sama tersebut merupakan pelanggaran terhadap resolusi Dewan Keamanan PBB (DK PBB).';
    expect(under(sentence, 'Jumat (21/6)')).toBe(
      'Menteri Luar Negeri Korea Selatan Cho Tae Yul dan Menteri Luar Negeri AS Antony Blinken dalam keterangannya menyebut kerja sama tersebut merupakan pelanggaran terhadap resolusi Dewan Keamanan PBB.',
    );
  });

  it('closes a quotation left open by a cut', () => {
    const line = under(
      `“Kami ${'menolak revisi yang melemahkan pemberantasan korupsi '.repeat(6)}” kata Agus pada Jumat (13/9).`,
      'Jumat (13/9)',
    );
    expect(line.endsWith('…”')).toBe(true);
    expect(line.length).toBeLessThanOrEqual(SUMMARY_MAX_CHARS);
  });
});

describe('summarize on scraped news', () => {
  it('drops the page dateline and the part of the day that went with the date', () => {
    expect(
      under(
        'TEMPO.CO, Jakarta - Anies Baswedan menjenguk Habibie di RSPAD Gatot Soebroto, Jakarta, Selasa (10/9/2019) siang.',
        'Selasa (10/9/2019)',
      ),
    ).toBe('Anies Baswedan menjenguk Habibie di RSPAD Gatot Soebroto, Jakarta.');
  });

  it('drops a dateline with its agency in brackets, and the bare dashes a scrape left of one', () => {
    expect(
      under(
        'Jakarta (ANTARA News) - Menko Polhukam Wiranto meminta demonstrasi bubar pada 4 November 2016 pukul 18.00 WIB.',
        '4 November 2016',
      ),
    ).toBe('Menko Polhukam Wiranto meminta demonstrasi bubar pukul 18.00 WIB.');
    expect(under('- - Badan Pengawas Pemilu menyampaikan masalah anggaran pada Jumat (2/6/2017).', 'Jumat (2/6/2017)')).toBe(
      'Badan Pengawas Pemilu menyampaikan masalah anggaran.',
    );
  });

  it('keeps a birth date: it describes the person, not the happening', () => {
    expect(under('Pria kelahiran Parepare, Sulawesi Selatan, pada 25 Juni 1936, ini meninggalkan dua anak.', '25 Juni 1936')).toBe(
      'Pria kelahiran Parepare, Sulawesi Selatan, pada 25 Juni 1936, ini meninggalkan dua anak.',
    );
  });
});

describe('summarize tidies scraper leftovers', () => {
  it('drops "Diketahui," openers and a bracket that closes nothing', () => {
    expect(
      under('Diketahui, BJ Habibie menjalani perawatan intensif di RSPAD Gatot Soebroto sejak 1 September 2019).', '1 September 2019'),
    ).toBe('BJ Habibie menjalani perawatan intensif di RSPAD Gatot Soebroto sejak 1 September 2019.');
  });
});

describe('summarize keeps what only looks like a link word', () => {
  it('keeps "Lalu lintas" (traffic) at the start of a line', () => {
    expect(under('Lalu lintas di Jalan Gatot Subroto ditutup pada Kamis (12/9/2019) siang.', 'Kamis (12/9/2019)')).toBe(
      'Lalu lintas di Jalan Gatot Subroto ditutup.',
    );
  });
});
