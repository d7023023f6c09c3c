// The store with scripted builds: swaps, the lock, failures, the shrink guard, crash recovery, and
// cache writes only for a snapshot that serves.
import { describe, expect, it } from 'vitest';
import type { Article } from '../../src/corpus/types.ts';
import { article } from './fixtures.ts';
import {
  CorpusUnavailableError,
  ReloadInProgressError,
  SnapshotStore,
  unavailable,
  articleHash,
  corpusStats,
  type Snapshot,
  type SnapshotBuilder,
  type SnapshotHooks,
  type SnapshotOptions,
  type StoreEvent,
} from '../../src/snapshot.ts';

/** Snapshots over hand-made articles; the store never queries them, only swaps, persists and retires them. */
const retired: Snapshot[] = [];
const persisted: Snapshot[] = [];
const refreshed: Snapshot[] = [];
/** By default every reload builds anew, as when more than maxRefreshShare of the articles changed. */
const buildAnew: Snapshot['refresh'] = async () => ({ kind: 'too-large', changed: 1, limit: 0 });
function fakeSnapshot(articles: Article[], errors: Snapshot['errors'] = [], refresh = buildAnew): Snapshot {
  const snapshot: Snapshot = {
    dir: '/korpus',
    errors,
    warnings: [],
    queries: {} as Snapshot['queries'],
    hashes: new Map(articles.map((a) => [a.id, articleHash(a)])),
    files: new Map(articles.map((a) => [a.id, a.file])),
    stats: corpusStats(articles),
    loadedAt: new Date(),
    durationMs: 1,
    persist: async () => {
      persisted.push(snapshot);
      return true;
    },
    retire: () => void retired.push(snapshot),
    derive: () => Promise.reject(new Error('these tests build, not derive')),
    refresh: (...args) => {
      refreshed.push(snapshot);
      return refresh(...args);
    },
  };
  return snapshot;
}

const flush = (): Promise<void> => new Promise((r) => setImmediate(r));

/** A builder that hands out prepared results in order, each released when the test says so; it keeps each build's crash hook. */
function scriptedBuilder(): {
  build: SnapshotBuilder;
  next: (result: Snapshot | Error) => Promise<void>;
  calls: number;
  hooks: SnapshotHooks[];
  options: SnapshotOptions[];
} {
  const pending: ((result: Snapshot | Error) => void)[] = [];
  const script = {
    calls: 0,
    hooks: [] as SnapshotHooks[],
    options: [] as SnapshotOptions[],
    build: (_dir: string, opts: SnapshotOptions, hooks: SnapshotHooks) =>
      new Promise<Snapshot>((resolvePromise, reject) => {
        script.calls++;
        script.hooks.push(hooks);
        script.options.push(opts);
        pending.push((result) => (result instanceof Error ? reject(result) : resolvePromise(result)));
      }),
    next: async (result: Snapshot | Error) => {
      while (pending.length === 0) await flush(); // the store yields once before it builds
      pending.shift()!(result);
    },
  };
  return script;
}

const three = () => fakeSnapshot([article('a'), article('b'), article('c')]);
const articlesNamed = (n: number, prefix = 'x') => Array.from({ length: n }, (_, i) => article(`${prefix}${i}`));

