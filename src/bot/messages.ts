import {
  ButtonStyle,
  ComponentType,
  MessageFlags,
  type APIActionRowComponent,
  type APIComponentInMessageActionRow,
  type APIEmbed,
} from 'discord.js';
import { LIMITS, embedLength, label, truncate } from './limits.ts';

/** No message of the bot may ping anyone: article text can contain "@everyone" or "<@123>". */
export const NO_MENTIONS = { parse: [] as [] };

export const BRAND_COLOR = 0xb3261e;

/** A short text only the user sees. */
export function ephemeralText(content: string): { content: string; flags: MessageFlags.Ephemeral; allowedMentions: typeof NO_MENTIONS } {
  return { content: truncate(content, LIMITS.content), flags: MessageFlags.Ephemeral, allowedMentions: NO_MENTIONS };
}

/**
 * Group embeds into messages: at most 10 embeds and 6,000 embed characters each.
 * Each embed must already respect its own field limits.
 */
export function packEmbeds(embeds: readonly APIEmbed[]): APIEmbed[][] {
  const messages: APIEmbed[][] = [];
  let current: APIEmbed[] = [];
  let total = 0;
  for (const embed of embeds) {
    const size = embedLength(embed);
    if (current.length > 0 && (current.length >= LIMITS.embedsPerMessage || total + size > LIMITS.embedsTotal)) {
      messages.push(current);
      current = [];
      total = 0;
    }
    current.push(embed);
    total += size;
  }
  if (current.length > 0) messages.push(current);
  return messages;
}

export type MessageRow = APIActionRowComponent<APIComponentInMessageActionRow>;

/** A page number from a custom_id, kept within 0 … pages−1 whatever it says. */
export function clampPage(page: number, pages: number): number {
  return Number.isInteger(page) ? Math.min(Math.max(page, 0), pages - 1) : 0;
}

/**
 * "◀ Sebelumnya" / "Berikutnya ▶" for page `current` of `pages`, disabled at the ends.
 * The two custom_ids differ (current−1, current+1), as Discord requires within a message.
 */
export function pagerRow(customIdFor: (page: number) => string, current: number, pages: number): MessageRow {
  return {
    type: ComponentType.ActionRow,
    components: [
      {
        type: ComponentType.Button,
        style: ButtonStyle.Secondary,
        custom_id: customIdFor(current - 1),
        label: '◀ Sebelumnya',
        disabled: current <= 0,
      },
      {
        type: ComponentType.Button,
        style: ButtonStyle.Secondary,
        custom_id: customIdFor(current + 1),
        label: 'Berikutnya ▶',
        disabled: current >= pages - 1,
      },
    ],
  };
}

/** An autocomplete suggestion: a text offered as is, or a value shown under a label ("Antara — asal berita"). */
export type Suggestion = string | { value: string; name: string };

/**
 * Autocomplete choices: what the user typed first (so it can always be picked as is; under its label when
 * it is a labelled suggestion's value), then suggestions, without duplicates, at most 25, each name and
 * value within 100 characters.
 */
export function autocompleteChoices(typed: string, suggestions: readonly Suggestion[]): { name: string; value: string }[] {
  const key = (value: string) => value.toLocaleLowerCase('id');
  const entries = [typed.trim(), ...suggestions].map((s) => {
    const value = (typeof s === 'string' ? s : s.value).replace(/\s+/g, ' ').trim();
    return typeof s === 'string'
      ? { value, name: value, labelled: false }
      : { value, name: label(s.name, LIMITS.choiceName), labelled: true };
  });
  const typedLabelled = entries.find((e) => e.labelled && key(e.value) === key(entries[0]!.value));
  if (typedLabelled) entries[0] = typedLabelled;
  const seen = new Set<string>();
  const choices: { name: string; value: string }[] = [];
  for (const { value, name } of entries) {
    if (value === '' || value.length > LIMITS.choiceValue || seen.has(key(value))) continue;
    seen.add(key(value));
    choices.push({ name, value });
    if (choices.length === LIMITS.choices) break;
  }
  return choices;
}
