import { randomBytes } from 'node:crypto';
import type { Interaction } from 'discord.js';
import { CorpusUnavailableError } from '../snapshot/errors.ts';
import type { Logger } from './logger.ts';
import { acknowledgement, sendReply } from './answer.ts';
import { NO_MENTIONS } from './messages.ts';

/** A short id the user can quote and the operator can grep for: 6 characters, no look-alikes. */
export function referenceId(): string {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  return [...randomBytes(6)].map((b) => alphabet[b % alphabet.length]).join('');
}

export function errorMessage(ref: string): string {
  return `Maaf, terjadi kesalahan saat memproses permintaan ini. Coba lagi sebentar lagi; bila berulang, sampaikan kode **${ref}** kepada admin bot.`;
}

/** What a user is told while the corpus cannot answer (a worker crashed and is being rebuilt, or a reload retired it). */
export const UNAVAILABLE_MESSAGE = 'Korpus sedang dimuat ulang. Coba lagi dalam beberapa detik.';
/** What a user is told while the bot, just started, still loads its corpus. */
export const LOADING_MESSAGE = 'Korpus sedang dimuat (bot baru saja dinyalakan). Coba lagi dalam beberapa detik.';

/** Which handler ran, for the log line. */
function describe(interaction: Interaction): Record<string, string> {
  const where: Record<string, string> = { interaction: interaction.id, user: interaction.user.id };
  if (interaction.isCommand() || interaction.isAutocomplete()) where.command = interaction.commandName;
  if (interaction.isMessageComponent()) where.customId = interaction.customId;
  return where;
}

/**
 * Run a handler so that no error escapes: the error is logged with a reference id, and the
 * user gets an Indonesian message with the same id, privately (see `sendReply`: a reply, a
 * follow-up, or the deferred reply when it loads privately). After a deferred update the message
 * the button was on becomes the error, since what it offered may be used up. Autocomplete gets
 * an empty list instead.
 */
export async function runSafely(interaction: Interaction, logger: Logger, handler: () => Promise<void>): Promise<void> {
  try {
    await handler();
  } catch (error) {
    // Not a fault of this request: the user is told to ask again, with no reference to quote.
    const unavailable = error instanceof CorpusUnavailableError;
    const ref = unavailable ? undefined : referenceId();
    const retryMessage = unavailable && error.loading ? LOADING_MESSAGE : UNAVAILABLE_MESSAGE;
    if (unavailable) logger.warn({ reason: error.message, ...describe(interaction) }, 'corpus unavailable; user asked to retry');
    else logger.error({ err: error, ref, ...describe(interaction) }, 'handler failed');
    try {
      if (interaction.isAutocomplete()) {
        if (!interaction.responded) await interaction.respond([]);
      } else if (interaction.isRepliable()) {
        const content = ref === undefined ? retryMessage : errorMessage(ref);
        // After a deferred update, the message the button was on is the one to edit.
        if (acknowledgement(interaction) === 'deferred-update')
          await interaction.editReply({ content, embeds: [], components: [], allowedMentions: NO_MENTIONS });
        else await sendReply(interaction, { content }, 'ephemeral');
      }
    } catch (replyError) {
      logger.error({ err: replyError, ref, ...describe(interaction) }, 'could not tell the user about the failure');
    }
  }
}
