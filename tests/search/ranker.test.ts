import { describe, expect, it } from 'vitest';
import type { Article } from '../../src/corpus/types.ts';
import { SearchEngine } from '../../src/search/engine.ts';
import { buildIndex } from '../../src/search/inverted-index.ts';
import { DEFAULT_RANKING_PARAMS, type RankingParams } from '../../src/search/params.ts';
import { Ranker } from '../../src/search/ranker.ts';
import { article } from './fixtures.ts';

/** Articles about other things, so that the words of a test are rare (their idf counts) and lengths average out. */
const FILLER = ['Pasar', 'Sekolah', 'Kantor', 'Taman', 'Stadion', 'Terminal'].map((place, i) =>
  article({ id: `filler${i}`, title: `${place} Baru Dibuka Wali Kota`, paragraphs: [`Warga menyambut ${place.toLowerCase()} yang baru.`] }),
);

async function ids(articles: Article[], query: string): Promise<string[]> {
  const engine = await SearchEngine.build([...articles, ...FILLER]);
  return engine.search(query).hits.map((h) => h.articleId);
}

async function scores(articles: Article[], query: string): Promise<Map<string, number>> {
  const engine = await SearchEngine.build([...articles, ...FILLER]);
  return new Map(engine.search(query).hits.map((h) => [h.articleId, h.score]));
}

/** Passages about other things, so that the words of a test are rare. */
const notes = (count: number) =>
  Array.from({ length: count }, (_, i) => article({ id: `note${i}`, title: '', paragraphs: [`Catatan nomor ${i} tentang hal lain.`] }));

/** The best two hits of a query over these passages, with other ranking parameters if given. */
const topTwo =
  (passages: Article[]) =>
  async (query: string, ranking: Partial<RankingParams> = {}): Promise<string[]> =>
    (await SearchEngine.build(passages, { ranking }))
      .search(query)
      .hits.map((h) => h.articleId)
      .slice(0, 2);

