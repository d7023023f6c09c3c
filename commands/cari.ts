import { SlashCommandBuilder, type AutocompleteInteraction, type ChatInputCommandInteraction } from 'discord.js';
import { answerInTime, ephemeralAnswer, type Answer, type Visibility } from '../src/bot/answer.ts';
import { english, type BotCommand, type CommandContext, type ComponentInteraction } from '../src/bot/command.ts';
import { dateRangeOptions, parseDayRange, type DayRange } from '../src/bot/input.ts';
import { NO_MENTIONS, autocompleteChoices, ephemeralText, type Suggestion } from '../src/bot/messages.ts';
import { renderArticlePage } from '../src/bot/render/article.ts';
import { renderSearchPage, searchProblemText, sourceChoiceLabel, type SearchSession } from '../src/bot/render/search.ts';
import { escapeMarkdown } from '../src/bot/limits.ts';
import type { Snapshot } from '../src/snapshot.ts';

/** Hits kept per search: 10 pages of 5, plenty to page through, small to keep for 15 minutes. */
const MAX_HITS = 50;

const [dari, sampai] = dateRangeOptions({ id: 'Terbit', en: 'Published' });

const definition = new SlashCommandBuilder()
  .setName('cari')
  .setNameLocalizations(english('search'))
  .setDescription('Cari artikel berita: kutipan yang cocok, tanggal, dan sumbernya')
  .setDescriptionLocalizations(english('Search news articles: matching excerpt, date and source'))
  .addStringOption((o) =>
    o
      .setName('kueri')
      .setNameLocalizations(english('query'))
      .setDescription('Kata yang Anda ingat, mis. kecaman Putin; "frasa" dan -kata juga bisa')
      .setDescriptionLocalizations(english('Words you remember, e.g. kecaman Putin; "phrase" and -word work too'))
      .setRequired(true)
      .setAutocomplete(true)
      .setMaxLength(200),
  )
  .addStringOption((o) =>
    o
      .setName('sumber')
      .setNameLocalizations(english('source'))
      .setDescription('Hanya dari penerbit ini (mis. Bisnis.com) atau asal berita yang dikutip (mis. Antara)')
      .setDescriptionLocalizations(english('Only from this outlet (e.g. Bisnis.com) or credited origin (e.g. Antara)'))
      .setAutocomplete(true)
      .setMaxLength(100),
  )
  .addStringOption(dari)
  .addStringOption(sampai)
  .addBooleanOption((o) =>
    o
      .setName('pribadi')
      .setNameLocalizations(english('private'))
      .setDescription('Tampilkan hasil hanya untuk Anda')
      .setDescriptionLocalizations(english('Show the results to you only')),
  )
  .toJSON();

/** The source the user meant (an outlet or a credited origin), as the corpus spells it, or null. */
async function knownSource(snapshot: Snapshot, typed: string): Promise<string | null> {
  const wanted = typed.toLocaleLowerCase('id');
  return (await snapshot.queries.sources(typed)).find(({ name }) => name.toLocaleLowerCase('id') === wanted)?.name ?? null;
}

async function unknownSourceMessage(snapshot: Snapshot, typed: string): Promise<string> {
  const names = (await snapshot.queries.sources()).slice(0, 15).map(({ name }) => escapeMarkdown(name));
  const list = names.length > 0 ? ` Sumber yang ada, antara lain: ${names.join(', ')}.` : '';
  return `Sumber **${escapeMarkdown(typed)}** tidak ada di korpus, sebagai penerbit maupun asal berita.${list} Pilih dari saran yang muncul saat mengetik.`;
}

function noResultMessage(query: string, didYouMean: string | undefined, filtered: boolean): string {
  const lines = [`Tidak ada artikel yang cocok dengan **${escapeMarkdown(query)}**.`];
  if (didYouMean) lines.push(`Mungkin maksud Anda: **${escapeMarkdown(didYouMean)}**?`);
  lines.push(
    filtered
      ? 'Coba hapus filter sumber atau tanggal, atau pakai kata yang lebih umum.'
      : 'Coba kata yang lebih umum, lebih sedikit kata, atau ejaan lain.',
  );
  return lines.join('\n');
}

interface SearchRequest {
  query: string;
  sumber: string | undefined;
  range: DayRange;
  visibility: Visibility;
}

/** The answer to one search: the first page of results, or why there is none (privately). */
async function searchAnswer(
  snapshot: Snapshot,
  request: SearchRequest,
  searches: CommandContext['searches'],
  userId: string,
): Promise<Answer> {
  const { query, sumber, range } = request;
  const source = sumber === undefined ? undefined : await knownSource(snapshot, sumber);
  if (source === null) return ephemeralAnswer(await unknownSourceMessage(snapshot, sumber!));

  const result = await snapshot.queries.search(query, {
    ...(source && { source }),
    ...(range.from && { from: range.from }),
    ...(range.to && { to: range.to }),
    limit: MAX_HITS,
  });
  if (result.problem) {
    return ephemeralAnswer(
      `Kueri ini tidak bisa dipakai: ${searchProblemText(result.problem)}. Tulis dua atau tiga kata yang Anda ingat dari berita, mis. \`/cari kueri: kecaman Putin\`.`,
    );
  }
  if (result.hits.length === 0) {
    const filtered = Boolean(source || range.from || range.to);
    return ephemeralAnswer(noResultMessage(query, result.didYouMean, filtered));
  }
  const session: SearchSession = {
    query,
    filters: {
      ...(source && { sumber: source }),
      ...(range.fromLabel && { dari: range.fromLabel }),
      ...(range.toLabel && { sampai: range.toLabel }),
    },
    hits: result.hits,
    total: result.total,
    tookMs: result.tookMs,
    ...(result.didYouMean && { didYouMean: result.didYouMean }),
  };
  const key = searches.put(userId, session);
  return { kind: 'reply', visibility: request.visibility, message: renderSearchPage(session, key, 0) };
}

