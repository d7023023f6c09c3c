import { describe, expect, it } from 'vitest';
import { sourceLabel } from '../../src/timeline/format.ts';

describe('sourceLabel', () => {
  it('names a source by its outlet, else by its title', () => {
    expect(sourceLabel({ articleId: 'a', title: 'Judul', publisher: 'Kompas TV', url: null })).toBe('Kompas TV');
    expect(sourceLabel({ articleId: 'a', title: 'Judul', publisher: null, url: null })).toBe('Judul');
  });
});
