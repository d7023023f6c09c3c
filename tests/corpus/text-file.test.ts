import { readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { textDigest } from '../../src/corpus/article.ts';
import { StoredArticle, TextFile, plainArticle, readText, writeText } from '../../src/corpus/text-file.ts';
import type { Article } from '../../src/corpus/types.ts';
import { article as fixture } from '../search/fixtures.ts';

const article = (id: string, paragraphs: string[], captions: string[] = []): Article =>
  fixture({ id, title: `Judul ${id}`, paragraphs, captions });

const articles = (): Article[] => [
  article('a', ['Satu.', 'Dua — «kutip» ‘ini’ 🇮🇩'], ['Foto: Antara']),
  article('b', []),
  { ...article('c', ['x'.repeat(300_000)]), line: 7 },
];

const stored = (list: Article[], file: TextFile): Article[] =>
  list.map((a) => new StoredArticle({ ...a, digest: textDigest(a) }, a.id, writeText(file, a)));

describe('TextFile', () => {
  it('reads back each article text as written, leaving no temporary file behind', () => {
    const before = readdirSync(tmpdir()).filter((name) => name.startsWith('kliping-text-'));
    const file = TextFile.temporary();
    const list = articles();
    try {
      const refs = list.map((a) => writeText(file, a));
      expect(readdirSync(tmpdir()).filter((name) => name.startsWith('kliping-text-'))).toEqual(before);
      list.forEach((a, i) => expect(readText(refs[i]!, textDigest(a))).toEqual({ paragraphs: a.paragraphs, captions: a.captions }));
    } finally {
      file.close();
    }
    expect(() => file.read(0, 1)).toThrow('text file closed');
  });

  it('stored articles hold no text; a plain copy has it again, and crosses threads', () => {
    const file = TextFile.temporary();
    try {
      const list = stored(articles(), file);
      const original = articles();
      expect(Object.keys(list[0]!)).not.toContain('paragraphs');
      expect(list[0]!.paragraphs).toEqual(original[0]!.paragraphs);
      const plain = list.map(plainArticle);
      expect(plain).toEqual(original.map((a) => ({ ...a, digest: textDigest(a) })));
      expect(structuredClone(plain[2])).toEqual(plain[2]);
    } finally {
      file.close();
    }
  });

  it('a text that does not match its digest throws instead of showing wrong text', () => {
    const path = join(tmpdir(), `kliping-text-test-${process.pid}.txt`);
    writeFileSync(path, JSON.stringify([['Asli.'], []]));
    const file = TextFile.open(path);
    try {
      const ref = { file, start: 0, length: file.size };
      expect(readText(ref, textDigest({ paragraphs: ['Asli.'], captions: [] })).paragraphs).toEqual(['Asli.']);
      expect(() => readText(ref, textDigest({ paragraphs: ['Lain.'], captions: [] }))).toThrow('does not match its digest');
    } finally {
      file.close();
      rmSync(path);
    }
  });
});
