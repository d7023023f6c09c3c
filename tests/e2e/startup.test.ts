// The bot logs in while its corpus still loads: in that window /cari and /timeline answer, ephemerally,
// that the corpus is loading (no error code), autocomplete answers an empty list, /korpus status says
// it is loading and a reload is not started; once the corpus serves, the same /cari gets real results.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { LOADING_MESSAGE } from '../../src/bot/errors.ts';
import { isEphemeral, startHarness, type DiscordMessage, type Harness } from './harness.ts';

let h: Harness;

beforeAll(async () => {
  h = await startHarness({ holdFirstLoad: true });
});
afterAll(() => h?.close());
afterEach(() => h.fake.assertClean());

const text = (m: DiscordMessage): string =>
  [
    m.content,
    ...m.embeds.map((e) =>
      [e.title, e.description, ...((e.fields as { value: string }[] | undefined) ?? []).map((f) => f.value)].join('\n'),
    ),
  ].join('\n');

const search = () => h.fake.send(h.fake.slash('cari', { kueri: 'Putin' }, { user: 'member' }));

describe('a /cari while the corpus is still loading', { timeout: 60_000 }, () => {
  it('is told, ephemerally, that the corpus is loading; then gets real results once it serves', async () => {
    const early = await search().reply();
    expect(isEphemeral(early)).toBe(true);
    expect(early.content).toBe(LOADING_MESSAGE);
    expect(early.embeds).toHaveLength(0);

    const timeline = await h.fake.send(h.fake.slash('timeline', { topik: 'Korea Utara' }, { user: 'member' })).reply();
    expect(isEphemeral(timeline)).toBe(true);
    expect(timeline.content).toBe(LOADING_MESSAGE);

    expect(await h.fake.send(h.fake.autocomplete('timeline', { topik: 'kor' }, 'topik')).choices()).toEqual([]);
    expect(await h.fake.send(h.fake.autocomplete('cari', { kueri: 'put' }, 'kueri')).choices()).toEqual([]);

    const status = await h.fake.send(h.fake.slash('korpus', {}, { subcommand: 'status', user: 'owner' })).reply();
    expect(isEphemeral(status)).toBe(true);
    expect(text(status)).toContain('Sedang dimuat');

    const reload = await h.fake.send(h.fake.slash('korpus', {}, { subcommand: 'muat-ulang', user: 'owner' })).reply();
    expect(reload.content).toBe(LOADING_MESSAGE);

    const help = await h.fake.send(h.fake.slash('bantuan', {}, { user: 'member' })).reply();
    expect(text(help)).toContain('Korpusnya sedang dimuat');

    // No error was logged: a request during the load is not a fault.
    expect(h.logs.filter((line) => (line.level as number) >= 50)).toEqual([]);

    h.reloadGate.release();
    await h.started;
    const later = await search().reply();
    expect(isEphemeral(later)).toBe(false);
    expect(text(later)).toContain('Hasil pencarian');
    expect(text(later)).toMatch(/Putin/);
    const status2 = await h.fake.send(h.fake.slash('korpus', {}, { subcommand: 'status', user: 'owner' })).reply();
    expect(text(status2)).toContain('Sehat');
    expect(h.logs.map((line) => line.msg)).toContain('corpus loaded');
  });
});
