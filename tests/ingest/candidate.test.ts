// Pages and files → what would be saved, read by the corpus loader: metadata order, one cleaning path, formats, refusals.
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/corpus/load.ts';
import { candidateFromFile, candidateFromPage, inboxFileName, slugify, type Candidate } from '../../src/ingest/candidate.ts';
import { readAttachment, readUrl } from '../../src/ingest/intake.ts';
import { PAGES, SEED_FILES, startNewsSite, type NewsSite } from './news-site.ts';

const seeds = fileURLToPath(new URL('../../seeds/', import.meta.url));
let site: NewsSite;
beforeAll(async () => {
  site = await startNewsSite();
});
afterAll(() => site.close());

const html = (page: keyof typeof PAGES, url: string | null = null) =>
  candidateFromPage(
    { bytes: Buffer.from(PAGES[page]()), contentType: 'text/html', charset: 'utf-8', url },
    { kind: 'url', url: url ?? '' },
  );

async function only(outcome: Promise<{ ok: true; candidate: Candidate } | { ok: false; problem: unknown }>): Promise<Candidate> {
  const result = await outcome;
  if (!result.ok) throw new Error(`no candidate: ${JSON.stringify(result.problem)}`);
  return result.candidate;
}

async function seedArticle(file: string) {
  return (await loadCorpus(`${seeds}${file}`)).articles[0]!;
}

