import { describe, expect, it } from 'vitest';
import type { LoadProblem } from '../../src/corpus/types.ts';
import { issuePlace, loadProblemText } from '../../src/wording/load-problem.ts';

describe('loadProblemText: each load problem in the words the admin reads', () => {
  it.each<[LoadProblem, string]>([
    [{ kind: 'missing' }, 'folder atau berkas korpus tidak ditemukan'],
    [{ kind: 'unreadable', entry: 'folder', code: 'EACCES' }, 'folder tidak dapat dibaca: tidak ada izin membaca (EACCES)'],
    [
      { kind: 'unreadable', entry: 'file', code: 'ENOENT' },
      'berkas tidak dapat dibaca: hilang saat dibaca (dihapus atau dipindah) (ENOENT)',
    ],
    [
      { kind: 'unreadable', entry: 'folder', code: 'ENAMETOOLONG' },
      'folder tidak dapat dibaca: jalurnya terlalu panjang untuk sistem berkas (ENAMETOOLONG)',
    ],
    [{ kind: 'unreadable', entry: 'file', code: 'EWHATEVER' }, 'berkas tidak dapat dibaca: galat sistem berkas (EWHATEVER)'],
    [{ kind: 'too-large', unit: 'file', bytes: 1234, limit: 1000 }, 'berkas terlalu besar (1234 byte, batas 1000 byte)'],
    [{ kind: 'too-large', unit: 'line', bytes: 31457300, limit: 5242880 }, 'baris terlalu besar (31457300 byte, batas 5242880 byte)'],
    [{ kind: 'empty', whitespaceOnly: false }, 'berkas kosong'],
    [{ kind: 'empty', whitespaceOnly: true }, 'berkas kosong (hanya spasi)'],
    [{ kind: 'binary', unit: 'line' }, 'baris biner (berisi byte NUL), bukan teks'],
    [{ kind: 'not-utf8', unit: 'file' }, 'berkas bukan teks UTF-8 yang sah'],
    [{ kind: 'bad-front-matter', fault: 'unclosed' }, 'front matter rusak: front matter tidak ditutup dengan "---"'],
    [
      { kind: 'bad-front-matter', fault: 'indented', text: 'penulis: A' },
      'front matter rusak: baris menjorok tidak didukung: "penulis: A"',
    ],
    [
      { kind: 'bad-front-matter', fault: 'not-key-value', text: 'ini bukan yaml' },
      'front matter rusak: bukan "kunci: nilai": "ini bukan yaml"',
    ],
    [{ kind: 'bad-front-matter', fault: 'nested-value', key: 'meta' }, 'front matter rusak: nilai bertingkat tidak didukung untuk "meta"'],
    [{ kind: 'bad-front-matter', fault: 'unclosed-quote', key: 'title' }, 'front matter rusak: tanda kutip tidak ditutup untuk "title"'],
    [{ kind: 'bad-json', detail: 'Unexpected end of JSON input' }, 'JSON tidak sah: Unexpected end of JSON input'],
    [{ kind: 'not-json-object' }, 'baris bukan objek JSON'],
    [{ kind: 'no-body-field' }, 'tidak ada teks isi (kolom "body")'],
    [{ kind: 'no-body' }, 'tidak ada teks isi'],
    [{ kind: 'unsupported', ext: '.jpg' }, 'format .jpg tidak didukung; dilewati (yang dibaca: .txt, .md, .jsonl)'],
    [{ kind: 'unsupported', ext: '' }, 'format tanpa ekstensi tidak didukung; dilewati (yang dibaca: .txt, .md, .jsonl)'],
    [{ kind: 'symlink-skipped' }, 'tautan simbolik ke folder atau target hilang; dilewati'],
    [{ kind: 'id-renamed', id: 'same', renamedTo: 'same~2' }, 'id "same" sudah dipakai; diganti "same~2"'],
    [{ kind: 'duplicate', of: { file: 'a/asli.txt' } }, 'teks sama dengan a/asli.txt; digabung ke sana'],
    [{ kind: 'duplicate', of: { file: 'bulk.jsonl', line: 7 } }, 'teks sama dengan bulk.jsonl:7; digabung ke sana'],
  ])('%j', (problem, text) => {
    expect(loadProblemText(problem)).toBe(text);
  });

  it('places an issue by file, and by line within a .jsonl', () => {
    expect(issuePlace({ file: 'a/b.txt' })).toBe('a/b.txt');
    expect(issuePlace({ file: 'bulk.jsonl', line: 3 })).toBe('bulk.jsonl:3');
  });
});
