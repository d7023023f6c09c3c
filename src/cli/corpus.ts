import { loadCorpus } from '../corpus/load.ts';
import type { Article, LoadIssue } from '../corpus/types.ts';
import { PROVENANCE_LABELS_ID } from '../dates/format.ts';
import { articleWarningText } from '../wording/article-warning.ts';
import { issuePlace, loadProblemText } from '../wording/load-problem.ts';
import type { CliArgs } from './args.ts';

function dateText(article: Article): string {
  const { date } = article;
  if (!date) return 'tanpa tanggal';
  const range =
    date.range && (date.range.from !== date.iso || date.range.to !== date.iso) ? ` rentang ${date.range.from}…${date.range.to}` : '';
  return `${date.iso}${date.time ? ` ${date.time}` : ''} (${PROVENANCE_LABELS_ID[date.provenance]}${range})`;
}

/** One line per article: file, title, date with provenance, publisher, origin, author, warnings. */
export function articleLine(article: Article): string {
  const location = article.line !== undefined ? `${article.file}:${article.line}` : article.file;
  const fields = [
    location,
    `${article.title}${article.titleDerived ? ' [judul disimpulkan]' : ''}`,
    dateText(article),
    `penerbit: ${article.publisher ?? '-'}`,
    `asal berita: ${article.origin ?? '-'}`,
    `penulis: ${article.author ?? '-'}${article.editor ? `, editor: ${article.editor}` : ''}`,
  ];
  if (article.warnings.length > 0) fields.push(`⚠ ${article.warnings.map(articleWarningText).join(' ⚠ ')}`);
  return fields.join(' | ');
}

function issueLine(kind: string, issue: LoadIssue): string {
  return `${kind}: ${issuePlace(issue)}: ${loadProblemText(issue.problem)}`;
}

/** `kliping corpus [--json] [--dir DIR]`: what the loader made of every file. */
export async function run(args: CliArgs): Promise<number> {
  const result = await loadCorpus(args.dir);
  if (args.json) {
    console.log(JSON.stringify(result, null, 2));
  } else {
    for (const article of result.articles) console.log(articleLine(article));
    for (const issue of result.errors) console.error(issueLine('galat', issue));
    for (const issue of result.warnings) console.error(issueLine('peringatan', issue));
    console.error(
      `${result.articles.length} artikel dimuat, ${result.errors.length} galat, ${result.warnings.length} peringatan (${args.dir})`,
    );
  }
  return result.articles.length === 0 && result.errors.length > 0 ? 1 : 0;
}