describe('a web page', () => {
  it('takes title, date, author and publisher from JSON-LD NewsArticle first', async () => {
    const candidate = await only(html('jsonld', 'https://www.idxchannel.com/news/kecam'));
    const [article] = candidate.articles;
    expect(candidate.ext).toBe('.md');
    expect(candidate.metadata).toEqual(['json-ld']);
    expect(article).toMatchObject({
      title: 'AS, Jepang hingga Korsel Kecam Keras Kerja Sama Militer Rusia-Korut',
      date: { iso: '2024-06-25', precision: 'day', provenance: 'metadata', time: '10:01 WIB' },
      author: 'Dian Kusumo Hapsari',
      publisher: 'IDXChannel',
      url: 'https://www.idxchannel.com/news/kecam',
    });
    expect(article!.warnings).toEqual([]);
  });

  it('falls back to OpenGraph, and takes the canonical url', async () => {
    const [article] = (await only(html('og', 'https://kompas.tv/x?utm_source=wa'))).articles;
    expect(article).toMatchObject({
      title: 'AS Ketakutan Vladimir Putin Akan Bertemu Kim Jong-Un di Korea Utara, Ini yang Dikhawatirkan',
      date: { iso: '2024-06-15', provenance: 'metadata', time: '12:30 WIB' },
      publisher: 'Kompas TV',
      origin: 'The Guardian',
      url: 'https://www.kompas.tv/internasional/ketakutan-putin-kim',
    });
    // The ads between paragraphs went with the page cleaning; the "Baca Juga" cross-links too.
    expect(article!.paragraphs.join('\n')).not.toMatch(/ADVERTISEMENT|Baca Juga|Close Ads/i);
  });

  it('with no metadata, is read exactly as the scraped .txt page of the same text', async () => {
    const candidate = await only(html('polos', 'https://www.orbitindonesia.com/read/1'));
    const [article] = candidate.articles;
    const scraped = await seedArticle(SEED_FILES.polos);
    expect(candidate.metadata).toEqual([]);
    expect(article!.paragraphs).toEqual(scraped.paragraphs);
    expect(article).toMatchObject({ title: scraped.title, publisher: scraped.publisher, origin: scraped.origin });
    expect(article!.date).toMatchObject({ iso: '2024-06-20', provenance: 'inferred' });
    // A page's candidate is the .md file it is saved as: its warnings come back as the words written there.
    expect(article!.warnings).toEqual([{ kind: 'noted', text: expect.stringMatching(/disimpulkan/) }]);
    expect(article!.url).toBe('https://www.orbitindonesia.com/read/1');
  });

  it('is saved as .md whose front matter gives the same article again without the network', async () => {
    const candidate = await only(html('jsonld', 'https://www.idxchannel.com/news/kecam'));
    expect(candidate.text).toMatch(/^---\ntitle: "AS, Jepang/);
    expect(candidate.text).toContain('date: "2024-06-25T10:01:00+07:00"');
    const again = await only(candidateFromFile('x.md', Buffer.from(candidate.text)));
    expect(again.articles[0]).toEqual(candidate.articles[0]);
  });

  it('with no article text is refused', async () => {
    const outcome = await readUrl(`${site.origin}/kosong`, { allowHosts: new Set([site.hostPort]) });
    expect(!outcome.ok && outcome.problem.kind).toBe('no-article-text');
  });

  it('is fetched, followed through redirects and read by url', async () => {
    const outcome = await readUrl(`${site.origin}/r/3`, { allowHosts: new Set([site.hostPort]) });
    expect(outcome.ok && outcome.candidate.articles[0]!.publisher).toBe('IDXChannel');
    expect(outcome.ok && outcome.candidate.source).toEqual({ kind: 'url', url: `${site.origin}/jsonld` });
  });

  it('that is not HTML or text is refused by type', async () => {
    const outcome = await readUrl(`${site.origin}/pdf`, { allowHosts: new Set([site.hostPort]) });
    expect(!outcome.ok && outcome.problem).toEqual({ kind: 'wrong-type', contentType: 'application/pdf' });
  });
});

describe('a file', () => {
  it('.txt is read as a scraped page, with seed 000 header date contradicting the body', async () => {
    const bytes = await readFile(`${seeds}${SEED_FILES.polos}`);
    const candidate = await only(candidateFromFile('kiriman.txt', bytes));
    expect(candidate.ext).toBe('.txt');
    expect(candidate.text).toBe(bytes.toString('utf8'));
    expect(candidate.articles[0]!.warnings[0]).toMatchObject({
      kind: 'stated-date-contradicted',
      provenance: 'header',
      stated: '2022-12-09',
    });
  });

  it('.jsonl gives every line, broken lines reported', async () => {
    const lines = [1, 2, 3, 4].map((n) =>
      JSON.stringify({
        id: `k${n}`,
        title: `Judul ${n}`,
        date: '2024-06-19',
        source: 'kompas.com',
        body: `Isi berita nomor ${n} yang cukup.`,
      }),
    );
    const candidate = await only(candidateFromFile('kumpulan.jsonl', Buffer.from([...lines, '{rusak'].join('\n'))));
    expect(candidate.articles.map((a) => a.title)).toEqual(['Judul 1', 'Judul 2', 'Judul 3', 'Judul 4']);
    expect(candidate.errors).toHaveLength(1);
  });

  it('that is binary, not UTF-8, empty or of another type is refused', async () => {
    expect(await candidateFromFile('a.txt', Buffer.from([0x41, 0, 0x42]))).toEqual({ ok: false, problem: { kind: 'binary' } });
    expect(await candidateFromFile('a.md', Buffer.from([0xff, 0xfe, 0x41]))).toEqual({ ok: false, problem: { kind: 'not-utf8' } });
    expect((await candidateFromFile('a.txt', Buffer.from('  \n'))).ok).toBe(false);
    expect(await candidateFromFile('a.pdf', Buffer.from('%PDF'))).toEqual({ ok: false, problem: { kind: 'extension', ext: '.pdf' } });
  });

  it('is named by the bot, never by the user: date, slug, short hash', async () => {
    const bytes = await readFile(`${seeds}${SEED_FILES.polos}`);
    const candidate = await only(candidateFromFile('../../x.md.txt', bytes));
    expect(inboxFileName(candidate)).toMatch(/^2024-06-20-as-kecam-pernyataan-presiden-rusia-vladimir-putin-tentang-[0-9a-f]{8}\.txt$/);
    expect(slugify('Ékonomi: "Harga" Naik 5%!')).toBe('ekonomi-harga-naik-5');
    expect(slugify('…')).toBe('artikel');
  });

  it('as an attachment, is checked by name and size before download, and downloaded only from the CDN or an allowed host', async () => {
    const allow = { allowHosts: new Set([site.hostPort]) };
    const url = site.attach('seed.txt', await readFile(`${seeds}${SEED_FILES.polos}`));
    expect((await readAttachment({ url, name: 'seed.txt', size: 2197 }, allow)).ok).toBe(true);
    expect(await readAttachment({ url, name: 'foto.png', size: 10 }, allow)).toEqual({
      ok: false,
      problem: { kind: 'extension', ext: '.png' },
    });
    expect(await readAttachment({ url, name: 'a.txt', size: 6e6 }, allow)).toEqual({
      ok: false,
      problem: { kind: 'too-large', max: 5 * 1024 * 1024 },
    });
    const elsewhere = await readAttachment({ url: 'https://example.com/a.txt', name: 'a.txt', size: 10 }, allow);
    expect(!elsewhere.ok && elsewhere.problem.kind).toBe('host-not-allowed');
  });
});
