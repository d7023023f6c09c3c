import { bantuan } from '../../commands/bantuan.ts';
import { cari } from '../../commands/cari.ts';
import { korpus } from '../../commands/korpus.ts';
import { timeline } from '../../commands/timeline.ts';
import type { BotCommand } from './command.ts';

/** Every slash command the bot serves, in the order `/bantuan` describes them. */
export const COMMANDS: readonly BotCommand[] = [cari, timeline, korpus, bantuan];
