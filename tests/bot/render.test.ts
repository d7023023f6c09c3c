import { describe, expect, it } from 'vitest';
import type { APIEmbed } from 'discord.js';
import type { Article } from '../../src/corpus/types.ts';
import type { SearchHit } from '../../src/search/types.ts';
import type { TimelineEvent } from '../../src/timeline/types.ts';
import { LIMITS, embedLength } from '../../src/bot/limits.ts';
import { renderArticlePage } from '../../src/bot/render/article.ts';
import { renderSearchPage, sourceChoiceLabel, type SearchSession } from '../../src/bot/render/search.ts';
import { renderTimeline } from '../../src/bot/render/timeline.ts';

function hit(n: number, over: Partial<SearchHit> = {}): SearchHit {
  const excerpt = `… Presiden Rusia Vladimir Putin mengecam langkah itu (${n}) …`;
  const vladimir = excerpt.indexOf('Vladimir');
  return {
    articleId: `artikel-${n}`,
    title: `Putin dan Kim Jong Un bertemu ${n}`,
    publisher: 'Bisnis.com',
    origin: 'Antara',
    date: { iso: '2024-06-19', precision: 'day', provenance: 'byline' },
    url: `https://contoh.id/berita/${n}`,
    excerpt,
    highlights: [{ start: vladimir, end: vladimir + 'Vladimir'.length }],
    score: 10 - n,
    ...over,
  };
}

function session(hits: SearchHit[], over: Partial<SearchSession> = {}): SearchSession {
  return { query: 'kecaman', filters: {}, hits, total: hits.length, tookMs: 7.2, ...over };
}

function withinEmbedLimits(embed: APIEmbed): void {
  expect(embed.title?.length ?? 0).toBeLessThanOrEqual(LIMITS.embedTitle);
  expect(embed.description?.length ?? 0).toBeLessThanOrEqual(LIMITS.embedDescription);
  expect(embed.footer?.text.length ?? 0).toBeLessThanOrEqual(LIMITS.embedFooter);
  for (const field of embed.fields ?? []) {
    expect(field.name.length).toBeLessThanOrEqual(LIMITS.embedFieldName);
    expect(field.value.length).toBeLessThanOrEqual(LIMITS.embedFieldValue);
  }
  expect(embedLength(embed)).toBeLessThanOrEqual(LIMITS.embedsTotal);
}

function customIds(components: { components: { custom_id?: string }[] }[]): string[] {
  return components.flatMap((row) => row.components.map((c) => c.custom_id ?? ''));
}

