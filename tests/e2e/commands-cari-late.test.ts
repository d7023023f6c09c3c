// /cari when the corpus worker is slow: the bot defers before Discord's 3 s are up and edits the deferred
// reply (or message) once the answer comes; a private answer after a public defer replaces it by a private
// follow-up. The worker is held by a gate the test opens only once it has seen the defer, so nothing is timed.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Snapshot } from '../../src/snapshot.ts';
import { isEphemeral, type Harness } from './harness.ts';
import type { RecordedRequest } from './fake-discord/index.ts';
import { componentsOf, embedsOf, startSyntheticHarness } from './commands-fixtures.ts';

const EPHEMERAL = 64;

let h: Harness;
let healthy: Snapshot;

beforeAll(async () => {
  h = await startSyntheticHarness();
  healthy = h.bot.store.current;
});
afterAll(() => h?.close());
afterEach(() => {
  h.bot.store.swap(healthy);
  h.fake.assertClean();
});

/** Serves the healthy snapshot with `query` held until `open()` (then answered, or failing with `fail`). */
function holdQuery(query: 'search' | 'article', fail?: Error): { open: () => void } {
  let open!: () => void;
  const gate = new Promise<void>((resolve) => (open = resolve));
  const original = healthy.queries[query] as (...args: unknown[]) => Promise<unknown>;
  const held = async (...args: unknown[]) => {
    await gate;
    if (fail) throw fail;
    return original(...args);
  };
  h.bot.store.swap({ ...healthy, queries: { ...healthy.queries, [query]: held } });
  return { open };
}

const search = (options: Record<string, string | boolean>) => h.fake.send(h.fake.slash('cari', options, { user: 'member' }));
const routes = (run: ReturnType<typeof search> | RecordedRequest[]) => (Array.isArray(run) ? run : run.requests()).map((r) => r.route);

describe('a search answered in time', () => {
  it('is one reply and nothing else', async () => {
    const run = search({ kueri: 'kecaman' });
    expect((await run.callback()).type).toBe(4);
    expect(routes(await run.settled())).toEqual(['POST /interactions/:interactionId/:token/callback']);
  });
});

