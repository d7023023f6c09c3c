// Discord's limits that the OpenAPI spec does not express (it has no name patterns and few length limits).
// Each checker returns human-readable problems; an empty list means the body is acceptable to Discord.

const COMMAND_NAME = /^[-_\p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$/u;
type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}
function len(value: unknown): number {
  return typeof value === 'string' ? [...value].length : 0;
}

function checkName(where: string, name: unknown, problems: string[]): void {
  if (typeof name !== 'string' || !COMMAND_NAME.test(name))
    problems.push(`${where}: name ${JSON.stringify(name)} does not match Discord's pattern`);
  else if (name !== name.toLowerCase()) problems.push(`${where}: name "${name}" must be lowercase`);
}

function checkDescription(where: string, description: unknown, problems: string[]): void {
  const n = len(description);
  if (n < 1 || n > 100) problems.push(`${where}: description must be 1–100 characters (has ${n})`);
}

function checkLocalizations(where: string, item: Json, problems: string[]): void {
  for (const [locale, name] of Object.entries(isObject(item.name_localizations) ? item.name_localizations : {}))
    checkName(`${where} [${locale}]`, name, problems);
  for (const [locale, text] of Object.entries(isObject(item.description_localizations) ? item.description_localizations : {}))
    checkDescription(`${where} [${locale}]`, text, problems);
}

/** Characters Discord counts towards the 4000-character limit of one command. */
function commandCharacters(item: Json): number {
  let total = len(item.name) + len(item.description);
  for (const value of Object.values(isObject(item.name_localizations) ? item.name_localizations : {}))
    total = Math.max(total, len(value) + len(item.description));
  for (const choice of asArray(item.choices)) if (isObject(choice)) total += len(choice.name) + len(String(choice.value));
  for (const option of asArray(item.options)) if (isObject(option)) total += commandCharacters(option);
  return total;
}

function checkOptions(where: string, options: unknown[], problems: string[]): void {
  if (options.length > 25) problems.push(`${where}: ${options.length} options (max 25)`);
  const seen = new Set<unknown>();
  let optionalSeen = false;
  for (const option of options) {
    if (!isObject(option)) continue;
    const at = `${where} option "${String(option.name)}"`;
    checkName(at, option.name, problems);
    checkDescription(at, option.description, problems);
    checkLocalizations(at, option, problems);
    if (seen.has(option.name)) problems.push(`${at}: duplicate option name`);
    seen.add(option.name);
    const isSub = option.type === 1 || option.type === 2;
    if (!isSub) {
      if (option.required === true && optionalSeen) problems.push(`${at}: required option after an optional one`);
      if (option.required !== true) optionalSeen = true;
    }
    const choices = asArray(option.choices);
    if (choices.length > 25) problems.push(`${at}: ${choices.length} choices (max 25)`);
    if (choices.length > 0 && option.autocomplete === true) problems.push(`${at}: autocomplete and choices are exclusive`);
    for (const choice of choices) {
      if (!isObject(choice)) continue;
      const n = len(choice.name);
      if (n < 1 || n > 100) problems.push(`${at}: choice name must be 1–100 characters (has ${n})`);
      if (typeof choice.value === 'string' && len(choice.value) > 100) problems.push(`${at}: choice value over 100 characters`);
    }
    if (isSub) checkOptions(at, asArray(option.options), problems);
  }
}

/** Problems in one application command definition (PUT/POST commands). */
export function commandProblems(command: unknown): string[] {
  const problems: string[] = [];
  if (!isObject(command)) return ['command: not an object'];
  const where = `command "${String(command.name)}"`;
  const chatInput = command.type === undefined || command.type === 1;
  if (chatInput) {
    checkName(where, command.name, problems);
    checkDescription(where, command.description, problems);
  } else if (len(command.name) < 1 || len(command.name) > 32) problems.push(`${where}: name must be 1–32 characters`);
  checkLocalizations(where, command, problems);
  checkOptions(where, asArray(command.options), problems);
  const characters = commandCharacters(command);
  if (characters > 4000) problems.push(`${where}: ${characters} characters in total (max 4000)`);
  return problems;
}

/** Problems in a bulk overwrite body: each command, plus unique names per type. */
export function commandListProblems(body: unknown): string[] {
  if (!Array.isArray(body)) return ['commands: body is not an array'];
  const problems = body.flatMap(commandProblems);
  const names = body.filter(isObject).map((c) => `${String(c.type ?? 1)}:${String(c.name)}`);
  if (new Set(names).size !== names.length) problems.push('commands: duplicate command names');
  return problems;
}

