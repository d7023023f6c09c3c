import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/corpus/load.ts';
import { jsonlLine } from './fixtures.ts';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kliping-corpus-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function put(name: string, content: string | Uint8Array): Promise<void> {
  await mkdir(join(dir, name, '..'), { recursive: true });
  await writeFile(join(dir, name), content);
}

const PAGE = [
  'Banjir Rendam Ratusan Rumah di Bekasi',
  '',
  'Rabu, 19 Juni 2024 08:00 WIB',
  '',
  'Bekasi, Kompas.com - Banjir merendam ratusan rumah warga di Bekasi setelah hujan deras mengguyur sejak Selasa malam hingga pagi.',
  '',
  'Baca juga: Hujan Deras Diperkirakan Berlanjut',
  '',
  'Petugas BPBD mengevakuasi warga lanjut usia ke posko terdekat, kata kepala pelaksana BPBD.',
].join('\n');

describe('loadCorpus: bad input is reported and skipped, the rest loads', () => {
  it('reports each bad file with its path and reason', async () => {
    await put('ok.txt', PAGE);
    await put('empty.txt', '');
    await put('blank.md', '  \n\n ');
    await put('binary.txt', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x1a, 0x0a]));
    await put('latin1.txt', new Uint8Array([...Buffer.from('Berita caf'), 0xe9, ...Buffer.from(' di Jakarta pada hari ini.')]));
    await put('big.txt', `${PAGE}\n\n${'Paragraf panjang sekali. '.repeat(100)}`);
    await put('nobody.txt', 'SHARE\nBaca Juga: Sesuatu yang Lain\nClose Ads x\n');
    const result = await loadCorpus(dir, { maxFileBytes: 1000 });
    expect(result.articles.map((a) => a.file)).toEqual(['ok.txt']);
    const problems = Object.fromEntries(result.errors.map((e) => [e.file, e.problem]));
    expect(problems).toEqual({
      'big.txt': { kind: 'too-large', unit: 'file', bytes: expect.any(Number), limit: 1000 },
      'binary.txt': { kind: 'binary', unit: 'file' },
      'blank.md': { kind: 'empty', whitespaceOnly: true },
      'empty.txt': { kind: 'empty', whitespaceOnly: false },
      'latin1.txt': { kind: 'not-utf8', unit: 'file' },
      'nobody.txt': { kind: 'no-body' },
    });
    expect(problems['big.txt']!.kind === 'too-large' && problems['big.txt']!.bytes).toBeGreaterThan(1000);
  });

  it('reads a page larger than one read chunk whole', async () => {
    const paragraphs = Array.from(
      { length: 1500 },
      (_, i) => `Paragraf nomor ${i} berisi cukup banyak kata agar halaman ini melewati enam puluh empat kilobita.`,
    );
    await put('panjang.txt', `${PAGE}\n${paragraphs.join('\n')}`);
    const [a] = (await loadCorpus(dir)).articles;
    expect(a!.paragraphs).toHaveLength(2 + 1500);
    expect(a!.paragraphs.at(-1)).toMatch(/^Paragraf nomor 1499 /);
  });

  it('broken front matter is an error with its line', async () => {
    await put('unclosed.md', '---\ntitle: Judul\ndate: 2024-06-19\n\nIsi berita tanpa penutup front matter.\n');
    await put('quote.md', '---\ntitle: "Judul tanpa penutup\n---\nIsi.\n');
    await put('nested.md', '---\ntitle: Judul\nmeta:\n  penulis: A\n---\nIsi.\n');
    await put('junk.md', '---\ntitle: Judul\nini bukan yaml\n---\nIsi.\n');
    const result = await loadCorpus(dir);
    expect(result.articles).toEqual([]);
    expect(result.errors).toEqual([
      { file: 'junk.md', line: 3, problem: { kind: 'bad-front-matter', fault: 'not-key-value', text: 'ini bukan yaml' } },
      { file: 'nested.md', line: 4, problem: { kind: 'bad-front-matter', fault: 'indented', text: 'penulis: A' } },
      { file: 'quote.md', line: 2, problem: { kind: 'bad-front-matter', fault: 'unclosed-quote', key: 'title' } },
      { file: 'unclosed.md', line: 1, problem: { kind: 'bad-front-matter', fault: 'unclosed' } },
    ]);
  });

  it('a malformed .jsonl line skips only that line', async () => {
    const lines = [
      jsonlLine('a1', 'Paragraf pertama berita a1.\n\nParagraf kedua berita a1.'),
      '{"id": "rusak", "title": ',
      '',
      '[1, 2, 3]',
      JSON.stringify({ id: 'kosong', title: 'Tanpa isi', body: '' }),
      JSON.stringify({ id: 'tanpa-body', title: 'Tanpa kolom body' }),
      jsonlLine('a2', 'Isi berita a2 yang lain.'),
    ];
    await put('bulk.jsonl', `${lines.join('\n')}\n`);
    const result = await loadCorpus(dir);
    expect(result.articles.map((a) => [a.id, a.line])).toEqual([
      ['a1', 1],
      ['a2', 7],
    ]);
    expect(result.errors).toEqual([
      { file: 'bulk.jsonl', line: 2, problem: { kind: 'bad-json', detail: expect.any(String) } },
      { file: 'bulk.jsonl', line: 4, problem: { kind: 'not-json-object' } },
      { file: 'bulk.jsonl', line: 5, problem: { kind: 'no-body' } },
      { file: 'bulk.jsonl', line: 6, problem: { kind: 'no-body-field' } },
    ]);
  });

  it('invalid UTF-8, NUL bytes and oversize lines in .jsonl are per line', async () => {
    const good = Buffer.from(`${jsonlLine('b1', 'Isi b1.')}\n`);
    const badUtf8 = Buffer.concat([Buffer.from('{"id":"x","body":"caf'), Buffer.from([0xe9]), Buffer.from('"}\n')]);
    const nul = Buffer.from('{"id":"y","body":"a\u0000b"}\n'.replace('\\u0000', '\u0000'));
    const huge = Buffer.from(`${jsonlLine('z', 'x'.repeat(3000))}\n`);
    await put('mixed.jsonl', Buffer.concat([good, badUtf8, nul, huge, Buffer.from(jsonlLine('b2', 'Isi b2.'))]));
    const result = await loadCorpus(dir, { maxFileBytes: 2000 });
    expect(result.articles.map((a) => a.id)).toEqual(['b1', 'b2']);
    expect(result.errors.map((e) => [e.line, e.problem])).toEqual([
      [2, { kind: 'not-utf8', unit: 'line' }],
      [3, { kind: 'binary', unit: 'line' }],
      [4, { kind: 'too-large', unit: 'line', bytes: huge.length - 1, limit: 2000 }],
    ]);
  });

  it('a .jsonl line over the cap is rejected by its size and the lines after it still load', async () => {
    const long = `{"id":"panjang","body":"${'a'.repeat(30 * 1024 * 1024)}"}`;
    const last = jsonlLine('c2', 'Isi c2 tanpa baris baru di akhir berkas.');
    await put('panjang.jsonl', [jsonlLine('c1', 'Isi c1.'), long, jsonlLine('c3', 'Isi c3.'), last].join('\n'));
    const result = await loadCorpus(dir);
    expect(result.articles.map((a) => a.id)).toEqual(['c1', 'c3', 'c2']);
    expect(result.errors).toEqual([
      {
        file: 'panjang.jsonl',
        line: 2,
        problem: { kind: 'too-large', unit: 'line', bytes: long.length, limit: 5 * 1024 * 1024 },
      },
    ]);
  });

  it('an empty .jsonl file is reported', async () => {
    await put('none.jsonl', '\n\n');
    expect((await loadCorpus(dir)).errors).toEqual([{ file: 'none.jsonl', problem: { kind: 'empty', whitespaceOnly: false } }]);
  });

  it('unsupported files are warnings naming them; hidden files are ignored', async () => {
    await put('ok.txt', PAGE);
    await put('foto.jpg', 'x');
    await put('catatan', 'x');
    await put('.DS_Store', 'x');
    const result = await loadCorpus(dir);
    expect(result.articles).toHaveLength(1);
    expect(result.errors).toEqual([]);
    expect(result.warnings.map((w) => w.file)).toEqual(['catatan', 'foto.jpg']);
    expect(result.warnings.map((w) => w.problem)).toEqual([
      { kind: 'unsupported', ext: '' },
      { kind: 'unsupported', ext: '.jpg' },
    ]);
  });

  it('a missing corpus path is an error, not a crash', async () => {
    const result = await loadCorpus(join(dir, 'tidak-ada'));
    expect(result.articles).toEqual([]);
    expect(result.errors).toEqual([{ file: join(dir, 'tidak-ada'), problem: { kind: 'missing' } }]);
  });
});

