import { formatDateId } from '../dates/format.ts';
import { SearchEngine } from '../search/engine.ts';
import { sourceLabel } from '../timeline/format.ts';
import { obtainTimeline, writeTimelineCache } from '../timeline/timeline-cache.ts';
import { dateRange, DEFAULT_EVENT_LIMIT, TOPIC_ARTICLE_LIMIT } from '../timeline/timeline.ts';
import { MAX_TOPIC_CHARS, type TimelineProblem, type TimelineResult } from '../timeline/types.ts';
import { intFlag, stringFlag, UsageError, type CliArgs } from './args.ts';
import { cliCacheDir, openCliCorpus, writeCliCaches } from './cache-dir.ts';

const DATE_FORMS = 'tulis misalnya 2024-06-19, 19 Juni 2024, Juni 2024, atau 2024';
/** Topics that cannot be searched exit 1, as `cari` does for such a query; finding nothing is an answer (0). */
const NOTHING_TO_SEARCH: ReadonlySet<TimelineProblem['kind']> = new Set(['common-words-topic', 'no-words-topic', 'only-exclusions-topic']);

/** `kliping timeline [topik] [--dari D] [--sampai D] [--limit N] [--json] [--dir DIR]` */
export async function run(args: CliArgs): Promise<number> {
  const topic = args.positional.join(' ').trim();
  if (topic.length > MAX_TOPIC_CHARS) {
    throw new UsageError(
      `topik terlalu panjang (${topic.length} karakter; paling banyak ${MAX_TOPIC_CHARS}). Cukup beberapa kata: nama orang, tempat, atau peristiwa.`,
    );
  }
  const from = stringFlag(args, 'dari');
  const to = stringFlag(args, 'sampai');
  const limit = intFlag(args, 'limit', DEFAULT_EVENT_LIMIT);
  const range = dateRange(from, to);
  if ('problem' in range) throw new UsageError(problemText(range.problem));

  // As `cari` does, in its cache folder (beside the index, as a snapshot keeps them): an unchanged
  // corpus is read back instead of parsed, extracted and indexed again.
  const cacheDir = cliCacheDir();
  const corpus = await openCliCorpus(args.dir, cacheDir);
  try {
    const obtained = obtainTimeline(corpus.articles, cacheDir);
    const engine = topic === '' ? null : await SearchEngine.build(corpus.articles, { cacheDir });
    const matches = engine?.matchArticles(topic, TOPIC_ARTICLE_LIMIT) ?? [];
    const result = obtained.timeline.query({ ...(topic === '' ? {} : { topic }), from, to, limit }, matches);

    if (args.json) {
      console.log(JSON.stringify(result, null, 2));
      if (result.problem) console.error(problemText(result.problem));
    } else {
      console.log(renderText(result));
    }
    await writeCliCaches(
      cacheDir,
      corpus.persist,
      () => writeTimelineCache(cacheDir, obtained),
      () => engine?.writeCache(cacheDir),
    );
    return result.problem && NOTHING_TO_SEARCH.has(result.problem.kind) ? 1 : 0;
  } finally {
    corpus.close();
  }
}

/** Why there is nothing to show, and what to try, in the CLI's words (its flags). */
export function problemText(problem: TimelineProblem): string {
  switch (problem.kind) {
    case 'bad-date':
      return `--${problem.which === 'from' ? 'dari' : 'sampai'}: tanggal "${problem.text}" tidak dikenali; ${DATE_FORMS}.`;
    case 'reversed-range':
      return '--dari jatuh setelah --sampai. Tukar keduanya lalu coba lagi.';
    case 'common-words-topic':
      return `Topik "${problem.topic}" hanya berisi kata umum. Coba nama orang, tempat, atau peristiwa.`;
    case 'no-words-topic':
      return 'Topik tidak berisi kata (hanya tanda baca, simbol, atau emoji). Coba nama orang, tempat, atau peristiwa.';
    case 'only-exclusions-topic':
      return 'Topik hanya berisi pengecualian (-kata). Tambahkan kata yang dicari.';
    case 'no-topic-match':
      return `Tidak ada peristiwa bertanggal tentang "${problem.topic}". Coba kata kunci lain, periksa ejaannya, atau cari artikelnya dengan: kliping cari.`;
    case 'no-dated-events':
      return 'Belum ada peristiwa bertanggal di korpus ini.';
    case 'none-in-range':
      return `Tidak ada peristiwa${problem.topic ? ` tentang "${problem.topic}"` : ''} dalam rentang tanggal itu. Perluas --dari/--sampai atau hapus keduanya.`;
  }
}

/** A heading per date ("19 Juni 2024", "Juli 2023"), a line per event with its outlets. */
function renderText(result: TimelineResult): string {
  if (result.events.length === 0) return result.problem ? problemText(result.problem) : 'Tidak ada peristiwa.';
  const lines: string[] = [];
  let heading = '';
  for (const event of result.events) {
    const next = formatDateId(event.date, event.precision);
    if (next !== heading) {
      if (lines.length > 0) lines.push('');
      lines.push(next);
      heading = next;
    }
    lines.push(`  • ${event.summary} (${event.sources.map(sourceLabel).join(', ')})`);
  }
  if (result.total > result.events.length) {
    lines.push(
      '',
      `${result.events.length} dari ${result.total} peristiwa, dipilih menurut jumlah sumber. Tampilkan lebih banyak dengan --limit.`,
    );
  }
  return lines.join('\n');
}
