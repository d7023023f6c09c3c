import { describe, expect, it } from 'vitest';
import { problemText } from '../../src/wording/intake-problem.ts';

describe('problemText: why nothing can be added, for the editor', () => {
  it('names up to three load problems of a file without article text, in words and without markdown', () => {
    const text = problemText({
      kind: 'no-article-text',
      problems: [
        { kind: 'bad-json', detail: 'Unexpected token `x`' },
        { kind: 'not-json-object' },
        { kind: 'no-body-field' },
        { kind: 'no-body' },
      ],
    });
    expect(text).toBe(
      'Tidak ada teks artikel yang bisa dibaca (JSON tidak sah: Unexpected token \'x\'; baris bukan objek JSON; tidak ada teks isi (kolom "body")). ' +
        'Pastikan itu halaman satu berita, bukan beranda atau indeks.',
    );
  });

  it('names the type a server gave a page that is not text, or says it gave none', () => {
    expect(problemText({ kind: 'wrong-type', contentType: 'image/png' })).toBe(
      'Alamat itu bukan halaman teks (jenisnya `image/png`). Yang bisa dibaca: halaman HTML atau teks biasa.',
    );
    expect(problemText({ kind: 'wrong-type', contentType: '' })).toBe(
      'Alamat itu bukan halaman teks (jenisnya tidak disebut). Yang bisa dibaca: halaman HTML atau teks biasa.',
    );
  });

  it('says only what to do when there is no load problem to name', () => {
    expect(problemText({ kind: 'no-article-text', problems: [] })).toBe(
      'Tidak ada teks artikel yang bisa dibaca. Pastikan itu halaman satu berita, bukan beranda atau indeks.',
    );
  });
});
