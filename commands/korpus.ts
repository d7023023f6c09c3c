import {
  ApplicationIntegrationType,
  InteractionContextType,
  MessageFlags,
  PermissionFlagsBits,
  SlashCommandBuilder,
  TimestampStyles,
  time,
  type AutocompleteInteraction,
  type ChatInputCommandInteraction,
} from 'discord.js';
import { isCorpusAdmin } from '../src/bot/access.ts';
import { english, type BotCommand, type CommandContext, type ComponentInteraction } from '../src/bot/command.ts';
import { addArticles, articleChoices, journal, outcomeSummary, previewButton, removeArticle } from '../src/bot/corpus-changes.ts';
import { failureForLog } from '../src/bot/corpus-store.ts';
import { LOADING_MESSAGE } from '../src/bot/errors.ts';
import { ADD_IDS, SAVE_LABEL } from '../src/bot/render/ingest.ts';
import { NO_MENTIONS, ephemeralText } from '../src/bot/messages.ts';
import { renderLoadingStatus, renderReload, renderStatus } from '../src/bot/render/korpus.ts';

const definition = new SlashCommandBuilder()
  .setName('korpus')
  .setNameLocalizations(english('corpus'))
  .setDescription('Kelola korpus berita bot')
  .setDescriptionLocalizations(english("Manage the bot's news corpus"))
  // Hidden from members without Manage Server by default; the handler checks again (src/bot/access.ts), since
  // server admins can override this. Servers only, and only through the bot's installation in the server.
  .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild)
  .setContexts(InteractionContextType.Guild)
  .setIntegrationTypes(ApplicationIntegrationType.GuildInstall)
  .addSubcommand((s) =>
    s
      .setName('muat-ulang')
      .setNameLocalizations(english('reload'))
      .setDescription('Muat ulang artikel dari folder korpus tanpa menghentikan bot')
      .setDescriptionLocalizations(english('Reload the articles from the corpus folder without stopping the bot'))
      .addBooleanOption((o) =>
        o
          .setName('paksa')
          .setNameLocalizations(english('force'))
          .setDescription('Pakai korpus baru walau kehilangan banyak artikel atau ada berkas gagal dibaca')
          .setDescriptionLocalizations(english('Use the new corpus even if it loses many articles or some files failed to load')),
      )
      .addBooleanOption((o) =>
        o
          .setName('penuh')
          .setNameLocalizations(english('full'))
          .setDescription('Bangun ulang seluruh indeks, walau hanya sedikit artikel yang berubah (lebih lama)')
          .setDescriptionLocalizations(english('Rebuild the whole index even if few articles changed (slower)')),
      ),
  )
  .addSubcommand((s) =>
    s
      .setName('status')
      .setNameLocalizations(english('status'))
      .setDescription('Jumlah artikel, penerbit, rentang tanggal, dan muat ulang terakhir')
      .setDescriptionLocalizations(english('Article count, publishers, date range and last reload')),
  )
  .addSubcommand((s) =>
    s
      .setName('tambah')
      .setNameLocalizations(english('add'))
      .setDescription(`Tambah artikel dari tautan atau berkas: pratinjau dulu, lalu ${SAVE_LABEL}`)
      .setDescriptionLocalizations(english(`Add articles from a link or a file: preview first, then press ${SAVE_LABEL}`))
      .addStringOption((o) =>
        o
          .setName('url')
          .setNameLocalizations(english('url'))
          .setDescription('Alamat halaman berita, mis. https://www.kompas.com/...')
          .setDescriptionLocalizations(english('Address of a news page, e.g. https://www.kompas.com/...'))
          .setMaxLength(2000),
      )
      .addAttachmentOption((o) =>
        o
          .setName('berkas')
          .setNameLocalizations(english('file'))
          .setDescription('Berkas .txt, .md, .jsonl atau .html (maks. 5 MB)')
          .setDescriptionLocalizations(english('A .txt, .md, .jsonl or .html file (max. 5 MB)')),
      ),
  )
  .addSubcommandGroup((g) =>
    g
      .setName('hapus')
      .setNameLocalizations(english('remove'))
      .setDescription('Hapus dari korpus')
      .setDescriptionLocalizations(english('Remove from the corpus'))
      .addSubcommand((s) =>
        s
          .setName('artikel')
          .setNameLocalizations(english('article'))
          .setDescription('Hapus artikel yang ditambah lewat /korpus tambah (bisa dipulihkan)')
          .setDescriptionLocalizations(english('Remove an article added with /korpus add (restorable)'))
          .addStringOption((o) =>
            o
              .setName('artikel')
              .setNameLocalizations(english('article'))
              .setDescription('Ketik sebagian judulnya, lalu pilih')
              .setDescriptionLocalizations(english('Type part of its title, then pick it'))
              .setRequired(true)
              .setAutocomplete(true)
              .setMaxLength(100),
          ),
      ),
  )
  .toJSON();

