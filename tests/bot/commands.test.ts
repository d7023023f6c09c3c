import { describe, expect, it } from 'vitest';
import type { APIApplicationCommandOption } from 'discord.js';
import { COMMANDS } from '../../src/bot/commands.ts';
import { SAVE_LABEL } from '../../src/bot/render/ingest.ts';

/** Discord's rule for chat-input command and option names (lowercase where the script has case). */
const NAME = /^[-_\p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$/u;

type Named = {
  name: string;
  description: string;
  name_localizations?: Record<string, string | null> | null;
  description_localizations?: Record<string, string | null> | null;
};

function checkNamed(item: Named): void {
  for (const name of [item.name, ...Object.values(item.name_localizations ?? {})]) {
    expect(name, `name ${name}`).toMatch(NAME);
    expect(name).toBe(name!.toLowerCase());
  }
  for (const text of [item.description, ...Object.values(item.description_localizations ?? {})]) {
    expect(text!.length, `description "${text}"`).toBeGreaterThanOrEqual(1);
    expect(text!.length, `description "${text}"`).toBeLessThanOrEqual(100);
  }
  expect(Object.keys(item.name_localizations ?? {}).sort()).toEqual(['en-GB', 'en-US']);
  expect(Object.keys(item.description_localizations ?? {}).sort()).toEqual(['en-GB', 'en-US']);
}

function allOptions(options: readonly APIApplicationCommandOption[] = []): APIApplicationCommandOption[] {
  return options.flatMap((o) => [o, ...('options' in o && o.options ? allOptions(o.options as APIApplicationCommandOption[]) : [])]);
}

describe('command definitions', () => {
  it('are /cari, /timeline, /korpus and /bantuan, with unique names', () => {
    expect(COMMANDS.map((c) => c.definition.name)).toEqual(['cari', 'timeline', 'korpus', 'bantuan']);
  });

  it("follow Discord's naming and length rules, in Indonesian with en-US and en-GB localizations", () => {
    for (const { definition } of COMMANDS) {
      checkNamed(definition);
      const options = allOptions(definition.options);
      expect(definition.options?.length ?? 0).toBeLessThanOrEqual(25);
      for (const option of options) checkNamed(option);
      const required = (definition.options ?? []).map((o) => 'required' in o && o.required === true);
      expect(required.indexOf(true) <= 0 || required.slice(0, required.lastIndexOf(true)).every(Boolean)).toBe(true);
    }
  });

  it('name the preview button of /korpus tambah as it reads, in every locale', () => {
    const korpus = COMMANDS.find((c) => c.definition.name === 'korpus')!.definition;
    const tambah = (korpus.options ?? []).find((o) => o.name === 'tambah')!;
    for (const text of [tambah.description, ...Object.values(tambah.description_localizations ?? {})]) expect(text).toContain(SAVE_LABEL);
  });

  it('hide /korpus from members without Manage Server by default', () => {
    const korpus = COMMANDS.find((c) => c.definition.name === 'korpus')!;
    expect(korpus.definition.default_member_permissions).toBe((1n << 5n).toString());
    expect(allOptions(korpus.definition.options).map((o) => o.name)).toEqual([
      'muat-ulang',
      'paksa',
      'penuh',
      'status',
      'tambah',
      'url',
      'berkas',
      'hapus',
      'artikel',
      'artikel',
    ]);
  });

  it('offer autocomplete on /cari kueri and sumber, /timeline topik and /korpus hapus artikel', () => {
    const autocompleted = COMMANDS.flatMap((c) =>
      allOptions(c.definition.options)
        .filter((o) => 'autocomplete' in o && o.autocomplete)
        .map((o) => `${c.definition.name}.${o.name}`),
    );
    expect(autocompleted).toEqual(['cari.kueri', 'cari.sumber', 'timeline.topik', 'korpus.artikel']);
    for (const command of COMMANDS) {
      if (allOptions(command.definition.options).some((o) => 'autocomplete' in o && o.autocomplete))
        expect(command.autocomplete).toBeTypeOf('function');
    }
  });
});
