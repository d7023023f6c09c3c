import { describe, expect, it } from 'vitest';
import type { ArticleDraft } from '../../src/corpus/article.ts';
import { draftFromJsonLine, draftFromMarkdown, draftFromPage, type DraftResult } from '../../src/corpus/drafts.ts';
import { jsonlLine } from './fixtures.ts';

function draft(result: DraftResult): ArticleDraft {
  if ('problem' in result) throw new Error(`no draft: ${result.problem.kind}`);
  return result;
}

const jsonl = (body: string): ArticleDraft => draft(draftFromJsonLine('bulk.jsonl', 1, jsonlLine('a1', body)));

const lead = 'PB Djarum menghentikan audisi umum bulutangkis setelah dinilai mengeksploitasi anak-anak oleh KPAI.';

describe('a .jsonl body is cleaned by the rules of a scraped page', () => {
  it('a video teaser glued to the last paragraph goes, page tags and all; its writer code is read', () => {
    const a = jsonl(
      `${lead}\n\n"Sopan santun juga," terangnya. Simak Video "KPAI dan PB Djarum Berdamai!" [Gambas:Video 20detik] (raw/rin) pb djarum kpai audisi umum`,
    );
    expect(a.paragraphs).toEqual([lead, '"Sopan santun juga," terangnya.']);
    expect(a).toMatchObject({ author: 'raw', editor: 'rin' });
  });

  it('a cross-link glued before the teaser goes with it', () => {
    const a = jsonl(
      `${lead} Baca juga: Dovizioso: Balapan Akan Lebih Ketat di Misano Simak Video "Hasil MotoGP" [Gambas:Video 20detik] (raw/ran) motogp`,
    );
    expect(a.paragraphs).toEqual([lead]);
    const asked = jsonl(`${lead}Baca juga: Marquez Lanjut di San Marino? Simak Video "Hasil MotoGP" [Gambas:Video 20detik] (raw/ran)`);
    expect(asked.paragraphs).toEqual([lead]);
  });

  it('a cross-link repeated with its headline lost leaves no paragraph', () => {
    expect(jsonl(`${lead}\n\nBaca juga:,Baca juga:\n\nPara pelatih menyambut keputusan itu.`).paragraphs).toEqual([
      lead,
      'Para pelatih menyambut keputusan itu.',
    ]);
  });

  it('a syndication notice goes; the outlet it names is the origin and the writer before it is read', () => {
    const a = jsonl(
      `${lead}\n\n"Bukan melalui media sosial," pungkasnya. (Luhur Pambudi) Artikel ini telah tayang di surya.co.id dengan judul Polda Jatim Minta Veronica`,
    );
    expect(a.paragraphs).toEqual([lead, '"Bukan melalui media sosial," pungkasnya.']);
    expect(a).toMatchObject({ origin: 'surya.co.id', author: 'Luhur Pambudi' });
  });

  it('a notice naming no outlet goes without an origin; an attribution in the text stays the origin', () => {
    expect(jsonl(`${lead}\n\nArtikel ini telah tayang di, dengan judul`)).toMatchObject({ paragraphs: [lead], origin: null });
    const cited = `Dilansir dari Daily Mirror, ${lead}`;
    expect(jsonl(`${cited}\n\nArtikel ini telah tayang di Kompas.com dengan judul`)).toMatchObject({
      paragraphs: [cited],
      origin: 'Daily Mirror',
    });
  });

  it('text that only says something aired stays', () => {
    const film = 'Film itu telah tayang di bioskop sejak 12 September lalu dengan judul yang sama.';
    expect(jsonl(`${lead}\n\n${film}`).paragraphs).toEqual([lead, film]);
  });
});

describe('the same rules on a scraped .txt page', () => {
  it('a syndication line gives the origin and leaves the body', () => {
    const page = draft(
      draftFromPage(
        'p.txt',
        [
          'PB Djarum Hentikan Audisi Umum',
          'Jumat, 21 Juni 2024 10:00 WIB',
          lead,
          'Artikel ini telah tayang di Kompas.com dengan judul "PB Djarum Hentikan Audisi"',
        ].join('\n'),
      ),
    );
    expect(page).toMatchObject({ paragraphs: [lead], origin: 'Kompas.com' });
  });

  it('a header stamp with an offset reads the zone as metadata does: "10:00 WIB"', () => {
    const page = draft(
      draftFromPage('p.txt', ['PB Djarum Hentikan Audisi Umum', 'Diterbitkan: 2024-06-21T10:00:00+07:00', lead].join('\n')),
    );
    expect(page.date).toMatchObject({ iso: '2024-06-21', provenance: 'header', time: '10:00 WIB' });
  });
});

describe('front matter', () => {
  it('a source that is a link is the url as well as the publisher', () => {
    const md = draft(draftFromMarkdown('a.md', `---\ntitle: Judul\nsource: https://www.kompas.com/read/2024/06/21/x\n---\n\n${lead}\n`));
    expect(md).toMatchObject({ publisher: 'Kompas.com', url: 'https://www.kompas.com/read/2024/06/21/x' });
    const named = draft(draftFromMarkdown('b.md', `---\ntitle: Judul\nsource: Kompas.com\n---\n\n${lead}\n`));
    expect(named.url).toBeNull();
  });
});
