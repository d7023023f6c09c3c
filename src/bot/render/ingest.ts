import { ButtonStyle, ComponentType, type APIEmbed } from 'discord.js';
import type { Article } from '../../corpus/types.ts';
import { PROVENANCE_LABELS_ID } from '../../dates/format.ts';
import type { Candidate } from '../../ingest/candidate.ts';
import type { DuplicateCheck } from '../../ingest/inbox-files.ts';
import type { IntakeProblem } from '../../ingest/intake.ts';
import type { ReloadOutcome } from '../../snapshot.ts';
import { formatCount, formatPublicationDate } from '../format.ts';
import { LIMITS, escapeMarkdown, truncate } from '../limits.ts';
import { BRAND_COLOR, type MessageRow } from '../messages.ts';
import { renderReload } from './korpus.ts';

/**
 * custom_ids of a preview's buttons, built and parsed here only: `korpus:simpan:<key>` and
 * `korpus:batal:<key>`, `key` a PageStore key (10 characters).
 */
export const ADD_IDS = {
  save: (key: string) => `korpus:simpan:${key}`,
  cancel: (key: string) => `korpus:batal:${key}`,
  parse(customId: string): { action: 'simpan' | 'batal'; key: string } | null {
    const m = /^korpus:(simpan|batal):([\w-]{1,20})$/.exec(customId);
    return m ? { action: m[1] as 'simpan' | 'batal', key: m[2]! } : null;
  },
};

const WARNING_COLOR = 0xd97706;
const MB = 1024 * 1024;

function mb(bytes: number): string {
  return `${(bytes / MB).toLocaleString('id-ID', { maximumFractionDigits: 1 })} MB`;
}

/** Why nothing can be added, worded for the editor, with what to do. */
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
      return `Alamat itu bukan halaman teks (jenisnya \`${problem.contentType}\`). Yang bisa dibaca: halaman HTML atau teks biasa.`;
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
      const why = problem.reasons.length > 0 ? ` (${problem.reasons.slice(0, 3).join('; ')})` : '';
      return `Tidak ada teks artikel yang bisa dibaca${escapeMarkdown(why)}. Pastikan itu halaman satu berita, bukan beranda atau indeks.`;
    }
  }
}

function dateLine(article: Article): string {
  const { date } = article;
  if (!date) return 'tidak diketahui';
  const time = date.time ? `, ${date.time}` : '';
  return `${formatPublicationDate(date)}${time} (${PROVENANCE_LABELS_ID[date.provenance]})`;
}

function originLine(candidate: Candidate): string {
  if (candidate.source.kind === 'file') return `berkas \`${truncate(candidate.source.name.replace(/`/g, "'"), 100)}\``;
  return truncate(candidate.source.url, 300);
}

function field(name: string, value: string | null, inline = true): { name: string; value: string; inline: boolean } {
  return { name, value: truncate(value === null || value.trim() === '' ? '—' : value, LIMITS.embedFieldValue), inline };
}

function duplicateLines(duplicates: DuplicateCheck['duplicates']): string {
  return duplicates
    .slice(0, 5)
    .map(
      (d) => `• ${escapeMarkdown(truncate(d.article.title, 120))} — sudah ada sebagai \`${truncate(d.existingId.replace(/`/g, "'"), 80)}\``,
    )
    .join('\n');
}

