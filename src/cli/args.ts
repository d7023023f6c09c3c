import { resolve } from 'node:path';

/** Parsed command line shared by every CLI command. */
export interface CliArgs {
  /** Words after the command name that are not flags, e.g. the query. */
  positional: string[];
  /** `--name value` and `--name=value` as strings; bare `--name` as true. */
  flags: Record<string, string | true>;
  json: boolean;
  /** Corpus folder or file: `--dir`, else CORPUS_DIR, else seeds/. Absolute. */
  dir: string;
}

/** Flags that never take a value, so `--json kecam` keeps `kecam` positional. */
const BOOLEAN_FLAGS = new Set(['json', 'help', 'simpan']);

export function parseArgs(argv: string[], env: NodeJS.ProcessEnv = process.env): CliArgs {
  const positional: string[] = [];
  const flags: Record<string, string | true> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') {
      positional.push(...argv.slice(i + 1));
      break;
    }
    if (!arg.startsWith('--') || arg.length === 2) {
      positional.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = arg.slice(2, eq === -1 ? undefined : eq);
    if (eq !== -1) flags[name] = arg.slice(eq + 1);
    else if (!BOOLEAN_FLAGS.has(name) && i + 1 < argv.length && !argv[i + 1]!.startsWith('--')) flags[name] = argv[++i]!;
    else flags[name] = true;
  }
  const dirFlag = typeof flags.dir === 'string' ? flags.dir : undefined;
  return {
    positional,
    flags,
    json: flags.json === true,
    dir: resolve(dirFlag ?? env.CORPUS_DIR ?? 'seeds'),
  };
}

/** A string flag's value, or undefined; throws a usage error when given bare. */
export function stringFlag(args: CliArgs, name: string): string | undefined {
  const value = args.flags[name];
  if (value === true) throw new UsageError(`--${name} perlu diisi`);
  return value;
}

/** A positive integer flag, or the fallback. */
export function intFlag(args: CliArgs, name: string, fallback: number): number {
  const raw = stringFlag(args, name);
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1) throw new UsageError(`--${name} harus bilangan bulat ≥ 1, bukan "${raw}"`);
  return n;
}

/** A mistake in how the CLI was called: printed without a stack trace, exit code 2. */
export class UsageError extends Error {}
