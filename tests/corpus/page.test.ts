import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { readPage, readPlainBody } from '../../src/corpus/page.ts';
import { decidePageDate, metadataDate } from '../../src/corpus/pubdate.ts';
import { canonicalOrigin, canonicalPublisher, publisherForDomain, publisherInText } from '../../src/corpus/publishers.ts';
import { parseFrontMatter } from '../../src/corpus/frontmatter.ts';

/* Pages shaped like other sites than the seeds: the rules are tables, not per-file cases. */

beforeAll(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2026-11-22T12:00:00Z'));
});
afterAll(() => {
  vi.useRealTimers();
});

describe('readPage on other layouts', () => {
  it('an Antara-style page: "Jakarta (ANTARA) -" dateline, Pewarta/Editor credits', () => {
    const page = readPage(
      [
        'Menlu RI Bahas Kerja Sama Maritim dengan Jepang',
        'Kamis, 20 Juni 2024 14:05 WIB',
        'Jakarta (ANTARA) - Menteri Luar Negeri Retno Marsudi membahas kerja sama maritim dengan mitranya dari Jepang di Jakarta.',
        'Kedua menteri juga membicarakan situasi keamanan di kawasan Indo-Pasifik, kata juru bicara.',
        'Pewarta: Yashinta Difa',
        'Editor: Atman Ahdiat',
        'COPYRIGHT © ANTARA 2024',
      ].join('\n'),
    );
    expect(page).toMatchObject({
      title: 'Menlu RI Bahas Kerja Sama Maritim dengan Jepang',
      publisher: 'Antara',
      origin: null,
      author: 'Yashinta Difa',
      editor: 'Atman Ahdiat',
      stated: [{ date: { iso: '2024-06-20', precision: 'day' }, provenance: 'header', time: '14:05 WIB' }],
    });
    expect(page.paragraphs).toHaveLength(2);
    expect(page.paragraphs[0]).toMatch(/^Menteri Luar Negeri Retno Marsudi/);
  });

  it('a CNN-style page: dateline on its own, "Baca juga:" alone before its headline, section label, initials code', () => {
    const page = readPage(
      [
        'Internasional',
        'Jakarta, CNN Indonesia --',
        'Pemerintah Jepang memprotes uji coba rudal terbaru Korea Utara yang jatuh di zona ekonomi eksklusifnya pada Selasa (2/7).',
        'Baca juga:',
        'Korut Kembali Tembakkan Rudal Balistik',
        'Tokyo menyampaikan protes melalui jalur diplomatik di Beijing, kata Sekretaris Kabinet.',
        '(isa/bac)',
        'Berita Terkait',
        'Judul berita lain yang tidak relevan',
      ].join('\n'),
    );
    expect(page).toMatchObject({ title: null, publisher: 'CNN Indonesia', author: 'isa', editor: 'bac', captions: [] });
    expect(page.paragraphs).toEqual([
      'Pemerintah Jepang memprotes uji coba rudal terbaru Korea Utara yang jatuh di zona ekonomi eksklusifnya pada Selasa (2/7).',
      'Tokyo menyampaikan protes melalui jalur diplomatik di Beijing, kata Sekretaris Kabinet.',
    ]);
  });

  it('a detik-style page: "Name - detikNews" byline, abbreviated month, "Jakarta -" dateline, credit captions', () => {
    const page = readPage(
      [
        'Jokowi - Prabowo Bertemu di Istana Bahas Transisi',
        'Andhika Prasetia - detikNews',
        'Selasa, 25 Jun 2024 10:15 WIB',
        'Presiden Joko Widodo menerima Prabowo Subianto di Istana Merdeka. (Dok. Biro Pers Setpres)',
        'Jakarta - Presiden Joko Widodo (Jokowi) menerima presiden terpilih Prabowo Subianto di Istana Merdeka, Jakarta, untuk membahas transisi pemerintahan.',
        'Ilustrasi Istana Merdeka (SHUTTERSTOCK)',
        'Pertemuan berlangsung sekitar dua jam dan tertutup bagi media, kata Mensesneg.',
        '(rfs/imk)',
      ].join('\n'),
    );
    expect(page).toMatchObject({
      title: 'Jokowi - Prabowo Bertemu di Istana Bahas Transisi',
      publisher: 'detikcom',
      author: 'Andhika Prasetia',
      editor: 'imk',
      stated: [{ date: { iso: '2024-06-25' }, provenance: 'header', time: '10:15 WIB' }],
    });
    expect(page.captions).toHaveLength(2);
    expect(page.paragraphs).toEqual([
      'Presiden Joko Widodo (Jokowi) menerima presiden terpilih Prabowo Subianto di Istana Merdeka, Jakarta, untuk membahas transisi pemerintahan.',
      'Pertemuan berlangsung sekitar dua jam dan tertutup bagi media, kata Mensesneg.',
    ]);
  });

  it('a date inside the dateline is a dateline date; photo credits anywhere are captions', () => {
    const page = readPage(
      [
        'Harga Beras Naik di Pasar Induk',
        'JAKARTA, Senin (1/7/2024) - Harga beras medium di Pasar Induk Cipinang naik Rp500 per kilogram sejak pekan lalu, menurut pedagang.',
        'Seorang pedagang menata karung beras di Pasar Induk Cipinang. REUTERS/Willy Kurniawan',
        'Kenaikan itu dipicu pasokan yang berkurang dari sentra produksi di Jawa Barat, kata seorang pedagang.',
      ].join('\n'),
    );
    expect(page.stated).toEqual([{ date: { iso: '2024-07-01', precision: 'day' }, provenance: 'dateline' }]);
    expect(page.captions).toEqual(['Seorang pedagang menata karung beras di Pasar Induk Cipinang. REUTERS/Willy Kurniawan']);
    expect(page.paragraphs).toHaveLength(2);
    expect(page.paragraphs[0]).toMatch(/^Harga beras medium/);
  });

  it('a page with no dateline: title first, lead is the first sentence-like line, a non-duplicate dek is kept', () => {
    const page = readPage(
      [
        'Gempa Magnitudo 5,1 Guncang Sukabumi',
        'Warga sempat panik dan keluar rumah',
        'Gempa bumi berkekuatan magnitudo 5,1 mengguncang wilayah Sukabumi, Jawa Barat, pada Rabu pagi, menurut keterangan resmi BMKG setempat.',
        'Belum ada laporan kerusakan.',
      ].join('\n'),
    );
    expect(page.title).toBe('Gempa Magnitudo 5,1 Guncang Sukabumi');
    expect(page.paragraphs).toEqual([
      'Warga sempat panik dan keluar rumah',
      'Gempa bumi berkekuatan magnitudo 5,1 mengguncang wilayah Sukabumi, Jawa Barat, pada Rabu pagi, menurut keterangan resmi BMKG setempat.',
      'Belum ada laporan kerusakan.',
    ]);
  });

  it('"Sumber:" at the end wins over an attribution in the lead; the publisher is never its own origin', () => {
    const lead = 'Mengutip AFP, pemerintah Prancis mengumumkan pemilu legislatif dipercepat setelah hasil pemilu Eropa yang mengejutkan.';
    expect(readPage(`Judul Berita Prancis\nParis, Kompas.com - ${lead}\nSumber: Reuters`).origin).toBe('Reuters');
    expect(readPage(`Judul Berita Prancis\nParis, Kompas.com - ${lead}`).origin).toBe('AFP');
    expect(readPage(`Judul Berita Prancis\nJakarta (ANTARA) - ${lead.replace('Mengutip AFP, p', 'P')}\nSumber: Antara`).origin).toBeNull();
  });

  it('an attribution names the source, not when it was read: its date is cut, a date alone is no source', () => {
    const originIn = (lead: string) => readPlainBody([lead, 'Pemerintah Prancis mengumumkan pemilu legislatif dipercepat.']).origin;
    expect(originIn('Dilansir dari BBC pada Kamis (12/9/2019), penduduk Chiapas meninggalkan desa mereka.')).toBe('BBC');
    expect(originIn('Melansir dari Fox News (14/9/2019), donasi itu diumumkan pekan ini.')).toBe('Fox News');
    expect(originIn('Dilansir Daily Mirror Selasa (17/9/2019), ibunya menemukan gadis itu di rumah.')).toBe('Daily Mirror');
    expect(originIn('Seperti dilansir Reuters hari ini, harga minyak mentah Brent naik.')).toBe('Reuters');
    expect(originIn('Dikutip The Verge baru-baru ini, ponsel itu memakai prosesor baru.')).toBe('The Verge');
    // the scrape lost the linked name: no origin rather than "Senin (2/9/2019)"
    expect(originIn('Dilansir Senin (2/9/2019), pastor itu mengatakan buku tersebut berbahaya.')).toBeNull();
  });

  it('a header date whose time is set off by "|", "-" or "/" is the header date, not the lead', () => {
    const lead = 'JAKARTA - Banjir merendam ratusan rumah warga di Jakarta Timur setelah hujan deras semalaman, kata petugas BPBD.';
    for (const [header, time] of [
      ['Jumat, 21 Jun 2024 | 10:15 WIB', '10:15 WIB'],
      ['21 Juni 2024 - 10:15', '10:15'],
      ['Jumat, 21 Juni 2024 / 09.12 WIB', '09:12 WIB'],
    ] as const) {
      const page = readPage(`Banjir Rendam Ratusan Rumah di Jakarta Timur\n${header}\n${lead}`);
      expect(page.stated, header).toEqual([{ date: { iso: '2024-06-21', precision: 'day' }, provenance: 'header', time }]);
      expect(page.paragraphs, header).toHaveLength(1);
    }
    // a line that goes on after the time is text
    expect(readPage(`Banjir Rendam Ratusan Rumah\n21 Juni 2024 - 10:15 warga mengungsi\n${lead}`).stated).toEqual([]);
  });

  it('a credit line that ends on the date is a byline: "Oleh: X | Senin, 24 Juni 2024 14:30 WIB"', () => {
    const lead = 'JAKARTA - Banjir merendam ratusan rumah warga di Jakarta Timur setelah hujan deras semalaman, kata petugas BPBD.';
    for (const [byline, time] of [
      ['Oleh: Budi Santoso | Senin, 24 Juni 2024 14:30 WIB', '14:30 WIB'],
      ['Penulis: Budi Santoso | Senin, 24 Juni 2024 | 14:30 WIB', '14:30 WIB'],
    ] as const) {
      const page = readPage(`Banjir Rendam Ratusan Rumah di Jakarta Timur\n${byline}\n${lead}`);
      expect(page.stated, byline).toEqual([{ date: { iso: '2024-06-24', precision: 'day' }, provenance: 'byline', time }]);
      expect(page.author, byline).toBe('Budi Santoso');
      expect(page.paragraphs, byline).toHaveLength(1);
    }
  });

  it('video embeds, pagination and follow-us lines of other sites are furniture, not paragraphs', () => {
    const page = readPage(
      [
        'Banjir Rendam Ratusan Rumah di Jakarta Timur',
        'Senin, 24 Juni 2024 14:30 WIB',
        'JAKARTA - Banjir merendam ratusan rumah warga di Jakarta Timur setelah hujan deras semalaman, kata petugas BPBD.',
        '[Gambas:Video CNN]',
        'Simak Video "Banjir Rendam Kampung Melayu"',
        'Petugas mengevakuasi warga ke tempat yang lebih aman di kelurahan setempat.',
        'Halaman selanjutnya',
        'Halaman: 1 2 3',
        'Ikuti kami di Google News',
        'Dapatkan update berita pilihan dan breaking news setiap hari dari Kompas.com. Mari bergabung di Grup Telegram "Kompas.com News Update", caranya klik link https://t.me/kompascomupdate, kemudian join.',
      ].join('\n'),
    );
    expect(page.paragraphs).toEqual([
      'Banjir merendam ratusan rumah warga di Jakarta Timur setelah hujan deras semalaman, kata petugas BPBD.',
      'Petugas mengevakuasi warga ke tempat yang lebih aman di kelurahan setempat.',
    ]);
  });

  it('a named writer in brackets does not replace a named "Penulis"; "(Korut)." is not a credit', () => {
    const page = readPage(
      [
        'Judul Berita Korea',
        'Bisnis.com, JAKARTA - Korea Selatan memanggil duta besar Rusia atas kerja sama dengan Korea Utara (Korut).',
        'Penulis : Fitri Sartina Dewi',
      ].join('\n'),
    );
    expect(page.author).toBe('Fitri Sartina Dewi');
    expect(page.paragraphs.at(-1)).toMatch(/\(Korut\)\.$/);
  });
});

