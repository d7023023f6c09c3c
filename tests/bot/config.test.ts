import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, configReport, loadConfig } from '../../src/bot/config.ts';

const corpus = mkdtempSync(join(tmpdir(), 'kliping-config-'));
const valid = { DISCORD_TOKEN: 'MTE4MDAwMDAwMDAwMDAwMDAwMQ.GxYzAb.abcdefghijklmnopqrstuvwxyz0123', CORPUS_DIR: corpus };

function problems(env: NodeJS.ProcessEnv, cwd?: string): string[] {
  try {
    loadConfig(env, cwd);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe('loadConfig', () => {
  it('reads a full configuration', () => {
    const config = loadConfig({
      ...valid,
      DISCORD_GUILD_ID: '1180000000000000100',
      ADMIN_USER_IDS: '1180000000000000011, 1180000000000000014',
      INDEX_CACHE_DIR: join(corpus, 'cache'),
      LOG_LEVEL: 'DEBUG',
      DISCORD_API_URL: 'http://127.0.0.1:8080/api/',
      FETCH_ALLOW_HOSTS: '127.0.0.1:8081, Localhost:3000',
    });
    expect(config).toEqual({
      token: valid.DISCORD_TOKEN,
      guildId: '1180000000000000100',
      corpusDir: corpus,
      adminUserIds: ['1180000000000000011', '1180000000000000014'],
      adminGuildIds: ['1180000000000000100'],
      indexCacheDir: join(corpus, 'cache'),
      logLevel: 'debug',
      apiUrl: 'http://127.0.0.1:8080/api',
      fetchAllowHosts: ['127.0.0.1:8081', 'localhost:3000'],
    });
  });

  it('names FETCH_ALLOW_HOSTS entries that are not host:port', () => {
    expect(() => loadConfig({ ...valid, FETCH_ALLOW_HOSTS: 'example.com' })).toThrow(/FETCH_ALLOW_HOSTS: 1 entry is not host:port/);
  });

  it('defaults the optional settings', () => {
    const config = loadConfig({ ...valid, DISCORD_GUILD_ID: '', ADMIN_USER_IDS: '' });
    expect(config.guildId).toBeNull();
    expect(config.adminUserIds).toEqual([]);
    expect(config.adminGuildIds).toEqual([]);
    expect(config.indexCacheDir).toBeNull();
    expect(config.logLevel).toBe('info');
    expect(config.apiUrl).toBeNull();
    expect(config.fetchAllowHosts).toEqual([]);
  });

  it('says how to get a token when there is none', () => {
    const [problem, ...rest] = problems({ CORPUS_DIR: corpus });
    expect(rest).toEqual([]);
    expect(problem).toMatch(/DISCORD_TOKEN is not set/);
    expect(problem).toMatch(/discord\.com\/developers/);
  });

  it('reports one message per problem, all at once', () => {
    const found = problems({
      DISCORD_TOKEN: 'Bot abc.def.ghi',
      DISCORD_GUILD_ID: 'server-saya',
      ADMIN_USER_IDS: '1180000000000000011,budi',
      LOG_LEVEL: 'verbose',
      DISCORD_API_URL: 'http://127.0.0.1:8080/api/v10',
    });
    expect(found).toHaveLength(5);
    expect(found[0]).toMatch(/starts with "Bot "/);
    expect(found[1]).toMatch(/^DISCORD_GUILD_ID is not a server id/);
    expect(found[2]).toMatch(/^ADMIN_USER_IDS: entry 2 of 2 is not a user id/);
    expect(found[3]).toMatch(/^LOG_LEVEL is not one of/);
    expect(found[4]).toMatch(/^DISCORD_API_URL ends with an API version/);
    for (const value of ['server-saya', 'budi', 'verbose', '8080/api/v10']) expect(found.join('\n')).not.toContain(value);
  });

  it('takes a CORPUS_DIR that is not there (yet): the bot starts and retries its load; unset, the default folder must exist', () => {
    expect(loadConfig({ ...valid, CORPUS_DIR: join(corpus, 'tidak-ada') }).corpusDir).toBe(join(corpus, 'tidak-ada'));
    expect(problems({ DISCORD_TOKEN: valid.DISCORD_TOKEN }, join(corpus, 'tidak-ada'))).toEqual([
      expect.stringMatching(/^CORPUS_DIR is not set and the default folder .* does not exist/),
    ]);
  });

  it('names misnamed and invalid variables, never their values: a token pasted in the wrong place is not echoed', () => {
    const token = valid.DISCORD_TOKEN;
    const found = problems({
      DISCORD_BOT_TOKEN: token,
      DISCORD_GUILD_ID: token,
      ADMIN_GUILD_ID: '1180000000000000100',
      ADMIN_USER_IDS: `1180000000000000011, ${token}`,
      CORPUS_DIR: token,
      LOG_LEVEL: token,
      DISCORD_API_URL: token,
      DISCORD_CLIENT_ID: '1180000000000000001', // another tool's setting: left alone
    });
    const report = configReport(new ConfigError(found));
    expect(report).not.toContain(token);
    expect(report).not.toContain(token.split('.')[0]);
    expect(found).toEqual([
      expect.stringMatching(/^DISCORD_TOKEN is not set/),
      expect.stringMatching(/^DISCORD_GUILD_ID is not a server id .* looks like a bot token: .*reset it/),
      expect.stringMatching(/^CORPUS_DIR does not exist: .* looks like a bot token/),
      expect.stringMatching(/^ADMIN_USER_IDS: entry 2 of 2 is not a user id .* looks like a bot token/),
      expect.stringMatching(/^LOG_LEVEL is not one of .* looks like a bot token/),
      'DISCORD_API_URL is not a URL: use e.g. http://127.0.0.1:8080/api, or leave it empty for Discord itself.',
      'ADMIN_GUILD_ID is set, but kliping reads ADMIN_GUILD_IDS: rename it to ADMIN_GUILD_IDS.',
      'DISCORD_BOT_TOKEN is set, but kliping reads DISCORD_TOKEN: rename it to DISCORD_TOKEN.',
    ]);
  });

  it('points out a misnamed variable only when the one it resembles is unset', () => {
    expect(problems({ ...valid, GUILD_ID: '1180000000000000100' })).toEqual([
      'GUILD_ID is set, but kliping reads DISCORD_GUILD_ID: rename it to DISCORD_GUILD_ID.',
    ]);
    expect(problems({ ...valid, DISCORD_GUILD_ID: '1180000000000000100', GUILD_ID: '1180000000000000100' })).toEqual([]);
    expect(problems({ ...valid, GITHUB_TOKEN: 'x', DISCORD_CLIENT_ID: '1', LOGNAME: 'root' })).toEqual([]);
  });

  it('home servers: ADMIN_GUILD_IDS, comma-separated, else DISCORD_GUILD_ID', () => {
    const home = '1180000000000000100';
    expect(loadConfig({ ...valid, DISCORD_GUILD_ID: home }).adminGuildIds).toEqual([home]);
    expect(
      loadConfig({ ...valid, DISCORD_GUILD_ID: home, ADMIN_GUILD_IDS: '1180000000000000500 , 1180000000000000600' }).adminGuildIds,
    ).toEqual(['1180000000000000500', '1180000000000000600']);
    expect(problems({ ...valid, ADMIN_GUILD_IDS: 'rumah' })).toEqual([
      expect.stringMatching(/^ADMIN_GUILD_IDS: entry 1 of 1 is not a server id/),
    ]);
  });

  it('rejects a token broken by whitespace and an API URL that is not http', () => {
    expect(problems({ ...valid, DISCORD_TOKEN: 'abc def' })[0]).toMatch(/whitespace/);
    expect(problems({ ...valid, DISCORD_API_URL: 'ftp://x' })[0]).toMatch(/http:\/\/ or https:\/\//);
    expect(problems({ ...valid, DISCORD_API_URL: 'not a url' })[0]).toMatch(/is not a URL/);
  });

  it('prints the problems with setup steps and the offline CLI, without a stack', () => {
    const report = configReport(new ConfigError(['DISCORD_TOKEN is not set: ...']));
    expect(report).toMatch(/^kliping cannot start/);
    expect(report).toContain('  - DISCORD_TOKEN is not set');
    expect(report).toContain('.env.example');
    expect(report).toContain('npm run cli -- cari');
    expect(report).not.toMatch(/\n\s+at /);
  });
});