describe('a slow search', () => {
  it('is deferred publicly, then the deferred reply is edited into the results', async () => {
    const gate = holdQuery('search');
    const run = search({ kueri: 'kecaman' });
    const callback = await run.callback();
    expect(callback.type).toBe(5);
    expect(Number(callback.data?.flags ?? 0) & EPHEMERAL).toBe(0);
    gate.open();
    const reply = await run.reply();
    expect(isEphemeral(reply)).toBe(false);
    expect(embedsOf(reply)[0]!.title).toBe('Hasil pencarian: “kecaman”');
    expect(componentsOf(reply).length).toBeGreaterThan(0);
    expect(routes(run)).toEqual(['POST /interactions/:interactionId/:token/callback', 'PATCH /webhooks/:app/:token/messages/@original']);
    expect(run.requests()[1]!.body).toMatchObject({ allowed_mentions: { parse: [] } });
    // The edited results page like any other.
    const next = h.fake.send(h.fake.button(componentsOf(reply)[1]!.custom_id!, { message: reply, user: 'member' }));
    expect(embedsOf(await next.reply())[0]!.footer!.text).toMatch(/^Halaman 2\//);
  });

  it('with pribadi is deferred privately and edited privately', async () => {
    const gate = holdQuery('search');
    const run = search({ kueri: 'kecaman', pribadi: true });
    expect(await run.callback()).toMatchObject({ type: 5, data: { flags: EPHEMERAL } });
    gate.open();
    const reply = await run.reply();
    expect(isEphemeral(reply)).toBe(true);
    expect(embedsOf(reply)[0]!.title).toBe('Hasil pencarian: “kecaman”');
  });

  it('without results deletes the public deferred reply and tells the user privately', async () => {
    const gate = holdQuery('search');
    const run = search({ kueri: 'zqxwv jkhgf' });
    expect((await run.callback()).type).toBe(5);
    gate.open();
    const note = await run.followUp(0);
    expect(isEphemeral(note)).toBe(true);
    expect(note.content).toContain('Tidak ada artikel yang cocok dengan **zqxwv jkhgf**');
    expect((await run.reply()).id).toBe(note.id);
    expect(routes(run)).toEqual([
      'POST /interactions/:interactionId/:token/callback',
      'DELETE /webhooks/:app/:token/messages/@original',
      'POST /webhooks/:app/:token',
    ]);
    const original = run.requests()[0]!;
    expect(original.body).toMatchObject({ type: 5 });
    expect(
      h.fake.channelMessages(h.fake.channelId).some((m) => (m.interaction_metadata as { id?: string } | undefined)?.id === run.id),
    ).toBe(false);
  });

  it('that fails after the defer reports the failure privately, with a reference id', async () => {
    const gate = holdQuery('search', new Error('pencarian rusak (uji)'));
    const run = search({ kueri: 'kecaman' });
    expect((await run.callback()).type).toBe(5);
    gate.open();
    const note = await run.followUp(0);
    expect(isEphemeral(note)).toBe(true);
    const ref = /kode \*\*([A-Z2-9]{6})\*\*/.exec(note.content)?.[1];
    expect(h.logs.some((l) => l.ref === ref && l.command === 'cari')).toBe(true);
    expect(routes(run)[1]).toBe('DELETE /webhooks/:app/:token/messages/@original');
  });

  it('in a burst: every search is deferred, then each answered once, results publicly and the rest privately', async () => {
    const gate = holdQuery('search');
    const runs = Array.from({ length: 20 }, (_, i) => search({ kueri: i % 2 === 0 ? 'kecaman' : 'zqxwv jkhgf' }));
    const callbacks = await Promise.all(runs.map((run) => run.callback()));
    expect(callbacks.every((c) => c.type === 5)).toBe(true);
    gate.open();
    const replies = await Promise.all(runs.map((run) => run.reply()));
    replies.forEach((reply, i) => expect(isEphemeral(reply), `search #${i}`).toBe(i % 2 === 1));
    const requests = await Promise.all(runs.map((run) => run.settled()));
    requests.forEach((made, i) => expect(made, `search #${i}`).toHaveLength(i % 2 === 0 ? 2 : 3));
  });
});

describe('a slow article', () => {
  it('opened from the menu is deferred privately, then edited into the article', async () => {
    const results = await search({ kueri: 'pelabuhan perikanan Merauke' }).reply();
    const menu = componentsOf(results).find((c) => c.type === 3)!;
    const gate = holdQuery('article');
    const run = h.fake.send(h.fake.select(menu.custom_id!, ['0'], { message: results, user: 'other' }));
    expect(await run.callback()).toMatchObject({ type: 5, data: { flags: EPHEMERAL } });
    gate.open();
    const article = await run.reply();
    expect(isEphemeral(article)).toBe(true);
    expect(embedsOf(article)[0]!.title).toBe('Laporan panjang pelabuhan perikanan Merauke');
  });

  it('paged is a deferred update, then the reader’s message is edited to the next part', async () => {
    const results = await search({ kueri: 'pelabuhan perikanan Merauke' }).reply();
    const menu = componentsOf(results).find((c) => c.type === 3)!;
    const article = await h.fake.send(h.fake.select(menu.custom_id!, ['0'], { message: results, user: 'other' })).reply();
    const gate = holdQuery('article');
    const run = h.fake.send(h.fake.button(componentsOf(article)[1]!.custom_id!, { message: article, user: 'other' }));
    expect((await run.callback()).type).toBe(6);
    gate.open();
    const next = await run.reply((m) => m.edited_timestamp !== article.edited_timestamp);
    expect(next.id).toBe(article.id);
    expect(embedsOf(next)[0]!.footer!.text).toMatch(/^Bagian 2\//);
    expect(routes(run)).toEqual(['POST /interactions/:interactionId/:token/callback', 'PATCH /webhooks/:app/:token/messages/@original']);
  });
});
