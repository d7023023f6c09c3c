import { describe, expect, it } from 'vitest';
import { formatCount, formatDateId, formatDuration, formatPublicationDate } from '../../src/bot/format.ts';
import { parseDayRange } from '../../src/bot/input.ts';

describe('Indonesian dates', () => {
  it('shows each precision honestly', () => {
    expect(formatDateId('2024-06-19', 'day')).toBe('Rabu, 19 Juni 2024');
    expect(formatDateId('2023-07', 'month')).toBe('Juli 2023');
    expect(formatDateId('2019', 'year')).toBe('2019');
    expect(formatDateId('2024-01-07', 'day')).toBe('Minggu, 7 Januari 2024');
  });

  it('marks inferred publication dates as estimates', () => {
    expect(formatPublicationDate({ iso: '2024-06', precision: 'month', provenance: 'inferred' })).toBe('sekitar Juni 2024');
    expect(formatPublicationDate({ iso: '2024-06-21', precision: 'day', provenance: 'byline' })).toBe('Jumat, 21 Juni 2024');
    expect(formatPublicationDate(null)).toBe('tanggal tidak diketahui');
  });

  it('formats counts and durations the Indonesian way', () => {
    expect(formatCount(28880)).toBe('28.880');
    expect(formatDuration(850.4)).toBe('850 ms');
    expect(formatDuration(12_430)).toBe('12,4 dtk');
  });
});

describe('parseDayRange', () => {
  it('turns dates of any precision into inclusive day bounds', () => {
    expect(parseDayRange('Juni 2024', '2024')).toEqual({
      ok: true,
      range: { from: '2024-06-01', to: '2024-12-31', fromLabel: 'Juni 2024', toLabel: '2024' },
    });
    expect(parseDayRange('19 Juni 2024', '2024-02')).toMatchObject({ ok: false });
    expect(parseDayRange(null, '2024-02')).toEqual({ ok: true, range: { to: '2024-02-29', toLabel: 'Februari 2024' } });
    expect(parseDayRange(null, null)).toEqual({ ok: true, range: {} });
  });

  it('explains the accepted forms for a date it cannot read', () => {
    const result = parseDayRange('kemarin sore', null);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.message).toContain('`kemarin sore`');
    expect(result.message).toContain('**dari**');
    expect(result.message).toContain('`2024-06-19`');
    expect(result.message).toContain('`19 Juni 2024`');
  });

  it('refuses an end before the start, naming both', () => {
    const result = parseDayRange('2024-06-19', '1 Juni 2024');
    expect(result).toEqual({ ok: false, message: expect.stringContaining('Rabu, 19 Juni 2024') });
  });
});
