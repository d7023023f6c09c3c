import type { FrontMatterFault, LoadProblem, LoadUnit } from '../corpus/types.ts';

/**
 * Load problems in Indonesian words, for the corpus admin alike in Discord (`/korpus`) and in the
 * terminal (`kliping corpus`, `kliping impor`). Plain text: the bot escapes it for markdown.
 */

const UNIT: Readonly<Record<LoadUnit, string>> = { file: 'berkas', line: 'baris' };

/** Why the filesystem refused a path, by the system's error code. */
const FS_REASONS: Readonly<Record<string, string>> = {
  EACCES: 'tidak ada izin membaca',
  EPERM: 'tidak ada izin membaca',
  ENOENT: 'hilang saat dibaca (dihapus atau dipindah)',
  ENAMETOOLONG: 'jalurnya terlalu panjang untuk sistem berkas',
  ELOOP: 'tautan simbolik berputar',
  ENOTDIR: 'berubah dari folder menjadi berkas saat dibaca',
  EISDIR: 'berubah dari berkas menjadi folder saat dibaca',
  EIO: 'galat masukan/keluaran pada disk',
  EMFILE: 'terlalu banyak berkas terbuka',
};

/** Why the filesystem refused a path, from the system's error code (EACCES, EIO…), with the code. */
export function fsReasonText(code: string): string {
  return `${FS_REASONS[code] ?? 'galat sistem berkas'} (${code})`;
}

function frontMatterText(fault: FrontMatterFault): string {
  switch (fault.fault) {
    case 'unclosed':
      return 'front matter tidak ditutup dengan "---"';
    case 'indented':
      return `baris menjorok tidak didukung: "${fault.text}"`;
    case 'not-key-value':
      return `bukan "kunci: nilai": "${fault.text}"`;
    case 'nested-value':
      return `nilai bertingkat tidak didukung untuk "${fault.key}"`;
    case 'unclosed-quote':
      return `tanda kutip tidak ditutup untuk "${fault.key}"`;
  }
}

/** "file" or "file:line". */
export function issuePlace(issue: { file: string; line?: number }): string {
  return issue.line !== undefined ? `${issue.file}:${issue.line}` : issue.file;
}

/** Why a file, folder or .jsonl line was skipped (or what to note about it), as a short clause. */
export function loadProblemText(problem: LoadProblem): string {
  switch (problem.kind) {
    case 'missing':
      return 'folder atau berkas korpus tidak ditemukan';
    case 'unreadable':
      return `${problem.entry === 'folder' ? 'folder' : 'berkas'} tidak dapat dibaca: ${fsReasonText(problem.code)}`;
    case 'too-large':
      return `${UNIT[problem.unit]} terlalu besar (${problem.bytes} byte, batas ${problem.limit} byte)`;
    case 'empty':
      return problem.whitespaceOnly ? 'berkas kosong (hanya spasi)' : 'berkas kosong';
    case 'binary':
      return `${UNIT[problem.unit]} biner (berisi byte NUL), bukan teks`;
    case 'not-utf8':
      return `${UNIT[problem.unit]} bukan teks UTF-8 yang sah`;
    case 'bad-front-matter':
      return `front matter rusak: ${frontMatterText(problem)}`;
    case 'bad-json':
      return `JSON tidak sah: ${problem.detail}`;
    case 'not-json-object':
      return 'baris bukan objek JSON';
    case 'no-body-field':
      return 'tidak ada teks isi (kolom "body")';
    case 'no-body':
      return 'tidak ada teks isi';
    case 'unsupported':
      return `format ${problem.ext || 'tanpa ekstensi'} tidak didukung; dilewati (yang dibaca: .txt, .md, .jsonl)`;
    case 'symlink-skipped':
      return 'tautan simbolik ke folder atau target hilang; dilewati';
    case 'id-renamed':
      return `id "${problem.id}" sudah dipakai; diganti "${problem.renamedTo}"`;
    case 'duplicate':
      return `teks sama dengan ${issuePlace(problem.of)}; digabung ke sana`;
  }
}