describe('SnapshotStore.reload', () => {
  const before = three();

  it('builds aside, swaps in one step and reports what changed', async () => {
    const script = scriptedBuilder();
    const store = new SnapshotStore(before, { build: script.build, params: { maxShrink: 0.5 } });
    const reload = store.reload('1180000000000000011');
    await flush();
    expect(store.current).toBe(before); // queries keep the whole old corpus while the new one builds
    expect(store.running?.by).toBe('1180000000000000011');
    const after = fakeSnapshot(
      [article('a'), article('b', 'Judul baru'), article('d')],
      [{ file: 'rusak.jsonl', line: 3, problem: { kind: 'not-json-object' } }],
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
        errors: [{ file: 'rusak.jsonl', line: 3, problem: { kind: 'not-json-object' } }],
      },
    });
    expect(store.lastReload).toBe(outcome);
    expect(retired).toContain(before); // the replaced snapshot is freed, the new one is not
    expect(retired).not.toContain(after);
    expect(persisted).toContain(after); // the caches are written for the snapshot that now serves
  });

  it('refuses a second reload while one runs, with who and when', async () => {
    const script = scriptedBuilder();
    const store = new SnapshotStore(three(), { build: script.build });
    const first = store.reload('111');
    await expect(store.reload('222')).rejects.toBeInstanceOf(ReloadInProgressError);
    await expect(store.reload('222')).rejects.toMatchObject({ startedBy: '111' });
    await flush();
    expect(script.calls).toBe(1);
    await script.next(three());
    await expect(first).resolves.toMatchObject({ status: 'swapped' });
    const third = store.reload('222'); // the lock is released after the first finishes
    await script.next(three());
    await expect(third).resolves.toMatchObject({ status: 'swapped' });
  });

  it('keeps the old snapshot when the build fails, and says why: an unknown error keeps its message as a detail', async () => {
    const script = scriptedBuilder();
    const store = new SnapshotStore(before, { build: script.build });
    const reload = store.reload();
    await script.next(new Error('EACCES: permission denied, scandir /korpus'));
    const outcome = await reload;
    expect(outcome).toMatchObject({
      status: 'failed',
      failure: { kind: 'build-failed', detail: 'EACCES: permission denied, scandir /korpus' },
    });
    expect(store.current).toBe(before);
    expect(store.running).toBeNull();
    expect(store.lastReload).toBe(outcome);
  });

  it('reports a build whose thread stopped as a stopped worker, with the stop as its detail', async () => {
    const script = scriptedBuilder();
    const store = new SnapshotStore(before, { build: script.build });
    const reload = store.reload();
    await script.next(unavailable(new Error('corpus worker stopped (exit code 1)')));
    expect(await reload).toMatchObject({
      status: 'failed',
      failure: { kind: 'worker-stopped', detail: 'corpus worker stopped (exit code 1)' },
    });
    expect(store.current).toBe(before);
  });
});

describe('a reload derived from the serving snapshot (Snapshot.refresh)', () => {
  it('swaps in what refresh derived, with no build, and passes the limits', async () => {
    const script = scriptedBuilder();
    const next = three();
    let asked: unknown;
    const served = fakeSnapshot([article('a'), article('b')], [], async (limits) => {
      asked = limits;
      return { kind: 'derived', snapshot: next };
    });
    const store = new SnapshotStore(served, { build: script.build, params: { maxRefreshShare: 0.2 } });
    expect(await store.reload()).toMatchObject({ status: 'swapped', report: { how: 'derived', before: 2, after: 3, added: { count: 1 } } });
    expect(asked).toEqual({ maxChangedShare: 0.2, maxShrink: 0.1 });
    expect(store.current).toBe(next);
    expect(script.calls).toBe(0);
    store.swap(served);
    expect(await store.reload(undefined, { force: true })).toMatchObject({ status: 'swapped' });
    expect(asked).toEqual({ maxChangedShare: 0.2, maxShrink: null }); // forced: the guard is off
  });

  it('returns the refusal refresh met, building nothing and keeping the snapshot', async () => {
    const script = scriptedBuilder();
    const facts = fakeSnapshot([article('a')]);
    const refusal = { kind: 'shrink', lost: 2, limit: 0.1, lostToErrors: 0, files: [] } as const;
    const served = fakeSnapshot([article('a'), article('b'), article('c')], [], async () => ({ kind: 'refused', refusal, facts }));
    const store = new SnapshotStore(served, { build: script.build });
    expect(await store.reload()).toMatchObject({ status: 'refused', refusal, report: { before: 3, after: 1, removed: { count: 2 } } });
    expect(store.current).toBe(served);
    expect(script.calls).toBe(0);
  });

  it('builds anew when refresh fails, and says so; when the build fails too, the snapshot keeps serving', async () => {
    const script = scriptedBuilder();
    const events: StoreEvent[] = [];
    const served = fakeSnapshot([article('a')], [], () => Promise.reject(new Error('timeline worker stopped')));
    const store = new SnapshotStore(served, { build: script.build, onEvent: (e) => events.push(e) });
    const failing = store.reload();
    await script.next(new Error('EIO'));
    expect(await failing).toMatchObject({ status: 'failed', failure: { kind: 'build-failed', detail: 'EIO' } });
    expect(store.current).toBe(served);
    expect(events).toMatchObject([{ kind: 'refresh-failed', error: { message: 'timeline worker stopped' } }]);

    const reload = store.reload();
    const built = fakeSnapshot([article('a')]);
    await script.next(built);
    expect(await reload).toMatchObject({ status: 'swapped', report: { how: 'full' } });
    await new Promise((resolve) => setImmediate(resolve)); // the cache write runs after the swap, in the background
    expect(events.at(-1)).toMatchObject({ kind: 'cache-written' }); // and is logged only once it has written
    expect(store.current).toBe(built);
  });

  it('is not tried when an admin asks for a full build (penuh)', async () => {
    const script = scriptedBuilder();
    const served = three();
    const store = new SnapshotStore(served, { build: script.build });
    const reload = store.reload(undefined, { full: true });
    await script.next(three());
    expect(await reload).toMatchObject({ status: 'swapped', report: { how: 'full' } });
    expect(refreshed).not.toContain(served);
    // Built beside the snapshot that served meanwhile: one heavy stage at a time, for memory.
    expect(script.options).toMatchObject([{ oneStageAtATime: true }]);
  });
});

