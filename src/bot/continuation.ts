import {
  ChannelType,
  PermissionFlagsBits,
  Routes,
  ThreadAutoArchiveDuration,
  type APIEmbed,
  type APIThreadChannel,
  type ChatInputCommandInteraction,
} from 'discord.js';
import type { Logger } from './logger.ts';
import { truncate } from './limits.ts';
import { NO_MENTIONS } from './messages.ts';

const THREAD_NAME_MAX = 100;

/** A thread keeps a long answer together without flooding the channel; only where the bot may open one. */
function canContinueInThread(interaction: ChatInputCommandInteraction): boolean {
  const type = interaction.channel?.type;
  return (
    (type === ChannelType.GuildText || type === ChannelType.GuildAnnouncement) &&
    interaction.appPermissions.has([PermissionFlagsBits.CreatePublicThreads, PermissionFlagsBits.SendMessagesInThreads])
  );
}

/**
 * Answer a deferred command with a sequence of messages: the first edits the deferred reply;
 * the rest go into a thread started from it where the channel allows one, else into follow-ups.
 * A thread that cannot be opened (permissions changed meanwhile) falls back to follow-ups.
 */
export async function replyInParts(
  interaction: ChatInputCommandInteraction,
  messages: readonly APIEmbed[][],
  threadName: string,
  logger: Logger,
): Promise<void> {
  const [first = [], ...rest] = messages;
  const reply = await interaction.editReply({ embeds: first, allowedMentions: NO_MENTIONS });
  let sent = 0;
  if (rest.length > 0 && canContinueInThread(interaction)) {
    try {
      const thread = (await interaction.client.rest.post(Routes.threads(reply.channelId, reply.id), {
        body: { name: truncate(threadName, THREAD_NAME_MAX), auto_archive_duration: ThreadAutoArchiveDuration.OneDay },
      })) as APIThreadChannel;
      for (const embeds of rest) {
        await interaction.client.rest.post(Routes.channelMessages(thread.id), { body: { embeds, allowed_mentions: NO_MENTIONS } });
        sent++;
      }
    } catch (error) {
      logger.warn({ err: error, channel: reply.channelId, sent }, 'could not continue in a thread; using follow-ups');
    }
  }
  // Whatever the thread did not take (all of it, without a thread) goes out as follow-ups.
  for (const embeds of rest.slice(sent)) await interaction.followUp({ embeds, allowedMentions: NO_MENTIONS });
}