describe('ranking rules', () => {
  it('title vs body: the same word weighs more in the headline than in the body', async () => {
    const found = await ids(
      [
        article({ id: 'body', title: 'Laporan Harian Redaksi', paragraphs: ['Banjir rob melanda pesisir utara.'] }),
        article({ id: 'title', title: 'Banjir Rob Melanda', paragraphs: ['Laporan harian redaksi dari pesisir utara.'] }),
      ],
      'banjir rob',
    );
    expect(found.slice(0, 2)).toEqual(['title', 'body']);
  });

  it('title vs body: a headline holding every word beats one holding some, the rest said in passing below', async () => {
    const found = await ids(
      [
        article({ id: 'title', title: 'Gubernur Tinjau Banjir Rob di Pesisir Semarang Utara', paragraphs: ['Air laut naik.'] }),
        article({ id: 'body', title: 'Banjir Rob', paragraphs: ['Air laut naik.', 'Gubernur datang.'] }),
      ],
      'banjir gubernur',
    );
    expect(found.slice(0, 2)).toEqual(['title', 'body']);
  });

  it('coordination counts body words fully: all the words in the body beat one of them in the title', async () => {
    const found = await ids(
      [
        article({ id: 'one-in-title', title: 'Latihan Pagi Bersama Warga', paragraphs: ['Warga berolahraga di lapangan.'] }),
        article({ id: 'all-in-body', title: 'Ketegangan di Semenanjung', paragraphs: ['Kedua negara menggelar latihan militer bersama.'] }),
      ],
      'latihan militer',
    );
    expect(found.slice(0, 2)).toEqual(['all-in-body', 'one-in-title']);
  });

  it('proximity: the words side by side in one sentence beat the same words far apart', async () => {
    const far = 'Pemerintah mengumumkan kebijakan harga beras. Kenaikan tarif listrik juga dibahas para menteri.';
    const near = 'Pemerintah mengumumkan kebijakan tarif beras. Kenaikan harga listrik juga dibahas para menteri.';
    const found = await ids(
      [
        article({ id: 'far', title: 'Rapat Kabinet', paragraphs: [far] }),
        article({ id: 'near', title: 'Rapat Kabinet', paragraphs: [near] }),
      ],
      'harga listrik',
    );
    expect(found.slice(0, 2)).toEqual(['near', 'far']);
  });

  it('passage evidence: the words together in one paragraph beat the same words scattered over paragraphs', async () => {
    const together = ['Pembukaan acara.', 'Vaksin dosis ketiga tiba di puskesmas desa.', 'Penutupan acara.'];
    const scattered = ['Vaksin disiapkan.', 'Pembukaan acara di puskesmas.', 'Penutupan acara desa.'];
    const found = await ids(
      [
        article({ id: 'scattered', title: 'Kabar Kesehatan', paragraphs: scattered }),
        article({ id: 'together', title: 'Kabar Kesehatan', paragraphs: together }),
      ],
      'vaksin puskesmas desa',
    );
    expect(found.slice(0, 2)).toEqual(['together', 'scattered']);
  });

  it('passage-based scoring: the words together in one sentence beat the same words repeated, scattered over sentences', async () => {
    const passages = [
      article({
        id: 'together',
        title: '',
        paragraphs: ['Rapat kabinet membahas banyak hal kemarin. Menteri menyebut harga listrik naik bulan depan.'],
      }),
      article({
        id: 'repeated',
        title: '',
        paragraphs: ['Harga beras, harga gula dan harga minyak naik. Pasokan listrik terganggu, listrik padam di banyak kota.'],
      }),
      ...notes(8),
    ];
    const top = topTwo(passages);
    expect(await top('harga listrik')).toEqual(['together', 'repeated']);
    // the document's score alone counts every mention: "repeated" wins it, whatever its sentences
    expect(await top('harga listrik', { passageMix: 0 })).toEqual(['repeated', 'together']);
  });

  it('the rerank skips only candidates that cannot win: the words side by side beat more, scattered mentions, at any limit', async () => {
    const scattered = ['Harga naik lagi. Harga beras juga.', 'Listrik padam. Listrik mahal.'];
    const articles = [
      article({ id: 'scattered', title: 'Kabar Warga', paragraphs: scattered }),
      article({ id: 'near', title: 'Kabar Warga', paragraphs: ['Pemerintah menaikkan harga listrik bulan depan.'] }),
      article({ id: 'partial', title: 'Harga Beras', paragraphs: ['Harga beras naik, harga gula naik, harga minyak naik.'] }),
    ];
    const engine = await SearchEngine.build([...articles, ...FILLER]);
    const top = (limit: number) => engine.search('harga listrik', { limit }).hits.map((h) => h.articleId);
    expect(top(3)).toEqual(['near', 'scattered', 'partial']);
    // with one place left, "near" (lower first-pass score) is examined after "scattered" filled it
    expect(top(1)).toEqual(['near']);
    expect(top(2)).toEqual(['near', 'scattered']);
  });

  it('a question: question words carry no topic, even where a headline holds them', async () => {
    const found = await ids(
      [
        article({ id: 'asks', title: 'Siapa Bilang Menteri Tidak Bisa Menyanyi?', paragraphs: ['Acara musik di Jakarta.'] }),
        article({ id: 'answers', title: 'Pergantian Kabinet', paragraphs: ['Sri Mulyani kembali menjadi menteri keuangan.'] }),
      ],
      'Siapakah menteri keuangan?',
    );
    expect(found[0]).toBe('answers');
    const dimana = await scores(
      [article({ id: 'a', title: 'Menteri Keuangan', paragraphs: ['Di mana-mana.'] })],
      'dimanakah menteri keuangan',
    );
    const plain = await scores([article({ id: 'a', title: 'Menteri Keuangan', paragraphs: ['Di mana-mana.'] })], 'menteri keuangan');
    expect(dimana.get('a')).toBeCloseTo(plain.get('a')!, 6);
  });

  it('a question borrows the words of its best hits (pseudo-relevance feedback); other queries do not', async () => {
    // the question's own words tie "answers" (about the flood its best hits tell of) with "elsewhere",
    // which is shorter: without feedback it wins
    const passages = [
      article({ id: 'answers', title: '', paragraphs: ['Jumlah pengungsi mencapai 300 orang, rumah warga pesisir terendam.'] }),
      article({ id: 'elsewhere', title: '', paragraphs: ['Jumlah pengungsi gempa di Cianjur bertambah.'] }),
      article({ id: 'flood', title: '', paragraphs: ['Banjir merendam rumah warga pesisir Semarang, ratusan warga mengungsi.'] }),
      article({ id: 'rain', title: '', paragraphs: ['Hujan deras merendam rumah warga di pesisir sejak pagi.'] }),
      // enough other passages that the flood's words are rare (an expansion word is in at most 10% of them)
      ...Array.from({ length: 40 }, (_, i) => article({ id: `note${i}`, title: '', paragraphs: [`Catatan nomor ${i} tentang hal lain.`] })),
    ];
    const top = async (query: string, ranking: Partial<RankingParams> = {}) =>
      (await SearchEngine.build(passages, { ranking })).search(query).hits.map((h) => h.articleId);
    expect((await top('Berapa jumlah pengungsi?')).slice(0, 2)).toEqual(['answers', 'elsewhere']);
    expect((await top('Berapa jumlah pengungsi?', { feedbackQueryShare: 1 })).slice(0, 2)).toEqual(['elsewhere', 'answers']);
    expect((await top('jumlah pengungsi')).slice(0, 2)).toEqual(['elsewhere', 'answers']);
    // expansion words only re-weigh what the question's words found
    expect(await top('Berapa jumlah pengungsi?')).not.toContain('rain');
  });

  it('a question asks for a kind of answer: the passage with one beside its words wins (answer types)', async () => {
    // both passages hold the question's words; "other" is shorter, so plain BM25 prefers it
    const passages = [
      article({ id: 'count', title: '', paragraphs: ['Sejak saat itu, Pinter telah menulis 29 naskah drama dan beberapa skenario film.'] }),
      article({ id: 'other', title: '', paragraphs: ['Pinter menulis naskah drama yang keras.'] }),
      article({ id: 'named', title: '', paragraphs: ['Juru bicara Kremlin, Peskov, menolak berkomentar tentang latihan itu.'] }),
      article({ id: 'unnamed', title: '', paragraphs: ['Juru bicara Kremlin menolak berkomentar.'] }),
      ...notes(20),
    ];
    const top = topTwo(passages);
    expect(await top('Berapa naskah drama yang ditulis Pinter?')).toEqual(['count', 'other']);
    expect(await top('Berapa naskah drama yang ditulis Pinter?', { answerWeight: 0 })).toEqual(['other', 'count']);
    expect(await top('naskah drama ditulis Pinter')).toEqual(['other', 'count']);
    // "siapa" asks for a name: a word that is no Indonesian root, beside the question's words
    expect(await top('Siapa juru bicara Kremlin?')).toEqual(['named', 'unnamed']);
    expect(await top('Siapa juru bicara Kremlin?', { answerWeight: 0 })).toEqual(['unnamed', 'named']);
    // "apa" says nothing of the answer's form
    expect(await top('Apa kata juru bicara Kremlin?')).toEqual(['unnamed', 'named']);
  });

  it('a question asking what an acronym stands for: the passage writing it out wins', async () => {
    const passages = [
      article({
        id: 'spelled',
        title: '',
        paragraphs: ['Peneliti Lembaga Ilmu Pengetahuan Indonesia (LIPI) meneliti sebelas danau di Sumatera.'],
      }),
      article({ id: 'mentions', title: '', paragraphs: ['Peneliti LIPI meneliti danau.'] }),
      ...notes(20),
    ];
    const top = topTwo(passages);
    expect(await top('Apakah kepanjangan dari LIPI?')).toEqual(['spelled', 'mentions']);
    expect(await top('Apakah kepanjangan dari LIPI?', { answerWeight: 0 })).toEqual(['mentions', 'spelled']);
    expect(await top('peneliti LIPI')).toEqual(['mentions', 'spelled']);
  });

  it('a title-less article: a title derived from the lead is body text, not a headline', async () => {
    const lead = 'Gempa mengguncang Cianjur pagi ini.';
    const found = await scores(
      [
        article({ id: 'derived', title: 'Gempa mengguncang Cianjur pagi ini', titleDerived: true, paragraphs: [lead] }),
        article({ id: 'untitled-like', title: 'Berita Daerah', paragraphs: [lead] }),
        article({ id: 'headline', title: 'Gempa Mengguncang Cianjur', paragraphs: [lead] }),
      ],
      'gempa cianjur',
    );
    expect(found.get('headline')!).toBeGreaterThan(found.get('derived')!);
    expect(found.get('derived')!).toBeCloseTo(found.get('untitled-like')!, 6);
  });

  it('exact form vs stem: the word as written beats another form of its root, in the body too', async () => {
    const found = await ids(
      [
        article({ id: 'stem', title: 'Sidang Dewan', paragraphs: ['Warga mengecam keputusan dewan.'] }),
        article({ id: 'exact', title: 'Sidang Dewan', paragraphs: ['Warga kecaman keputusan dewan.'] }),
      ],
      'kecaman dewan',
    );
    expect(found.slice(0, 2)).toEqual(['exact', 'stem']);
  });
});

describe('parameters', () => {
  it('apply at query time: a heavier title weight turns a body match into a loser', async () => {
    const articles = [
      article({ id: 'title', title: 'Harga Cabai Naik', paragraphs: ['Pedagang mengeluh.'] }),
      article({ id: 'body', title: 'Pasar Induk', paragraphs: ['Harga cabai naik, harga cabai rawit juga naik, cabai langka.'] }),
      ...FILLER,
    ];
    const index = await buildIndex(articles);
    const recency = new Float64Array(articles.length);
    const cabai = index.stems.ids.get('cabai')!;
    const words = [{ readings: [{ stemId: cabai, surfaceId: undefined, weight: 1 }], coordinates: true, weight: 1 }];
    const top = (titleWeight: number) =>
      new Ranker(index, recency, { titleWeight }).rank(words, () => true, 2).hits.map((h) => articles[h.doc]!.id);
    expect(top(DEFAULT_RANKING_PARAMS.titleWeight * 4)).toEqual(['title', 'body']);
    expect(top(0.1)).toEqual(['body', 'title']);
  });
});