describe('the shrink guard', () => {
  it('refuses a corpus that lost more than 10% of the articles, with the numbers, and writes no cache', async () => {
    const script = scriptedBuilder();
    const served = fakeSnapshot(articlesNamed(100));
    const store = new SnapshotStore(served, { build: script.build });
    const reload = store.reload('111');
    const truncated = fakeSnapshot(articlesNamed(89));
    await script.next(truncated);
    const outcome = await reload;
    expect(outcome).toMatchObject({
      status: 'refused',
      refusal: { kind: 'shrink', lost: 11, limit: 0.1, lostToErrors: 0, files: [] },
      report: { before: 100, after: 89, removed: { count: 11 } },
    });
    expect(store.current).toBe(served);
    expect(retired).toContain(truncated);
    expect(persisted).not.toContain(truncated);
    expect(store.lastReload).toBe(outcome);
  });

  it('lets 10% go, and refuses even one article lost to a file error, naming the file', async () => {
    const script = scriptedBuilder();
    const store = new SnapshotStore(fakeSnapshot(articlesNamed(100)), { build: script.build });
    const tenPercent = store.reload();
    await script.next(fakeSnapshot(articlesNamed(90)));
    expect((await tenPercent).status).toBe('swapped');

    const broken = { file: 'x89.txt', problem: { kind: 'unreadable', entry: 'file', code: 'EACCES' } } as const;
    const oneLost = store.reload();
    await script.next(fakeSnapshot(articlesNamed(89), [broken]));
    expect(await oneLost).toMatchObject({ status: 'refused', refusal: { lost: 1, lostToErrors: 1, files: [broken] } });
  });

  it('counts the articles of a folder that failed as lost to its error', async () => {
    const script = scriptedBuilder();
    const inFolder = (id: string) => ({ ...article(id), file: `arsip/2024/${id}.md` });
    const store = new SnapshotStore(fakeSnapshot([article('a'), inFolder('b'), inFolder('c')]), {
      build: script.build,
      params: { maxShrink: 0.9 },
    });
    const reload = store.reload();
    const folderError = { file: 'arsip/2024', problem: { kind: 'unreadable', entry: 'folder', code: 'EACCES' } } as const;
    await script.next(fakeSnapshot([article('a')], [folderError]));
    expect(await reload).toMatchObject({ status: 'refused', refusal: { lost: 2, lostToErrors: 2, files: [folderError] } });
  });

  it('swaps in what it refused when forced (paksa)', async () => {
    const script = scriptedBuilder();
    const store = new SnapshotStore(fakeSnapshot(articlesNamed(100)), { build: script.build });
    const reload = store.reload('111', { force: true });
    const smaller = fakeSnapshot(articlesNamed(5), [{ file: 'x7.txt', problem: { kind: 'no-body' } }]);
    await script.next(smaller);
    expect(await reload).toMatchObject({ status: 'swapped', report: { before: 100, after: 5 } });
    expect(store.current).toBe(smaller);
    expect(persisted).toContain(smaller);
  });

  it('lets an admin lose every article on purpose (paksa): an empty folder with no error serves', async () => {
    const script = scriptedBuilder();
    const store = new SnapshotStore(three(), { build: script.build });
    const refused = store.reload();
    await script.next(fakeSnapshot([]));
    expect(await refused).toMatchObject({ status: 'refused', refusal: { lost: 3 }, report: { after: 0 } });
    const forced = store.reload('111', { force: true });
    const emptied = fakeSnapshot([]);
    await script.next(emptied);
    expect(await forced).toMatchObject({ status: 'swapped', report: { after: 0 } });
    expect(store.current).toBe(emptied);
  });
});