const GUILD_ONLY = 'Perintah `/korpus` hanya bisa dipakai di server tempat bot dipasang, bukan di pesan langsung.';

function busyMessage(startedAt: Date, by: string | undefined): string {
  const who = by ? ` oleh <@${by}>` : '';
  return `Muat ulang korpus sedang berjalan (dimulai ${time(startedAt, TimestampStyles.RelativeTime)}${who}). Tunggu sampai selesai, lalu lihat \`/korpus status\`.`;
}

async function reload(interaction: ChatInputCommandInteraction, ctx: CommandContext): Promise<void> {
  if (!isCorpusAdmin(interaction, ctx.config)) {
    return void (await interaction.reply(
      ephemeralText('Hanya pengelola server utama bot (izin **Manage Server**) atau admin bot yang boleh memuat ulang korpus.'),
    ));
  }
  const running = ctx.store.running;
  // Between failed attempts at the first load, an admin's reload is one more attempt, now.
  if (running && ctx.store.health.state === 'loading') return void (await interaction.reply(ephemeralText(LOADING_MESSAGE)));
  if (running) return void (await interaction.reply(ephemeralText(busyMessage(running.startedAt, running.by))));

  // Start before deferring: the lock is taken in this same tick, so a second request can never slip in.
  const force = interaction.options.getBoolean('paksa') ?? false;
  const full = interaction.options.getBoolean('penuh') ?? false;
  const pending = ctx.store.reload(interaction.user.id, { force, full });
  await interaction.deferReply({ flags: MessageFlags.Ephemeral });
  const outcome = await pending;
  const logged =
    outcome.status === 'failed'
      ? { failure: failureForLog(outcome.failure), durationMs: Math.round(outcome.durationMs) }
      : {
          before: outcome.report.before,
          after: outcome.report.after,
          added: outcome.report.added.count,
          removed: outcome.report.removed.count,
          changed: outcome.report.changed.count,
          fileErrors: outcome.report.errors.length,
          durationMs: Math.round(outcome.report.durationMs),
          how: outcome.report.how,
          ...(outcome.status === 'refused' && { refusal: outcome.refusal }),
        };
  const level = outcome.status === 'swapped' ? 'info' : 'warn';
  ctx.logger[level]({ user: interaction.user.id, status: outcome.status, force, full, ...logged }, `corpus reload ${outcome.status}`);
  await journal(ctx, {
    by: interaction.user.id,
    action: 'muat-ulang',
    what: { ...(force && { paksa: true }), ...(full && { penuh: true }) },
    result: { status: outcome.status, ...outcomeSummary(outcome) },
  });
  await interaction.editReply({ embeds: [renderReload(outcome)], allowedMentions: NO_MENTIONS });
}

async function status(interaction: ChatInputCommandInteraction, ctx: CommandContext): Promise<void> {
  const health = ctx.store.health;
  const admin = isCorpusAdmin(interaction, ctx.config);
  const embed =
    health.state === 'loading'
      ? renderLoadingStatus(health, { detailed: admin })
      : renderStatus(ctx.store.current, ctx.store.lastReload, ctx.store.running !== null, health, { fileList: admin });
  await interaction.reply({ embeds: [embed], flags: MessageFlags.Ephemeral, allowedMentions: NO_MENTIONS });
}

const ADMINS_ONLY_CHANGE = 'Hanya pengelola server utama bot (izin **Manage Server**) atau admin bot yang boleh mengubah isi korpus.';

async function execute(interaction: ChatInputCommandInteraction, ctx: CommandContext): Promise<void> {
  // Discord offers /korpus in servers only; a client that sends it from a DM anyway is refused here.
  if (!interaction.inGuild()) return void (await interaction.reply(ephemeralText(GUILD_ONLY)));
  const sub = interaction.options.getSubcommand(true);
  if (sub === 'muat-ulang') return reload(interaction, ctx);
  if (sub === 'status') return status(interaction, ctx);
  if (sub === 'tambah' || (interaction.options.getSubcommandGroup() === 'hapus' && sub === 'artikel')) {
    if (!isCorpusAdmin(interaction, ctx.config)) return void (await interaction.reply(ephemeralText(ADMINS_ONLY_CHANGE)));
    return sub === 'tambah' ? addArticles(interaction, ctx) : removeArticle(interaction, ctx);
  }
  throw new Error(`unknown /korpus subcommand ${sub}`);
}

async function autocomplete(interaction: AutocompleteInteraction, ctx: CommandContext): Promise<void> {
  await articleChoices(interaction, ctx);
}

async function component(interaction: ComponentInteraction, ctx: CommandContext): Promise<void> {
  const parsed = ADD_IDS.parse(interaction.customId);
  if (!parsed || !interaction.isButton()) throw new Error(`unknown /korpus component ${interaction.customId}`);
  await previewButton(interaction, ctx, parsed);
}

export const korpus: BotCommand = { definition, execute, autocomplete, component };
