import { cpSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/corpus/load.ts';
import type { Article } from '../../src/corpus/types.ts';
import { SearchEngine } from '../../src/search/engine.ts';
import { Timeline, TOPIC_ARTICLE_LIMIT } from '../../src/timeline/timeline.ts';
import {
  ReloadInProgressError,
  SnapshotStore,
  articleHash,
  buildSnapshot,
  corpusStats,
  type Snapshot,
  type SnapshotBuilder,
} from '../../src/snapshot.ts';
import { spawnSnapshot } from '../../src/bot/worker-snapshot.ts';

function article(id: string, title = `Judul ${id}`, publisher: string | null = 'Bisnis.com', iso = '2024-06-19'): Article {
  return {
    id,
    file: `${id}.txt`,
    format: 'txt',
    title,
    titleDerived: false,
    date: { iso, precision: 'day', provenance: 'byline' },
    publisher,
    origin: null,
    author: null,
    editor: null,
    url: null,
    captions: [],
    paragraphs: [`Isi ${title}`],
    warnings: [],
  };
}

/** Snapshots over hand-made articles; the store never queries them, only swaps and retires them. */
const retired: Snapshot[] = [];
function fakeSnapshot(articles: Article[], errors: Snapshot['errors'] = []): Snapshot {
  const snapshot: Snapshot = {
    dir: '/korpus',
    errors,
    warnings: [],
    queries: {} as Snapshot['queries'],
    hashes: new Map(articles.map((a) => [a.id, articleHash(a)])),
    stats: corpusStats(articles),
    loadedAt: new Date(),
    durationMs: 1,
    retire: () => void retired.push(snapshot),
  };
  return snapshot;
}

const flush = (): Promise<void> => new Promise((r) => setImmediate(r));

/** A builder that hands out prepared results in order, each released when the test says so. */
function scriptedBuilder(): { build: SnapshotBuilder; next: (result: Snapshot | Error) => Promise<void>; calls: number } {
  const pending: ((result: Snapshot | Error) => void)[] = [];
  const script = {
    calls: 0,
    build: () =>
      new Promise<Snapshot>((resolvePromise, reject) => {
        script.calls++;
        pending.push((result) => (result instanceof Error ? reject(result) : resolvePromise(result)));
      }),
    next: async (result: Snapshot | Error) => {
      while (pending.length === 0) await flush(); // the store yields once before it builds
      pending.shift()!(result);
    },
  };
  return script;
}

describe('SnapshotStore.reload', () => {
  const before = fakeSnapshot([article('a'), article('b'), article('c')]);

  it('builds aside, swaps in one step and reports what changed', async () => {
    const script = scriptedBuilder();
    const store = new SnapshotStore(before, { build: script.build });
    const reload = store.reload('1180000000000000011');
    await flush();
    expect(store.current).toBe(before); // queries keep the whole old corpus while the new one builds
    expect(store.running?.by).toBe('1180000000000000011');
    const after = fakeSnapshot(
      [article('a'), article('b', 'Judul baru'), article('d')],
      [{ file: 'rusak.jsonl', line: 3, code: 'malformed', reason: 'JSON tidak valid' }],
    );
    await script.next(after);
    const outcome = await reload;
    expect(store.current).toBe(after);
    expect(store.running).toBeNull();
    expect(outcome).toMatchObject({
      status: 'swapped',
      report: {
        before: 3,
        after: 3,
        added: { count: 1, sample: ['d'] },
        removed: { count: 1, sample: ['c'] },
        changed: { count: 1, sample: ['b'] },
        errors: [{ file: 'rusak.jsonl', line: 3, code: 'malformed', reason: 'JSON tidak valid' }],
      },
    });
    expect(store.lastReload).toBe(outcome);
    expect(retired).toContain(before); // the replaced snapshot is freed, the new one is not
    expect(retired).not.toContain(after);
  });

  it('refuses a second reload while one runs, with who and when', async () => {
    const script = scriptedBuilder();
    const store = new SnapshotStore(before, { build: script.build });
    const first = store.reload('111');
    await expect(store.reload('222')).rejects.toBeInstanceOf(ReloadInProgressError);
    await expect(store.reload('222')).rejects.toMatchObject({ startedBy: '111' });
    await flush();
    expect(script.calls).toBe(1);
    await script.next(fakeSnapshot([article('a')]));
    await expect(first).resolves.toMatchObject({ status: 'swapped' });
    const third = store.reload('222'); // the lock is released after the first finishes
    await script.next(fakeSnapshot([article('a')]));
    await expect(third).resolves.toMatchObject({ status: 'swapped' });
  });

  it('keeps the old snapshot when the build fails, and says why', async () => {
    const script = scriptedBuilder();
    const store = new SnapshotStore(before, { build: script.build });
    const reload = store.reload();
    await script.next(new Error('EACCES: permission denied, scandir /korpus'));
    const outcome = await reload;
    expect(outcome).toMatchObject({ status: 'failed', reason: 'EACCES: permission denied, scandir /korpus' });
    expect(store.current).toBe(before);
    expect(store.running).toBeNull();
    expect(store.lastReload).toBe(outcome);
  });

  it('refuses to replace a corpus with an empty one', async () => {
    const script = scriptedBuilder();
    const store = new SnapshotStore(before, { build: script.build });
    const reload = store.reload();
    await script.next(fakeSnapshot([], [{ file: 'a.jsonl', code: 'fs-error', errno: 'EACCES', reason: 'tidak terbaca' }]));
    const outcome = await reload;
    expect(outcome.status).toBe('failed');
    if (outcome.status === 'failed') expect(outcome.reason).toMatch(/korpus baru kosong.*korpus lama \(3 artikel\) tetap dipakai/);
    expect(store.current).toBe(before);
    expect(retired.at(-1)?.stats.articles).toBe(0); // the refused snapshot is freed
  });
});

describe('corpusStats and articleHash', () => {
  it('counts publishers and finds the date range', () => {
    const stats = corpusStats([
      article('a', 'x', 'Kompas TV', '2024-06-20'),
      article('b', 'y', 'Bisnis.com', '2023-07'),
      article('c', 'z', 'Bisnis.com', '2024-06-19'),
      article('d', 'w', null),
    ]);
    expect(stats).toEqual({
      articles: 4,
      publishers: [
        { name: 'Bisnis.com', count: 2 },
        { name: 'Kompas TV', count: 1 },
      ],
      dateRange: { from: '2023-07', to: '2024-06-20' },
    });
  });

  it('changes with the content, not with the file position', () => {
    expect(articleHash({ ...article('a'), file: 'elsewhere.txt', line: 9 })).toBe(articleHash(article('a')));
    expect(articleHash(article('a', 'Judul lain'))).not.toBe(articleHash(article('a')));
  });
});

describe('snapshots over real files', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kliping-snapshot-'));
  cpSync(resolve('seeds'), dir, { recursive: true });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('serve the seeds from a worker, and reload with an added and a broken file', async () => {
    const store = await SnapshotStore.create(dir, { build: spawnSnapshot });
    try {
      const first = store.current;
      expect(first.stats.articles).toBe(5);
      expect((await first.queries.search('kecaman')).hits.length).toBeGreaterThan(0);
      expect(first.stats.publishers.length).toBeGreaterThan(0);

      writeFileSync(
        join(dir, 'tambahan.jsonl'),
        `${JSON.stringify({ id: 'tambahan-1', title: 'Banjir rob melanda pesisir Jakarta', date: '2024-06-21', source: 'contoh.id', url: 'https://contoh.id/banjir', body: 'Banjir rob kembali melanda pesisir utara Jakarta pada Jumat (21/6/2024).\n\nWarga mengungsi.' })}\n{rusak\n`,
      );
      const outcome = await store.reload();
      expect(outcome.status).toBe('swapped');
      if (outcome.status !== 'swapped') return;
      expect(outcome.report).toMatchObject({
        before: 5,
        after: 6,
        added: { count: 1, sample: ['tambahan-1'] },
        removed: { count: 0 },
        changed: { count: 0 },
      });
      expect(outcome.report.errors.some((e) => e.file.endsWith('tambahan.jsonl'))).toBe(true);
      expect((await store.current.queries.search('banjir rob')).hits[0]?.articleId).toBe('tambahan-1');
      expect((await first.queries.search('banjir rob')).hits).toEqual([]); // the old snapshot, still answering in-flight queries, is untouched
      const { result, urls } = await store.current.queries.timeline({ topic: 'banjir rob' });
      expect(result.events[0]?.sources[0]?.articleId).toBe('tambahan-1');
      expect(urls['tambahan-1']).toBe('https://contoh.id/banjir');
      first.retire(0);
      await expect(new Promise((r) => setTimeout(r, 50)).then(() => first.queries.search('x'))).rejects.toThrow(/corpus worker stopped/);
    } finally {
      store.close();
    }
  });

  it('report a folder that is gone as a file error of an empty snapshot', async () => {
    const empty = await spawnSnapshot(join(dir, 'tidak-ada'));
    empty.retire(0);
    expect(empty.stats.articles).toBe(0);
    expect(empty.errors[0]?.file).toMatch(/tidak-ada$/);
  });

  it('build in this thread too, with parts that agree', async () => {
    const snapshot = await buildSnapshot(resolve('seeds'));
    try {
      expect(snapshot.hashes.size).toBe(snapshot.stats.articles);
      expect((await snapshot.queries.suggest('keca')).length).toBeGreaterThan(0);
      expect(Object.isFrozen(snapshot)).toBe(true);
    } finally {
      snapshot.retire(0);
    }
  });

  it('persist the timeline beside the index in the cache folder, and answer the same from it on a warm start', async () => {
    const cacheDir = mkdtempSync(join(tmpdir(), 'kliping-snapshot-cache-'));
    const queries = [{}, { topic: 'Putin' }, { from: '2024-06', to: '2024-06', limit: 3 }];
    try {
      const cold = await buildSnapshot(resolve('seeds'), { cacheDir });
      const coldAnswers = await Promise.all(queries.map((q) => cold.queries.timeline(q)));
      cold.retire(0);
      const files = readdirSync(cacheDir).sort();
      expect(files.filter((f) => f.startsWith('timeline-'))).toHaveLength(1);
      expect(files.filter((f) => f.startsWith('search-index-'))).toHaveLength(1);
      const warm = await buildSnapshot(resolve('seeds'), { cacheDir });
      try {
        expect(await Promise.all(queries.map((q) => warm.queries.timeline(q)))).toEqual(coldAnswers);
        expect(coldAnswers[0]!.result.events.length).toBeGreaterThan(0);
      } finally {
        warm.retire(0);
      }
      expect(readdirSync(cacheDir).sort()).toEqual(files); // read, not rewritten under another name
    } finally {
      rmSync(cacheDir, { recursive: true, force: true });
    }
  });

  it('answer timelines from the timeline worker exactly as a timeline built in this thread does', async () => {
    const snapshot = await buildSnapshot(resolve('seeds'));
    try {
      const { articles } = await loadCorpus(resolve('seeds'));
      const engine = await SearchEngine.build(articles);
      const timeline = Timeline.build(articles);
      const queries = [
        {},
        { topic: '  Putin ' },
        { topic: 'Kim Jong Un', limit: 2 },
        { topic: 'rudal', from: '2024-01-01', to: '2024-12-31' },
        { topic: 'yang dan di' },
        { topic: 'gempa Palu' },
        { from: '2024-06-19', to: '2024-06-19' },
      ];
      let events = 0;
      for (const q of queries) {
        const { result, urls } = await snapshot.queries.timeline(q);
        expect(result).toEqual(timeline.query(q, q.topic?.trim() ? engine.matchArticles(q.topic.trim(), TOPIC_ARTICLE_LIMIT) : []));
        for (const event of result.events) for (const source of event.sources) expect(urls).toHaveProperty(source.articleId);
        events += result.events.length;
      }
      expect(events).toBeGreaterThan(5); // the comparison covers real events, not only empty answers
    } finally {
      snapshot.retire(0);
    }
    await expect(new Promise((r) => setTimeout(r, 50)).then(() => snapshot.queries.timeline({}))).rejects.toThrow(
      /timeline worker stopped/,
    );
  });
});
