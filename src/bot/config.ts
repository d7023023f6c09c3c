import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseAllowHosts } from '../ingest/address.ts';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** The bot's settings, validated. Paths are absolute. */
export interface BotConfig {
  token: string;
  /** Register commands in this guild at start (instant, for development); null = global via deploy-commands. */
  guildId: string | null;
  corpusDir: string;
  /** Users allowed to manage the corpus anywhere the bot is, Manage Server or not (ADMIN_USER_IDS). */
  adminUserIds: string[];
  /** The bot's home servers: their Manage Server holders manage the corpus (ADMIN_GUILD_IDS, default DISCORD_GUILD_ID). */
  adminGuildIds: string[];
  /** Where the search index is persisted for fast restarts; null = rebuild at every start. */
  indexCacheDir: string | null;
  logLevel: LogLevel;
  /** REST base for a proxy or a local test server; discord.js appends `/v10` itself. */
  apiUrl: string | null;
  /** `host:port` pairs `/korpus tambah` may fetch from even on private addresses (tests' local servers); usually empty. */
  fetchAllowHosts: string[];
}

/** One or more configuration problems, each a sentence saying what is wrong and how to fix it. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join('\n'));
    this.name = 'ConfigError';
  }
}

/** Configuration problems as printed by `npm start`: plainly, with how to set up, and no stack trace. */
export function configReport(error: ConfigError): string {
  return [
    'kliping cannot start: the configuration is incomplete.',
    ...error.problems.map((problem) => `  - ${problem}`),
    '',
    'To set up: copy .env.example to .env and fill it in (README.md, "Running the Kliping bot", walks through it in 5 minutes).',
    'Without Discord, the same search works offline:  npm run cli -- cari "kecaman Putin"',
  ].join('\n');
}

const SNOWFLAKE = /^\d{17,20}$/;
/** A Discord bot token's shape: three base64url parts. Found in another variable, it was pasted in the wrong place. */
const TOKEN_SHAPE = /^[\w-]{20,}\.[\w-]{4,}\.[\w-]{20,}$/;

/** Every variable the bot reads (and the CLI's cache folder), so a misnamed one can be pointed out. */
export const KNOWN_VARIABLES = [
  'DISCORD_TOKEN',
  'DISCORD_GUILD_ID',
  'CORPUS_DIR',
  'ADMIN_USER_IDS',
  'ADMIN_GUILD_IDS',
  'INDEX_CACHE_DIR',
  'LOG_LEVEL',
  'DISCORD_API_URL',
  'KLIPING_CACHE_DIR',
  'FETCH_ALLOW_HOSTS',
] as const;

/**
 * The known variable an unknown name was probably meant to be: one or two typos away ("ADMIN_GUILD_ID"), else
 * the same words plus or minus one, at least two shared ("DISCORD_GUILD", "GUILD_ID", "DISCORD_BOT_TOKEN").
 * Unrelated names ("DISCORD_CLIENT_ID", "GITHUB_TOKEN") are left alone.
 */
export function meantVariable(name: string): string | undefined {
  if ((KNOWN_VARIABLES as readonly string[]).includes(name)) return undefined;
  const words = name.split('_');
  const oneWordApart = (known: string): boolean => {
    const knownWords = known.split('_');
    const [short, long] = words.length < knownWords.length ? [words, knownWords] : [knownWords, words];
    return short.length >= 2 && long.length === short.length + 1 && short.every((w) => long.includes(w));
  };
  return KNOWN_VARIABLES.find((known) => editDistance(name, known) <= 2) ?? KNOWN_VARIABLES.find(oneWordApart);
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++)
      row[j] = Math.min(previous[j]! + 1, row[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    previous = row;
  }
  return previous[b.length]!;
}

/**
 * Read and validate the bot's settings from the environment (after dotenv). Throws ConfigError listing every
 * problem. Problems name the variables, never their values: a token pasted into the wrong variable must not
 * end up on a terminal or in a log.
 */