describe('renderSearchPage', () => {
  const eighteen = Array.from({ length: 18 }, (_, i) => hit(i + 1));

  it('renders a page of five hits with linked titles, source, Indonesian date and the bold excerpt', () => {
    const { embeds, components } = renderSearchPage(session(eighteen), 'KEY0123456', 0);
    const embed = embeds[0]!;
    expect(embed.title).toBe('Hasil pencarian: “kecaman”');
    expect(embed.footer?.text).toBe('Halaman 1/4 · 18 hasil · 7 ms');
    expect(embed.description).toContain('**1. [Putin dan Kim Jong Un bertemu 1](https://contoh.id/berita/1)**');
    expect(embed.description).toContain('Bisnis.com, dari Antara · Rabu, 19 Juni 2024');
    expect(embed.description).toContain('Presiden Rusia **Vladimir** Putin');
    expect(embed.description).toContain('**5. ');
    expect(embed.description).not.toContain('**6. ');
    const [pager, menu] = components;
    expect(pager!.components.map((c) => ('disabled' in c ? c.disabled : undefined))).toEqual([true, false]);
    expect(customIds([pager!] as never)).toEqual(['cari:hal:KEY0123456:-1', 'cari:hal:KEY0123456:1']);
    const select = menu!.components[0] as { custom_id: string; options: { label: string; value: string }[] };
    expect(select.custom_id).toBe('cari:buka:KEY0123456');
    expect(select.options.map((o) => o.value)).toEqual(['0', '1', '2', '3', '4']);
  });

  it('labels a source choice with what it is to the articles: outlet, credited origin, or both', () => {
    expect(sourceChoiceLabel({ name: 'Antara', published: 1200, credited: 35 })).toBe(
      'Antara — penerbit 1.200 artikel, asal berita 35 artikel',
    );
    expect(sourceChoiceLabel({ name: 'The Guardian', published: 0, credited: 3 })).toBe('The Guardian — asal berita 3 artikel');
    expect(sourceChoiceLabel({ name: 'Kompas TV', published: 9, credited: 0 })).toBe('Kompas TV — penerbit 9 artikel');
  });

  it('disables Next on the last page and numbers hits across pages', () => {
    const { embeds, components } = renderSearchPage(session(eighteen), 'KEY0123456', 3);
    expect(embeds[0]!.footer?.text).toMatch(/^Halaman 4\/4/);
    expect(embeds[0]!.description).toContain('**16. ');
    expect(components[0]!.components.map((c) => ('disabled' in c ? c.disabled : undefined))).toEqual([false, true]);
  });

  it('shows no pager for a single page, and says when only the top hits are kept', () => {
    const { embeds, components } = renderSearchPage(
      session([hit(1)], { total: 120, filters: { sumber: 'Bisnis.com', dari: 'Juni 2024' }, didYouMean: 'kecam' }),
      'K',
      0,
    );
    expect(components).toHaveLength(1);
    expect(embeds[0]!.footer?.text).toBe('Halaman 1/1 · 120 hasil (1 teratas ditampilkan) · 7 ms');
    expect(embeds[0]!.description).toMatch(/^Filter: sumber: Bisnis\.com · dari: Juni 2024\nMungkin maksud Anda: \*\*kecam\*\*\?/);
  });

  it("escapes titles, publishers and the excerpt's text, bolds the excerpt's matches, and unlinks what would break a link", () => {
    const nasty = hit(1, {
      title: '*Heboh* [klik](https://jahat.id) @everyone',
      publisher: 'Media_Saya',
      url: 'https://contoh.id/a (b)',
      excerpt: 'sudah *aman* dan tebal_ @everyone',
      highlights: [{ start: 17, end: 23 }],
    });
    const description = renderSearchPage(session([nasty]), 'K', 0).embeds[0]!.description!;
    expect(description).toContain('[\\*Heboh\\* \\[klik\\](https://jahat.id) @everyone](https://contoh.id/a%20%28b%29)');
    expect(description).toContain('Media\\_Saya');
    expect(description).toContain('sudah \\*aman\\* dan **tebal\\_** @\u200beveryone');
    expect(renderSearchPage(session([hit(1, { url: 'javascript:alert(1)' })]), 'K', 0).embeds[0]!.description).toContain('**1. Putin');
  });

  it('keeps a page number from a custom_id within the pages', () => {
    expect(renderSearchPage(session(eighteen), 'K', 99).embeds[0]!.footer?.text).toMatch(/^Halaman 4\/4/);
    expect(renderSearchPage(session(eighteen), 'K', -3).embeds[0]!.footer?.text).toMatch(/^Halaman 1\/4/);
    expect(renderSearchPage(session(eighteen), 'K', Number('x')).embeds[0]!.footer?.text).toMatch(/^Halaman 1\/4/);
  });

  it('stays within every limit with the longest fields imaginable', () => {
    const huge = Array.from({ length: 50 }, (_, i) =>
      hit(i, {
        title: 'Judul '.repeat(200),
        publisher: 'P'.repeat(300),
        origin: 'O'.repeat(300),
        url: `https://contoh.id/${'x'.repeat(2000)}`,
        excerpt: 'kata '.repeat(400),
        highlights: Array.from({ length: 400 }, (_, k) => ({ start: 5 * k, end: 5 * k + 4 })),
      }),
    );
    for (let page = 0; page < 10; page++) {
      const { embeds, components } = renderSearchPage(
        session(huge, {
          query: 'q'.repeat(300),
          filters: { sumber: 's'.repeat(300), dari: 'd'.repeat(300), sampai: 'e'.repeat(300) },
          didYouMean: 'm'.repeat(300),
        }),
        'KEY0123456',
        page,
      );
      withinEmbedLimits(embeds[0]!);
      expect(components.length).toBeLessThanOrEqual(LIMITS.rowsPerMessage);
      expect(customIds(components as never).every((id) => id.length <= LIMITS.customId)).toBe(true);
      const select = components[1]!.components[0] as { options: { label: string; description: string; value: string }[] };
      expect(select.options.every((o) => o.label.length <= 100 && o.description.length <= 100)).toBe(true);
      expect((embeds[0]!.description!.match(/\*\*\d+\. /g) ?? []).length).toBe(5);
    }
  });
});

function article(paragraphs: string[]): Article {
  return {
    id: 'a1',
    file: 'seeds/001.txt',
    format: 'txt',
    title: 'Putin *berkunjung* ke Pyongyang',
    titleDerived: false,
    date: { iso: '2024-06-19', precision: 'day', provenance: 'byline' },
    publisher: 'Kompas TV',
    origin: null,
    author: 'Budi',
    editor: null,
    url: 'https://contoh.id/putin',
    captions: [],
    paragraphs,
    warnings: [],
  };
}

describe('renderArticlePage', () => {
  it('shows a short article whole, with byline and link, and no pager', () => {
    const { embeds, components } = renderArticlePage(article(['Paragraf satu.', 'Paragraf _dua_.']), 'K', 2, 0);
    expect(embeds[0]!.title).toBe('Putin \\*berkunjung\\* ke Pyongyang');
    expect(embeds[0]!.url).toBe('https://contoh.id/putin');
    expect(embeds[0]!.description).toBe('Kompas TV · Rabu, 19 Juni 2024\nPenulis: Budi\n\nParagraf satu.\n\nParagraf \\_dua\\_.');
    expect(components).toEqual([]);
  });

  it('pages a long article within the limits without losing a word', () => {
    const paragraphs = Array.from({ length: 60 }, (_, i) => `Kalimat nomor ${i} `.repeat(30).trim());
    const first = renderArticlePage(article(paragraphs), 'KEY0123456', 2, 0);
    const pages = Number(/Bagian 1\/(\d+)/.exec(first.embeds[0]!.footer!.text)![1]);
    expect(pages).toBeGreaterThan(5);
    let text = '';
    for (let page = 0; page < pages; page++) {
      const { embeds, components } = renderArticlePage(article(paragraphs), 'KEY0123456', 2, page);
      withinEmbedLimits(embeds[0]!);
      expect(customIds(components as never)).toEqual([`cari:art:KEY0123456:2:${page - 1}`, `cari:art:KEY0123456:2:${page + 1}`]);
      text += `${embeds[0]!.description!.replace(/^Kompas TV.*\nPenulis: Budi\n\n/, '')}\n\n`;
    }
    expect(text.trim()).toBe(paragraphs.join('\n\n'));
  });
});

