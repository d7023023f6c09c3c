import { describe, expect, it } from 'vitest';
import { formatDateId } from '../../src/dates/format.ts';

describe('formatDateId', () => {
  it('writes Indonesian dates at the precision the date is known', () => {
    expect(formatDateId('2024-06-19', 'day')).toBe('19 Juni 2024');
    expect(formatDateId('2024-01-02', 'day')).toBe('2 Januari 2024');
    expect(formatDateId('2023-07', 'month')).toBe('Juli 2023');
    expect(formatDateId('2023', 'year')).toBe('2023');
  });

  it('adds the weekday to a day only when asked', () => {
    expect(formatDateId('2024-06-21', 'day', { weekday: true })).toBe('Jumat, 21 Juni 2024');
    expect(formatDateId('2023-07', 'month', { weekday: true })).toBe('Juli 2023');
  });
});
