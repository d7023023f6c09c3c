import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/corpus/load.ts';
import { toPageText } from '../../src/corpus/page-text.ts';
import type { LoadResult } from '../../src/corpus/types.ts';

const CORPUS = resolve(process.cwd(), '../shared/corpora/news-id.jsonl');
const SAMPLE = 400;
const present = existsSync(CORPUS);
if (!present) console.warn(`skipped: ${CORPUS} is absent, so the real-corpus loading tests do not run`);

interface Row {
  id: string;
  title: string;
  date: string;
  source: string;
  body: string;
}

describe.skipIf(!present)('a sample of ../shared/corpora/news-id.jsonl', () => {
  let dir: string;
  let rows: Row[];
  let asJsonl: LoadResult;
  let asTxt: LoadResult;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'kliping-shared-'));
    const lines = (await readFile(CORPUS, 'utf8'))
      .split('\n')
      .filter((l) => l.trim() !== '')
      .slice(0, SAMPLE);
    rows = lines.map((l) => JSON.parse(l) as Row);
    await writeFile(join(dir, 'sample.jsonl'), `${lines.join('\n')}\n`);
    await Promise.all(rows.map((row) => writeFile(join(dir, `${row.id}.txt`), toPageText(row))));
    [asJsonl, asTxt] = await Promise.all([
      loadCorpus(join(dir, 'sample.jsonl')),
      loadCorpus(dir).then((r) => ({
        ...r,
        articles: r.articles.filter((a) => a.format === 'txt'),
      })),
    ]);
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('loads every line of the .jsonl with its metadata', () => {
    expect(asJsonl.errors).toEqual([]);
    expect(asJsonl.articles.length).toBeGreaterThanOrEqual(SAMPLE - asJsonl.warnings.length);
    const first = asJsonl.articles[0]!;
    expect(first).toMatchObject({ id: rows[0]!.id, title: rows[0]!.title, line: 1, date: { provenance: 'metadata', precision: 'day' } });
    expect(asJsonl.articles.every((a) => a.publisher !== null && a.paragraphs.length > 0 && a.date !== null)).toBe(true);
  });

  it('the same articles written as .txt pages read back with the same titles, dates and text', () => {
    expect(asTxt.errors).toEqual([]);
    const byId = new Map(asJsonl.articles.map((a) => [a.id, a]));
    let sameTitle = 0;
    let sameDate = 0;
    let sameText = 0;
    for (const page of asTxt.articles) {
      const row = byId.get(page.id);
      if (!row) continue;
      if (page.title === row.title) sameTitle++;
      if (page.date?.iso === row.date?.iso) sameDate++;
      if (page.paragraphs.join(' ') === row.paragraphs.join(' ')) sameText++;
    }
    const n = asJsonl.articles.length;
    // The page reader sees a raw page, not fields: a title ending in "." or a dated body can
    // legitimately read differently, but nearly all must agree.
    expect(asTxt.articles.length).toBeGreaterThanOrEqual(n * 0.99);
    expect(sameTitle / n).toBeGreaterThanOrEqual(0.98);
    expect(sameDate / n).toBeGreaterThanOrEqual(0.99);
    expect(sameText / n).toBeGreaterThanOrEqual(0.97);
  });
});
