// The bot's two processes against the fake Discord: `npm run deploy-commands` (global, or the guild's with
// DISCORD_GUILD_ID) and `npm start` (logs in, answers, stops cleanly on SIGTERM, never logs the token).
import { spawn, type ChildProcess } from 'node:child_process';
import { join, resolve } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startFakeDiscord, type FakeDiscord } from './fake-discord/index.ts';

const repo = resolve(import.meta.dirname, '../..');
let fake: FakeDiscord;

/** Process groups started here: each script runs as tsx plus its node child, both in the group. */
const groups = new Set<number>();

/**
 * Kills every group still standing, leader and children alike. After each test, passed or failed: a test
 * that times out must not leave a bot (and its tsx child) logged in to the next test's fake Discord.
 */
function killGroups(): void {
  for (const pgid of groups) {
    try {
      process.kill(-pgid, 'SIGKILL');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ESRCH') throw error;
    }
  }
  groups.clear();
}

beforeAll(async () => {
  fake = await startFakeDiscord();
});
afterEach(killGroups);
afterAll(() => {
  killGroups();
  return fake?.close();
});

const TOKEN = 'fake-bot-token.for-e2e-tests.only';

interface Run {
  child: ChildProcess;
  stdout: () => string;
  done: Promise<{ code: number | null; stdout: string; stderr: string }>;
}

/**
 * Runs a script as its npm script does (through the tsx CLI, or `node --import tsx/esm` as `npm start`),
 * asynchronously, so the fake in this process keeps serving; in a process group of its own (detached), so
 * that cleanup reaches tsx's child too.
 */
function run(script: string, env: Record<string, string>, how: 'tsx' | 'node' = 'tsx'): Run {
  // `npm start` runs node with tsx's loader: no tsx process in between to relay (or time out) a signal.
  const [command, ...args] =
    how === 'tsx'
      ? [join(repo, 'node_modules/.bin/tsx'), join(repo, script)]
      : [process.execPath, '--import', 'tsx/esm', join(repo, script)];
  const child = spawn(command!, args, {
    cwd: repo,
    env: { PATH: process.env.PATH, DISCORD_TOKEN: TOKEN, DISCORD_API_URL: fake.apiUrl, CORPUS_DIR: join(repo, 'seeds'), ...env },
    detached: true,
  });
  if (child.pid !== undefined) groups.add(child.pid);
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (chunk) => {
    stdout += chunk;
  });
  child.stderr!.on('data', (chunk) => {
    stderr += chunk;
  });
  const done = new Promise<{ code: number | null; stdout: string; stderr: string }>((resolveDone) => {
    child.on('close', (code) => resolveDone({ code, stdout, stderr }));
  });
  return { child, stdout: () => stdout, done };
}

/** Polls the process's stdout: the fake's waits only wake on requests and gateway events. */
async function waitForOutput(proc: Run, text: string, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!proc.stdout().includes(text)) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${text} in:\n${proc.stdout()}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** The `msg` of each log line a run printed, in order. */
const logMessages = (stdout: string): string[] =>
  stdout
    .trim()
    .split('\n')
    .map((line) => (JSON.parse(line) as { msg: string }).msg);

const deploy = (env: Record<string, string>) => run('src/bot/deploy-commands.ts', env).done;

describe('npm run deploy-commands', () => {
  it('registers the commands globally by default', async () => {
    const result = await deploy({});
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Registered 4 global commands/);
    expect(fake.commands.global.map((c) => c.name)).toEqual(['cari', 'timeline', 'korpus', 'bantuan']);
    expect(fake.commands.guild).toEqual([]);
    fake.assertClean();
  });

  it('registers them in DISCORD_GUILD_ID when set', async () => {
    const result = await deploy({ DISCORD_GUILD_ID: fake.guildId });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(new RegExp(`^Registered 4 commands in server ${fake.guildId}`));
    expect(fake.commands.guild.map((c) => c.name)).toEqual(['cari', 'timeline', 'korpus', 'bantuan']);
    fake.assertClean();
  });
});

describe('npm start', () => {
  it('logs in, registers guild commands, answers, and stops cleanly on SIGTERM without ever logging the token', async () => {
    const bot = run('src/bot/main.ts', { DISCORD_GUILD_ID: fake.guildId, LOG_LEVEL: 'info' });
    await waitForOutput(bot, '"msg":"bot ready"');
    const reply = await fake.send(fake.slash('bantuan', {})).reply();
    expect((reply.embeds[0] as { title: string }).title).toBe('Kliping: cara pakai');
    bot.child.kill('SIGTERM');
    const result = await bot.done;
    expect(result.code).toBe(0);
    const messages = logMessages(result.stdout);
    expect(messages).toEqual(
      expect.arrayContaining(['corpus loaded', 'guild commands registered', 'bot ready', 'shutting down', 'bot stopped']),
    );
    expect(result.stdout + result.stderr).not.toContain(TOKEN);
    fake.assertClean();
  });
});

describe('npm start while its corpus cannot be loaded', () => {
  it.each(['SIGTERM', 'SIGINT'] as const)('stops cleanly on %s: no retry after it, exit code 0', async (signal) => {
    const env = { DISCORD_GUILD_ID: fake.guildId, LOG_LEVEL: 'info', CORPUS_DIR: join(repo, 'tidak-ada') };
    const bot = run('src/bot/main.ts', env, 'node');
    // The first load failed and is retried (1 s later): the start has not ended.
    await waitForOutput(bot, '"msg":"corpus could not be loaded; retrying"');
    bot.child.kill(signal);
    const result = await bot.done;
    expect(result.code).toBe(0);
    const messages = logMessages(result.stdout);
    expect(messages).toContain('bot stopped');
    const stop = messages.indexOf('shutting down');
    expect(stop).toBeGreaterThan(messages.indexOf('corpus could not be loaded; retrying'));
    expect(messages.slice(stop)).not.toContain('corpus could not be loaded; retrying');
    expect(messages).not.toContain('bot could not start.');
    expect(messages).not.toContain('bot ready');
    expect(result.stderr).toBe('');
  });
});

describe('npm start with a broken configuration', () => {
  it('names the misnamed and invalid variables, never their values, and never connects', async () => {
    const requestsBefore = fake.requests.length;
    // The token pasted into the wrong variables, and the right one missing.
    const result = await run('src/bot/main.ts', {
      DISCORD_TOKEN: '',
      DISCORD_BOT_TOKEN: TOKEN,
      DISCORD_GUILD_ID: TOKEN,
      ADMIN_USER_IDS: TOKEN,
    }).done;
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^kliping cannot start: the configuration is incomplete\./);
    expect(result.stderr).toContain('DISCORD_BOT_TOKEN is set, but kliping reads DISCORD_TOKEN: rename it to DISCORD_TOKEN.');
    expect(result.stderr).toMatch(/DISCORD_GUILD_ID is not a server id/);
    expect(result.stderr).toMatch(/ADMIN_USER_IDS: entry 1 of 1 is not a user id/);
    for (const part of [TOKEN, ...TOKEN.split('.').filter((p) => p.length >= 8)]) expect(result.stdout + result.stderr).not.toContain(part);
    expect(fake.requests.length).toBe(requestsBefore);
  });
});
