// /timeline end to end: deferred, dated headings, cited lines, long timelines continued in a thread or follow-ups.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { isEphemeral, type DiscordMessage, type Harness } from './harness.ts';
import { embedsOf, startSyntheticHarness } from './commands-fixtures.ts';

let h: Harness;

beforeAll(async () => {
  h = await startSyntheticHarness();
});
afterAll(() => h?.close());
afterEach(() => h.fake.assertClean());

const timeline = (options: Record<string, string | number> = {}, channel?: string) =>
  h.fake.send(h.fake.slash('timeline', options, { user: 'member', ...(channel ? { channel } : {}) }));

const DATE_HEADING =
  /^\*\*((Senin|Selasa|Rabu|Kamis|Jumat|Sabtu|Minggu), \d{1,2} |)(Januari|Februari|Maret|April|Mei|Juni|Juli|Agustus|September|Oktober|November|Desember) \d{4}\*\*$|^\*\*\d{4}\*\*$/;

function eventLines(messages: DiscordMessage[]): string[] {
  return messages
    .flatMap((m) => embedsOf(m))
    .flatMap((e) => (e.description ?? '').split('\n'))
    .filter((l) => l.startsWith('• '));
}

describe('/timeline', () => {
  it("defers, then posts the topic's events under Indonesian date headings, each line citing its sources", async () => {
    const run = timeline({ topik: 'Korea Utara', dari: 'Juni 2024', sampai: '30 Juni 2024' });
    expect((await run.callback()).type).toBe(5);
    const reply = await run.reply();
    expect(isEphemeral(reply)).toBe(false);
    const [embed] = embedsOf(reply);
    expect(embed!.title).toBe('Timeline: Korea Utara (dari Juni 2024 sampai Minggu, 30 Juni 2024)');
    const lines = embed!.description!.split('\n').filter((l) => l !== '');
    expect(lines.some((l) => DATE_HEADING.test(l))).toBe(true);
    const events = lines.filter((l) => l.startsWith('• '));
    expect(events.length).toBeGreaterThan(0);
    for (const line of events) expect(line).toMatch(/ — \S/); // every event names a source
    expect(lines.filter((l) => DATE_HEADING.test(l)).every((l) => /Juni 2024/.test(l))).toBe(true);
    expect(embed!.footer!.text).toMatch(/^\d+ dari \d+ peristiwa/);
  });

  it('shows the most important 15 events by default, and more with jumlah', async () => {
    const reply = await timeline().reply();
    expect(eventLines([reply]).length).toBe(15);
    expect(embedsOf(reply).at(-1)!.footer!.text).toMatch(/^15 dari \d+ peristiwa · pakai opsi jumlah/);
    const three = await timeline({ jumlah: 3 }).reply();
    expect(eventLines([three])).toHaveLength(3);
  });

  it('continues a long timeline in a thread where the channel allows one', async () => {
    const run = timeline({ topik: 'festival budaya', jumlah: 60 });
    const reply = await run.reply();
    const thread = await h.fake.waitFor(() => h.fake.createdThreads().find((t) => t.id === reply.id), 'the timeline thread');
    expect(thread.name).toBe('Timeline: festival budaya');
    const rest = await h.fake.waitFor(() => {
      const inThread = h.fake.channelMessages(reply.id);
      return eventLines([reply, ...inThread]).length === 60 ? inThread : undefined;
    }, '60 events across the reply and the thread');
    expect(rest.length).toBeGreaterThan(0);
    expect(run.followUps()).toEqual([]);
    for (const message of [reply, ...rest]) expect(message.embeds.length).toBeLessThanOrEqual(10);
    const dates = eventLines([reply, ...rest]).length;
    expect(dates).toBe(60);
  });

  it('continues in follow-ups where the bot may not open a thread', async () => {
    const run = timeline({ topik: 'festival budaya', jumlah: 60 }, h.fake.noThreadsChannelId);
    const reply = await run.reply();
    await run.followUp(0);
    const requests = await run.settled();
    expect(requests.some((r) => r.route.includes('/threads'))).toBe(false);
    const messages = [reply, ...run.followUps()];
    expect(messages.length).toBeGreaterThan(1);
    expect(eventLines(messages)).toHaveLength(60);
    for (const message of run.followUps()) expect(isEphemeral(message)).toBe(false);
  });

  it('says clearly when nothing matches, instead of an empty embed', async () => {
    const reply = await timeline({ topik: 'zqxwv jkhgf' }).reply();
    const [embed] = embedsOf(reply);
    expect(embed!.title).toBe('Timeline: zqxwv jkhgf');
    expect(embed!.description!.length).toBeGreaterThan(20);
    expect(embed!.description).not.toContain('• ');
  });

  it('explains a bad date privately, before deferring', async () => {
    const run = timeline({ sampai: 'tahun depan' });
    const reply = await run.reply();
    expect((await run.callback()).type).toBe(4);
    expect(isEphemeral(reply)).toBe(true);
    expect(reply.content).toContain('`tahun depan`');
    expect(reply.content).toContain('**sampai**');
  });

  it('autocompletes topik from the engine', async () => {
    const choices = await h.fake.send(h.fake.autocomplete('timeline', { topik: 'festi' }, 'topik')).choices();
    expect(choices[0]).toEqual({ name: 'festi', value: 'festi' });
    expect(choices.length).toBeGreaterThan(1);
  });

  it('reports a failure after deferring privately, in place of the deferred reply, with a reference id that is in the log', async () => {
    const healthy = h.bot.store.current;
    const failingTimeline = async (): Promise<never> => {
      throw new Error('timeline rusak (uji)');
    };
    h.bot.store.swap({ ...healthy, queries: { ...healthy.queries, timeline: failingTimeline } });
    try {
      const run = timeline({ topik: 'Korea' });
      expect((await run.callback()).type).toBe(5);
      const note = await run.followUp(0);
      expect(isEphemeral(note)).toBe(true);
      const ref = /kode \*\*([A-Z2-9]{6})\*\*/.exec(note.content)?.[1];
      expect(ref).toBeDefined();
      expect(run.requests().map((r) => r.route)).toEqual([
        'POST /interactions/:interactionId/:token/callback',
        'DELETE /webhooks/:app/:token/messages/@original',
        'POST /webhooks/:app/:token',
      ]);
      expect(h.logs.some((l) => l.ref === ref && l.command === 'timeline')).toBe(true);
    } finally {
      h.bot.store.swap(healthy);
    }
  });
});