/** The preview: what the loader will make of the file, and the Simpan / Batal buttons. */
export function renderAddPreview(
  candidate: Candidate,
  check: DuplicateCheck,
  key: string,
  ttlMinutes: number,
): { embeds: APIEmbed[]; components: MessageRow[] } {
  const first = check.fresh[0] ?? candidate.articles[0]!;
  const warnings = [...first.warnings];
  const fields = [
    field('Tanggal', dateLine(first)),
    field('Penerbit', first.publisher && escapeMarkdown(first.publisher)),
    field('Sumber berita', first.origin && escapeMarkdown(first.origin)),
    field('Penulis', first.author && escapeMarkdown(first.author)),
    field('Asal', originLine(candidate), false),
    field('Paragraf pertama', escapeMarkdown(truncate(first.paragraphs[0] ?? '', 900)), false),
  ];
  if (candidate.ext === '.jsonl') {
    const titles = candidate.articles.slice(0, 3).map((a, i) => `${i + 1}. ${escapeMarkdown(truncate(a.title, 150))}`);
    fields.unshift(field(`${formatCount(candidate.articles.length)} artikel`, titles.join('\n'), false));
  }
  if (candidate.errors.length > 0) warnings.push(`${formatCount(candidate.errors.length)} baris tidak terbaca dan tidak akan dimuat`);
  if (check.duplicates.length > 0) {
    fields.push(
      field(`${formatCount(check.duplicates.length)} sudah ada di korpus (tidak ditambah lagi)`, duplicateLines(check.duplicates), false),
    );
  }
  if (warnings.length > 0) fields.push(field('Peringatan', warnings.map((w) => `⚠ ${escapeMarkdown(w)}`).join('\n'), false));
  const embed: APIEmbed = {
    title: truncate(`Pratinjau: ${first.title.replace(/\s+/g, ' ')}`, LIMITS.embedTitle),
    color: warnings.length > 0 ? WARNING_COLOR : BRAND_COLOR,
    fields,
    footer: {
      text: `Simpan menambah ${formatCount(check.fresh.length)} artikel ke korpus. Tombol hanya untuk Anda, berlaku ${ttlMinutes} menit.`,
    },
  };
  const row: MessageRow = {
    type: ComponentType.ActionRow,
    components: [
      { type: ComponentType.Button, style: ButtonStyle.Success, custom_id: ADD_IDS.save(key), label: 'Simpan' },
      { type: ComponentType.Button, style: ButtonStyle.Secondary, custom_id: ADD_IDS.cancel(key), label: 'Batal' },
    ],
  };
  return { embeds: [embed], components: [row] };
}

/** Every article is already in the corpus: nothing to save. */
export function renderAllDuplicates(check: DuplicateCheck): string {
  return `Sudah ada di korpus, jadi tidak ditambah lagi:\n${duplicateLines(check.duplicates)}`;
}

/** After Simpan: where the file went, then the reload report of the corpus. */
export function renderSaved(file: string, outcome: ReloadOutcome, skipped: number): APIEmbed {
  const report = renderReload(outcome);
  const lines = [`Disimpan sebagai \`${file}\`.`];
  if (skipped > 0) lines.push(`${formatCount(skipped)} artikel sudah ada di korpus dan tidak ditambah lagi.`);
  if (outcome.status === 'failed') lines.push('Berkas sudah tersimpan; jalankan `/korpus muat-ulang` setelah masalahnya diperbaiki.');
  return {
    ...report,
    title: outcome.status === 'swapped' ? 'Artikel ditambahkan' : report.title,
    description: truncate(`${lines.join('\n')}\n\n${report.description ?? ''}`, LIMITS.embedDescription),
  };
}

/** After hapus: what moved where, how to restore it, then the reload report. */
export function renderRemoved(article: Article, trashFile: string, outcome: ReloadOutcome): APIEmbed {
  const report = renderReload(outcome);
  const lines = [
    `**${escapeMarkdown(truncate(article.title, 200))}** dihapus dari korpus.`,
    `Berkas \`${article.file}\` dipindah ke \`${trashFile}\`. Untuk memulihkan, pindahkan kembali ke \`masuk/\` lalu jalankan \`/korpus muat-ulang\`.`,
  ];
  return {
    ...report,
    title: outcome.status === 'swapped' ? 'Artikel dihapus' : report.title,
    description: truncate(`${lines.join('\n')}\n\n${report.description ?? ''}`, LIMITS.embedDescription),
  };
}
