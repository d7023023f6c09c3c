import { parseArgs, UsageError, type CliArgs } from './args.ts';

/** Each command prints to stdout and returns the process exit code. */
type CommandRunner = (args: CliArgs) => Promise<number>;

interface Command {
  summary: string;
  /** The options it takes (`--help` aside): any other is a usage error, never silently ignored. */
  options: readonly string[];
  load: () => Promise<CommandRunner>;
}

const COMMANDS: Record<string, Command> = {
  corpus: {
    summary: 'corpus [--json] [--dir DIR]            one line per article: file, title, date, publisher, origin, author, warnings',
    options: ['json', 'dir'],
    load: async () => (await import('./corpus.ts')).run,
  },
  cari: {
    summary: 'cari "<kueri>" [--sumber S] [--dari D] [--sampai D] [--limit N] [--json] [--dir DIR]',
    options: ['sumber', 'dari', 'sampai', 'limit', 'json', 'dir'],
    load: async () => (await import('./cari.ts')).run,
  },
  impor: {
    summary: 'impor <url|berkas> [--dir DIR] [--simpan]      preview a news page or file for the corpus; --simpan saves it in DIR/masuk/',
    options: ['dir', 'simpan'],
    load: async () => (await import('./impor.ts')).run,
  },
  timeline: {
    summary: 'timeline [topik] [--dari D] [--sampai D] [--limit N] [--json] [--dir DIR]',
    options: ['dari', 'sampai', 'limit', 'json', 'dir'],
    load: async () => (await import('./timeline.ts')).run,
  },
};

function usage(): string {
  return [
    'kliping: Indonesian news corpus, search and timelines, offline.',
    '',
    'Usage:',
    ...Object.values(COMMANDS).map((c) => `  kliping ${c.summary}`),
    '',
    'DIR defaults to $CORPUS_DIR, else seeds/.',
  ].join('\n');
}

/** Runs `kliping <command> …` and returns the exit code: the usage asked for on stdout, mistakes on stderr (2). */
export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === 'help') {
    console.log(usage());
    return 0;
  }
  const command = COMMANDS[name];
  if (!command) {
    console.error(`kliping: perintah "${name}" tidak dikenal.\n\n${usage()}`);
    return 2;
  }
  try {
    const args = parseArgs(rest);
    if (args.flags.help === true) {
      console.log(usage());
      return 0;
    }
    const unknown = Object.keys(args.flags).find((option) => option !== 'help' && !command.options.includes(option));
    if (unknown !== undefined) throw new UsageError(`--${unknown}: opsi tidak dikenal untuk perintah ini`);
    const run = await command.load();
    return await run(args);
  } catch (error) {
    if (error instanceof UsageError) {
      console.error(`kliping ${name}: ${error.message}\n\n${usage()}`);
      return 2;
    }
    throw error;
  }
}
