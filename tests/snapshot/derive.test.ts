// store.add/remove, and a reload where few articles changed, derive the next snapshot from the current
// one: the corpus is built once, and the derived snapshot answers like a full build of the same files.
import { appendFileSync, cpSync, mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { spawnSnapshot } from '../../src/bot/worker-snapshot.ts';
import { SnapshotStore, buildSnapshot, type Snapshot, type SnapshotBuilder } from '../../src/snapshot.ts';

const ADDED = 'masuk/2024-06-21-banjir-rob-ab12cd34.md';
const PAGE = `---
title: Banjir rob melanda pesisir Jakarta
date: 2024-06-21
source: contoh.id
url: https://contoh.id/banjir
---

Banjir rob kembali melanda pesisir utara Jakarta pada Jumat (21/6/2024).

Warga di Muara Angke mengungsi ke masjid terdekat.
`;

/** What a snapshot answers, to compare a derived one with a full build. */
async function answers(snapshot: Snapshot): Promise<unknown> {
  const { result } = await snapshot.queries.timeline({ topic: 'banjir rob' });
  return {
    articles: snapshot.stats.articles,
    hashes: [...snapshot.hashes].sort(),
    search: (await snapshot.queries.search('banjir rob')).hits.map((hit) => hit.articleId),
    kecaman: (await snapshot.queries.search('kecaman')).hits.map((hit) => hit.articleId),
    timeline: result.events.map((event) => event.sources.map((source) => source.articleId)),
  };
}

describe.each([
  ['in this thread', buildSnapshot],
  ['in the corpus worker', spawnSnapshot],
])('store.add and store.remove %s', (_, builder: SnapshotBuilder) => {
  const dir = mkdtempSync(join(tmpdir(), 'kliping-derive-'));
  cpSync(resolve('seeds'), dir, { recursive: true });
  mkdirSync(join(dir, 'masuk'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('derive the next snapshot without rebuilding the corpus, answering as a full build does', async () => {
    let builds = 0;
    const counting: SnapshotBuilder = (...args) => {
      builds++;
      return builder(...args);
    };
    const store = await SnapshotStore.create(dir, { build: counting });
    try {
      const first = store.current;
      writeFileSync(join(dir, ADDED), PAGE);
      const added = await store.add([ADDED], 'admin');
      expect(added).toMatchObject({
        status: 'swapped',
        by: 'admin',
        report: { before: 5, after: 6, added: { count: 1 }, removed: { count: 0 } },
      });
      expect(builds).toBe(1);
      expect(store.current).not.toBe(first);
      const full = await buildSnapshot(dir);
      try {
        expect(await answers(store.current)).toEqual(await answers(full));
      } finally {
        full.retire(0);
      }
      expect((await store.current.queries.search('banjir rob')).hits).toHaveLength(1);

      mkdirSync(join(dir, 'masuk/.sampah'));
      renameSync(join(dir, ADDED), join(dir, 'masuk/.sampah/banjir.md'));
      const removed = await store.remove([ADDED], 'admin');
      expect(removed).toMatchObject({ status: 'swapped', report: { before: 6, after: 5, added: { count: 0 }, removed: { count: 1 } } });
      expect(builds).toBe(1);
      expect((await store.current.queries.search('banjir rob')).hits).toEqual([]);
      expect((await answers(store.current)) as object).toMatchObject({ articles: 5 });
    } finally {
      await store.close();
    }
  });
});

// Each test runs several builds in worker threads: slow on a loaded machine, hence the 120 s limits.
describe.each([
  ['in this thread', buildSnapshot],
  ['in the corpus worker', spawnSnapshot],
])('a reload %s', (_, builder: SnapshotBuilder) => {
  /** Five pages in a fresh folder, and a store over them that counts its full builds; at most 2 of the 5 articles may change per derivation. */
  async function seeded(): Promise<{ dir: string; files: string[]; store: SnapshotStore; builds: () => number }> {
    const dir = mkdtempSync(join(tmpdir(), 'kliping-refresh-'));
    const topics = ['Kecaman atas uji rudal', 'Harga beras naik lagi', 'Timnas menang tipis', 'Pemilu diundur', 'Gempa di Cianjur'];
    const files = topics.map((title, n) => {
      const file = `berita-${n}.md`;
      const page = `---\ntitle: ${title}\ndate: 2024-06-1${n}\nsource: contoh.id\n---\n\n${title}, kata pejabat di Jakarta pada Senin (1${n}/6/2024).\n`;
      writeFileSync(join(dir, file), page);
      return file;
    });
    let builds = 0;
    const counting: SnapshotBuilder = (...args) => {
      builds++;
      return builder(...args);
    };
    const store = await SnapshotStore.create(dir, { build: counting, params: { maxRefreshShare: 0.5 } });
    return { dir, files, store, builds: () => builds };
  }
  const edit = (dir: string, file: string, word: string): void =>
    appendFileSync(join(dir, file), `\nWarga Muara Angke mengungsi karena banjir ${word} pada Jumat (21/6/2024).\n`);

  it('derives the next snapshot when one file changed, answering as a full build does', async () => {
    const { dir, files, store, builds } = await seeded();
    try {
      const first = store.current;
      edit(dir, files[1]!, 'bandang');
      const outcome = await store.reload('admin');
      expect(outcome).toMatchObject({
        status: 'swapped',
        report: { how: 'derived', before: 5, after: 5, added: { count: 0 }, removed: { count: 0 }, changed: { count: 1 } },
      });
      expect(builds()).toBe(1);
      expect(store.current).not.toBe(first);
      expect((await store.current.queries.search('bandang')).hits).toHaveLength(1);
      const full = await buildSnapshot(dir);
      try {
        expect(await answers(store.current)).toEqual(await answers(full));
      } finally {
        full.retire(0);
      }
    } finally {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);

  it('builds anew when more articles changed than maxRefreshShare allows, counting earlier derived reloads', async () => {
    const { dir, files, store, builds } = await seeded();
    try {
      const hows: string[] = [];
      for (const [at, word] of ['bandang', 'lahar', 'kiriman', 'musiman'].entries()) {
        edit(dir, files[at]!, word);
        const outcome = await store.reload();
        hows.push(outcome.status === 'swapped' ? outcome.report.how : outcome.status);
      }
      // 1 and 2 changed articles are within 0.5 × 5; a third is not, so that reload builds anew and starts the count again.
      expect(hows).toEqual(['derived', 'derived', 'full', 'derived']);
      expect(builds()).toBe(2);
      for (const word of ['bandang', 'lahar', 'kiriman', 'musiman'])
        expect((await store.current.queries.search(word)).hits).toHaveLength(1);

      edit(dir, files[4]!, 'besar');
      edit(dir, files[0]!, 'susulan');
      edit(dir, files[1]!, 'susulan');
      expect(await store.reload()).toMatchObject({ status: 'swapped', report: { how: 'full', changed: { count: 3 } } });
      expect(await store.reload(undefined, { full: true })).toMatchObject({
        status: 'swapped',
        report: { how: 'full', changed: { count: 0 } },
      });
      expect(builds()).toBe(4);
    } finally {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);

  it('is refused by the shrink guard before the serving snapshot is touched', async () => {
    const { dir, files, store, builds } = await seeded();
    try {
      const first = store.current;
      const served = await answers(first);
      const gone = join(dir, files[0]!);
      renameSync(gone, `${gone}.bak`); // 1 of 5 articles lost: 20%, above the guard's 10%
      const outcome = await store.reload();
      expect(outcome).toMatchObject({ status: 'refused', refusal: { lost: 1 }, report: { before: 5, after: 4, removed: { count: 1 } } });
      expect(store.current).toBe(first);
      expect(await answers(first)).toEqual(served);
      expect(builds()).toBe(1);

      expect(await store.reload(undefined, { force: true })).toMatchObject({ status: 'swapped', report: { how: 'derived', after: 4 } });
      expect(builds()).toBe(1);
    } finally {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
