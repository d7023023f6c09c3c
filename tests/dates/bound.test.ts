import { describe, expect, it } from 'vitest';
import { parseDayBound } from '../../src/dates/find.ts';

describe('parseDayBound', () => {
  it('gives the first or last day a date covers, or null', () => {
    expect(parseDayBound('Juni 2024', 'from')?.day).toBe('2024-06-01');
    expect(parseDayBound('Juni 2024', 'to')?.day).toBe('2024-06-30');
    expect(parseDayBound('2024', 'to')?.day).toBe('2024-12-31');
    expect(parseDayBound('19 Juni 2024', 'from')).toEqual({ day: '2024-06-19', date: { iso: '2024-06-19', precision: 'day' } });
    expect(parseDayBound('kemarin dulu', 'from')).toBeNull();
  });
});
