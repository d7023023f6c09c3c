import { loadCorpus } from '../corpus/load.ts';
import { SearchEngine } from '../search/engine.ts';
import { formatDateId } from '../dates/format.ts';
import { sourceLabel } from '../timeline/format.ts';
import { dateRange, DEFAULT_EVENT_LIMIT, Timeline } from '../timeline/timeline.ts';
import type { TimelineResult } from '../timeline/types.ts';
import { intFlag, stringFlag, UsageError, type CliArgs } from './args.ts';

/** `kliping timeline [topik] [--dari D] [--sampai D] [--limit N] [--json] [--dir DIR]` */
export async function run(args: CliArgs): Promise<number> {
  const topic = args.positional.join(' ').trim();
  const from = stringFlag(args, 'dari');
  const to = stringFlag(args, 'sampai');
  const limit = intFlag(args, 'limit', DEFAULT_EVENT_LIMIT);
  const range = dateRange(from, to);
  if ('message' in range) throw new UsageError(range.message);

  const { articles, errors } = await loadCorpus(args.dir);
  if (errors.length > 0) console.error(`${errors.length} berkas/baris dilewati (lihat: kliping corpus).`);
  const timeline = Timeline.build(articles);
  const topics = topic === '' ? undefined : await SearchEngine.build(articles);
  const result = timeline.query({ ...(topic === '' ? {} : { topic }), from, to, limit }, topics);

  if (args.json) {
    console.log(JSON.stringify({ events: result.events }, null, 2));
    if (result.message) console.error(result.message);
  } else {
    console.log(renderText(result));
  }
  return 0;
}

/** A heading per date ("19 Juni 2024", "Juli 2023"), a line per event with its outlets. */
function renderText(result: TimelineResult): string {
  if (result.events.length === 0) return result.message ?? 'Tidak ada peristiwa.';
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