describe('readPlainBody', () => {
  const wire = 'Pesawat itu hanya akan berhenti di Pucallpa sebelum melanjutkan perjalanan ke Iquitos. (AFP / OKI)';

  const lead = 'Pemerintah akan menambah anggaran pembangunan jalan di daerah terpencil tahun depan, kata menteri kepada wartawan.';

  it('a paragraph closing on a wire credit beside other text is text: the agency is the origin, the code the writer', () => {
    const body = readPlainBody(['Pesawat TANS jatuh di Peru.', wire]);
    expect(body.paragraphs).toEqual([
      'Pesawat TANS jatuh di Peru.',
      'Pesawat itu hanya akan berhenti di Pucallpa sebelum melanjutkan perjalanan ke Iquitos.',
    ]);
    expect(body.captions).toEqual([]);
    expect(body).toMatchObject({ origin: 'AFP', author: 'OKI' });
  });

  it('a stated source wins over the wire credit', () => {
    expect(readPlainBody(['Sumber: Reuters', 'Pesawat TANS jatuh di Peru.', wire]).origin).toBe('Reuters');
  });

  it('a photo credit is still a caption, a photographer or a handout named after the agency', () => {
    const photo = 'Presiden meninjau lokasi banjir di Bekasi, Rabu (19/6/2024). (ANTARA/HO-Setpres)';
    const named = 'Warga mengungsi ke posko terdekat. (REUTERS/Willy Kurniawan)';
    const body = readPlainBody([lead, photo, named]);
    expect(body.paragraphs).toEqual([lead]);
    expect(body.captions).toEqual([photo, named]);
  });

  it('a body that would be captions only keeps them as its text', () => {
    const photo = 'Warga mengungsi ke posko terdekat. (REUTERS/Willy Kurniawan)';
    const body = readPlainBody([photo]);
    expect(body.paragraphs).toEqual([photo]);
    expect(body.captions).toEqual([]);
  });
});

