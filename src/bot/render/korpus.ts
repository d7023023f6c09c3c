import { TimestampStyles, time, type APIEmbed } from 'discord.js';
import type { LoadIssue } from '../../corpus/types.ts';
import type { IdChanges, ReloadOutcome, ShrinkRefusal, Snapshot, StoreFailure, StoreHealth } from '../../snapshot.ts';
import { formatCount, formatDateId, formatDuration } from '../format.ts';
import { LIMITS, escapeMarkdown, truncate } from '../limits.ts';
import { BRAND_COLOR } from '../messages.ts';
import { issuePlace, loadProblemText } from '../../wording/load-problem.ts';
import { storeFailureAdvice, storeFailureText } from '../../wording/store-failure.ts';

const FAILURE_COLOR = 0xd97706;
/** File errors listed by name; the rest are counted, so a folder of broken files still fits. */
const ISSUES_SHOWN = 15;

function issueLine(issue: LoadIssue): string {
  return `• \`${truncate(issuePlace(issue).replace(/`/g, "'"), 120)}\` — ${escapeMarkdown(truncate(loadProblemText(issue.problem), 200))}`;
}

function issueList(issues: readonly LoadIssue[]): string {
  if (issues.length === 0) return 'Tidak ada berkas bermasalah.';
  const lines = issues.slice(0, ISSUES_SHOWN).map(issueLine);
  if (issues.length > ISSUES_SHOWN) lines.push(`… dan ${formatCount(issues.length - ISSUES_SHOWN)} lainnya (lihat log).`);
  return `**${formatCount(issues.length)} berkas dilewati:**\n${lines.join('\n')}`;
}

function changeLine(label: string, changes: IdChanges): string {
  if (changes.count === 0) return `${label}: 0`;
  const sample = changes.sample.map((id) => `\`${truncate(id.replace(/`/g, "'"), 60)}\``).join(', ');
  const more = changes.count > changes.sample.length ? ', …' : '';
  return `${label}: ${formatCount(changes.count)} (${sample}${more})`;
}

/** What `/korpus muat-ulang` answers: the new corpus and how it differs, or why the old one stays. */
export function renderReload(outcome: ReloadOutcome): APIEmbed {
  if (outcome.status === 'failed') {
    const description = [
      `Korpus lama tetap dipakai. Korpus baru tidak bisa dimuat: ${failureText(outcome.failure)}.`,
      storeFailureAdvice(outcome.failure) ?? '',
      `Durasi: ${formatDuration(outcome.durationMs)}`,
    ]
      .filter(Boolean)
      .join('\n\n');
    return { title: 'Muat ulang gagal', description: truncate(description, LIMITS.embedDescription), color: FAILURE_COLOR };
  }
  if (outcome.status === 'refused') {
    const r = outcome.report;
    const description = [
      `Korpus lama (${formatCount(r.before)} artikel) tetap dipakai. ${refusalText(outcome.refusal, r.before)}`,
      `Korpus baru: ${formatCount(r.after)} artikel. ${changeLine('Hilang', r.removed)}`,
      outcome.refusal.files.length > 0 ? issueList(outcome.refusal.files) : '',
      'Bila memang disengaja, jalankan lagi `/korpus muat-ulang paksa: True`.',
    ]
      .filter(Boolean)
      .join('\n\n');
    return { title: 'Muat ulang ditolak', description: truncate(description, LIMITS.embedDescription), color: FAILURE_COLOR };
  }
  const r = outcome.report;
  const description = [
    `Artikel: ${formatCount(r.before)} → ${formatCount(r.after)}`,
    changeLine('Ditambah', r.added),
    changeLine('Dihapus', r.removed),
    changeLine('Diubah', r.changed),
    `Durasi: ${formatDuration(r.durationMs)} (${r.how === 'derived' ? 'hanya artikel yang berubah diproses' : 'indeks dibangun ulang penuh'})`,
    '',
    issueList(r.errors),
  ].join('\n');
  return { title: 'Korpus dimuat ulang', description: truncate(description, LIMITS.embedDescription), color: BRAND_COLOR };
}

/** Why the shrink guard refused a reload, with its numbers. */
function refusalText(refusal: ShrinkRefusal, before: number): string {
  const share = before === 0 ? 0 : Math.round((refusal.lost / before) * 1000) / 10;
  const lost = `Korpus baru kehilangan ${formatCount(refusal.lost)} dari ${formatCount(before)} artikel (${share.toLocaleString('id-ID')}%)`;
  if (refusal.lostToErrors > 0)
    return `${lost}; ${formatCount(refusal.lostToErrors)} di antaranya karena ${formatCount(refusal.files.length)} berkas gagal dibaca.`;
  return `${lost}, lebih dari batas ${Math.round(refusal.limit * 100)}%.`;
}

