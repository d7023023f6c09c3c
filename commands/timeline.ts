import { SlashCommandBuilder, type AutocompleteInteraction, type ChatInputCommandInteraction } from 'discord.js';
import { english, type BotCommand, type CommandContext } from '../src/bot/command.ts';
import { dateRangeOptions, parseDayRange } from '../src/bot/input.ts';
import { replyInParts } from '../src/bot/continuation.ts';
import { autocompleteChoices, ephemeralText } from '../src/bot/messages.ts';
import { renderTimeline } from '../src/bot/render/timeline.ts';
import { MAX_TOPIC_CHARS } from '../src/timeline/types.ts';

const DEFAULT_EVENTS = 15;
const MAX_EVENTS = 60;

const [dari, sampai] = dateRangeOptions({ id: 'Peristiwa', en: 'Events' });

const definition = new SlashCommandBuilder()
  .setName('timeline')
  .setNameLocalizations(english('timeline'))
  .setDescription('Kronologi peristiwa dari berita, tiap baris dengan sumbernya')
  .setDescriptionLocalizations(english('Chronology of events from the news, every line cited'))
  .addStringOption((o) =>
    o
      .setName('topik')
      .setNameLocalizations(english('topic'))
      .setDescription('Topiknya, mis. Korea Utara; kosongkan untuk seluruh korpus')
      .setDescriptionLocalizations(english('The topic, e.g. Korea Utara; leave empty for the whole corpus'))
      .setAutocomplete(true)
      .setMaxLength(MAX_TOPIC_CHARS),
  )
  .addStringOption(dari)
  .addStringOption(sampai)
  .addIntegerOption((o) =>
    o
      .setName('jumlah')
      .setNameLocalizations(english('count'))
      .setDescription(`Berapa peristiwa paling penting yang ditampilkan (bawaan ${DEFAULT_EVENTS})`)
      .setDescriptionLocalizations(english(`How many of the most important events to show (default ${DEFAULT_EVENTS})`))
      .setMinValue(1)
      .setMaxValue(MAX_EVENTS),
  )
  .toJSON();

async function execute(interaction: ChatInputCommandInteraction, ctx: CommandContext): Promise<void> {
  const topic = interaction.options.getString('topik')?.trim() || undefined;
  const limit = interaction.options.getInteger('jumlah') ?? DEFAULT_EVENTS;
  const dates = parseDayRange(interaction.options.getString('dari'), interaction.options.getString('sampai'));
  if (!dates.ok) return void (await interaction.reply(ephemeralText(dates.message)));

  const snapshot = ctx.store.serving();
  // Gathering events over a large corpus may take a moment: defer before any work.
  await interaction.deferReply();
  const { result, urls } = await snapshot.queries.timeline({
    ...(topic && { topic }),
    ...(dates.range.from && { from: dates.range.from }),
    ...(dates.range.to && { to: dates.range.to }),
    limit,
  });
  const messages = renderTimeline(
    result,
    {
      ...(topic && { topic }),
      ...(dates.range.fromLabel && { dari: dates.range.fromLabel }),
      ...(dates.range.toLabel && { sampai: dates.range.toLabel }),
    },
    (id) => urls[id] ?? null,
  );

  await replyInParts(interaction, messages, topic ? `Timeline: ${topic}` : 'Timeline', ctx.logger);
}

async function autocomplete(interaction: AutocompleteInteraction, ctx: CommandContext): Promise<void> {
  const typed = interaction.options.getFocused();
  await interaction.respond(autocompleteChoices(typed, await ctx.store.current.queries.suggest(typed.trim(), 25)));
}

export const timeline: BotCommand = { definition, execute, autocomplete };
