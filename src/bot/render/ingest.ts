import { ButtonStyle, ComponentType, type APIEmbed } from 'discord.js';
import type { Article } from '../../corpus/types.ts';
import { articleWarningText } from '../../wording/article-warning.ts';
import { PROVENANCE_LABELS_ID } from '../../dates/format.ts';
import type { Candidate } from '../../ingest/candidate.ts';
import type { DuplicateCheck } from '../../ingest/inbox-files.ts';
import type { ReloadOutcome } from '../../snapshot.ts';
import { formatCount, formatPublicationDate } from '../format.ts';
import { LIMITS, escapeMarkdown, truncate } from '../limits.ts';
import { BRAND_COLOR, type MessageRow } from '../messages.ts';
import { renderReload } from './korpus.ts';

/** The preview's save button, named as is in every locale (the command's descriptions say to press it). */
export const SAVE_LABEL = 'Simpan';

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
  const warnings = first.warnings.map(articleWarningText);
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
      { type: ComponentType.Button, style: ButtonStyle.Success, custom_id: ADD_IDS.save(key), label: SAVE_LABEL },
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
  if (outcome.status !== 'swapped') lines.push('Berkas sudah tersimpan; jalankan `/korpus muat-ulang` setelah masalahnya diperbaiki.');
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
