// store.add/remove derive the next snapshot from the current one: the corpus is built once, and the
// derived snapshot answers like a full build of the same files.
import { cpSync, mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
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
      store.close();
    }
  });
});