function checkEmbeds(embeds: unknown[], problems: string[]): void {
  if (embeds.length > 10) problems.push(`embeds: ${embeds.length} (max 10)`);
  let total = 0;
  embeds.forEach((embed, i) => {
    if (!isObject(embed)) return;
    const at = `embeds[${i}]`;
    const limit = (what: string, value: unknown, max: number): void => {
      const n = len(value);
      total += n;
      if (n > max) problems.push(`${at}.${what}: ${n} characters (max ${max})`);
    };
    limit('title', embed.title, 256);
    limit('description', embed.description, 4096);
    if (isObject(embed.footer)) limit('footer.text', embed.footer.text, 2048);
    if (isObject(embed.author)) limit('author.name', embed.author.name, 256);
    const fields = asArray(embed.fields);
    if (fields.length > 25) problems.push(`${at}.fields: ${fields.length} (max 25)`);
    fields.forEach((field, j) => {
      if (!isObject(field)) return;
      if (len(field.name) < 1 || len(field.value) < 1) problems.push(`${at}.fields[${j}]: name and value must not be empty`);
      limit(`fields[${j}].name`, field.name, 256);
      limit(`fields[${j}].value`, field.value, 1024);
    });
    if (typeof embed.url === 'string' && !/^https?:\/\//.test(embed.url)) problems.push(`${at}.url: not an http(s) URL`);
  });
  if (total > 6000) problems.push(`embeds: ${total} characters in total (max 6000)`);
}

function checkComponents(rows: unknown[], problems: string[]): void {
  if (rows.length > 5) problems.push(`components: ${rows.length} action rows (max 5)`);
  const customIds = new Set<string>();
  const checkCustomId = (at: string, id: unknown): void => {
    const n = len(id);
    if (n < 1 || n > 100) problems.push(`${at}.custom_id: ${n} characters (must be 1–100)`);
    if (typeof id === 'string') {
      if (customIds.has(id)) problems.push(`${at}.custom_id "${id}" is not unique in the message`);
      customIds.add(id);
    }
  };
  rows.forEach((row, i) => {
    if (!isObject(row)) return;
    const at = `components[${i}]`;
    if (row.type !== 1) {
      problems.push(`${at}: top-level component must be an action row (type 1)`);
      return;
    }
    const children = asArray(row.components).filter(isObject);
    const buttons = children.filter((c) => c.type === 2);
    const selects = children.filter((c) => c.type !== 2);
    if (children.length === 0) problems.push(`${at}: empty action row`);
    if (buttons.length > 5) problems.push(`${at}: ${buttons.length} buttons (max 5)`);
    if (selects.length > 0 && children.length > 1) problems.push(`${at}: a select menu must be alone in its row`);
    children.forEach((c, j) => {
      const cat = `${at}.components[${j}]`;
      if (c.type === 2) {
        if (c.style === 5) {
          if (typeof c.url !== 'string') problems.push(`${cat}: link button without url`);
        } else checkCustomId(cat, c.custom_id);
        if (len(c.label) > 80) problems.push(`${cat}.label: over 80 characters`);
        if (c.label === undefined && c.emoji === undefined) problems.push(`${cat}: button needs a label or an emoji`);
        return;
      }
      checkCustomId(cat, c.custom_id);
      if (len(c.placeholder) > 150) problems.push(`${cat}.placeholder: over 150 characters`);
      const options = asArray(c.options);
      if (c.type === 3 && (options.length < 1 || options.length > 25))
        problems.push(`${cat}: ${options.length} select options (must be 1–25)`);
      options.forEach((option, k) => {
        if (!isObject(option)) return;
        for (const key of ['label', 'value', 'description'] as const) {
          const n = len(option[key]);
          if (n > 100 || (key !== 'description' && n < 1)) problems.push(`${cat}.options[${k}].${key}: ${n} characters (max 100)`);
        }
      });
    });
  });
}

/** Problems in a message body. `create` bodies must not be empty; every body must set `allowed_mentions.parse: []`. */
export function messageProblems(body: unknown, kind: 'create' | 'edit'): string[] {
  if (!isObject(body)) return ['message: body is not an object'];
  const problems: string[] = [];
  if (len(body.content) > 2000) problems.push(`content: ${len(body.content)} characters (max 2000)`);
  const embeds = asArray(body.embeds);
  checkEmbeds(embeds, problems);
  const componentsV2 = typeof body.flags === 'number' && (body.flags & (1 << 15)) !== 0;
  if (!componentsV2) checkComponents(asArray(body.components), problems);
  const mentions = body.allowed_mentions;
  if (!isObject(mentions) || !Array.isArray(mentions.parse) || mentions.parse.length !== 0)
    problems.push(`allowed_mentions: must be present with parse: [] (got ${JSON.stringify(mentions)})`);
  if (
    kind === 'create' &&
    len(body.content) === 0 &&
    embeds.length === 0 &&
    asArray(body.components).length === 0 &&
    asArray(body.attachments).length === 0
  )
    problems.push('message: empty (no content, embeds, components or files)');
  return problems;
}

/** Problems in an autocomplete result. */
export function choiceProblems(choices: unknown): string[] {
  const list = asArray(choices);
  const problems: string[] = [];
  if (list.length > 25) problems.push(`autocomplete: ${list.length} choices (max 25)`);
  list.forEach((choice, i) => {
    if (!isObject(choice)) return;
    const n = len(choice.name);
    if (n < 1 || n > 100) problems.push(`autocomplete choices[${i}].name: ${n} characters (must be 1–100)`);
    if (typeof choice.value === 'string' && len(choice.value) > 100) problems.push(`autocomplete choices[${i}].value: over 100 characters`);
  });
  return problems;
}

export function threadNameProblems(body: unknown): string[] {
  const n = isObject(body) ? len(body.name) : 0;
  return n >= 1 && n <= 100 ? [] : [`thread name: ${n} characters (must be 1–100)`];
}