describe('loadCorpus: formats', () => {
  it('reads a raw .txt page: title, byline date, publisher from the dateline, cross-link gone', async () => {
    await put('berita/banjir.txt', PAGE);
    const [a] = (await loadCorpus(dir)).articles;
    expect(a).toMatchObject({
      id: 'berita/banjir',
      file: 'berita/banjir.txt',
      format: 'txt',
      title: 'Banjir Rendam Ratusan Rumah di Bekasi',
      titleDerived: false,
      publisher: 'Kompas.com',
      date: { iso: '2024-06-19', precision: 'day', provenance: 'header', time: '08:00 WIB' },
    });
    expect(a!.paragraphs).toEqual([
      'Banjir merendam ratusan rumah warga di Bekasi setelah hujan deras mengguyur sejak Selasa malam hingga pagi.',
      'Petugas BPBD mengevakuasi warga lanjut usia ke posko terdekat, kata kepala pelaksana BPBD.',
    ]);
  });

  it('reads .md front matter: quoted values, comments, lists, canonical publisher, heading as title fallback', async () => {
    await put(
      'kurasi/a.md',
      [
        '---',
        '# kurasi manual',
        'id: kurasi-001',
        'title: "Putin: \\"Kami siap\\" bekerja sama"',
        'date: 2024-06-19T10:00:00+07:00',
        "source: 'www.kompas.tv'",
        'url: https://www.kompas.tv/x',
        'author: Haryo Jati # penulis',
        'sumber: ANTARA',
        'tags:',
        '  - rusia',
        '  - korut',
        '---',
        '# Judul Markdown',
        '',
        '![Putin dan Kim di Pyongyang](foto.jpg)',
        '',
        'Presiden **Rusia** Vladimir Putin tiba di [Pyongyang](https://x) pada Rabu (19/6/2024).',
        '',
        '> Kutipan penting dari Kim.',
      ].join('\n'),
    );
    await put('kurasi/b.md', '# Judul dari Heading\n\nIsi tanpa front matter, pada Rabu (19/6/2024) lalu.\n');
    const [a, b] = (await loadCorpus(dir)).articles;
    expect(a).toMatchObject({
      id: 'kurasi-001',
      format: 'md',
      title: 'Putin: "Kami siap" bekerja sama',
      titleDerived: false,
      date: { iso: '2024-06-19', precision: 'day', provenance: 'metadata', time: '10:00 WIB' },
      publisher: 'Kompas TV',
      origin: 'Antara',
      author: 'Haryo Jati',
      url: 'https://www.kompas.tv/x',
      captions: ['Putin dan Kim di Pyongyang'],
      paragraphs: ['Presiden Rusia Vladimir Putin tiba di Pyongyang pada Rabu (19/6/2024).', 'Kutipan penting dari Kim.'],
    });
    expect(b).toMatchObject({ id: 'kurasi/b', title: 'Judul dari Heading', date: { iso: '2024-06-19', provenance: 'inferred' } });
  });

  it('reads .jsonl: paragraphs split by blank lines, domain mapped to the canonical publisher, time zone named', async () => {
    await put('bulk.jsonl', jsonlLine('k1', 'Paragraf satu.\nmasih paragraf satu.\n\nBaca juga: Berita Lain\n\nParagraf dua.'));
    const [a] = (await loadCorpus(join(dir, 'bulk.jsonl'))).articles;
    expect(a).toMatchObject({
      id: 'k1',
      file: 'bulk.jsonl',
      line: 1,
      format: 'jsonl',
      title: 'Judul k1',
      publisher: 'Kompas.com',
      date: { iso: '2019-03-21', precision: 'day', provenance: 'metadata', time: '15:02 WIB' },
      paragraphs: ['Paragraf satu. masih paragraf satu.', 'Paragraf dua.'],
    });
  });

  it('a .jsonl record without id, title or date gets a path id, a derived title and an inferred date', async () => {
    await put(
      'x.jsonl',
      JSON.stringify({ source: 'situs-baru.co.id', body: 'Gempa mengguncang Palu pada Jumat (28/9/2018). Warga mengungsi.' }),
    );
    const [a] = (await loadCorpus(dir)).articles;
    expect(a).toMatchObject({
      id: 'x:1',
      title: 'Gempa mengguncang Palu pada Jumat (28/9/2018)',
      titleDerived: true,
      publisher: 'situs-baru.co.id',
      date: { iso: '2018-09-28', provenance: 'inferred' },
    });
  });

  it('a Windows page (BOM, CRLF, non-breaking, em and zero-width spaces) reads like any other', async () => {
    const odd = PAGE.replaceAll('\n', '\r\n')
      .replaceAll('ratusan rumah', 'ratusan\u00a0rumah')
      .replace('Rendam Ratusan', 'Rendam \u2003\u200bRatusan');
    await put('windows.txt', `\ufeff${odd}`);
    const [a] = (await loadCorpus(dir)).articles;
    expect(a!.title).toBe('Banjir Rendam Ratusan Rumah di Bekasi');
    expect(a!.paragraphs[0]).toBe(
      'Banjir merendam ratusan rumah warga di Bekasi setelah hujan deras mengguyur sejak Selasa malam hingga pagi.',
    );
  });

  it('.jsonl metadata gets the body hygiene: no zero-width character, soft hyphen or BOM survives in the title', async () => {
    const record = { id: 'zw', title: '\ufeffPu\u200btin dan Kim Jong\u00adun', source: 'Kom\u200bpas.com', body: 'Isi\u200b artikel.' };
    await put('zw.jsonl', JSON.stringify(record));
    const [loaded] = (await loadCorpus(dir)).articles;
    expect([loaded!.title, loaded!.publisher, loaded!.paragraphs]).toEqual(['Putin dan Kim Jongun', 'Kompas.com', ['Isi artikel.']]);
  });

  it('ids are stable across reloads and unique when ids collide', async () => {
    await put('a.jsonl', [jsonlLine('same', 'Teks pertama.'), jsonlLine('same', 'Teks kedua.')].join('\n'));
    await put('a.txt', PAGE);
    await put('sub/a.txt', PAGE.replaceAll('Bekasi', 'Bogor'));
    const first = await loadCorpus(dir);
    const second = await loadCorpus(dir);
    expect(first.articles.map((a) => a.id)).toEqual(['same', 'same~2', 'a', 'sub/a']);
    expect(second.articles.map((a) => a.id)).toEqual(first.articles.map((a) => a.id));
    expect(first.warnings).toEqual([{ file: 'a.jsonl', line: 2, problem: { kind: 'id-renamed', id: 'same', renamedTo: 'same~2' } }]);
  });
});

