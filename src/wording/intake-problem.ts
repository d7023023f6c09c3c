import { loadProblemText } from './load-problem.ts';
import type { IntakeProblem } from '../ingest/intake.ts';

const MB = 1024 * 1024;

function mb(bytes: number): string {
  return `${(bytes / MB).toLocaleString('id-ID', { maximumFractionDigits: 1 })} MB`;
}

/**
 * Why nothing can be added, worded for the editor (in Discord and in the terminal alike), with what
 * to do. Values are quoted in backticks.
 */
export function problemText(problem: IntakeProblem): string {
  switch (problem.kind) {
    case 'bad-url':
      return 'Alamat itu bukan URL yang sah. Salin alamat lengkap halaman berita, mis. `https://www.kompas.com/...`.';
    case 'scheme':
      return `Hanya alamat \`http://\` atau \`https://\` yang bisa dibaca (bukan \`${problem.scheme}:\`).`;
    case 'host-not-allowed':
      return `Lampiran hanya diunduh dari Discord sendiri, bukan dari \`${problem.host}\`. Unggah berkasnya langsung ke Discord.`;
    case 'blocked-address':
      return `Alamat \`${problem.host}\` menuju jaringan lokal atau khusus (${problem.address}), jadi tidak dibuka. Pakai alamat situs berita publik.`;
    case 'dns':
      return `Nama situs \`${problem.host}\` tidak ditemukan. Periksa ejaan alamatnya.`;
    case 'too-many-redirects':
      return `Halaman itu dialihkan lebih dari ${problem.max} kali, jadi tidak dibaca. Buka di peramban dan salin alamat akhirnya.`;
    case 'timeout':
      return `Situs tidak selesai menjawab dalam ${problem.ms / 1000} detik. Coba lagi nanti, atau unggah halamannya sebagai berkas.`;
    case 'too-large':
      return `Terlalu besar: batasnya ${mb(problem.max)}. Pecah berkasnya, atau kirim satu artikel saja.`;
    case 'wrong-type':
      return `Alamat itu bukan halaman teks (${problem.contentType ? `jenisnya \`${problem.contentType}\`` : 'jenisnya tidak disebut'}). Yang bisa dibaca: halaman HTML atau teks biasa.`;
    case 'http-status':
      return `Situs menjawab dengan galat HTTP ${problem.status}. Periksa alamatnya di peramban.`;
    case 'network':
      return 'Situs tidak dapat dihubungi. Coba lagi nanti.';
    case 'extension':
      return `Jenis berkas ${problem.ext ? `\`${problem.ext}\`` : 'tanpa ekstensi'} tidak didukung. Yang diterima: .txt, .md, .jsonl, .html.`;
    case 'binary':
      return 'Berkas itu biner (bukan teks), jadi tidak dibaca. Kirim teks artikelnya sebagai .txt, .md, .jsonl atau .html.';
    case 'not-utf8':
      return 'Berkas itu bukan teks UTF-8 yang sah. Simpan ulang sebagai UTF-8, lalu kirim lagi.';
    case 'no-article-text': {
      const why =
        problem.problems.length > 0
          ? ` (${problem.problems
              .slice(0, 3)
              .map(loadProblemText)
              .join('; ')
              .replace(/[`*_~|\\]/g, "'")})`
          : '';
      return `Tidak ada teks artikel yang bisa dibaca${why}. Pastikan itu halaman satu berita, bukan beranda atau indeks.`;
    }
  }
}