async function execute(interaction: ChatInputCommandInteraction, ctx: CommandContext): Promise<void> {
  const query = interaction.options.getString('kueri', true).trim();
  const sumber = interaction.options.getString('sumber')?.trim() || undefined;
  const visibility = (interaction.options.getBoolean('pribadi') ?? false) ? 'ephemeral' : 'public';
  const dates = parseDayRange(interaction.options.getString('dari'), interaction.options.getString('sampai'));
  if (!dates.ok) return void (await interaction.reply(ephemeralText(dates.message)));

  // One snapshot for the whole request, so a reload meanwhile cannot mix two corpora.
  const snapshot = ctx.store.serving();
  // Late, the defer shows the results' visibility: an answer without results then replaces it privately.
  const answer = searchAnswer(snapshot, { query, sumber, range: dates.range, visibility }, ctx.searches, interaction.user.id);
  await answerInTime(interaction, { kind: 'reply', visibility }, answer);
}

async function autocomplete(interaction: AutocompleteInteraction, ctx: CommandContext): Promise<void> {
  const focused = interaction.options.getFocused(true);
  const typed = String(focused.value);
  const { queries } = ctx.store.current;
  const suggestions: Suggestion[] =
    focused.name === 'sumber'
      ? (await queries.sources(typed.trim())).map((source) => ({ value: source.name, name: sourceChoiceLabel(source) }))
      : await queries.suggest(typed.trim(), 25);
  await interaction.respond(autocompleteChoices(typed, suggestions));
}

const EXPIRED = 'Hasil pencarian ini sudah kedaluwarsa (disimpan 15 menit sejak terakhir dipakai). Jalankan `/cari` lagi untuk hasil baru.';
const ARTICLE_GONE = 'Artikel ini tidak ada lagi di korpus (korpus sudah dimuat ulang). Jalankan `/cari` lagi.';

/**
 * Buttons and the menu under a result. custom_ids: `cari:hal:<key>:<page>` (page the result,
 * owner only), `cari:buka:<key>` (open a hit, anyone, ephemeral), `cari:art:<key>:<hit>:<page>`
 * (page an opened article, in the reader's own ephemeral message).
 */
async function component(interaction: ComponentInteraction, ctx: CommandContext): Promise<void> {
  const [, action, key = '', ...rest] = interaction.customId.split(':');
  const lookup = ctx.searches.get(key);
  if (lookup.status === 'expired') return void (await interaction.reply(ephemeralText(EXPIRED)));
  const session = lookup.value;

  if (action === 'hal' && interaction.isButton()) {
    if (lookup.ownerId !== interaction.user.id) {
      return void (await interaction.reply(
        ephemeralText(
          `Hanya <@${lookup.ownerId}> yang bisa membalik halaman hasil ini. Jalankan \`/cari\` sendiri untuk hasil Anda; artikelnya tetap bisa Anda buka lewat menu.`,
        ),
      ));
    }
    return void (await interaction.update({ ...renderSearchPage(session, key, Number(rest[0])), allowedMentions: NO_MENTIONS }));
  }

  if (action !== 'buka' && action !== 'art') throw new Error(`unknown /cari component ${interaction.customId}`);
  const hitIndex = Number(action === 'buka' && interaction.isStringSelectMenu() ? interaction.values[0] : rest[0]);
  const page = action === 'art' ? Number(rest[1]) : 0;
  const answer = articleAnswer(ctx.store.current, session, key, hitIndex, page, action === 'buka' ? 'reply' : 'update');
  await answerInTime(interaction, action === 'buka' ? { kind: 'reply', visibility: 'ephemeral' } : { kind: 'update' }, answer);
}

/** Part `page` of a hit's article, for the reader only: a new message, or the reader's message updated in place. */
async function articleAnswer(
  snapshot: Snapshot,
  session: SearchSession,
  key: string,
  hitIndex: number,
  page: number,
  kind: 'reply' | 'update',
): Promise<Answer> {
  const hit = session.hits[hitIndex];
  const article = hit && (await snapshot.queries.article(hit.articleId));
  if (!article) return ephemeralAnswer(ARTICLE_GONE);
  const message = renderArticlePage(article, key, hitIndex, page);
  return kind === 'reply' ? { kind, visibility: 'ephemeral', message } : { kind, message };
}

export const cari: BotCommand = { definition, execute, autocomplete, component };
