import {
  MessageFlags,
  TimestampStyles,
  time,
  type AutocompleteInteraction,
  type ButtonInteraction,
  type ChatInputCommandInteraction,
} from 'discord.js';
import { isInboxArticle } from '../corpus/inbox.ts';
import { readAttachment, readUrl, type IntakeOutcome } from '../ingest/intake.ts';
import { appendJournal, checkDuplicates, corpusFolder, moveToTrash, saveCandidate, type JournalEntry } from '../ingest/inbox-files.ts';
import { ReloadInProgressError } from '../snapshot/errors.ts';
import type { ReloadOutcome } from '../snapshot/types.ts';
import type { CommandContext } from './command.ts';
import { failureForLog } from './corpus-store.ts';
import { LIMITS, truncate } from './limits.ts';
import { NO_MENTIONS, ephemeralText } from './messages.ts';
import { problemText } from '../wording/intake-problem.ts';
import { renderAddPreview, renderAllDuplicates, renderRemoved, renderSaved } from './render/ingest.ts';

/** `/korpus tambah`, `/korpus hapus artikel` and the preview's buttons; the caller has checked that the user is an admin. */

const SINGLE_FILE_CORPUS =
  'Korpus bot ini satu berkas, bukan folder, jadi artikel tidak bisa ditambah atau dihapus dari Discord. Arahkan `CORPUS_DIR` ke sebuah folder.';

/** Appends to the journal when the corpus is a folder; a journal that cannot be written is logged, never shown as a failure. */
export async function journal(ctx: CommandContext, entry: Omit<JournalEntry, 'at'>): Promise<void> {
  const folder = await corpusFolder(ctx.config.corpusDir);
  if (folder === null) return;
  try {
    await appendJournal(folder, { at: new Date().toISOString(), ...entry });
  } catch (error) {
    ctx.logger.error({ err: error, action: entry.action }, 'could not write the corpus journal');
  }
}

/** What the journal keeps of a reload outcome (under `reload`, beside the change's own status). */
export function outcomeSummary(outcome: ReloadOutcome): Record<string, unknown> {
  return outcome.status === 'swapped'
    ? {
        reload: 'swapped',
        before: outcome.report.before,
        after: outcome.report.after,
        added: outcome.report.added.count,
        removed: outcome.report.removed.count,
        changed: outcome.report.changed.count,
        durationMs: Math.round(outcome.report.durationMs),
      }
    : outcome.status === 'refused'
      ? { reload: 'refused', before: outcome.report.before, after: outcome.report.after, refusal: outcome.refusal }
      : { reload: 'failed', failure: failureForLog(outcome.failure) };
}

/**
 * Runs a store change. Another change that started between the caller's busy check and now makes
 * this one a failure to report (the file is already in place: the next reload serves it), not a crash.
 */
async function changeCorpus(change: () => Promise<ReloadOutcome>, by: string): Promise<ReloadOutcome> {
  try {
    return await change();
  } catch (error) {
    if (!(error instanceof ReloadInProgressError)) throw error;
    return { status: 'failed', failure: { kind: 'busy' }, durationMs: 0, finishedAt: new Date(), by };
  }
}

function busyText(startedAt: Date, by: string | undefined): string {
  const who = by ? ` oleh <@${by}>` : '';
  return `Korpus sedang diubah (dimulai ${time(startedAt, TimestampStyles.RelativeTime)}${who}). Tunggu sampai selesai, lalu coba lagi.`;
}

