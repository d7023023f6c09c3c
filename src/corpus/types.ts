import type { DatePrecision } from '../dates/types.ts';

/** Where an article's publication date came from. */
export type DateProvenance =
  | 'byline' // stated next to the author / outlet line of a page
  | 'header' // a date line at the top of the page
  | 'metadata' // front matter or a .jsonl field
  | 'dateline' // "Jumat (14/6/2024)" style dateline inside the lead
  | 'inferred'; // no trustworthy stated date: taken from the latest event the body reports

export interface PublicationDate {
  /** `YYYY-MM-DD`, `YYYY-MM` or `YYYY`, matching `precision`. */
  iso: string;
  precision: DatePrecision;
  provenance: DateProvenance;
  /** Time of day when stated, e.g. "10:01 WIB". */
  time?: string;
  /**
   * For inferred dates: the honest range the article can have been published in
   * (earliest = the latest event it reports; latest = unknown, so equal to earliest
   * unless the body bounds it). ISO day strings.
   */
  range?: { from: string; to: string };
}

export type ArticleFormat = 'txt' | 'md' | 'jsonl';

/** A dated event the body reports, as evidence for a date: its day and the words that said it. */
export interface DateEvidence {
  iso: string;
  text: string;
}

/**
 * Something a careful reader should know about an article, as data: the CLI and the bot word it
 * (`articleWarningText` in src/wording).
 */
export type ArticleWarning =
  // The date stated on the page comes well before events the body reports as past: the date is inferred from them.
  | { kind: 'stated-date-contradicted'; provenance: 'byline' | 'header' | 'dateline'; stated: string; event: DateEvidence }
  // No date stated: inferred from the latest event the body reports.
  | { kind: 'date-from-latest-event'; event: DateEvidence }
  // No date stated, no full date in the body: the month of a photo caption's date, bounded by the body's latest event.
  | { kind: 'date-from-caption'; month: string; caption: string; bodyEvent?: DateEvidence }
  | { kind: 'no-date' } // no date anywhere on the page
  | { kind: 'unrecognized-date'; raw: string } // a metadata date that could not be read
  | { kind: 'title-derived' } // no title: taken from the lead's first sentence
  | { kind: 'copy-elsewhere'; file: string; line?: number; publisher: string | null } // the same text, merged into this one
  | { kind: 'noted'; text: string }; // written in the file's front matter (`peringatan`), kept as written

/** One article, as the rest of the product reads it. Plain, serializable data. */
export interface Article {
  /** Stable id: the .jsonl `id` field, the front-matter `id`, or derived from the file path. */
  id: string;
  /** Path relative to the corpus folder, with forward slashes. */
  file: string;
  /** 1-based line, for .jsonl. */
  line?: number;
  format: ArticleFormat;
  title: string;
  /** True when the page had no title and it was derived from the lead. */
  titleDerived: boolean;
  date: PublicationDate | null;
  /** The outlet whose page this is, canonical name ("Bisnis.com", "Kompas TV"). */
  publisher: string | null;
  /** The agency or paper credited as the source ("Antara", "The Guardian"). */
  origin: string | null;
  author: string | null;
  editor: string | null;
  url: string | null;
  /** Photo captions, kept apart from the body. */
  captions: string[];
  /** Clean body paragraphs, boilerplate removed. The title is not among them. */
  paragraphs: string[];
  /** Things a careful reader should know: a stated date the body contradicts, a derived title… */
  warnings: ArticleWarning[];
  /**
   * Fingerprint of `paragraphs` and `captions` (`textDigest`), set by the loader when it parses the
   * article: cache keys and change detection read it instead of the text. Hand-made articles may
   * lack it; `articleDigest` then computes it.
   */
  digest?: string;
}

/** A file or a single .jsonl line: what a content problem is about. */
export type LoadUnit = 'file' | 'line';

/** Why a curated article's front matter is refused, with the line's text or key that shows it. */
export type FrontMatterFault =
  | { fault: 'unclosed' } // no closing "---"
  | { fault: 'indented'; text: string }
  | { fault: 'not-key-value'; text: string }
  | { fault: 'nested-value'; key: string }
  | { fault: 'unclosed-quote'; key: string };

/**
 * What is wrong with a file, folder or .jsonl line (or what is to note about it), as data: the bot and
 * the CLI put it into words (`loadProblemText` in src/wording). The first kinds are errors (the entry is
 * skipped); `unsupported`, `symlink-skipped`, `id-renamed` and `duplicate` are warnings.
 */
export type LoadProblem =
  | { kind: 'missing' } // the corpus path itself does not exist
  // The filesystem refused the entry; `code` is the system's (EACCES, ENAMETOOLONG, ELOOP, ENOENT…). The walk goes on.
  | { kind: 'unreadable'; entry: 'file' | 'folder'; code: string }
  | { kind: 'too-large'; unit: LoadUnit; bytes: number; limit: number } // over `maxFileBytes`
  | { kind: 'empty'; whitespaceOnly: boolean } // a whole file (blank .jsonl lines are skipped silently)
  | { kind: 'binary'; unit: LoadUnit } // has NUL bytes
  | { kind: 'not-utf8'; unit: LoadUnit }
  | ({ kind: 'bad-front-matter' } & FrontMatterFault)
  | { kind: 'bad-json'; detail: string } // `detail`: the JSON parser's own message
  | { kind: 'not-json-object' }
  | { kind: 'no-body-field' } // a .jsonl record without a string `body`
  | { kind: 'no-body' } // nothing left of the body once boilerplate is removed
  | { kind: 'unsupported'; ext: string } // warning: not a .txt/.md/.jsonl file ('' without extension)
  | { kind: 'symlink-skipped' } // warning: a link to a folder, or whose target is gone or loops
  | { kind: 'id-renamed'; id: string; renamedTo: string } // warning: a colliding id got a suffix
  | { kind: 'duplicate'; of: { file: string; line?: number } }; // warning: same text as an article already kept

/** A file, folder or .jsonl line that could not be loaded (or a note on it), and why. */
export interface LoadIssue {
  /** Path relative to the corpus folder (the folder itself for a walk error on it), forward slashes. */
  file: string;
  line?: number;
  problem: LoadProblem;
}

export interface LoadResult {
  articles: Article[];
  /** Files or lines skipped. The rest of the corpus is still served. */
  errors: LoadIssue[];
  /** Non-fatal notes on the whole load: unsupported files skipped, duplicates collapsed. */
  warnings: LoadIssue[];
}

export interface LoadOptions {
  /** Files larger than this are skipped with a reason. Default 5 MiB. */
  maxFileBytes?: number;
}
