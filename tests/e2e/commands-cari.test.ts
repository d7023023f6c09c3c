// /cari end to end: the real bot, logged in to the fake Discord, answering searches, paging and opening articles.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { isEphemeral, startHarness, type Harness } from './harness.ts';
import { componentsOf, embedsOf, startSyntheticHarness } from './commands-fixtures.ts';

let h: Harness;

beforeAll(async () => {
  h = await startSyntheticHarness();
});
afterAll(() => h?.close());
afterEach(() => h.fake.assertClean());

const search = (options: Record<string, string | boolean>, user: 'member' | 'other' | 'owner' = 'member') =>
  h.fake.send(h.fake.slash('cari', options, { user }));

describe('registration', () => {
  it('registers the four commands in the guild, with English localizations', () => {
    const names = h.fake.commands.guild.map((c) => c.name);
    expect(names).toEqual(['cari', 'timeline', 'korpus', 'bantuan']);
    const cari = h.fake.commands.guild[0]!;
    expect(cari.name_localizations).toEqual({ 'en-US': 'search', 'en-GB': 'search' });
    expect((cari.options ?? []).map((o) => o.name)).toEqual(['kueri', 'sumber', 'dari', 'sampai', 'pribadi']);
  });
});

describe('/cari', () => {
  it('answers publicly with one embed per page: linked titles, source, Indonesian date, bold excerpt, footer', async () => {
    const run = search({ kueri: 'kecaman' });
    const reply = await run.reply();
    expect(isEphemeral(reply)).toBe(false);
    const [embed] = embedsOf(reply);
    expect(embed!.title).toBe('Hasil pencarian: “kecaman”');
    expect(embed!.footer!.text).toMatch(/^Halaman 1\/(\d+) · (\d+) hasil · \d+ ms$/);
    const [, pages, total] = /^Halaman 1\/(\d+) · (\d+) hasil/.exec(embed!.footer!.text)!;
    expect(Number(total)).toBeGreaterThanOrEqual(12);
    expect(Number(pages)).toBe(Math.ceil(Number(total) / 5));
    expect(embed!.description).toMatch(/\*\*1\. \[[^\]]+\]\(https?:\/\/[^)]+\)\*\*/);
    expect(embed!.description).toMatch(/\*\*[Kk]ecam\w*\*\*/); // the matched word in bold
    expect(embed!.description).toMatch(
      /(Senin|Selasa|Rabu|Kamis|Jumat|Sabtu|Minggu), \d{1,2} (Januari|Februari|Maret|April|Mei|Juni|Juli|Agustus|September|Oktober|November|Desember) \d{4}/,
    );
    const [prev, next, menu] = componentsOf(reply);
    expect(prev).toMatchObject({ type: 2, disabled: true });
    expect(next).toMatchObject({ type: 2, disabled: false });
    expect(menu).toMatchObject({ type: 3 });
    expect(menu!.options).toHaveLength(5);
    // allowed_mentions travels with the message itself, not only as the client default.
    const callback = run.requests().find((r) => r.route.startsWith('POST /interactions'))!;
    expect(callback.body).toMatchObject({ type: 4, data: { allowed_mentions: { parse: [] } } });
  });

  it('pages forward and back for the user who searched, disabling the buttons at the ends', async () => {
    let message = await search({ kueri: 'kecaman' }).reply();
    const pages = Number(/^Halaman 1\/(\d+)/.exec(embedsOf(message)[0]!.footer!.text)![1]);
    for (let page = 2; page <= pages; page++) {
      const run = h.fake.send(h.fake.button(componentsOf(message)[1]!.custom_id!, { message, user: 'member' }));
      expect((await run.callback()).type).toBe(7);
      message = await run.reply();
      expect(embedsOf(message)[0]!.footer!.text).toMatch(new RegExp(`^Halaman ${page}/${pages} `));
      expect(embedsOf(message)[0]!.description).toContain(`**${(page - 1) * 5 + 1}. `);
    }
    expect(componentsOf(message)[1]).toMatchObject({ disabled: true });
    const back = h.fake.send(h.fake.button(componentsOf(message)[0]!.custom_id!, { message, user: 'member' }));
    expect(embedsOf(await back.reply())[0]!.footer!.text).toMatch(new RegExp(`^Halaman ${pages - 1}/${pages} `));
  });

  it('tells another user, privately, that only the searcher can page, and leaves the result as it was', async () => {
    const reply = await search({ kueri: 'kecaman' }).reply();
    const run = h.fake.send(h.fake.button(componentsOf(reply)[1]!.custom_id!, { message: reply, user: 'other' }));
    const hint = await run.reply();
    expect(isEphemeral(hint)).toBe(true);
    expect(hint.content).toContain(`Hanya <@${h.fake.users.member.id}> yang bisa membalik halaman`);
    expect((await run.callback()).type).toBe(4);
    expect(h.fake.message(reply.id)!.embeds).toEqual(reply.embeds);
  });

  it('opens an article in full from the menu, ephemeral, paged within the limits', async () => {
    const reply = await search({ kueri: 'pelabuhan perikanan Merauke' }).reply();
    const menu = componentsOf(reply).find((c) => c.type === 3)!;
    const run = h.fake.send(h.fake.select(menu.custom_id!, ['0'], { message: reply, user: 'other' }));
    let article = await run.reply();
    expect(isEphemeral(article)).toBe(true);
    expect(embedsOf(article)[0]).toMatchObject({ title: 'Laporan panjang pelabuhan perikanan Merauke', url: 'https://contoh.id/merauke' });
    expect(embedsOf(article)[0]!.description).toContain('Paragraf 1 laporan');
    const parts = Number(/^Bagian 1\/(\d+)/.exec(embedsOf(article)[0]!.footer!.text)![1]);
    expect(parts).toBeGreaterThan(1);
    const seen = [embedsOf(article)[0]!.description!];
    for (let part = 2; part <= parts; part++) {
      const next = h.fake.send(h.fake.button(componentsOf(article)[1]!.custom_id!, { message: article, user: 'other' }));
      article = await next.reply();
      expect(embedsOf(article)[0]!.footer!.text).toMatch(new RegExp(`^Bagian ${part}/${parts}`));
      seen.push(embedsOf(article)[0]!.description!);
    }
    expect(seen.join('\n')).toContain('Paragraf 40 laporan');
  });

  it('is private with pribadi', async () => {
    const reply = await search({ kueri: 'kecaman', pribadi: true }).reply();
    expect(isEphemeral(reply)).toBe(true);
    expect(embedsOf(reply)[0]!.title).toBe('Hasil pencarian: “kecaman”');
  });

  it('filters by sumber, case-insensitively, and names the filter', async () => {
    const reply = await search({ kueri: 'kecaman', sumber: 'tempo' }).reply();
    const [embed] = embedsOf(reply);
    expect(embed!.description).toMatch(/^Filter: sumber: Tempo/);
    const sourceLines = embed!.description!.split('\n').filter((l) => / · .*\d{4}$/.test(l) && !l.startsWith('Filter'));
    expect(sourceLines.length).toBeGreaterThan(0);
    expect(sourceLines.every((l) => l.startsWith('Tempo'))).toBe(true);
  });

  it('filters by dari and sampai, in both accepted forms', async () => {
    const reply = await search({ kueri: 'kecaman', dari: '2024-03-05', sampai: '8 Maret 2024' }).reply();
    const [embed] = embedsOf(reply);
    expect(embed!.description).toContain('Filter: dari: Selasa, 5 Maret 2024 · sampai: Jumat, 8 Maret 2024');
    expect(embed!.footer!.text).toMatch(/ · 4 hasil · /);
    const days = [...embed!.description!.matchAll(/, (\d{1,2}) Maret 2024/g)].map((m) => Number(m[1]));
    expect(days.every((d) => d >= 5 && d <= 8)).toBe(true);
  });

  it('explains the accepted date forms for a date it cannot read', async () => {
    const reply = await search({ kueri: 'kecaman', dari: 'kemarin lusa' }).reply();
    expect(isEphemeral(reply)).toBe(true);
    expect(reply.content).toContain('`kemarin lusa`');
    expect(reply.content).toContain('`2024-06-19`');
    expect(reply.content).toContain('`19 Juni 2024`');
  });

  it('refuses a range that ends before it starts', async () => {
    const reply = await search({ kueri: 'kecaman', dari: '2024-06-19', sampai: '2024-06-01' }).reply();
    expect(isEphemeral(reply)).toBe(true);
    expect(reply.content).toContain('jatuh setelah tanggal **sampai**');
  });

  it('names the known sources for an unknown sumber', async () => {
    const reply = await search({ kueri: 'kecaman', sumber: 'Koran Antah Berantah' }).reply();
    expect(isEphemeral(reply)).toBe(true);
    expect(reply.content).toContain('Sumber **Koran Antah Berantah** tidak ada di korpus');
    expect(reply.content).toContain('Bisnis.com');
  });

  it('suggests another spelling or a broader query when nothing matches', async () => {
    const reply = await search({ kueri: 'zqxwv jkhgf' }).reply();
    expect(isEphemeral(reply)).toBe(true);
    expect(reply.content).toContain('Tidak ada artikel yang cocok dengan **zqxwv jkhgf**');
    expect(reply.content).toMatch(/Coba kata yang lebih umum/);
    const filtered = await search({ kueri: 'Merauke', sumber: 'Bisnis.com' }).reply();
    expect(filtered.content).toMatch(/Coba hapus filter sumber atau tanggal/);
  });

  it('explains a query it cannot use', async () => {
    const reply = await search({ kueri: '!!! ???' }).reply();
    expect(isEphemeral(reply)).toBe(true);
    expect(reply.content).toMatch(/^Kueri ini tidak bisa dipakai: .+\. Tulis dua atau tiga kata/);
  });

  it('escapes markdown and never pings from what the user typed', async () => {
    const run = search({ kueri: '@everyone **kecaman**' });
    const reply = await run.reply();
    expect(embedsOf(reply)[0]!.title).toBe('Hasil pencarian: “@everyone \\*\\*kecaman\\*\\*”');
    expect(run.requests()[0]!.body).toMatchObject({ data: { allowed_mentions: { parse: [] } } });
  });
});