describe('a reload of a corpus folder that cannot be read', () => {
  const folderFaults = [
    ['missing', { file: '/korpus', problem: { kind: 'missing' } }, { kind: 'corpus-missing' }],
    [
      'refused',
      { file: '.', problem: { kind: 'unreadable', entry: 'folder', code: 'EACCES' } },
      { kind: 'corpus-unreadable', code: 'EACCES' },
    ],
    [
      'not reachable',
      { file: '/korpus', problem: { kind: 'unreadable', entry: 'folder', code: 'ENOTDIR' } },
      { kind: 'corpus-unreadable', code: 'ENOTDIR' },
    ],
  ] as const;

  it.each(folderFaults)(
    'fails as the folder fault when it is %s, forced or not: the old snapshot serves, nothing is cached',
    async (_, issue, failure) => {
      const script = scriptedBuilder();
      const served = three();
      const store = new SnapshotStore(served, { build: script.build });
      for (const force of [false, true]) {
        const reload = store.reload('111', { force });
        const empty = fakeSnapshot([], [issue]);
        await script.next(empty);
        expect(await reload).toMatchObject({ status: 'failed', failure });
        expect(store.current).toBe(served);
        expect(store.health.state).toBe('serving');
        expect(retired).toContain(empty);
        expect(persisted).not.toContain(empty);
      }
      expect(store.lastReload).toMatchObject({ status: 'failed', failure, by: '111' });
    },
  );

  it('fails as the folder fault when refresh finds it so, building nothing', async () => {
    const script = scriptedBuilder();
    const served = fakeSnapshot([article('a')], [], async () => ({ kind: 'unusable', failure: { kind: 'corpus-missing' } }));
    const store = new SnapshotStore(served, { build: script.build });
    expect(await store.reload(undefined, { force: true })).toMatchObject({ status: 'failed', failure: { kind: 'corpus-missing' } });
    expect(store.current).toBe(served);
    expect(script.calls).toBe(0);
  });

  it('does not mistake a subfolder that failed for the corpus folder', async () => {
    const script = scriptedBuilder();
    const store = new SnapshotStore(fakeSnapshot([article('a'), article('b')]), { build: script.build });
    const reload = store.reload(undefined, { force: true });
    const sub = fakeSnapshot([article('a')], [{ file: 'arsip', problem: { kind: 'unreadable', entry: 'folder', code: 'EACCES' } }]);
    await script.next(sub);
    expect(await reload).toMatchObject({ status: 'swapped' });
  });
});

