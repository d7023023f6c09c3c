import { loadCorpus } from '../corpus/load.ts';
import type { PublicationDate } from '../corpus/types.ts';
import { parseDayBound } from '../dates/find.ts';
import { SearchEngine } from '../search/engine.ts';
import type { SearchOptions, SearchResult } from '../search/types.ts';
import { intFlag, stringFlag, UsageError, type CliArgs } from './args.ts';
import { cliCacheDir } from './cache-dir.ts';

const DATE_FORMS = 'bentuk yang diterima: 2024-06-19, 19 Juni 2024, Juni 2024, 2024-06 atau 2024';

/** The first (`dari`) or last (`sampai`) day a user's date covers: "Juni 2024" is 1 to 30 June. */
function dayBound(args: CliArgs, flag: 'dari' | 'sampai'): string | undefined {
  const raw = stringFlag(args, flag);
  if (raw === undefined) return undefined;
  const bound = parseDayBound(raw, flag === 'dari' ? 'from' : 'to');
  if (!bound) throw new UsageError(`--${flag}: tanggal "${raw}" tidak dikenali; ${DATE_FORMS}`);
  return bound.day;
}

/** `kliping cari "<kueri>" [--sumber S] [--dari D] [--sampai D] [--limit N] [--json] [--dir DIR]` */
export async function run(args: CliArgs): Promise<number> {
  const query = args.positional.join(' ');
  const publisher = stringFlag(args, 'sumber');
  const from = dayBound(args, 'dari');
  const to = dayBound(args, 'sampai');
  const limit = intFlag(args, 'limit', 10);

  const { articles, errors } = await loadCorpus(args.dir);
  if (errors.length > 0) console.error(`${errors.length} berkas/baris dilewati (lihat: kliping corpus).`);
  // the persisted index makes a second run over an unchanged corpus start in a fraction of the time
  const engine = await SearchEngine.build(articles, { cacheDir: cliCacheDir() });
  const options: SearchOptions = { limit, ...(publisher ? { publisher } : {}), ...(from ? { from } : {}), ...(to ? { to } : {}) };
  const result = engine.search(query, options);

  if (args.json) console.log(JSON.stringify(result, null, 2));
  else console.log(renderText(result));
  return result.problem ? 1 : 0;
}

function dateLabel(date: PublicationDate | null): string {
  return date ? date.iso : 'tanpa tanggal';
}

function renderText(result: SearchResult): string {
  if (result.problem) return result.problem;
  const lines: string[] = [];
  if (result.didYouMean) lines.push(`Mungkin maksud Anda: ${result.didYouMean}`, '');
  if (result.hits.length === 0) lines.push('Tidak ada berita yang cocok.');
  result.hits.forEach((hit, i) => {
    const source = [hit.publisher, hit.origin && hit.origin !== hit.publisher ? `sumber: ${hit.origin}` : null].filter(Boolean).join(', ');
    lines.push(`${i + 1}. ${hit.title}`, `   ${dateLabel(hit.date)} · ${source || 'sumber tidak diketahui'}`);
    if (hit.excerpt) lines.push(`   ${hit.excerpt}`);
    if (hit.url) lines.push(`   ${hit.url}`);
    lines.push('');
  });
  lines.push(`${result.hits.length} dari ${result.total} hasil (${result.tookMs.toFixed(1)} ms)`);
  return lines.join('\n');
}