export async function addArticles(interaction: ChatInputCommandInteraction, ctx: CommandContext): Promise<void> {
  const url = interaction.options.getString('url')?.trim() || null;
  const attachment = interaction.options.getAttachment('berkas');
  if ((url === null) === (attachment === null)) {
    return void (await interaction.reply(
      ephemeralText('Isi tepat satu: `url` (alamat halaman berita) **atau** `berkas` (lampiran .txt, .md, .jsonl atau .html).'),
    ));
  }
  if ((await corpusFolder(ctx.config.corpusDir)) === null) return void (await interaction.reply(ephemeralText(SINGLE_FILE_CORPUS)));
  const by = interaction.user.id;
  const what = url !== null ? { url } : { berkas: attachment!.name, size: attachment!.size };
  const rate = ctx.curation.limiter.take(by);
  if (!rate.ok) {
    await journal(ctx, { by, action: 'tambah', what, result: { status: 'ditolak', reason: 'rate-limit' } });
    const again = new Date(Date.now() + rate.retryAfterMs);
    return void (await interaction.reply(
      ephemeralText(
        `Batas ${ctx.curation.params.additionsPerMinute} penambahan per menit tercapai. Coba lagi ${time(again, TimestampStyles.RelativeTime)}.`,
      ),
    ));
  }
  // Fetching a page can take seconds: acknowledge first.
  await interaction.deferReply({ flags: MessageFlags.Ephemeral });
  const opts = { allowHosts: ctx.curation.allowHosts, params: ctx.curation.params };
  const read: IntakeOutcome =
    url !== null
      ? await readUrl(url, opts)
      : await readAttachment({ url: attachment!.url, name: attachment!.name, size: attachment!.size }, opts);
  if (!read.ok) {
    await journal(ctx, { by, action: 'tambah', what, result: { status: 'ditolak', problem: read.problem } });
    return void (await interaction.editReply({ content: problemText(read.problem), allowedMentions: NO_MENTIONS }));
  }
  const check = await checkDuplicates(read.candidate, (probe) => ctx.store.current.queries.duplicateOf(probe));
  if (check.fresh.length === 0) {
    await journal(ctx, { by, action: 'tambah', what, result: { status: 'sudah-ada', ids: check.duplicates.map((d) => d.existingId) } });
    return void (await interaction.editReply({
      content: truncate(renderAllDuplicates(check), LIMITS.content),
      allowedMentions: NO_MENTIONS,
    }));
  }
  const key = ctx.curation.pending.put(by, { candidate: read.candidate, fresh: check.fresh, duplicates: check.duplicates, what });
  const ttlMinutes = Math.round(ctx.curation.params.previewTtlMs / 60_000);
  await interaction.editReply({ ...renderAddPreview(read.candidate, check, key, ttlMinutes), allowedMentions: NO_MENTIONS });
}

const EXPIRED = 'Pratinjau ini sudah kedaluwarsa atau sudah dipakai (tombolnya berlaku 15 menit). Jalankan `/korpus tambah` lagi.';

/** Simpan / Batal under a preview. */
export async function previewButton(
  interaction: ButtonInteraction,
  ctx: CommandContext,
  parsed: { action: 'simpan' | 'batal'; key: string },
): Promise<void> {
  const lookup = ctx.curation.pending.get(parsed.key);
  if (lookup.status === 'expired') return void (await interaction.reply(ephemeralText(EXPIRED)));
  const by = interaction.user.id;
  if (lookup.ownerId !== by) {
    return void (await interaction.reply(
      ephemeralText(`Hanya <@${lookup.ownerId}>, yang meminta pratinjau ini, yang bisa menekan tombolnya.`),
    ));
  }
  const pending = lookup.value;
  if (parsed.action === 'batal') {
    ctx.curation.pending.delete(parsed.key);
    await journal(ctx, { by, action: 'tambah', what: pending.what, result: { status: 'dibatalkan' } });
    return void (await interaction.update({
      content: 'Dibatalkan; tidak ada yang disimpan.',
      embeds: [],
      components: [],
      allowedMentions: NO_MENTIONS,
    }));
  }
  const running = ctx.store.running;
  if (running) return void (await interaction.reply(ephemeralText(busyText(running.startedAt, running.by))));
  const folder = await corpusFolder(ctx.config.corpusDir);
  if (folder === null) return void (await interaction.reply(ephemeralText(SINGLE_FILE_CORPUS)));
  // One use: a second click (or a second admin's) finds nothing.
  ctx.curation.pending.delete(parsed.key);
  await interaction.deferUpdate();
  // Checked again: another editor may have added the same article since the preview.
  const check = await checkDuplicates({ ...pending.candidate, articles: pending.fresh }, (probe) =>
    ctx.store.current.queries.duplicateOf(probe),
  );
  const skipped = pending.duplicates.length + check.duplicates.length;
  if (check.fresh.length === 0) {
    await journal(ctx, { by, action: 'tambah', what: pending.what, result: { status: 'sudah-ada' } });
    return void (await interaction.editReply({
      content: truncate(renderAllDuplicates(check), LIMITS.content),
      embeds: [],
      components: [],
      allowedMentions: NO_MENTIONS,
    }));
  }
  const saved = await saveCandidate(folder, pending.candidate, check.fresh);
  if (saved.status === 'exists') {
    await journal(ctx, { by, action: 'tambah', what: pending.what, result: { status: 'sudah-ada', file: saved.file } });
    return void (await interaction.editReply({
      content: `Berkas yang sama sudah tersimpan sebagai \`${saved.file}\`.`,
      embeds: [],
      components: [],
      allowedMentions: NO_MENTIONS,
    }));
  }
  const outcome = await changeCorpus(() => ctx.store.add([saved.file], by), by);
  ctx.logger.info({ user: by, file: saved.file, ...outcomeSummary(outcome) }, 'articles added');
  await journal(ctx, {
    by,
    action: 'tambah',
    what: pending.what,
    result: { status: 'disimpan', file: saved.file, ...outcomeSummary(outcome) },
  });
  await interaction.editReply({
    content: '',
    embeds: [renderSaved(saved.file, outcome, skipped)],
    components: [],
    allowedMentions: NO_MENTIONS,
  });
}

