import { readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { describe, expect, it } from 'vitest';
import { TextStore, moveTextToStore, plainArticle } from '../../src/snapshot/text-store.ts';
import { article } from './fixtures.ts';

describe('TextStore', () => {
  const articles = () => [
    { ...article('a'), paragraphs: ['Satu.', 'Dua — «kutip» ‘ini’ 🇮🇩'], captions: ['Foto: Antara'] },
    { ...article('b'), paragraphs: [], captions: [] },
    { ...article('c', 'Judul c'), line: 7, paragraphs: ['x'.repeat(300_000)], captions: [] },
  ];

  it('reads back each article text as written, by position, leaving no file behind', () => {
    const before = readdirSync(tmpdir()).filter((name) => name.startsWith('kliping-text-'));
    const list = articles();
    const store = TextStore.write(list);
    try {
      expect(readdirSync(tmpdir()).filter((name) => name.startsWith('kliping-text-'))).toEqual(before);
      list.forEach((a, doc) => expect(store.read(doc)).toEqual({ paragraphs: a.paragraphs, captions: a.captions }));
    } finally {
      store.close();
    }
    expect(() => store.read(0)).toThrow('text store closed');
  });

  it('moves the text out of the articles in place; a plain copy has it again', () => {
    const list = articles();
    const original = articles();
    const store = TextStore.write(list);
    try {
      moveTextToStore(list, store);
      expect(Object.keys(list[0]!)).not.toContain('paragraphs'); // not held: read when asked for
      expect(list[0]!.paragraphs).toEqual(original[0]!.paragraphs);
      expect(list.map(plainArticle)).toEqual(original);
      expect(structuredClone(plainArticle(list[2]!))).toEqual(original[2]);
    } finally {
      store.close();
    }
  });
});
