// Snapshots built over real files, in this thread and in the bot's corpus worker.
import { execFileSync } from 'node:child_process';
import { closeSync, constants, cpSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { spawnSnapshot } from '../../src/bot/worker-snapshot.ts';
import { loadCorpus } from '../../src/corpus/load.ts';
import { SearchEngine } from '../../src/search/engine.ts';
import { Timeline, TOPIC_ARTICLE_LIMIT } from '../../src/timeline/timeline.ts';
import { SnapshotStore, buildSnapshot, type SnapshotBuilder } from '../../src/snapshot.ts';

/** Frees a thread-pool thread still waiting to open `fifo` for reading, if a stopped build got that far. */
function unblockReader(fifo: string): void {
  try {
    closeSync(openSync(fifo, constants.O_WRONLY | constants.O_NONBLOCK));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENXIO') throw error; // no reader: it never got there
  }
}

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
      await store.close();
    }
  });

  it('are whole in the cache folder once the store has closed: close waits for the write under way', async () => {
    const corpus = mkdtempSync(join(tmpdir(), 'kliping-snapshot-close-'));
    const cacheDir = mkdtempSync(join(tmpdir(), 'kliping-snapshot-cache-'));
    cpSync(resolve('seeds'), corpus, { recursive: true });
    try {
      const store = await SnapshotStore.create(corpus, { build: spawnSnapshot, cacheDir });
      // The first snapshot serves: its caches are being written in the background. Close at once.
      await store.close();
      // Parse cache (index, text), search index and timeline, each renamed into place from a temporary file.
      expect(readdirSync(cacheDir).sort()).toHaveLength(4);
      expect(readdirSync(cacheDir).filter((name) => name.endsWith('.tmp'))).toEqual([]);
    } finally {
      // No retry: nothing writes into the folder any more.
      rmSync(cacheDir, { recursive: true });
      rmSync(corpus, { recursive: true, force: true });
    }
  });

  it('fail a reload of a corpus folder that is gone, forced or not, leaving every cache file as it was', async () => {
    const corpus = mkdtempSync(join(tmpdir(), 'kliping-snapshot-refused-'));
    const cacheDir = mkdtempSync(join(tmpdir(), 'kliping-snapshot-cache-'));
    cpSync(resolve('seeds'), corpus, { recursive: true });
    const store = await SnapshotStore.create(corpus, { build: spawnSnapshot, cacheDir });
    try {
      const files = () => readdirSync(cacheDir).map((name) => `${name} ${readFileSync(join(cacheDir, name)).toString('base64')}`);
      // Parse cache (index, text), search index and timeline, written once the first snapshot serves and
      // its timeline is in (searches serve before: SnapshotOptions.searchFirst); each through a temporary
      // file renamed into place, so wait until no temporary file is left.
      const settled = () =>
        readdirSync(cacheDir).filter((name) => !name.endsWith('.tmp')).length === 4 && readdirSync(cacheDir).length === 4;
      await expect.poll(settled, { timeout: 60_000 }).toBe(true);
      const before = files();
      rmSync(corpus, { recursive: true, force: true }); // the corpus folder is gone
      // Derived from the serving snapshot (refresh), then built anew (penuh), each forced or not.
      for (const opts of [{}, { force: true }, { full: true }, { full: true, force: true }]) {
        const outcome = await store.reload(undefined, opts);
        expect(outcome, JSON.stringify(opts)).toMatchObject({ status: 'failed', failure: { kind: 'corpus-missing' } });
        expect(files()).toEqual(before);
        expect(store.current.stats.articles).toBe(5);
      }
      expect((await store.current.queries.search('kecaman')).hits.length).toBeGreaterThan(0);
    } finally {
      await store.close();
      rmSync(cacheDir, { recursive: true, force: true });
    }
  });

  it('stop a build under way when the store closes: close does not wait for it, and nothing of it serves', async () => {
    const corpus = mkdtempSync(join(tmpdir(), 'kliping-snapshot-stuck-'));
    // A corpus file that is a FIFO no one writes to: reading it waits for ever, as a very long build would.
    const stuck = join(corpus, 'macet.jsonl');
    execFileSync('mkfifo', [stuck]);
    const served = await spawnSnapshot(dir);
    let building = false;
    const build: SnapshotBuilder = (...args) => {
      building = true; // the worker is started and asked to build, in this same call
      return spawnSnapshot(...args);
    };
    const store = new SnapshotStore({ ...served, dir: stuck }, { build });
    try {
      const reload = store.reload(undefined, { full: true });
      await expect.poll(() => building).toBe(true);
      await store.close();
      expect(await reload).toMatchObject({ status: 'failed', failure: { kind: 'closed' } });
    } finally {
      unblockReader(stuck);
      rmSync(corpus, { recursive: true, force: true });
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
      expect(readdirSync(cacheDir)).toEqual([]); // building reads the cache, never writes it
      await cold.persist();
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

  it('with searchFirst, hand a warm snapshot over before its cached timeline is read; a timeline query waits for it', async () => {
    const cacheDir = mkdtempSync(join(tmpdir(), 'kliping-snapshot-cache-'));
    const queries = [{}, { topic: 'Putin' }];
    try {
      const cold = await buildSnapshot(resolve('seeds'), { cacheDir });
      const coldAnswers = await Promise.all(queries.map((q) => cold.queries.timeline(q)));
      await cold.persist();
      cold.retire(0);
      const file = join(
        cacheDir,
        readdirSync(cacheDir).find((f) => f.startsWith('timeline-'))!,
      );
      const cached = readFileSync(file);
      const warm = await buildSnapshot(resolve('seeds'), { cacheDir, searchFirst: true });
      try {
        // Not read yet: damaged now, it is found damaged, and the timeline is extracted instead.
        writeFileSync(file, 'rusak');
        expect((await warm.queries.search('Putin')).hits.length).toBeGreaterThan(0);
        expect(await Promise.all(queries.map((q) => warm.queries.timeline(q)))).toEqual(coldAnswers);
        await warm.persist();
        expect(readFileSync(file).equals(cached)).toBe(true); // the extracted timeline was cached again
      } finally {
        warm.retire(0);
      }
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
