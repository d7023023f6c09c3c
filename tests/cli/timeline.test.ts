import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseArgs, UsageError } from '../../src/cli/args.ts';
import { captureConsole, scratchFolder } from './console.ts';
import { run } from '../../src/cli/timeline.ts';
import { MAX_TOPIC_CHARS } from '../../src/timeline/types.ts';

const SEEDS = fileURLToPath(new URL('../../seeds/', import.meta.url));

const cache = scratchFolder('kliping-cli-timeline-');
afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
});

async function timelineJson(...argv: string[]): Promise<{ code: number; printed: Record<string, unknown> }> {
  vi.stubEnv('KLIPING_CACHE_DIR', cache());
  const { out } = captureConsole();
  const code = await run(parseArgs([...argv, '--json', '--dir', SEEDS], {}));
  return { code, printed: JSON.parse(out.join('\n')) as Record<string, unknown> };
}

describe('kliping timeline --json', () => {
  it('says how many events matched, as the text does ("1 dari 4 peristiwa")', async () => {
    const { code, printed } = await timelineJson('putin', '--limit', '1');
    expect(code).toBe(0);
    expect(printed.events).toHaveLength(1);
    expect(printed.total).toBe(4);
  });

  it('an empty answer carries its typed problem; a topic with nothing to search exits 1, as `cari` does', async () => {
    const { code, printed } = await timelineJson('😀');
    expect(printed).toEqual({ events: [], total: 0, problem: { kind: 'no-words-topic', topic: '😀' } });
    expect(code).toBe(1);
    // nothing found is an answer, not a mistake
    expect((await timelineJson('xyzzy')).code).toBe(0);
  });
});

describe('kliping timeline topic', () => {
  it('refuses a topic longer than the bot takes, before echoing it anywhere', async () => {
    vi.stubEnv('KLIPING_CACHE_DIR', cache());
    const topic = 'korea '.repeat(40).trim();
    expect(topic.length).toBeGreaterThan(MAX_TOPIC_CHARS);
    const running = run(parseArgs([topic, '--dir', SEEDS], {}));
    await expect(running).rejects.toThrow(UsageError);
    await expect(running).rejects.toThrow(`topik terlalu panjang (${topic.length} karakter; paling banyak ${MAX_TOPIC_CHARS})`);
  });
});
