import { PermissionFlagsBits, type BaseInteraction } from 'discord.js';
import type { BotConfig } from './config.ts';

/**
 * The one rule for who may change the corpus (`/korpus muat-ulang`, and every admin subcommand after it) and
 * see which files are broken: a user listed in ADMIN_USER_IDS, or a Manage Server holder of one of the bot's
 * home servers (ADMIN_GUILD_IDS) — there, and only through the bot's own installation in that server.
 *
 * Why the installation matters: a user may install the app on their own account and run it in any server,
 * their own included, where they hold Manage Server. Such an interaction carries `member.permissions` for
 * that server, but it is authorized by the user's install, not the server's: those permissions say nothing
 * about the bot's operators.
 */
export function isCorpusAdmin(interaction: BaseInteraction, config: Pick<BotConfig, 'adminUserIds' | 'adminGuildIds'>): boolean {
  if (!interaction.inGuild()) return false;
  if (config.adminUserIds.includes(interaction.user.id)) return true;
  const installedByGuild = interaction.authorizingIntegrationOwners.guildId === interaction.guildId;
  return (
    installedByGuild &&
    config.adminGuildIds.includes(interaction.guildId) &&
    interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild) === true
  );
}