describe('loadCorpus: duplicates', () => {
  it('collapses copies with the same normalized text into the first, with a warning on both sides', async () => {
    await put('a/asli.txt', PAGE);
    await put('b/salinan.txt', PAGE.replace(/ {1}/g, '  ').replace('Banjir Rendam', 'Banjir Merendam'));
    await put(
      'c.jsonl',
      jsonlLine(
        'j1',
        [
          'Banjir merendam ratusan rumah warga di Bekasi setelah hujan deras mengguyur sejak Selasa malam hingga pagi.',
          'Petugas BPBD mengevakuasi warga lanjut usia ke posko terdekat, kata kepala pelaksana BPBD.',
        ].join('\n\n'),
      ),
    );
    const result = await loadCorpus(dir);
    expect(result.articles.map((a) => a.file)).toEqual(['a/asli.txt']);
    expect(result.warnings).toEqual([
      { file: 'b/salinan.txt', problem: { kind: 'duplicate', of: { file: 'a/asli.txt' } } },
      { file: 'c.jsonl', line: 1, problem: { kind: 'duplicate', of: { file: 'a/asli.txt' } } },
    ]);
    expect(result.articles[0]!.warnings).toEqual([
      { kind: 'copy-elsewhere', file: 'b/salinan.txt', publisher: 'Kompas.com' },
      { kind: 'copy-elsewhere', file: 'c.jsonl', line: 1, publisher: 'Kompas.com' },
    ]);
  });
});

describe('the inbox', () => {
  it('reads masuk/ articles but skips the trash (masuk/.sampah/) and the journal (masuk/jurnal.jsonl)', async () => {
    await put('masuk/2024-06-19-banjir-bekasi-ab12cd.txt', PAGE);
    await put('masuk/.sampah/2024-06-19-lama-ef34ab.txt', PAGE.replace('Bekasi', 'Bogor'));
    await put('masuk/jurnal.jsonl', `${JSON.stringify({ at: '2024-06-19T00:00:00Z', by: '1', action: 'tambah', result: 'ok' })}\n`);
    const result = await loadCorpus(dir);
    expect(result.articles.map((a) => a.file)).toEqual(['masuk/2024-06-19-banjir-bekasi-ab12cd.txt']);
    expect(result.errors).toEqual([]);
    expect(result.warnings).toEqual([]);
  });
});