export function loadConfig(env: NodeJS.ProcessEnv, cwd = process.cwd()): BotConfig {
  const problems: string[] = [];
  const get = (name: (typeof KNOWN_VARIABLES)[number]): string | undefined => {
    const value = env[name]?.trim();
    return value === '' ? undefined : value;
  };
  /** A warning to append when a variable other than DISCORD_TOKEN holds what looks like a token; '' otherwise. */
  const tokenWarning = (value: string): string =>
    TOKEN_SHAPE.test(value)
      ? ' Its value looks like a bot token: if it is one, reset it in the Developer Portal (Bot → Reset Token) and put the new one in DISCORD_TOKEN.'
      : '';

  const token = get('DISCORD_TOKEN');
  if (token === undefined) {
    problems.push(
      'DISCORD_TOKEN is not set: create an application at https://discord.com/developers/applications, ' +
        'open Bot → Reset Token, and put the token in .env as DISCORD_TOKEN=...',
    );
  } else if (/^bot\s/i.test(token)) {
    problems.push('DISCORD_TOKEN starts with "Bot ": give the token alone, without the prefix.');
  } else if (/\s/.test(token)) {
    problems.push('DISCORD_TOKEN contains whitespace: copy the token again, it is one unbroken string.');
  }

  const guildId = get('DISCORD_GUILD_ID') ?? null;
  if (guildId !== null && !SNOWFLAKE.test(guildId)) {
    problems.push(
      'DISCORD_GUILD_ID is not a server id (17–20 digits): enable Developer Mode in Discord, ' +
        `right-click the server → Copy Server ID, or leave it empty to use global commands.${tokenWarning(guildId)}`,
    );
  }

  const corpusSetting = get('CORPUS_DIR');
  const corpusDir = resolve(cwd, corpusSetting ?? 'seeds');
  const corpusProblem = pathProblem(corpusDir);
  // A folder named but not there (yet) may come: a disk mounted late, a folder being restored. The bot
  // starts and retries its load until it is (SnapshotStore). Never there: the default, or a token pasted in.
  if (corpusProblem && (corpusSetting === undefined || TOKEN_SHAPE.test(corpusSetting))) {
    problems.push(
      corpusSetting === undefined
        ? `CORPUS_DIR is not set and the default folder ${corpusDir} ${corpusProblem}: point CORPUS_DIR at the folder (or .jsonl file) of articles.`
        : `CORPUS_DIR ${corpusProblem}: point it at the folder (or .jsonl file) of articles.${tokenWarning(corpusSetting)}`,
    );
  }

  const adminUserIds = idList(get('ADMIN_USER_IDS'), 'ADMIN_USER_IDS', 'user', problems, tokenWarning);
  const adminGuildIds = idList(get('ADMIN_GUILD_IDS'), 'ADMIN_GUILD_IDS', 'server', problems, tokenWarning);
  if (get('ADMIN_GUILD_IDS') === undefined && guildId !== null) adminGuildIds.push(guildId);

  const cacheSetting = get('INDEX_CACHE_DIR');
  const indexCacheDir = cacheSetting === undefined ? null : resolve(cwd, cacheSetting);
  if (indexCacheDir !== null) {
    const cacheProblem = pathProblem(indexCacheDir);
    if (cacheProblem && cacheProblem !== 'does not exist') problems.push(`INDEX_CACHE_DIR ${cacheProblem}.`);
  }

  const logLevel = (get('LOG_LEVEL') ?? 'info').toLowerCase();
  if (!(LOG_LEVELS as readonly string[]).includes(logLevel)) {
    problems.push(`LOG_LEVEL is not one of ${LOG_LEVELS.join(', ')}.${tokenWarning(logLevel)}`);
  }

  const apiUrl = parseApiUrl(get('DISCORD_API_URL'), problems);

  const allow = parseAllowHosts(get('FETCH_ALLOW_HOSTS'));
  if (allow.invalid.length > 0) {
    // Counted, not quoted: the report never prints values.
    problems.push(
      `FETCH_ALLOW_HOSTS: ${allow.invalid.length} entr${allow.invalid.length === 1 ? 'y is' : 'ies are'} not host:port (e.g. 127.0.0.1:8080): ` +
        'give host:port pairs separated by commas, or leave it empty.',
    );
  }

  // A misnamed variable is ignored silently unless said: name it, and the one it was probably meant to be.
  for (const name of Object.keys(env).sort()) {
    const meant = env[name]?.trim() ? meantVariable(name) : undefined;
    if (meant !== undefined && !env[meant]?.trim()) {
      problems.push(`${name} is set, but kliping reads ${meant}: rename it to ${meant}.`);
    }
  }

  if (problems.length > 0) throw new ConfigError(problems);
  return {
    token: token!,
    guildId,
    corpusDir,
    adminUserIds,
    adminGuildIds,
    indexCacheDir,
    logLevel: logLevel as LogLevel,
    apiUrl,
    fetchAllowHosts: [...allow.hosts],
  };
}

/** A comma-separated list of ids; entries that are not ids are counted in a problem (by position, not value). */
function idList(
  raw: string | undefined,
  name: string,
  kind: 'user' | 'server',
  problems: string[],
  tokenWarning: (value: string) => string,
): string[] {
  const ids = (raw ?? '')
    .split(',')
    .map((id) => id.trim())
    .filter((id) => id !== '');
  const bad = ids.flatMap((id, i) => (SNOWFLAKE.test(id) ? [] : [i + 1]));
  if (bad.length > 0) {
    const token = ids.map(tokenWarning).find((warning) => warning !== '') ?? '';
    problems.push(
      `${name}: entr${bad.length === 1 ? 'y' : 'ies'} ${bad.join(', ')} of ${ids.length} ${bad.length === 1 ? 'is' : 'are'} ` +
        `not a ${kind} id (17–20 digits): give ${kind} ids separated by commas.${token}`,
    );
  }
  return ids.filter((id) => SNOWFLAKE.test(id));
}

function pathProblem(path: string): string | null {
  try {
    statSync(path);
    return null;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code === 'ENOENT' ? 'does not exist' : `cannot be read (${code ?? 'unknown error'})`;
  }
}

function parseApiUrl(raw: string | undefined, problems: string[]): string | null {
  if (raw === undefined) return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    problems.push(`DISCORD_API_URL is not a URL: use e.g. http://127.0.0.1:8080/api, or leave it empty for Discord itself.`);
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    problems.push('DISCORD_API_URL must start with http:// or https://.');
    return null;
  }
  const base = raw.replace(/\/+$/, '');
  if (/\/v\d+$/.test(base)) {
    problems.push(`DISCORD_API_URL ends with an API version: drop it (e.g. http://127.0.0.1:8080/api), discord.js adds /v10 itself.`);
    return null;
  }
  return base;
}