export async function removeArticle(interaction: ChatInputCommandInteraction, ctx: CommandContext): Promise<void> {
  const id = interaction.options.getString('artikel', true);
  const article = await ctx.store.current.queries.article(id);
  if (!article) {
    return void (await interaction.reply(
      ephemeralText('Artikel itu tidak ada di korpus. Pilih dari saran yang muncul saat mengetik judulnya.'),
    ));
  }
  if (!isInboxArticle(article.file)) {
    return void (await interaction.reply(
      ephemeralText(
        `Artikel ini berasal dari \`${article.file.replace(/`/g, "'")}\`, yang hanya bisa diubah di folder korpus (dari Discord hanya artikel yang ditambah lewat \`/korpus tambah\`, di \`masuk/\`, yang bisa dihapus).`,
      ),
    ));
  }
  const folder = await corpusFolder(ctx.config.corpusDir);
  if (folder === null) return void (await interaction.reply(ephemeralText(SINGLE_FILE_CORPUS)));
  const running = ctx.store.running;
  if (running) return void (await interaction.reply(ephemeralText(busyText(running.startedAt, running.by))));
  await interaction.deferReply({ flags: MessageFlags.Ephemeral });
  const by = interaction.user.id;
  const trashFile = await moveToTrash(folder, article.file);
  const outcome = await changeCorpus(() => ctx.store.remove([article.file], by), by);
  ctx.logger.info({ user: by, id, file: article.file, ...outcomeSummary(outcome) }, 'article removed');
  await journal(ctx, {
    by,
    action: 'hapus',
    what: { id, file: article.file },
    result: { status: 'dihapus', trash: trashFile, ...outcomeSummary(outcome) },
  });
  await interaction.editReply({ embeds: [renderRemoved(article, trashFile, outcome)], allowedMentions: NO_MENTIONS });
}

/** Articles by title for `hapus artikel`: those from the inbox (removable) first; the value is the article id. */
export async function articleChoices(interaction: AutocompleteInteraction, ctx: CommandContext): Promise<void> {
  const typed = String(interaction.options.getFocused());
  const entries = await ctx.store.current.queries.titles(typed, LIMITS.choices);
  const choices = entries
    .filter((e) => e.id.length <= LIMITS.choiceValue)
    .map((e) => {
      const tag = isInboxArticle(e.file) ? '' : ' [hanya-baca]';
      const when = e.date ? ` · ${e.date}` : '';
      return { name: truncate(`${e.title.replace(/\s+/g, ' ')}${when}${tag}`, LIMITS.choiceName), value: e.id };
    });
  await interaction.respond(choices);
}