describe('recovery after a worker crash', () => {
  const params = { recoveryFirstDelayMs: 5, recoveryBackoff: 2, recoveryMaxDelayMs: 12 };

  async function crashedStore(retryParams = params) {
    const script = scriptedBuilder();
    const events: StoreEvent[] = [];
    const creating = SnapshotStore.create('/korpus', { build: script.build, params: retryParams, onEvent: (e) => events.push(e) });
    const first = three();
    await script.next(first);
    const store = await creating;
    script.hooks[0]!.onCrash!(new Error('corpus worker stopped (exit code 1)'));
    return { script, events, store, first };
  }

  it('rebuilds at once, then retries with growing delays until a snapshot serves, answering "unavailable" meanwhile', async () => {
    const { script, events, store, first } = await crashedStore();
    expect(store.health).toMatchObject({
      state: 'recovering',
      cause: { kind: 'worker-stopped', detail: 'corpus worker stopped (exit code 1)' },
    });
    expect(() => store.serving()).toThrow(CorpusUnavailableError);
    await script.next(new Error('ENOENT: no such file or directory, scandir /korpus'));
    for (let i = 0; i < 3; i++) await script.next(fakeSnapshot([], [{ file: '.', problem: { kind: 'missing' } }]));
    expect(store.health).toMatchObject({
      state: 'recovering',
      attempts: 4,
      lastAttempt: { status: 'failed', failure: { kind: 'corpus-missing' } },
    });
    const back = three();
    await script.next(back);
    await expect.poll(() => store.health.state).toBe('serving');
    expect(store.current).toBe(back);
    expect(store.serving()).toBe(back);
    // Nothing served meanwhile: the builds ran their stages side by side, for time.
    expect(script.options.map((o) => o.oneStageAtATime)).toEqual(Array(6).fill(undefined));
    expect(retired).toContain(first);
    expect(persisted).toContain(back);
    expect(events.map((e) => e.kind).filter((kind) => kind !== 'cache-written')).toEqual([
      'crashed',
      'recovery-failed',
      'recovery-failed',
      'recovery-failed',
      'recovery-failed',
      'recovered',
    ]);
    expect(events.flatMap((e) => (e.kind === 'recovery-failed' ? [e.retryInMs] : []))).toEqual([5, 10, 12, 12]);
    expect(store.lastReload).toBeNull(); // recovery is not an admin's reload
    expect(refreshed).not.toContain(first); // a dead snapshot's worker cannot derive the next one
    store.close();
  });

  it("stops recovering once an admin's reload serves a snapshot", async () => {
    const { script, store } = await crashedStore({ ...params, recoveryFirstDelayMs: 60_000 });
    await script.next(new Error('ENOENT'));
    await expect.poll(() => store.health.state === 'recovering' && store.health.nextAttemptAt !== null).toBe(true);
    const reload = store.reload('111');
    const fresh = three();
    await script.next(fresh);
    expect((await reload).status).toBe('swapped');
    expect(store.health.state).toBe('serving');
    await flush();
    expect(script.calls).toBe(3); // the swap woke the waiting recovery, which found the corpus serving
    expect(store.running).toBeNull();
    expect(store.current).toBe(fresh);
  });

  it('ignores the crash of a snapshot that no longer serves', async () => {
    const script = scriptedBuilder();
    const creating = SnapshotStore.create('/korpus', { build: script.build, params });
    await script.next(three());
    const store = await creating;
    const reload = store.reload();
    await script.next(three());
    await reload;
    script.hooks[0]!.onCrash!(new Error('retired worker stopped'));
    expect(store.health.state).toBe('serving');
  });
});

