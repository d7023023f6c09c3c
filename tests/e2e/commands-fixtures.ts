// Shared set-up of the command e2e tests: a corpus of the seeds plus synthetic articles, enough for
// several result pages, a long article and a long timeline. Synthetic texts are written here, not copied.
import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startHarness, type Harness } from './harness.ts';

const seedsDir = fileURLToPath(new URL('../../seeds/', import.meta.url));

const ISLANDS = ['Bangka', 'Belitung', 'Lombok', 'Sumba', 'Flores', 'Alor', 'Rote', 'Sabu', 'Buton', 'Muna', 'Selayar', 'Nias'];
const OUTLETS = ['tempo.co', 'kompas.com', 'antaranews.com', 'detik.com'];
const MONTHS = ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni'];
const WEEKDAYS = ['Minggu', 'Senin', 'Selasa', 'Rabu', 'Kamis', 'Jumat', 'Sabtu'];

function weekday(year: number, month: number, day: number): string {
  return WEEKDAYS[new Date(Date.UTC(year, month - 1, day)).getUTCDay()]!;
}

/** Twelve articles about protests ("kecaman") over sand mining, one per island, spread over four outlets. */
function protestArticles(): object[] {
  return ISLANDS.map((island, i) => {
    const day = i + 2;
    const date = `2024-03-${String(day).padStart(2, '0')}`;
    return {
      id: `sintetis-kecaman-${i}`,
      title: `Kecaman warga ${island} terhadap rencana tambang pasir laut`,
      date,
      source: OUTLETS[i % OUTLETS.length],
      url: `https://contoh.id/kecaman/${island.toLowerCase()}`,
      body: [
        `Warga Pulau ${island} melayangkan kecaman terhadap rencana tambang pasir laut pada ${weekday(2024, 3, day)}, ${day} Maret 2024.`,
        `Mereka menilai tambang itu merusak terumbu karang dan mengancam nelayan ${island}.`,
        'Pemerintah daerah berjanji meninjau ulang izin tambang tersebut.',
      ].join('\n\n'),
    };
  });
}

/** One long article, to page within the article view. */
function longArticle(): object {
  const paragraphs = Array.from(
    { length: 40 },
    (_, i) =>
      `Paragraf ${i + 1} laporan panjang tentang pembangunan pelabuhan perikanan terpadu di Kabupaten Merauke, yang melibatkan nelayan, koperasi, dan pemerintah pusat dalam beberapa tahap pengerjaan.`,
  );
  return {
    id: 'sintetis-panjang',
    title: 'Laporan panjang pelabuhan perikanan Merauke',
    date: '2024-04-10',
    source: 'tempo.co',
    url: 'https://contoh.id/merauke',
    body: paragraphs.join('\n\n'),
  };
}

/** Seventy-two dated openings of festivals (one per day, January to June), for a timeline longer than a message. */
function festivalArticles(): object[] {
  const articles: object[] = [];
  MONTHS.forEach((month, m) => {
    for (let d = 1; d <= 12; d++) {
      const day = d * 2;
      const n = m * 12 + d;
      articles.push({
        id: `sintetis-festival-${n}`,
        title: `Festival budaya kota ${n} resmi dibuka`,
        date: `2024-${String(m + 1).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
        source: OUTLETS[n % OUTLETS.length],
        url: `https://contoh.id/festival/${n}`,
        body: [
          `Festival budaya kota ${n} resmi dibuka wali kota pada ${weekday(2024, m + 1, day)}, ${day} ${month} 2024, dengan pawai seni tari dan musik daerah yang diikuti ratusan peserta.`,
          `Panitia festival kota ${n} memperkirakan ribuan pengunjung datang selama sepekan.`,
        ].join('\n\n'),
      });
    }
  });
  return articles;
}

/** A temp corpus folder: the seeds plus `sintetis.jsonl`. */
export async function syntheticCorpus(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'kliping-e2e-corpus-'));
  await cp(seedsDir, dir, { recursive: true });
  const lines = [...protestArticles(), longArticle(), ...festivalArticles()].map((a) => JSON.stringify(a));
  await writeFile(join(dir, 'sintetis.jsonl'), `${lines.join('\n')}\n`);
  return dir;
}

/** The harness over `syntheticCorpus()`; closing it also removes the corpus. */
export async function startSyntheticHarness(): Promise<Harness> {
  const corpusDir = await syntheticCorpus();
  try {
    const h = await startHarness({ corpusDir });
    return {
      ...h,
      close: async () => {
        await h.close();
        await rm(corpusDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await rm(corpusDir, { recursive: true, force: true });
    throw error;
  }
}

export type Embed = {
  title?: string;
  description?: string;
  url?: string;
  footer?: { text: string };
  fields?: { name: string; value: string }[];
};
type Component = { type: number; custom_id?: string; label?: string; disabled?: boolean; options?: { label: string; value: string }[] };

export function embedsOf(message: { embeds: unknown[] }): Embed[] {
  return message.embeds as Embed[];
}

/** The message's components, flattened out of their rows. */
export function componentsOf(message: { components: unknown[] }): Component[] {
  return (message.components as { components: Component[] }[]).flatMap((row) => row.components);
}
