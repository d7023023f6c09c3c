import { ArticleCatalog } from '../corpus/catalog.ts';
import { INBOX_DIR } from '../corpus/inbox.ts';
import { loadCorpus } from '../corpus/load.ts';
import { inboxFileName } from '../ingest/candidate.ts';
import { parseAllowHosts } from '../ingest/address.ts';
import { appendJournal, checkDuplicates, corpusFolder, saveCandidate, type JournalEntry } from '../ingest/inbox-files.ts';
import { readLocalFile, readUrl } from '../ingest/intake.ts';
import { problemText } from '../wording/intake-problem.ts';
import { fsReasonText, loadProblemText } from '../wording/load-problem.ts';
import { UsageError, type CliArgs } from './args.ts';
import { articleLine } from './corpus.ts';

const PREVIEW_TITLES = 3;

/** Why the file named on the command line cannot be read: said of a path the user typed, not of one that vanished mid-load. */
function unreadableText(path: string, error: NodeJS.ErrnoException): string {
  if (error.code === 'ENOENT') return `${path}: berkas tidak ditemukan`;
  if (error.code === 'EISDIR') return `${path}: ini folder, bukan berkas; berikan satu berkas atau url`;
  return `${path}: berkas tidak dapat dibaca: ${error.code ? fsReasonText(error.code) : error.message}`;
}

/**
 * `kliping impor <url|file> [--dir D] [--simpan]`: reads a news page or a file as `/korpus tambah`
 * does, previews what the corpus would gain, and with --simpan writes it into D/masuk/ (the bot
 * picks it up at its next reload). Duplicates of articles already in D are reported and skipped.
 */
export async function run(args: CliArgs): Promise<number> {
  const [source] = args.positional;
  if (source === undefined || args.positional.length > 1) throw new UsageError('berikan satu url atau berkas untuk diimpor');
  const save = args.flags.simpan === true;
  const isUrl = /^[a-z][a-z0-9+.-]*:\/\//i.test(source);
  const allowHosts = parseAllowHosts(process.env.FETCH_ALLOW_HOSTS).hosts;
  const read = isUrl ? await readUrl(source, { allowHosts }) : await readLocalFile(source).catch((error: NodeJS.ErrnoException) => error);
  if (read instanceof Error) {
    console.error(`impor: ${unreadableText(source, read)}`);
    return 1;
  }
  const what = isUrl ? { url: source } : { berkas: source };
  const journal = async (folder: string | null, result: JournalEntry['result']): Promise<void> => {
    if (save && folder !== null) await appendJournal(folder, { at: new Date().toISOString(), by: 'cli', action: 'tambah', what, result });
  };
  const folder = await corpusFolder(args.dir);
  if (!read.ok) {
    await journal(folder, { status: 'ditolak', problem: read.problem });
    console.error(`impor: ${problemText(read.problem)}`);
    return 1;
  }
  const { candidate } = read;
  const corpus = await loadCorpus(args.dir);
  const catalog = new ArticleCatalog(corpus.articles);
  const check = await checkDuplicates(candidate, async (probe) => catalog.duplicateOf(probe));

  // Shown under the name it would be saved as.
  const target = `${INBOX_DIR}/${inboxFileName(candidate)}`;
  for (const article of check.fresh.slice(0, candidate.ext === '.jsonl' ? PREVIEW_TITLES : 1)) {
    console.log(articleLine({ ...article, file: target }));
    if (candidate.ext !== '.jsonl') console.log(`\n${article.paragraphs[0] ?? ''}\n`);
  }
  if (candidate.ext === '.jsonl') console.log(`${candidate.articles.length} artikel dalam berkas; ${check.fresh.length} baru.`);
  for (const { article, existingId } of check.duplicates) console.log(`sudah ada: ${article.title} (sebagai ${existingId})`);
  for (const issue of candidate.errors) console.error(`dilewati: baris ${issue.line ?? '?'}: ${loadProblemText(issue.problem)}`);

  if (check.fresh.length === 0) {
    await journal(folder, { status: 'sudah-ada', ids: check.duplicates.map((d) => d.existingId) });
    console.error('impor: semua artikel sudah ada di korpus; tidak ada yang disimpan.');
    return save ? 1 : 0;
  }
  if (!save) {
    console.error(`Pratinjau saja. Tambahkan --simpan untuk menyimpan ${check.fresh.length} artikel ke ${args.dir}/masuk/.`);
    return 0;
  }
  if (folder === null) {
    console.error(`impor: ${args.dir} adalah satu berkas, bukan folder korpus; tidak ada yang disimpan.`);
    return 1;
  }
  const saved = await saveCandidate(folder, candidate, check.fresh);
  await journal(folder, { status: saved.status === 'saved' ? 'disimpan' : 'sudah-ada', file: saved.file });
  console.error(
    saved.status === 'saved'
      ? `Disimpan sebagai ${saved.file}. Bot memuatnya pada /korpus muat-ulang berikutnya.`
      : `Berkas yang sama sudah ada: ${saved.file}.`,
  );
  return 0;
}