describe('decidePageDate', () => {
  const para = (text: string): string[] => [text];

  it('keeps a stated date that the body agrees with', () => {
    const { date, warnings } = decidePageDate(
      [{ date: { iso: '2024-06-15', precision: 'day' }, provenance: 'byline', time: '12:30 WIB' }],
      para('Dikutip dari The Guardian, Jumat (14/6/2024), pejabat AS berbicara.'),
      [],
    );
    expect(date).toEqual({ iso: '2024-06-15', precision: 'day', provenance: 'byline', time: '12:30 WIB' });
    expect(warnings).toEqual([]);
  });

  it('a planned future date is not a contradiction', () => {
    const { date, warnings } = decidePageDate(
      [{ date: { iso: '2024-06-15', precision: 'day' }, provenance: 'header' }],
      para('Pertemuan itu akan digelar pada 20 Agustus 2024 di Jakarta.'),
      [],
    );
    expect(date?.provenance).toBe('header');
    expect(warnings).toEqual([]);
  });

  it('an archive caption does not date the page; nothing else → null with a warning', () => {
    const { date, warnings } = decidePageDate([], para('Warga berkumpul di alun-alun kemarin.'), [
      'Arsip - Warga berkumpul di alun-alun, 1 Mei 2019. (ANTARA/Foto)',
    ]);
    expect(date).toBeNull();
    expect(warnings).toEqual([{ kind: 'no-date' }]);
  });

  it('prefers day/month events over a bare year when inferring', () => {
    const { date } = decidePageDate([], para('Sejak 2010 hingga Juni 2023 program berjalan; evaluasi pada 5 Mei 2023.'), []);
    expect(date).toMatchObject({ iso: '2023-06', precision: 'month', provenance: 'inferred' });
  });
});

