import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseAllowHosts } from '../ingest/fetch.ts';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** The bot's settings, validated. Paths are absolute. */
export interface BotConfig {
  token: string;
  /** Register commands in this guild at start (instant, for development); null = global via deploy-commands. */
  guildId: string | null;
  corpusDir: string;
  /** Users allowed to reload the corpus even without Manage Server. */
  adminUserIds: string[];
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

/** Read and validate the bot's settings from the environment (after dotenv). Throws ConfigError listing every problem. */
export function loadConfig(env: NodeJS.ProcessEnv, cwd = process.cwd()): BotConfig {
  const problems: string[] = [];
  const get = (name: string): string | undefined => {
    const value = env[name]?.trim();
    return value === '' ? undefined : value;
  };

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
      `DISCORD_GUILD_ID "${guildId}" is not a server id (17–20 digits): enable Developer Mode in Discord, ` +
        'right-click the server → Copy Server ID, or leave it empty to use global commands.',
    );
  }

  const corpusDir = resolve(cwd, get('CORPUS_DIR') ?? 'seeds');
  const corpusProblem = pathProblem(corpusDir);
  if (corpusProblem) problems.push(`CORPUS_DIR ${corpusDir} ${corpusProblem}: point it at the folder (or .jsonl file) of articles.`);

  const adminUserIds = (get('ADMIN_USER_IDS') ?? '')
    .split(',')
    .map((id) => id.trim())
    .filter((id) => id !== '');
  const badAdmins = adminUserIds.filter((id) => !SNOWFLAKE.test(id));
  if (badAdmins.length > 0) {
    problems.push(
      `ADMIN_USER_IDS has ${badAdmins.map((id) => `"${id}"`).join(', ')}, which ${badAdmins.length === 1 ? 'is' : 'are'} ` +
        'not a user id (17–20 digits): give user ids separated by commas.',
    );
  }

  const cacheSetting = get('INDEX_CACHE_DIR');
  const indexCacheDir = cacheSetting === undefined ? null : resolve(cwd, cacheSetting);
  if (indexCacheDir !== null) {
    const cacheProblem = pathProblem(indexCacheDir);
    if (cacheProblem && cacheProblem !== 'does not exist') problems.push(`INDEX_CACHE_DIR ${indexCacheDir} ${cacheProblem}.`);
  }

  const logLevel = (get('LOG_LEVEL') ?? 'info').toLowerCase();
  if (!(LOG_LEVELS as readonly string[]).includes(logLevel)) {
    problems.push(`LOG_LEVEL "${logLevel}" is not one of ${LOG_LEVELS.join(', ')}.`);
  }

  const apiUrl = parseApiUrl(get('DISCORD_API_URL'), problems);

  const allow = parseAllowHosts(get('FETCH_ALLOW_HOSTS'));
  if (allow.invalid.length > 0) {
    problems.push(
      `FETCH_ALLOW_HOSTS has ${allow.invalid.map((e) => `"${e}"`).join(', ')}: give host:port pairs separated by commas (e.g. 127.0.0.1:8080), or leave it empty.`,
    );
  }

  if (problems.length > 0) throw new ConfigError(problems);
  return {
    token: token!,
    guildId,
    corpusDir,
    adminUserIds,
    indexCacheDir,
    logLevel: logLevel as LogLevel,
    apiUrl,
    fetchAllowHosts: [...allow.hosts],
  };
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
    problems.push(`DISCORD_API_URL "${raw}" is not a URL: use e.g. http://127.0.0.1:8080/api, or leave it empty for Discord itself.`);
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    problems.push(`DISCORD_API_URL "${raw}" must start with http:// or https://.`);
    return null;
  }
  const base = raw.replace(/\/+$/, '');
  if (/\/v\d+$/.test(base)) {
    problems.push(
      `DISCORD_API_URL "${raw}" ends with an API version: drop it (e.g. http://127.0.0.1:8080/api), discord.js adds /v10 itself.`,
    );
    return null;
  }
  return base;
}
