import 'dotenv/config';
import { parseArgs, UsageError, type CliArgs } from './args.ts';

/** Each command prints to stdout and returns the process exit code. */
type CommandRunner = (args: CliArgs) => Promise<number>;

const COMMANDS: Record<string, { summary: string; load: () => Promise<CommandRunner> }> = {
  corpus: {
    summary: 'corpus [--json] [--dir DIR]            one line per article: file, title, date, publisher, origin, author, warnings',
    load: async () => (await import('./corpus.ts')).run,
  },
  cari: {
    summary: 'cari "<kueri>" [--sumber S] [--dari D] [--sampai D] [--limit N] [--json] [--dir DIR]',
    load: async () => (await import('./cari.ts')).run,
  },
  impor: {
    summary: 'impor <url|berkas> [--dir DIR] [--simpan]      preview a news page or file for the corpus; --simpan saves it in DIR/masuk/',
    load: async () => (await import('./impor.ts')).run,
  },
  timeline: {
    summary: 'timeline [topik] [--dari D] [--sampai D] [--limit N] [--json] [--dir DIR]',
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

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  const command = name === undefined ? undefined : COMMANDS[name];
  if (!command || name === '--help' || name === 'help') {
    (command ? console.log : console.error)(usage());
    return name === undefined || name === '--help' || name === 'help' ? 0 : 2;
  }
  try {
    const run = await command.load();
    return await run(parseArgs(rest));
  } catch (error) {
    if (error instanceof UsageError) {
      console.error(`kliping ${name}: ${error.message}\n\n${usage()}`);
      return 2;
    }
    throw error;
  }
}

process.exitCode = await main(process.argv.slice(2));