describe('metadata and names', () => {
  it('metadataDate reads ISO stamps, days and Indonesian dates; names WIB/WITA/WIT', () => {
    expect(metadataDate('2019-03-21T15:02:00+07:00')).toEqual({
      iso: '2019-03-21',
      precision: 'day',
      provenance: 'metadata',
      time: '15:02 WIB',
    });
    expect(metadataDate('2019-03-21 08:00+0800')).toMatchObject({ time: '08:00 WITA' });
    expect(metadataDate('2019-03-21T01:00:00Z')).toMatchObject({ time: '01:00 UTC' });
    expect(metadataDate('19 Juni 2024')).toEqual({ iso: '2024-06-19', precision: 'day', provenance: 'metadata' });
    expect(metadataDate('kapan-kapan')).toBeNull();
    expect(metadataDate(undefined)).toBeNull();
  });

  it('publishers: one canonical name for every spelling and domain', () => {
    expect(publisherInText('WASHINGTON, KOMPAS.TV')).toBe('Kompas TV');
    expect(publisherInText('Kompas.tv')).toBe('Kompas TV');
    expect(publisherInText('ORBITINDONESIA.COM')).toBe('Orbit Indonesia');
    expect(publisherInText('JAKARTA, KOMPAS.com')).toBe('Kompas.com');
    expect(publisherForDomain('https://www.kompas.com/read/2019/x')).toBe('Kompas.com');
    expect(publisherForDomain('nasional.kompas.com')).toBe('Kompas.com');
    expect(publisherForDomain('situs-baru.co.id')).toBe('situs-baru.co.id');
    expect(canonicalPublisher('okezone.com')).toBe('Okezone');
    expect(canonicalPublisher('Media Lokal')).toBe('Media Lokal');
  });

  it('origins: agencies and papers by canonical name', () => {
    expect(canonicalOrigin('ANTARA')).toBe('Antara');
    expect(canonicalOrigin('The Korean Herald')).toBe('The Korea Herald');
    expect(canonicalOrigin('Associated Press.')).toBe('AP');
    expect(canonicalOrigin('Harian Lokal')).toBe('Harian Lokal');
  });

  it('front matter: values, quotes, comments, ignored lists', () => {
    const fm = parseFrontMatter("---\ntitle: 'It''s \"ok\"'\nurl: https://x.id/a#b\ndate: 2024-06-19 # komentar\ntags:\n  - a\n---\nIsi");
    expect(fm).toEqual({ ok: true, data: { title: 'It\'s "ok"', url: 'https://x.id/a#b', date: '2024-06-19' }, body: 'Isi' });
    expect(parseFrontMatter("---\ntitle: 'a'b'\n---\n")).toMatchObject({ ok: false, line: 2 });
    expect(parseFrontMatter('Tanpa front matter')).toEqual({ ok: true, data: {}, body: 'Tanpa front matter' });
  });
});