describe('SnapshotStore.open', () => {
  it('answers at once, loading: queries and reloads are refused until the first snapshot serves, then cached', async () => {
    const script = scriptedBuilder();
    const store = SnapshotStore.open('/korpus', { build: script.build });
    expect(store.health.state).toBe('loading');
    expect(() => store.serving()).toThrow(CorpusUnavailableError);
    expect(() => store.current).toThrow(expect.objectContaining({ loading: true }));
    expect(store.running).not.toBeNull();
    await expect(store.reload('111')).rejects.toThrow(ReloadInProgressError);
    const first = three();
    await script.next(first);
    await store.loaded;
    expect(store.health.state).toBe('serving');
    expect(store.serving()).toBe(first);
    expect(store.running).toBeNull();
    expect(store.lastReload).toBeNull(); // nobody asked for it
    expect(persisted).toContain(first);
    store.close();
  });

  it('retries a first load that fails, with backoff, until it serves; health says why meanwhile, and nothing is cached', async () => {
    const script = scriptedBuilder();
    const events: StoreEvent[] = [];
    const params = { recoveryFirstDelayMs: 5, recoveryBackoff: 2, recoveryMaxDelayMs: 12 };
    const store = SnapshotStore.open('/korpus', { build: script.build, params, onEvent: (e) => events.push(e) });
    let loaded = false;
    void store.loaded.then(() => (loaded = true));
    // The corpus folder is missing (one `missing` issue, no article), then a build fails, then every file is broken.
    const missing = fakeSnapshot([], [{ file: '/korpus', problem: { kind: 'missing' } }]);
    await script.next(missing);
    await expect.poll(() => store.health).toMatchObject({ state: 'loading', lastAttempt: { failure: { kind: 'corpus-missing' } } });
    // After a failure users are told the corpus is being loaded again, no longer that the bot just started.
    expect(() => store.serving()).toThrow(expect.objectContaining({ loading: false }));
    await script.next(new Error('ENOENT: no such file or directory, scandir /korpus'));
    const broken = [{ file: 'a.txt', problem: { kind: 'binary', unit: 'file' } }] as const;
    const empty = fakeSnapshot([], broken);
    await script.next(empty);
    await expect.poll(() => store.health).toMatchObject({ lastAttempt: { failure: { kind: 'corpus-empty', errors: broken } } });
    expect(loaded).toBe(false);
    expect(retired).toEqual(expect.arrayContaining([missing, empty]));
    expect(persisted).not.toContain(missing); // a refused first load leaves the cache as it was
    expect(persisted).not.toContain(empty);
    const first = three();
    await script.next(first);
    await store.loaded;
    expect(store.health.state).toBe('serving');
    expect(store.current).toBe(first);
    expect(persisted).toContain(first);
    expect(events.flatMap((e) => (e.kind === 'load-failed' ? [[e.attempt, e.retryInMs]] : []))).toEqual([
      [1, 5],
      [2, 10],
      [3, 12],
    ]);
    expect(events.map((e) => e.kind)).not.toContain('recovered'); // the log's success line is the caller's 'corpus loaded'
    await store.close();
  });

  it('serves a first corpus that is merely empty (no article, no error)', async () => {
    const script = scriptedBuilder();
    const store = SnapshotStore.open('/korpus', { build: script.build });
    const empty = fakeSnapshot([]);
    await script.next(empty);
    await store.loaded;
    expect(store.current).toBe(empty);
    await store.close();
  });

  /** A store whose first load failed once and waits a minute for its next attempt. */
  async function failedFirstLoad() {
    const script = scriptedBuilder();
    const store = SnapshotStore.open('/korpus', { build: script.build, params: { recoveryFirstDelayMs: 60_000 } });
    await script.next(new Error('EIO'));
    await expect.poll(() => store.health).toMatchObject({ state: 'loading', nextAttemptAt: expect.any(Date) });
    return { script, store };
  }

  it("takes an admin's reload between failed attempts as one more attempt, reported from nothing", async () => {
    const { script, store } = await failedFirstLoad();
    const reload = store.reload('111');
    await script.next(three());
    expect(await reload).toMatchObject({ status: 'swapped', report: { before: 0, after: 3, added: { count: 3 } } });
    await store.loaded;
    await flush();
    expect(script.calls).toBe(2); // the waiting retry woke, found the corpus serving, and built nothing
    await store.close();
  });

  it('refuses an add or remove while nothing serves, as unavailable', async () => {
    const { store } = await failedFirstLoad();
    await expect(store.add(['masuk/a.txt'])).rejects.toBeInstanceOf(CorpusUnavailableError);
    expect(store.running).toBeNull();
    await store.close();
  });

  it('rejects `loaded` when closed before the first snapshot serves', async () => {
    const { script, store } = await failedFirstLoad();
    await store.close();
    await expect(store.loaded).rejects.toThrow('closed');
    expect(script.calls).toBe(1);
  });

  it('retires a first snapshot that arrives after close, and starts no build once closed', async () => {
    const script = scriptedBuilder();
    const store = SnapshotStore.open('/korpus', { build: script.build });
    while (script.calls === 0) await flush();
    const closing = store.close(); // a builder that cannot be stopped: its snapshot arrives later
    const late = three();
    await script.next(late);
    await closing;
    await expect(store.loaded).rejects.toThrow('closed');
    expect(retired).toContain(late);
    expect(persisted).not.toContain(late);

    const unstarted = scriptedBuilder();
    const closedAtOnce = SnapshotStore.open('/korpus', { build: unstarted.build });
    await closedAtOnce.close();
    await expect(closedAtOnce.loaded).rejects.toThrow('closed');
    expect(unstarted.calls).toBe(0);
  });

  it('recovers when the first snapshot, once serving, crashes', async () => {
    const script = scriptedBuilder();
    const store = SnapshotStore.open('/korpus', { build: script.build, params: { recoveryFirstDelayMs: 10 } });
    await script.next(three());
    await store.loaded;
    script.hooks[0]!.onCrash!(new Error('worker out of memory'));
    expect(store.health.state).toBe('recovering');
    expect(() => store.serving()).toThrow(expect.objectContaining({ loading: false }));
    const fresh = three();
    await script.next(fresh);
    await expect.poll(() => store.health.state).toBe('serving');
    expect(store.current).toBe(fresh);
    store.close();
  });
});

