/**
 * Front matter of curated .md articles: the flat `key: value` subset of YAML (plain, "double" or
 * 'single' quoted scalars, comments, and simple "- item" lists, which are accepted and ignored).
 * Anything else is reported as broken, with its line, rather than guessed at.
 */

import type { FrontMatterFault } from './types.ts';

export type FrontMatter = Record<string, string>;

export type FrontMatterResult = { ok: true; data: FrontMatter; body: string } | ({ ok: false; line: number } & FrontMatterFault);

const KEY_VALUE = /^(?<key>[A-Za-z_][\w-]*)\s*:(?:\s+(?<value>.*))?$/;

function unquote(raw: string): string | null {
  const value = raw.trim();
  if (value.startsWith('"')) {
    if (value.length < 2 || !value.endsWith('"')) return null;
    try {
      return JSON.parse(value) as string;
    } catch {
      return null;
    }
  }
  if (value.startsWith("'")) {
    if (value.length < 2 || !value.endsWith("'")) return null;
    const inner = value.slice(1, -1);
    return inner.replace(/''/g, '').includes("'") ? null : inner.replace(/''/g, "'");
  }
  return value.replace(/\s+#.*$/, '');
}

/** Splits `---`-fenced front matter from the body. Text without a leading fence has none. */
export function parseFrontMatter(text: string): FrontMatterResult {
  const lines = text.split('\n');
  if (lines[0]?.trim() !== '---') return { ok: true, data: {}, body: text };
  const close = lines.findIndex((line, i) => i > 0 && (line.trim() === '---' || line.trim() === '...'));
  if (close === -1) return { ok: false, line: 1, fault: 'unclosed' };
  const data: FrontMatter = {};
  let listKey: string | null = null;
  for (let i = 1; i < close; i++) {
    const line = lines[i]!;
    const lineNo = i + 1;
    if (line.trim() === '' || line.trimStart().startsWith('#')) continue;
    if (listKey !== null && /^\s+-\s/.test(line)) continue;
    if (/^\s/.test(line)) return { ok: false, line: lineNo, fault: 'indented', text: line.trim() };
    const m = KEY_VALUE.exec(line);
    if (!m) return { ok: false, line: lineNo, fault: 'not-key-value', text: line };
    const key = m.groups!.key!.toLowerCase();
    const raw = m.groups!.value?.trim() ?? '';
    listKey = raw === '' ? key : null;
    if (raw === '') continue;
    if (/^[{|>]/.test(raw) || (raw.startsWith('[') && !raw.endsWith(']'))) {
      return { ok: false, line: lineNo, fault: 'nested-value', key };
    }
    const value = unquote(raw);
    if (value === null) return { ok: false, line: lineNo, fault: 'unclosed-quote', key };
    data[key] = value;
  }
  return { ok: true, data, body: lines.slice(close + 1).join('\n') };
}
