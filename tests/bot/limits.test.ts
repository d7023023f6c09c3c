import { describe, expect, it } from 'vitest';
import { ELLIPSIS, embedLength, escapeMarkdown, label, packBlocks, splitText, truncate } from '../../src/bot/limits.ts';
import { autocompleteChoices, packEmbeds } from '../../src/bot/messages.ts';

describe('truncate', () => {
  it('leaves short text alone', () => {
    expect(truncate('Rusia dan Korea Utara', 100)).toBe('Rusia dan Korea Utara');
  });

  it('cuts at a word boundary and ends with an ellipsis, within the limit', () => {
    const text = 'Departemen Luar Negeri AS menyuarakan kekhawatiran atas pidato Presiden Vladimir Putin';
    const cut = truncate(text, 40);
    expect(cut.length).toBeLessThanOrEqual(40);
    expect(cut.endsWith(ELLIPSIS)).toBe(true);
    expect(text.startsWith(cut.slice(0, -1))).toBe(true);
    expect(text[cut.length - 1]).toBe(' '); // the word before the cut is whole
  });

  it('hard-cuts a single endless word rather than returning nothing', () => {
    const cut = truncate('x'.repeat(500), 100);
    expect(cut).toBe(`${'x'.repeat(97)}${ELLIPSIS}`);
  });

  it('never splits a surrogate pair', () => {
    const cut = truncate('😀'.repeat(100), 11);
    expect(cut.length).toBeLessThanOrEqual(11);
    expect(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/.test(cut)).toBe(false);
  });

  it('closes a bold span it cut through', () => {
    const cut = truncate('awal **kata yang dicetak tebal sangat panjang sekali** akhir', 30);
    expect(cut.length).toBeLessThanOrEqual(30);
    expect((cut.match(/\*\*/g) ?? []).length % 2).toBe(0);
  });

  it('does not count escaped asterisks as bold', () => {
    const cut = truncate('harga \\*\\* naik **tajam sekali pada kuartal kedua tahun ini**', 30);
    expect((cut.replace(/\\\*/g, '').match(/\*\*/g) ?? []).length % 2).toBe(0);
  });
});

describe('splitText and packBlocks', () => {
  it('splits long text without losing a word', () => {
    const words = Array.from({ length: 800 }, (_, i) => `kata${i}`);
    const pieces = splitText(words.join(' '), 1000);
    expect(pieces.every((p) => p.length <= 1000)).toBe(true);
    expect(pieces.join(' ').split(' ')).toEqual(words);
  });

  it('packs blocks up to the limit, splitting only oversized ones', () => {
    const blocks = ['a'.repeat(60), 'b'.repeat(60), 'c'.repeat(250)];
    const chunks = packBlocks(blocks, 130, '\n');
    expect(chunks[0]).toBe(`${'a'.repeat(60)}\n${'b'.repeat(60)}`);
    expect(chunks.slice(1).join('')).toBe('c'.repeat(250));
    expect(chunks.every((c) => c.length <= 130)).toBe(true);
  });
});

describe('escapeMarkdown', () => {
  it('neutralises formatting, masked links and mentions', () => {
    expect(escapeMarkdown('*Breaking* __news__ ~~x~~ `kode` ||spoiler||')).toBe(
      '\\*Breaking\\* \\_\\_news\\_\\_ \\~\\~x\\~\\~ \\`kode\\` \\|\\|spoiler\\|\\|',
    );
    expect(escapeMarkdown('[klik](https://contoh.id)')).toBe('\\[klik\\](https://contoh.id)');
    expect(escapeMarkdown('<@123> <t:1:R>')).toBe('\\<@123> \\<t:1:R>');
  });

  it('escapes headings, quotes and lists only at line start', () => {
    expect(escapeMarkdown('# Judul\n> kutipan\n- butir\n1. satu\nnegara-negara 2024. Oke')).toBe(
      '\\# Judul\n\\> kutipan\n\\- butir\n1\\. satu\nnegara-negara 2024. Oke',
    );
  });

  it('escapes backslashes first, so an article cannot unescape our escapes', () => {
    expect(escapeMarkdown('\\*x')).toBe('\\\\\\*x');
  });
});

describe('choices and labels', () => {
  it('offers the typed text first, then suggestions, deduplicated, at most 25 of at most 100 characters', () => {
    const suggestions = ['kecaman', 'Kecam', 'kecamatan', 'x'.repeat(101), ...Array.from({ length: 40 }, (_, i) => `kata${i}`)];
    const choices = autocompleteChoices('kecam', suggestions);
    expect(choices[0]).toEqual({ name: 'kecam', value: 'kecam' });
    expect(choices.map((c) => c.value)).not.toContain('Kecam');
    expect(choices.length).toBe(25);
    expect(choices.every((c) => c.name.length <= 100 && c.value.length <= 100)).toBe(true);
  });

  it('shows labelled suggestions under their label, the typed text too when it is one of them', () => {
    const sources = [
      { value: 'Antara', name: 'Antara — asal berita 3 artikel' },
      { value: 'Kompas TV', name: 'Kompas TV — penerbit 9 artikel' },
    ];
    expect(autocompleteChoices('antara', sources)).toEqual([
      { name: 'Antara — asal berita 3 artikel', value: 'Antara' },
      { name: 'Kompas TV — penerbit 9 artikel', value: 'Kompas TV' },
    ]);
    expect(autocompleteChoices('an', sources)[0]).toEqual({ name: 'an', value: 'an' });
  });

  it('offers nothing empty', () => {
    expect(autocompleteChoices('   ', [])).toEqual([]);
  });

  it('collapses whitespace in labels', () => {
    expect(label('  Satu\n\ndua   tiga ', 100)).toBe('Satu dua tiga');
  });
});

describe('packEmbeds', () => {
  it('keeps every message within 10 embeds and 6,000 characters', () => {
    const embeds = Array.from({ length: 30 }, (_, i) => ({ title: `t${i}`, description: 'x'.repeat(i % 3 === 0 ? 4000 : 500) }));
    const messages = packEmbeds(embeds);
    expect(messages.flat()).toEqual(embeds);
    for (const message of messages) {
      expect(message.length).toBeLessThanOrEqual(10);
      expect(message.reduce((sum, e) => sum + embedLength(e), 0)).toBeLessThanOrEqual(6000);
    }
  });
});
