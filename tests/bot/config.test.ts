import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, configReport, loadConfig } from '../../src/bot/config.ts';

const corpus = mkdtempSync(join(tmpdir(), 'kliping-config-'));
const valid = { DISCORD_TOKEN: 'MTE4MDAwMDAwMDAwMDAwMDAwMQ.GxYzAb.abcdefghijklmnopqrstuvwxyz0123', CORPUS_DIR: corpus };

function problems(env: NodeJS.ProcessEnv): string[] {
  try {
    loadConfig(env);
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
      indexCacheDir: join(corpus, 'cache'),
      logLevel: 'debug',
      apiUrl: 'http://127.0.0.1:8080/api',
      fetchAllowHosts: ['127.0.0.1:8081', 'localhost:3000'],
    });
  });

  it('names FETCH_ALLOW_HOSTS entries that are not host:port', () => {
    expect(() => loadConfig({ ...valid, FETCH_ALLOW_HOSTS: 'example.com' })).toThrow(/FETCH_ALLOW_HOSTS has "example.com"/);
  });

  it('defaults the optional settings', () => {
    const config = loadConfig({ ...valid, DISCORD_GUILD_ID: '', ADMIN_USER_IDS: '' });
    expect(config.guildId).toBeNull();
    expect(config.adminUserIds).toEqual([]);
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
      CORPUS_DIR: join(corpus, 'tidak-ada'),
      ADMIN_USER_IDS: '1180000000000000011,budi',
      LOG_LEVEL: 'verbose',
      DISCORD_API_URL: 'http://127.0.0.1:8080/api/v10',
    });
    expect(found).toHaveLength(6);
    expect(found[0]).toMatch(/starts with "Bot "/);
    expect(found[1]).toMatch(/DISCORD_GUILD_ID "server-saya" is not a server id/);
    expect(found[2]).toMatch(/CORPUS_DIR .*tidak-ada does not exist/);
    expect(found[3]).toMatch(/ADMIN_USER_IDS has "budi", which is not a user id/);
    expect(found[4]).toMatch(/LOG_LEVEL "verbose"/);
    expect(found[5]).toMatch(/DISCORD_API_URL .* ends with an API version/);
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
