import { describe, expect, it } from 'vitest';
import { formatDateId } from '../../src/dates/format.ts';
import { sourceLabel } from '../../src/timeline/format.ts';

describe('formatDateId', () => {
  it('writes Indonesian headings at the precision the date is known', () => {
    expect(formatDateId('2024-06-19', 'day')).toBe('19 Juni 2024');
    expect(formatDateId('2024-01-02', 'day')).toBe('2 Januari 2024');
    expect(formatDateId('2023-07', 'month')).toBe('Juli 2023');
    expect(formatDateId('2023', 'year')).toBe('2023');
  });

  it('names a source by its outlet, else by its title', () => {
    expect(sourceLabel({ articleId: 'a', title: 'Judul', publisher: 'Kompas TV' })).toBe('Kompas TV');
    expect(sourceLabel({ articleId: 'a', title: 'Judul', publisher: null })).toBe('Judul');
  });
});