describe('/cari autocomplete', () => {
  it("offers the typed text first, then the engine's suggestions, at most 25", async () => {
    const choices = await h.fake.send(h.fake.autocomplete('cari', { kueri: 'keca' }, 'kueri')).choices();
    expect(choices[0]).toEqual({ name: 'keca', value: 'keca' });
    expect(choices.length).toBeGreaterThan(1);
    expect(choices.length).toBeLessThanOrEqual(25);
    expect(choices.slice(1).some((c) => String(c.value).toLowerCase().startsWith('keca'))).toBe(true);
  });

  it('suggests publishers for sumber', async () => {
    const choices = await h.fake.send(h.fake.autocomplete('cari', { kueri: 'kecaman', sumber: 'kom' }, 'sumber')).choices();
    expect(choices.map((c) => c.value)).toEqual(expect.arrayContaining(['kom', 'Kompas TV', 'Kompas.com']));
  });

  it('answers an empty field with suggestions only', async () => {
    const choices = await h.fake.send(h.fake.autocomplete('cari', { kueri: 'kecaman', sumber: '' }, 'sumber')).choices();
    expect(choices.length).toBeGreaterThan(0);
    expect(choices.every((c) => String(c.name).length > 0)).toBe(true);
  });
});

describe('expired results', () => {
  let short: Harness;
  beforeAll(async () => {
    short = await startHarness({ bot: { pageTtlMs: 1 } });
  });
  afterAll(() => short?.close());

  it('says the result expired and suggests running /cari again', async () => {
    const reply = await short.fake.send(short.fake.slash('cari', { kueri: 'putin' })).reply();
    const menu = componentsOf(reply).find((c) => c.type === 3)!;
    await new Promise((resolve) => setTimeout(resolve, 5));
    const expired = await short.fake.send(short.fake.select(menu.custom_id!, ['0'], { message: reply })).reply();
    expect(isEphemeral(expired)).toBe(true);
    expect(expired.content).toContain('sudah kedaluwarsa');
    expect(expired.content).toContain('`/cari`');
    short.fake.assertClean();
  });
});

describe('a handler that throws', () => {
  it('answers with an ephemeral message and a reference id that is in the log, and keeps serving', async () => {
    const healthy = h.bot.store.current;
    const failingSearch = async (): Promise<never> => {
      throw new Error('index rusak (uji)');
    };
    h.bot.store.swap({ ...healthy, queries: { ...healthy.queries, search: failingSearch } });
    try {
      const reply = await search({ kueri: 'kecaman' }).reply();
      expect(isEphemeral(reply)).toBe(true);
      const ref = /kode \*\*([A-Z2-9]{6})\*\*/.exec(reply.content)?.[1];
      expect(ref).toBeDefined();
      const line = h.logs.find((l) => l.ref === ref);
      expect(line).toMatchObject({ level: 50, msg: 'handler failed', command: 'cari', err: { message: 'index rusak (uji)' } });
    } finally {
      h.bot.store.swap(healthy);
    }
    expect(isEphemeral(await search({ kueri: 'kecaman' }).reply())).toBe(false);
  });
});