function event(date: string, precision: TimelineEvent['precision'], summary: string, publishers: string[]): TimelineEvent {
  return {
    date,
    precision,
    summary,
    sources: publishers.map((p, i) => ({ articleId: `${p}-${i}`, title: `Judul ${p}`, publisher: p, url: null })),
  };
}

describe('renderTimeline', () => {
  const urlOf = (id: string): string | null => (id.startsWith('Kompas') ? `https://kompas.tv/${id}` : null);

  it('groups events under Indonesian date headings with their sources named', () => {
    const messages = renderTimeline(
      {
        events: [
          event('2023-07', 'month', 'Kim Jong Un mengunjungi pameran senjata.', ['Antara']),
          event('2024-06-19', 'day', 'Putin dan Kim menandatangani pakta *kemitraan*.', ['Kompas TV', 'Bisnis.com']),
          event('2024-06-19', 'day', 'AS mengecam kesepakatan itu.', ['Bisnis.com']),
        ],
        total: 7,
      },
      { topic: 'Korea Utara' },
      urlOf,
    );
    expect(messages).toHaveLength(1);
    const [embed] = messages[0]!;
    expect(embed!.title).toBe('Timeline: Korea Utara');
    expect(embed!.description).toBe(
      [
        '**Juli 2023**',
        '• Kim Jong Un mengunjungi pameran senjata. — Antara',
        '',
        '**Rabu, 19 Juni 2024**',
        '• Putin dan Kim menandatangani pakta \\*kemitraan\\*. — [Kompas TV](https://kompas.tv/Kompas TV-0), Bisnis.com'.replace(
          'Kompas TV-0)',
          'Kompas%20TV-0)',
        ),
        '• AS mengecam kesepakatan itu. — Bisnis.com',
      ].join('\n'),
    );
    expect(embed!.footer?.text).toBe('3 dari 7 peristiwa · pakai opsi jumlah untuk melihat lebih banyak');
  });

  it('says why there is nothing instead of posting an empty embed', () => {
    const messages = renderTimeline({ events: [], total: 0, problem: { kind: 'no-topic-match', topic: 'xyz' } }, { topic: 'xyz' }, urlOf);
    expect(messages[0]![0]!.description).toMatch(/^Tidak ada peristiwa bertanggal tentang "xyz"\. Coba kata kunci lain/);
    expect(renderTimeline({ events: [], total: 0 }, {}, urlOf)[0]![0]!.description).toMatch(/^Tidak ada peristiwa/);
    const emoji = renderTimeline({ events: [], total: 0, problem: { kind: 'no-words-topic', topic: '😀' } }, { topic: '😀' }, urlOf);
    const exclusions = renderTimeline(
      { events: [], total: 0, problem: { kind: 'only-exclusions-topic', topic: '-Jepang' } },
      { topic: '-Jepang' },
      urlOf,
    );
    expect(exclusions[0]![0]!.description).toMatch(/^Topik hanya berisi pengecualian \(-kata\)\./);
    expect(emoji[0]![0]!.description).toMatch(/^Topik tidak berisi kata \(hanya tanda baca, simbol, atau emoji\)\./);
  });

  it('splits a long timeline into messages that each respect every limit, keeping every event', () => {
    const events = Array.from({ length: 120 }, (_, i) =>
      event(
        `2024-06-${String((i % 28) + 1).padStart(2, '0')}`,
        'day',
        `Peristiwa penting nomor ${i} terjadi dengan rincian yang cukup panjang untuk menguji batas pesan Discord.`.repeat(2),
        ['Kompas TV', 'Bisnis.com', 'Antara', 'IDX Channel'],
      ),
    );
    const messages = renderTimeline({ events, total: 120 }, {}, urlOf);
    expect(messages.length).toBeGreaterThan(1);
    for (const embeds of messages) {
      expect(embeds.length).toBeLessThanOrEqual(LIMITS.embedsPerMessage);
      embeds.forEach(withinEmbedLimits);
      expect(embeds.reduce((sum, e) => sum + embedLength(e), 0)).toBeLessThanOrEqual(LIMITS.embedsTotal);
    }
    const lines = messages
      .flat()
      .map((e) => e.description!)
      .join('\n')
      .split('\n')
      .filter((l) => l.startsWith('• '));
    expect(lines).toHaveLength(120);
  });
});