function reloadSummary(last: ReloadOutcome | null, snapshot: Snapshot): string {
  if (!last)
    return `Belum pernah; korpus dimuat saat bot mulai, ${time(snapshot.loadedAt, TimestampStyles.RelativeTime)} (${formatDuration(snapshot.durationMs)}).`;
  const when = time(last.finishedAt, TimestampStyles.RelativeTime);
  if (last.status === 'swapped')
    return `Berhasil ${when}: ${formatCount(last.report.before)} → ${formatCount(last.report.after)} artikel (${formatDuration(last.report.durationMs)}).`;
  if (last.status === 'refused')
    return `Ditolak ${when}: ${refusalText(last.refusal, last.report.before)} Korpus sebelumnya tetap dipakai.`;
  return `Gagal ${when}: ${failureText(last.failure)}. Korpus sebelumnya tetap dipakai.`;
}

/** A failure's words, escaped for markdown. */
function failureText(failure: StoreFailure): string {
  return escapeMarkdown(storeFailureText(failure));
}

/**
 * Whether the corpus answers; while it loads or a crashed worker is rebuilt, since when and, to admins
 * (`detailed`), why and how the bot's attempts go.
 */
function healthText(health: StoreHealth, detailed: boolean): string {
  if (health.state === 'serving') return 'Sehat: pencarian dan timeline dilayani.';
  const since = time(health.since, TimestampStyles.RelativeTime);
  if (health.state === 'loading' && health.lastAttempt === null)
    return `**Sedang dimuat** sejak ${since}: bot baru mulai. Pencarian dan timeline dilayani begitu korpus selesai dimuat.`;
  if (!detailed) return '**Tidak melayani** sementara: korpus sedang dimuat ulang.';
  const lines = [
    health.state === 'loading'
      ? `**Tidak melayani** sejak ${since}: korpus belum bisa dimuat sejak bot mulai.`
      : `**Tidak melayani** sejak ${since}: ${failureText(health.cause)}.`,
    `Bot memuat ulang korpus sendiri (percobaan ke-${health.attempts}).`,
  ];
  const last = health.lastAttempt;
  if (last?.status === 'failed') lines.push(`Percobaan terakhir gagal: ${failureText(last.failure)}.`);
  if (last?.status === 'refused') lines.push(`Percobaan terakhir ditolak: ${refusalText(last.refusal, last.report.before)}`);
  if (health.nextAttemptAt) lines.push(`Percobaan berikutnya ${time(health.nextAttemptAt, TimestampStyles.RelativeTime)}.`);
  return lines.join('\n');
}

/** Broken files by count only: their names and reasons are for corpus admins. */
function issueCount(issues: readonly LoadIssue[]): string {
  if (issues.length === 0) return 'Tidak ada berkas bermasalah.';
  return `${formatCount(issues.length)} berkas dilewati. Daftarnya hanya untuk admin korpus.`;
}

/**
 * What `/korpus status` answers; `fileList` (admins only) names the broken files, others see their
 * count, and gives admins the health details (why the corpus is down, how recovery goes).
 */
export function renderStatus(
  snapshot: Snapshot,
  last: ReloadOutcome | null,
  reloading: boolean,
  health: StoreHealth,
  opts: { fileList: boolean },
): APIEmbed {
  const { stats } = snapshot;
  const publishers =
    stats.publishers.length === 0
      ? 'Tidak diketahui'
      : stats.publishers
          .slice(0, 12)
          .map((p) => `${escapeMarkdown(p.name)} (${formatCount(p.count)})`)
          .join(', ') + (stats.publishers.length > 12 ? `, dan ${stats.publishers.length - 12} lainnya` : '');
  const range = stats.dateRange
    ? `${formatDateId(stats.dateRange.from, precisionOf(stats.dateRange.from))} – ${formatDateId(stats.dateRange.to, precisionOf(stats.dateRange.to))}`
    : 'Tidak diketahui';
  const fields = [
    { name: 'Kesehatan', value: truncate(healthText(health, opts.fileList), LIMITS.embedFieldValue) },
    { name: 'Artikel', value: formatCount(stats.articles), inline: true },
    { name: 'Penerbit', value: formatCount(stats.publishers.length), inline: true },
    { name: 'Rentang tanggal', value: range, inline: true },
    { name: 'Daftar penerbit', value: truncate(publishers, LIMITS.embedFieldValue) },
    {
      name: 'Muat ulang terakhir',
      value: truncate(reloadSummary(last, snapshot) + (reloading ? '\nSedang berjalan sekarang.' : ''), LIMITS.embedFieldValue),
    },
    {
      name: 'Berkas bermasalah',
      value: truncate(opts.fileList ? issueList(snapshot.errors) : issueCount(snapshot.errors), LIMITS.embedFieldValue),
    },
  ];
  return { title: 'Status korpus', color: BRAND_COLOR, fields };
}

/**
 * What `/korpus status` answers until the first corpus serves: there is nothing else to show yet. Admins
 * (`detailed`) see why the attempts so far failed.
 */
export function renderLoadingStatus(health: Extract<StoreHealth, { state: 'loading' }>, opts: { detailed: boolean }): APIEmbed {
  const value = truncate(healthText(health, opts.detailed), LIMITS.embedFieldValue);
  return { title: 'Status korpus', color: BRAND_COLOR, fields: [{ name: 'Kesehatan', value }] };
}

function precisionOf(iso: string): 'day' | 'month' | 'year' {
  return iso.length === 10 ? 'day' : iso.length === 7 ? 'month' : 'year';
}
