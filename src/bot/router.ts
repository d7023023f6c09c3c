import type { Interaction } from 'discord.js';
import type { BotCommand, CommandContext } from './command.ts';
import { runSafely } from './errors.ts';
import { ephemeralText } from './messages.ts';

const UNKNOWN = 'Perintah ini tidak dikenal bot (mungkin dari versi lama). Ketik `/bantuan` untuk melihat perintah yang ada.';

/**
 * Dispatch every interaction to its command: slash commands and autocomplete by command
 * name, buttons and menus by the command name before the first ":" of their custom_id.
 * Each dispatch is wrapped, so no handler error escapes.
 */
export function createRouter(commands: readonly BotCommand[], ctx: CommandContext): (interaction: Interaction) => Promise<void> {
  const byName = new Map(commands.map((command) => [command.definition.name, command]));
  return (interaction) =>
    runSafely(interaction, ctx.logger, async () => {
      if (interaction.isChatInputCommand()) {
        const command = byName.get(interaction.commandName);
        if (!command) return void (await interaction.reply(ephemeralText(UNKNOWN)));
        ctx.logger.debug({ command: interaction.commandName, user: interaction.user.id }, 'command');
        await command.execute(interaction, ctx);
      } else if (interaction.isAutocomplete()) {
        const command = byName.get(interaction.commandName);
        await (command?.autocomplete ? command.autocomplete(interaction, ctx) : interaction.respond([]));
      } else if (interaction.isButton() || interaction.isStringSelectMenu()) {
        const command = byName.get(interaction.customId.split(':', 1)[0]!);
        if (!command?.component) return void (await interaction.reply(ephemeralText(UNKNOWN)));
        await command.component(interaction, ctx);
      }
    });
}
