/** Who wrote, edited and is credited: read from credit lines, bylines and bracketed codes anywhere on a page. */
import { findDates } from '../dates/find.ts';
import { PLACEHOLDER_AUTHOR } from './boilerplate.ts';
import { canonicalOrigin, knownOrigin } from './publishers.ts';

/** "Penulis : Haryo Jati", "Editor : Desy Afrianti", "Sumber: Antara" (several may share a line, split by "|"). */
const CREDIT = /^(?<role>penulis|reporter|pewarta|oleh|writer|editor|redaktur|penyunting|sumber)\s*:\s*(?<value>[^|]{1,80}?)\s*$/i;
/** Writer/editor initials: "(DKH)", "(blq/dna)". One case throughout, so "(Korut)" is not one. */
const INITIALS = /^(?:[a-z]{2,5}(?:\s*\/\s*[a-z]{2,5}){0,2}|[A-Z]{2,5}(?:\s*\/\s*[A-Z]{2,5}){0,2})$/;
/** A writer named in brackets at the end of the text: "(Nizar Fachri Rabbani)". */
const CREDITED_NAME = /^\p{Lu}\p{Ll}+(?:\s+\p{Lu}[\p{Ll}.'’-]*){1,4}$/u;
const TRAILING_BRACKET = /(?<=[.!?"”’])\s*\((?<inner>[^()]{2,60})\)$/;
/** A wire agency and a writer's initials closing a sentence: "… ke Iquitos. (AFP / OKI)". */
const WIRE_CREDIT = /(?<=[.!?"”’])\s*\((?<agency>[^()/]{2,30}?)\s*\/\s*(?<code>[A-Za-z]{2,5})\)$/;
/** Attribution opening a paragraph near the top: "Dilansir dari The Korean Herald, …". */
const ATTRIBUTION =
  /^(?:[Ss]eperti |[Ss]ebagaimana )?(?:[Dd]ilansir|[Dd]ikutip|[Mm]engutip|[Mm]elansir)\s+(?:dari\s+)?(?<source>\p{Lu}[^,]{1,60}?)\s*,/u;

/** Vague times an attribution trails off into ("Reuters hari ini"); explicit dates are found by findDates. */
const VAGUE_TIME_TAIL = /\s+(?:pada\s+)?(?:hari ini|kemarin|baru-baru ini|beberapa waktu lalu|(?:pekan|minggu|bulan|tahun) lalu)$/i;

type Role = 'author' | 'editor' | 'origin';
const ROLES: Record<string, Role> = {
  penulis: 'author',
  reporter: 'author',
  pewarta: 'author',
  oleh: 'author',
  writer: 'author',
  editor: 'editor',
  redaktur: 'editor',
  penyunting: 'editor',
  sumber: 'origin',
};

/** Credits collected anywhere on the page. */
export interface Credits {
  author?: string;
  editor?: string;
  origin?: string;
  bylineAuthor?: string;
  creditedName?: string;
  initials?: string[];
  /** The outlet a syndication notice names: the origin when the text credits no other. */
  syndicatedFrom?: string;
}

/** Reads "Penulis : X | Editor : Y" into credits; false if the line is not wholly credits. */
export function readCredits(line: string, credits: Credits): boolean {
  const parts = line.split(/\s+\|\s+/);
  const found: [Role, string][] = [];
  for (const part of parts) {
    const m = CREDIT.exec(part.trim());
    const value = m?.groups!.value!.replace(/[\s,;.]+$/, '');
    if (!m || !value) return false;
    found.push([ROLES[m.groups!.role!.toLowerCase()]!, value]);
  }
  for (const [role, value] of found) credits[role] = value;
  return true;
}

/** "(DKH)", "(blq/dna)" or "(Nizar Fachri Rabbani)" → credits; false if the text is something else. */
export function readCode(inner: string, credits: Credits): boolean {
  if (INITIALS.test(inner)) {
    credits.initials = inner.split('/').map((s) => s.trim());
    return true;
  }
  if (CREDITED_NAME.test(inner)) {
    credits.creditedName = inner;
    return true;
  }
  return false;
}

/**
 * A paragraph of text closing on a wire credit ("… ke Iquitos. (AFP / OKI)"): the text without it, the
 * agency kept as the origin (unless one is stated) and the code as the writer's initials. Null for
 * anything else, a photo credit included ("(ANTARA/HO-Kremlin)", "(REUTERS/Willy Kurniawan)").
 */
export function takeWireCredit(paragraph: string, credits: Credits): string | null {
  const m = WIRE_CREDIT.exec(paragraph);
  const agency = m ? knownOrigin(m.groups!.agency!) : null;
  const code = m?.groups!.code ?? '';
  if (!m || agency === null || !INITIALS.test(code)) return null;
  credits.origin ??= agency;
  credits.initials ??= [code];
  return paragraph.slice(0, m.index).trim();
}

/**
 * Syndication: "Artikel ini telah tayang di surya.co.id dengan judul …" names the outlet that ran the
 * article first (the Tribun network republishes its regional papers'). Often glued to a paragraph's end.
 */
const SYNDICATION = /[\s,]*\bartikel ini (?:telah |sudah )?tayang di\b\s*(?<outlet>[^,]{0,60}?)\s*,?\s*dengan judul\b.*$/i;

/** A paragraph without its syndication notice (empty when it was only that); the outlet it names is kept in the credits. */
export function takeSyndication(paragraph: string, credits: Credits): string {
  const m = /tayang di/i.test(paragraph) ? SYNDICATION.exec(paragraph) : null;
  if (!m) return paragraph;
  const outlet = m.groups!.outlet!;
  if (outlet !== '') credits.syndicatedFrom ??= outlet;
  return paragraph.slice(0, m.index).replace(/[\s,]+$/, '');
}

/** A writer code or name closing the last paragraph ("… DK PBB. (Nizar Fachri Rabbani)") moves to the credits. */
export function takeTrailingCode(paragraphs: string[], credits: Credits): void {
  const last = paragraphs.at(-1);
  const trailing = last === undefined ? null : TRAILING_BRACKET.exec(last);
  if (last !== undefined && trailing && readCode(trailing.groups!.inner!, credits)) {
    paragraphs[paragraphs.length - 1] = last.slice(0, trailing.index).trim();
  }
}

/**
 * "Sumber: X" wins; else an attribution opening one of the first paragraphs ("Dilansir dari X,"): the
 * outlet's own source; else the outlet a syndication notice names.
 */
export function originOf(credits: Credits, paragraphs: readonly string[], publisher: string | null): string | null {
  let origin = credits.origin ? canonicalOrigin(credits.origin) : null;
  if (!origin) {
    for (const p of paragraphs.slice(0, 3)) {
      const source = attributedSource(p);
      if (source) {
        origin = canonicalOrigin(source);
        break;
      }
    }
  }
  if (!origin && credits.syndicatedFrom) origin = canonicalOrigin(credits.syndicatedFrom);
  return origin !== null && origin === publisher ? null : origin;
}

/**
 * The source an attribution names, without when it was read ("Dilansir dari BBC pada Kamis (12/9/2019),"
 * → BBC); null when only a date is left: "Dilansir Senin (2/9/2019)," is a scrape that lost the linked name.
 */
function attributedSource(paragraph: string): string | null {
  const written = ATTRIBUTION.exec(paragraph)?.groups!.source;
  if (written === undefined) return null;
  const date = findDates(written)[0];
  const name = (date ? written.slice(0, date.start) : written)
    .replace(/\s+pada\s*$/i, '')
    .replace(VAGUE_TIME_TAIL, '')
    .trim();
  return name === '' ? null : name;
}

/**
 * The writer: a stated "Penulis"/"Reporter" unless it only says "Redaksi"; else the byline name;
 * else a name credited in brackets at the end; else the writer's initials; else the placeholder.
 * The editor: a stated "Editor", else the second initials ("(blq/dna)": writer blq, editor dna).
 */
export function authorship(credits: Credits): { author: string | null; editor: string | null } {
  const stated = credits.author && !PLACEHOLDER_AUTHOR.test(credits.author) ? credits.author : undefined;
  const [writerCode, editorCode] = credits.initials ?? [];
  const author = stated ?? credits.bylineAuthor ?? credits.creditedName ?? writerCode ?? credits.author ?? null;
  return { author, editor: credits.editor ?? editorCode ?? null };
}
