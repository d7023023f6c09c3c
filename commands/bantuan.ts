import { MessageFlags, SlashCommandBuilder, type APIEmbed, type ChatInputCommandInteraction } from 'discord.js';
import { english, type BotCommand, type CommandContext } from '../src/bot/command.ts';
import { formatCount } from '../src/bot/format.ts';
import { BRAND_COLOR, NO_MENTIONS } from '../src/bot/messages.ts';
import { ACCEPTED_DATE_FORMS } from '../src/bot/input.ts';

const definition = new SlashCommandBuilder()
  .setName('bantuan')
  .setNameLocalizations(english('help'))
  .setDescription('Cara memakai bot ini, dengan contoh')
  .setDescriptionLocalizations(english('How to use this bot, with examples'))
  .toJSON();

/** `articles`: null while the corpus is still loading (the bot just started). */
function helpEmbed(articles: number | null): APIEmbed {
  return {
    title: 'Kliping: cara pakai',
    color: BRAND_COLOR,
    description:
      articles === null
        ? 'Bot ini mencari dan merangkum artikel berita berbahasa Indonesia. Korpusnya sedang dimuat; sebentar lagi siap.'
        : `Bot ini mencari dan merangkum ${formatCount(articles)} artikel berita berbahasa Indonesia.`,
    fields: [
      {
        name: '/cari kueri [sumber] [dari] [sampai] [pribadi]',
        value: [
          'Cari artikel dengan kata yang Anda ingat; bentuk kata lain dan salah ketik tetap ditemukan.',
          '• `/cari kueri: kecaman Putin`',
          '• `/cari kueri: persenjataan Korea sumber: Antara` (sumber: penerbit, atau asal berita yang dikutip)',
          '• `/cari kueri: "Korea Utara" -Jepang dari: Juni 2024 pribadi: True`',
          'Tombol ◀ ▶ membalik halaman (hanya untuk yang mencari); menu di bawahnya membuka artikel selengkapnya.',
        ].join('\n'),
      },
      {
        name: '/timeline [topik] [dari] [sampai] [jumlah]',
        value: [
          'Kronologi peristiwa, satu baris per peristiwa, dengan nama media yang memberitakannya.',
          '• `/timeline topik: Korea Utara`',
          '• `/timeline dari: 1 Juni 2024 sampai: 30 Juni 2024 jumlah: 30`',
        ].join('\n'),
      },
      {
        name: '/korpus status · /korpus muat-ulang',
        value: 'Lihat isi korpus. Setelah menambah berkas ke folder korpus, pengelola server memuat ulang tanpa menghentikan bot.',
      },
      {
        name: '/korpus tambah [url] [berkas] · /korpus hapus artikel',
        value: [
          'Pengelola server menambah berita dari tautan atau berkas (.txt, .md, .jsonl, .html): bot membaca dan menampilkan pratinjau, lalu **Simpan** memasukkannya ke korpus.',
          '• `/korpus tambah url: https://www.kompas.com/...`',
          '• `/korpus hapus artikel: <ketik judulnya>` menghapus artikel yang ditambah dengan cara ini (bisa dipulihkan).',
        ].join('\n'),
      },
      { name: 'Tanggal', value: `Bentuk yang diterima: ${ACCEPTED_DATE_FORMS}.` },
    ],
  };
}

async function execute(interaction: ChatInputCommandInteraction, ctx: CommandContext): Promise<void> {
  await interaction.reply({
    embeds: [helpEmbed(ctx.store.health.state === 'loading' ? null : ctx.store.current.stats.articles)],
    flags: MessageFlags.Ephemeral,
    allowedMentions: NO_MENTIONS,
  });
}

export const bantuan: BotCommand = { definition, execute };
