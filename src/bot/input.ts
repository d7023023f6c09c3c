import { parseDayBound } from '../dates/find.ts';
import { SlashCommandStringOption } from 'discord.js';
import { english } from './command.ts';
import { formatDateId } from './format.ts';

export const ACCEPTED_DATE_FORMS = '`2024-06-19`, `19 Juni 2024`, `Juni 2024` atau `2024`';

/** Inclusive day bounds for the engines, plus how to show them back to the user. */
export interface DayRange {
  from?: string;
  to?: string;
  fromLabel?: string;
  toLabel?: string;
}

export type RangeParse = { ok: true; range: DayRange } | { ok: false; message: string };

/**
 * The `dari`/`sampai` options as day bounds: "Juni 2024" as a start means 1 June,
 * as an end 30 June. A date that cannot be read, or an end before the start, gets
 * an Indonesian message saying what is accepted.
 */
export function parseDayRange(dari: string | null, sampai: string | null): RangeParse {
  const range: DayRange = {};
  for (const [option, raw] of [
    ['dari', dari],
    ['sampai', sampai],
  ] as const) {
    if (raw === null || raw.trim() === '') continue;
    const bound = parseDayBound(raw.trim(), option === 'dari' ? 'from' : 'to');
    if (!bound) {
      return {
        ok: false,
        message: `Tanggal \`${raw.trim().replace(/`/g, "'").slice(0, 60)}\` untuk opsi **${option}** tidak dikenali. Bentuk yang diterima: ${ACCEPTED_DATE_FORMS}.`,
      };
    }
    const label = formatDateId(bound.date.iso, bound.date.precision);
    if (option === 'dari') {
      range.from = bound.day;
      range.fromLabel = label;
    } else {
      range.to = bound.day;
      range.toLabel = label;
    }
  }
  if (range.from && range.to && range.from > range.to) {
    return {
      ok: false,
      message: `Tanggal **dari** (${range.fromLabel}) jatuh setelah tanggal **sampai** (${range.toLabel}). Tukar keduanya lalu coba lagi.`,
    };
  }
  return { ok: true, range };
}

/**
 * The `dari` and `sampai` options of a command, read by `parseDayRange`. `subject` says what is
 * dated: "Terbit"/"Published" for articles, "Peristiwa"/"Events" for events.
 */
export function dateRangeOptions(subject: { id: string; en: string }): [SlashCommandStringOption, SlashCommandStringOption] {
  const option = (name: string, en: string, description: string, descriptionEn: string): SlashCommandStringOption =>
    new SlashCommandStringOption()
      .setName(name)
      .setNameLocalizations(english(en))
      .setDescription(description)
      .setDescriptionLocalizations(english(descriptionEn))
      .setMaxLength(40);
  return [
    option(
      'dari',
      'from',
      `${subject.id} sejak tanggal ini: 2024-06-19 atau 19 Juni 2024`,
      `${subject.en} on or after: 2024-06-19 or 19 Juni 2024`,
    ),
    option(
      'sampai',
      'until',
      `${subject.id} sampai tanggal ini: 2024-06-30 atau Juni 2024`,
      `${subject.en} on or before: 2024-06-30 or Juni 2024`,
    ),
  ];
}