describe('SnapshotStore.close', () => {
  it('resolves only once the cache write under way has finished', async () => {
    let finishWrite!: () => void;
    const writing = three();
    writing.persist = () => new Promise<boolean>((resolve) => (finishWrite = () => resolve(true)));
    const script = scriptedBuilder();
    const store = new SnapshotStore(three(), { build: script.build });
    const reload = store.reload();
    await script.next(writing);
    expect(await reload).toMatchObject({ status: 'swapped' }); // its cache write runs in the background
    let closed = false;
    const closing = store.close().then(() => (closed = true));
    await flush();
    expect(closed).toBe(false);
    finishWrite();
    await closing;
    expect(closed).toBe(true);
  });

  it('resolves only once the build under way has ended, and serves nothing of it', async () => {
    const script = scriptedBuilder();
    const store = new SnapshotStore(three(), { build: script.build });
    const reload = store.reload();
    await flush();
    let closed = false;
    const closing = store.close().then(() => (closed = true));
    await flush();
    expect(closed).toBe(false);
    const late = three();
    await script.next(late);
    await closing;
    expect(await reload).toMatchObject({ status: 'failed', failure: { kind: 'closed' } });
    expect(retired).toContain(late);
    expect(persisted).not.toContain(late);
  });

  it('stops a build under way through its signal and resolves without waiting for it; a cache write ends first', async () => {
    let finishWrite!: () => void;
    const writing = three();
    writing.persist = () => new Promise<boolean>((resolve) => (finishWrite = () => resolve(true)));
    const script = scriptedBuilder();
    const store = new SnapshotStore(three(), { build: script.build });
    const first = store.reload();
    await script.next(writing);
    await first; // its cache write runs on
    const reload = store.reload();
    while (script.calls < 2) await flush();
    const signal = script.hooks[1]!.signal!;
    // A build that stops when told, as spawnSnapshot's worker thread does.
    signal.addEventListener('abort', () => void script.next(new Error('corpus worker stopped')));
    let closed = false;
    const closing = store.close().then(() => (closed = true));
    await flush();
    expect(signal.aborted).toBe(false); // the cache write is not cut: nothing is stopped before it ends
    expect(closed).toBe(false);
    finishWrite();
    await closing;
    expect(signal.aborted).toBe(true);
    expect(await reload).toMatchObject({ status: 'failed', failure: { kind: 'closed' } });
    expect(store.running).toBeNull();
  });
});
