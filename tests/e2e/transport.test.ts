// Transport faults with the real bot: REST 429 (Retry-After honoured) and 500 are retried, and a dropped gateway
// connection is resumed or re-established, after which the bot answers again.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { isEphemeral, startHarness, type Harness } from './harness.ts';

let h: Harness;

// One bot for the file: each test's faults are consumed by its own requests, and each drop ends reconnected.
beforeAll(async () => {
  h = await startHarness();
});

afterAll(() => h?.close());

afterEach(() => h.fake.assertClean());

const CALLBACK = 'POST /interactions/:id/:token/callback';

/** A search that has hits in the seeds; its reply is public and carries an embed. */
async function searchAnswered(kueri = 'Putin'): Promise<void> {
  const reply = await h.fake.send(h.fake.slash('cari', { kueri }, { user: 'member' })).reply();
  expect(isEphemeral(reply)).toBe(false);
  expect(reply.embeds.length).toBeGreaterThan(0);
}

describe('REST faults', () => {
  it('retries an interaction callback after a 429, waiting for Retry-After', async () => {
    h.fake.failNext(CALLBACK, { status: 429, retryAfter: 0.3 });
    const run = h.fake.send(h.fake.slash('cari', { kueri: 'Putin' }));
    const reply = await run.reply();
    expect(reply.embeds.length).toBeGreaterThan(0);
    const attempts = h.fake.requestsFor(run.token);
    expect(attempts.map((r) => r.status)).toEqual([429, 204]);
    const [limited, retried] = attempts;
    // The retry must not come before Retry-After has passed (a little slack for clock granularity).
    expect(retried!.at - limited!.at).toBeGreaterThanOrEqual(280);
    expect(retried!.body).toEqual(limited!.body);
  });

  it('retries a global 429 on the edit after a defer', async () => {
    h.fake.failNext('PATCH /webhooks/:app/:token/messages/@original', { status: 429, retryAfter: 0.2, global: true });
    const run = h.fake.send(h.fake.slash('timeline', {}));
    expect((await run.callback()).type).toBe(5);
    const reply = await run.reply();
    expect(reply.embeds.length + reply.content.length).toBeGreaterThan(0);
    expect(
      h.fake
        .requestsFor(run.token)
        .filter((r) => r.method === 'PATCH')
        .map((r) => r.status),
    ).toEqual([429, 200]);
  });

  it('retries a 500, and two 503s in a row, on the callback', async () => {
    h.fake.failNext(CALLBACK, { status: 500 });
    const search = h.fake.send(h.fake.slash('cari', { kueri: 'Putin' }));
    expect((await search.reply()).embeds.length).toBeGreaterThan(0);
    expect(h.fake.requestsFor(search.token).map((r) => r.status)).toEqual([500, 204]);

    h.fake.failNext(CALLBACK, { status: 503, times: 2 });
    const run = h.fake.send(h.fake.slash('bantuan'));
    expect((await run.reply()).embeds.length).toBe(1);
    expect(h.fake.requestsFor(run.token).map((r) => r.status)).toEqual([503, 503, 204]);
  });

  it('keeps answering other interactions while one waits out a 429', async () => {
    h.fake.failNext(CALLBACK, { status: 429, retryAfter: 0.5 });
    const slow = h.fake.send(h.fake.slash('cari', { kueri: 'Putin' }));
    await h.fake.waitForRequest((r) => r.injected && r.params.token === slow.token, 'the injected 429');
    const quick = h.fake.send(h.fake.slash('bantuan', {}, { user: 'other' }));
    expect((await quick.reply()).embeds.length).toBe(1);
    expect((await slow.reply()).embeds.length).toBeGreaterThan(0);
    // The 429 held only its own request: the other interaction was answered before the retry.
    expect((await quick.callback()).at).toBeLessThan((await slow.callback()).at);
  });
});

describe('gateway drops', () => {
  it('resumes after a 4000 close, answers what arrived meanwhile, and keeps answering', async () => {
    const identifies = h.fake.gateway.identifyCount;
    const back = h.fake.dropGateway(4000);
    const meanwhile = h.fake.send(h.fake.slash('cari', { kueri: 'Putin' }));
    await back;
    expect(h.fake.gateway.identifyCount).toBe(identifies);
    expect(h.fake.gatewayEvents.at(-1)).toEqual({ kind: 'resume', resumed: true });
    expect((await meanwhile.reply()).embeds.length).toBeGreaterThan(0);
    await searchAnswered();
  });

  it('reconnects after an abnormal close (1006) and answers again', async () => {
    await h.fake.dropGateway('terminate');
    await searchAnswered();
  });

  it('identifies anew when the session cannot be resumed, and answers again', async () => {
    const identifies = h.fake.gateway.identifyCount;
    await h.fake.dropGateway(4000, { invalidateSession: true, timeoutMs: 20_000 });
    expect(h.fake.gateway.identifyCount).toBe(identifies + 1);
    await searchAnswered();
  }, 30_000);
});
