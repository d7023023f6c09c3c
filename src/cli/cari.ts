import type { PublicationDate } from '../corpus/types.ts';
import { parseDayBound } from '../dates/find.ts';
import { PROVENANCE_LABELS_ID } from '../dates/format.ts';
import { SearchEngine } from '../search/engine.ts';
import { renderRanges } from '../search/excerpt.ts';
import type { SearchHit, SearchOptions, SearchProblem, SearchResult } from '../search/types.ts';
import { sourceText } from '../wording/source.ts';
import { intFlag, stringFlag, UsageError, type CliArgs } from './args.ts';
import { cliCacheDir, openCliCorpus, writeCliCaches } from './cache-dir.ts';

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
  const source = stringFlag(args, 'sumber');
  const from = dayBound(args, 'dari');
  const to = dayBound(args, 'sampai');
  const limit = intFlag(args, 'limit', 10);

  // the parse cache and the persisted index make a second run over an unchanged corpus parse and index nothing
  const cacheDir = cliCacheDir();
  const corpus = await openCliCorpus(args.dir, cacheDir);
  try {
    const engine = await SearchEngine.build(corpus.articles, { cacheDir });
    const options: SearchOptions = { limit, ...(source ? { source } : {}), ...(from ? { from } : {}), ...(to ? { to } : {}) };
    const result = engine.search(query, options);

    if (args.json) console.log(JSON.stringify(result, null, 2));
    else console.log(renderText(result, process.stdout.isTTY === true));
    await writeCliCaches(cacheDir, corpus.persist, () => engine.writeCache(cacheDir));
    return result.problem ? 1 : 0;
  } finally {
    corpus.close();
  }
}

/** "2024-06-15"; "2024-06-20 (disimpulkan)" when the date was inferred from the body, as `kliping corpus` says it. */
function dateLabel(date: PublicationDate | null): string {
  if (!date) return 'tanpa tanggal';
  return date.provenance === 'inferred' ? `${date.iso} (${PROVENANCE_LABELS_ID.inferred})` : date.iso;
}

/** Why the search could not run, in Indonesian for the command line (flags `--sumber`, `--dari`, `--sampai`). */
export function problemText(problem: SearchProblem): string {
  switch (problem.kind) {
    case 'empty-query':
      return 'Kueri kosong: tuliskan beberapa kata yang Anda ingat dari berita, mis. kliping cari "kecaman Putin".';
    case 'query-too-long':
      return `Kueri terlalu panjang (${problem.chars} karakter; paling banyak ${problem.maxChars}). Cukup dua atau tiga kata khas.`;
    case 'no-words':
      return 'Kueri tidak berisi kata yang bisa dicari (hanya tanda baca, simbol, atau emoji).';
    case 'only-common-words':
      return 'Kueri hanya berisi kata umum atau kata tanya (seperti "yang", "dan", "siapa"). Tambahkan kata yang lebih khas.';
    case 'only-exclusions':
      return 'Kueri hanya berisi pengecualian (-kata). Tambahkan kata yang dicari.';
    case 'unknown-source': {
      const close = problem.suggestions.length > 0 ? ` Mungkin: ${problem.suggestions.join(', ')}.` : '';
      return `--sumber: "${problem.source}" tidak ada di korpus, sebagai penerbit maupun asal berita.${close} Daftar: kliping corpus (kolom penerbit dan asal berita).`;
    }
    case 'bad-date':
      return `--${problem.bound === 'from' ? 'dari' : 'sampai'}: tanggal "${problem.value}" tidak dikenali; ${DATE_FORMS}.`;
    case 'reversed-dates':
      return `Rentang tanggal terbalik: --dari (${problem.from}) jatuh setelah --sampai (${problem.to}).`;
  }
}

/** The excerpt for a terminal: matched words in bold where the output is one, plain text otherwise. */
export function terminalExcerpt(hit: Pick<SearchHit, 'excerpt' | 'highlights'>, bold: boolean): string {
  return bold
    ? renderRanges(
        hit.excerpt,
        hit.highlights,
        (text) => text,
        (word) => `\x1b[1m${word}\x1b[22m`,
      )
    : hit.excerpt;
}

function renderText(result: SearchResult, bold: boolean): string {
  if (result.problem) return problemText(result.problem);
  const lines: string[] = [];
  if (result.didYouMean) lines.push(`Mungkin maksud Anda: ${result.didYouMean}`, '');
  if (result.hits.length === 0) lines.push('Tidak ada berita yang cocok.');
  result.hits.forEach((hit, i) => {
    lines.push(`${i + 1}. ${hit.title}`, `   ${dateLabel(hit.date)} · ${sourceText(hit)}`);
    if (hit.excerpt) lines.push(`   ${terminalExcerpt(hit, bold)}`);
    if (hit.url) lines.push(`   ${hit.url}`);
    lines.push('');
  });
  lines.push(`${result.hits.length} dari ${result.total} hasil (${result.tookMs.toFixed(1)} ms)`);
  return lines.join('\n');
}
