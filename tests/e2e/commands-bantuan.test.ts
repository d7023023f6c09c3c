// /bantuan end to end, plus what every command relies on: unknown commands, DMs, REST faults and gateway drops.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { isEphemeral, startHarness, type Harness } from './harness.ts';
import { embedsOf } from './commands-fixtures.ts';

let h: Harness;

beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h?.close());
afterEach(() => h.fake.assertClean());

const help = () => h.fake.send(h.fake.slash('bantuan', {}));

describe('/bantuan', () => {
  it('explains every command with examples, privately', async () => {
    const reply = await help().reply();
    expect(isEphemeral(reply)).toBe(true);
    const [embed] = embedsOf(reply);
    expect(embed!.title).toBe('Kliping: cara pakai');
    expect(embed!.description).toContain('5 artikel berita');
    const names = embed!.fields!.map((f) => f.name);
    expect(names).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^\/cari kueri/),
        expect.stringMatching(/^\/timeline/),
        expect.stringMatching(/^\/korpus/),
      ]),
    );
    expect(embed!.fields!.map((f) => f.value).join('\n')).toContain('`/cari kueri: kecaman Putin`');
    expect(names).toContain('/korpus tambah [url] [berkas] · /korpus hapus artikel');
  });

  it('works in a DM too', async () => {
    const reply = await h.fake.send(h.fake.slash('bantuan', {}, { dm: true, user: 'other' })).reply();
    expect(embedsOf(reply)[0]!.title).toBe('Kliping: cara pakai');
  });
});

describe('routing', () => {
  it('answers a command it does not know (a stale registration) with a pointer to /bantuan', async () => {
    const reply = await h.fake.send(h.fake.slash('hilang', { apa: 'x' })).reply();
    expect(isEphemeral(reply)).toBe(true);
    expect(reply.content).toContain('`/bantuan`');
  });
});

describe('resilience', () => {
  it('retries a REST 429 with Retry-After and a 500, and still answers', async () => {
    h.fake.failNext('POST /interactions/:id/:token/callback', { status: 429, retryAfter: 0.2 });
    const limited = help();
    expect(embedsOf(await limited.reply())[0]!.title).toBe('Kliping: cara pakai');
    h.fake.failNext('POST /interactions/:id/:token/callback', { status: 500 });
    const failed = help();
    expect(embedsOf(await failed.reply())[0]!.title).toBe('Kliping: cara pakai');
    const attempts = h.fake.requestsFor(failed.token).filter((r) => r.route.startsWith('POST /interactions'));
    expect(attempts.map((r) => r.status)).toEqual([500, 204]);
  });

  it('reconnects when the gateway closes, and answers again', async () => {
    await h.fake.dropGateway(4000);
    expect(embedsOf(await help().reply())[0]!.title).toBe('Kliping: cara pakai');
    await h.fake.dropGateway('terminate');
    expect(embedsOf(await help().reply())[0]!.title).toBe('Kliping: cara pakai');
  });
});
