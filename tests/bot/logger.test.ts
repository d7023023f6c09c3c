import { describe, expect, it } from 'vitest';
import { createLogger } from '../../src/bot/logger.ts';

const TOKEN = 'MTE4MDAwMDAwMDAwMDAwMDAwMQ.GxYzAb.abcdefghijklmnopqrstuvwxyz0123';

describe('createLogger', () => {
  it('never prints the token: not in fields, not in messages, not in errors', () => {
    const lines: string[] = [];
    const logger = createLogger('info', [TOKEN], { write: (line: string) => void lines.push(line) });
    logger.info({ config: { token: TOKEN, corpusDir: '/korpus' } }, 'starting');
    logger.info({ token: TOKEN }, 'raw');
    logger.warn(`request failed with Authorization: Bot ${TOKEN}`);
    logger.error({ err: new Error(`bad token ${TOKEN}`), headers: { authorization: `Bot ${TOKEN}` } }, 'failed');
    expect(lines).toHaveLength(4);
    for (const line of lines) expect(line).not.toContain(TOKEN);
    expect(lines.join('')).toContain('[redacted]');
    expect(JSON.parse(lines[0]!)).toMatchObject({ level: 30, msg: 'starting', app: 'kliping', config: { corpusDir: '/korpus' } });
  });

  it('respects the level', () => {
    const lines: string[] = [];
    const logger = createLogger('warn', [TOKEN], { write: (line: string) => void lines.push(line) });
    logger.info('quiet');
    logger.warn('loud');
    expect(lines.map((l) => JSON.parse(l).msg)).toEqual(['loud']);
  });
});
