import type {
  AutocompleteInteraction,
  ButtonInteraction,
  ChatInputCommandInteraction,
  RESTPostAPIChatInputApplicationCommandsJSONBody,
  StringSelectMenuInteraction,
} from 'discord.js';
import type { SnapshotStore } from '../snapshot.ts';
import type { BotConfig } from './config.ts';
import type { Curation } from './curation.ts';
import type { Logger } from './logger.ts';
import type { PageStore } from './page-store.ts';
import type { SearchSession } from './render/search.ts';

/** What a command handler may use: the current corpus and the bot's shared state. */
export interface CommandContext {
  store: SnapshotStore;
  config: BotConfig;
  logger: Logger;
  /** Paging state of `/cari` results, keyed by the short id in their buttons. */
  searches: PageStore<SearchSession>;
  /** Previews and limits of `/korpus tambah`. */
  curation: Curation;
}

export type ComponentInteraction = ButtonInteraction | StringSelectMenuInteraction;

/**
 * One slash command: its registration body and its handlers. Components whose
 * custom_id starts with `<name>:` are routed to `component`.
 */
export interface BotCommand {
  readonly definition: RESTPostAPIChatInputApplicationCommandsJSONBody;
  execute(interaction: ChatInputCommandInteraction, ctx: CommandContext): Promise<void>;
  autocomplete?(interaction: AutocompleteInteraction, ctx: CommandContext): Promise<void>;
  component?(interaction: ComponentInteraction, ctx: CommandContext): Promise<void>;
}

/** The same English text for both English locales Discord offers. */
export function english(text: string): { 'en-US': string; 'en-GB': string } {
  return { 'en-US': text, 'en-GB': text };
}
