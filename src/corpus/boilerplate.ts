/**
 * What is not article text on a scraped news page, as tables. Rules match whole lines (after
 * whitespace is collapsed) and describe kinds of furniture, not particular files: the next
 * thousand pages come from other sites.
 */

/** Page furniture: ads, share buttons, subscription prompts, follow-us lines, image placeholders. */
const FURNITURE: readonly RegExp[] = [
  /^nyaman tanpa iklan\b/i,
  /^langganan\b.{0,40}$/i,
  /^(?:cek|ikuti|simak) (?:berita|kami)\b.*\b(?:google news|wa channel|whatsapp|telegram)\b/i,
  /^(?:share|bagikan|tweet|copy link|salin tautan|komentar|print|cetak)$/i,
  /^close ads?\b.{0,3}$/i,
  /^scan qr code\b/i,
  /\bsilakan login untuk menikmati\b/i,
  /^(?:advertisement|iklan|adv|scroll to continue with content|lanjutkan membaca|loading\.*)$/i,
  /^(?:image|gambar|foto|video|ilustrasi|photo)$/i,
  /^#?\s*(?:hot topic|topik hangat|terpopuler|rekomendasi kami|pilihan editor|tag|tags|topik)$/i,
  /^[a-z0-9]+(?:-[a-z0-9]+){4,}$/, // url slug
  /^[*#=_~-]{3,}$/, // separators, "***" end marks
  /^download (?:aplikasi|app)\b/i,
  /^(?:copyright|hak cipta|\(c\)|©)\s/i,
  /^(?:dapatkan|unduh) (?:update|informasi|aplikasi)\b.*\b(?:google news|play store|app store|whatsapp|telegram)\b/i,
  /^\[gambas:[^\]]*\]$/i, // an embedded video's placeholder
  /^simak video\b.{0,150}$/i, // the video's teaser line
  /^halaman(?: selanjutnya| berikutnya|\s*:?(?:\s*\d+)+)$/i, // pagination
];

/** Furniture lines are short; longer lines skip the table (bulk corpora are mostly long paragraphs). */
const FURNITURE_MAX_LENGTH = 240;

/** After one of these the article is over: related links, more news, premium teasers. Credits may still follow. */
export const END_MARKERS: readonly RegExp[] = [
  /^(?:berita|artikel|topik) (?:terkait|lainnya|terbaru|populer|pilihan)$/i,
  /^(?:rekomendasi kami|terpopuler|baca selanjutnya|konten premium|close ads?\b.{0,3})$/i,
];

/** "Baca juga: <headline>" cross-links; the remainder of the line is the linked headline. */
const CROSS_LINK = /^(?:baca|simak|lihat)\s+(?:juga|pula)\b\s*:?\s*/i;
/** "Baca juga:" alone on its line: the linked headline is the next line. */
export const CROSS_LINK_ALONE = /^(?:baca|simak|lihat)\s+(?:juga|pula)\s*:?$/i;
/**
 * An embedded video's teaser glued to the end of a paragraph: "… terangnya. Simak Video "…" [Gambas:Video 20detik]
 * (rin/raw) pb djarum kpai", page tags after it, maybe a cross-link before it ("Baca juga: <headline> Simak Video").
 * The writer code is kept for the credits; the rest goes.
 */
const VIDEO_TEASER_TAIL =
  /(?:\s*\b(?:baca|lihat)\s+juga\s*:[^.!?]{0,150}?[?!]?)?\s*\bsimak video\b[^[\]]{0,200}\[gambas:[^\]]*\]\s*(?<code>\([^()]{2,30}\))?.*$/i;
/** A cross-link glued to the end of a paragraph: "… di Sirkuit Misano tersebut Baca juga". */
const TRAILING_CROSS_LINK = /\s+(?:baca|simak|lihat)\s+juga\s*:?$/i;

/**
 * Photo captions end with a photo credit: "(Foto: MNC Media)", "(ANTARA/HO-Kremlin)",
 * "(Sumber: … via AP)", "(SHUTTERSTOCK)", "(Dok. Humas)", "(KOMPAS.com/Nama)",
 * "Sputnik/… via REUTERS", "REUTERS/Willy Kurniawan".
 */
const CAPTION_CREDITS: readonly RegExp[] = [
  /\((?:foto|sumber|dok(?:umentasi)?\.?|istimewa|ilustrasi|antara(?: ?foto)?|reuters|afp|ap|getty images|shutterstock|kredit)\s*[:/][^()]*\)\.?$/i,
  /\((?:shutterstock|istockphoto|getty images|unsplash|pixabay|freepik|istimewa|dok(?:umentasi)?\.?(?: [^()]*)?|[\w.-]+\.(?:com|co\.id|id)\/[^()]+)\)\.?$/i,
  /\bvia\s+(?:REUTERS|AP|AFP|Getty Images|ANTARA(?: FOTO)?)$/,
  /\b(?:REUTERS|AFP|ANTARA FOTO)\/\p{Lu}[\p{L} .'-]+$/u,
];
/** …or open as one: "Arsip - Presiden …", "Foto: …". Only short lines: a paragraph may start "Foto: @akun Saat …". */
const CAPTION_OPENING = /^(?:arsip|ilustrasi|foto|file photo|dok\.?)\s*(?:[-–—:])\s/i;
const CAPTION_MAX_LENGTH = 500;
const OPENING_CAPTION_MAX_LENGTH = 200;

/** A photo credit sits in the last characters of a caption: only they are scanned. */
const CREDIT_TAIL = 160;

export function isCaption(line: string): boolean {
  if (line.length > CAPTION_MAX_LENGTH) return false;
  const tail = line.length > CREDIT_TAIL ? line.slice(-CREDIT_TAIL) : line;
  return matchesAny(tail, CAPTION_CREDITS) || (line.length <= OPENING_CAPTION_MAX_LENGTH && CAPTION_OPENING.test(line));
}

/** A caption dated from the photo archive: its date is older than the article, not near it. */
export const ARCHIVE_CAPTION = /^(?:arsip|file photo|dok\.?|dokumentasi)\b|\(dok(?:umentasi)?\b/i;

/** Words of section labels and breadcrumbs ("News", "Kompas TV internasional kompas dunia"). */
export const SECTION_WORDS: ReadonlySet<string> = new Set([
  'news',
  'berita',
  'internasional',
  'international',
  'nasional',
  'dunia',
  'global',
  'world',
  'ekonomi',
  'bisnis',
  'finansial',
  'keuangan',
  'market',
  'politik',
  'hukum',
  'olahraga',
  'sport',
  'sports',
  'bola',
  'hiburan',
  'seleb',
  'selebriti',
  'lifestyle',
  'gaya',
  'hidup',
  'teknologi',
  'tekno',
  'otomotif',
  'kesehatan',
  'health',
  'travel',
  'regional',
  'daerah',
  'megapolitan',
  'metro',
  'opini',
  'kolom',
  'edukasi',
  'pendidikan',
  'sains',
  'home',
  'beranda',
  'headline',
  'headlines',
  'terkini',
  'trending',
  'video',
  'foto',
  'tv',
  'kompas',
  'asia',
  'eropa',
  'amerika',
  'timur',
  'tengah',
  'pasifik',
  'peristiwa',
  'umum',
  'ragam',
  'update',
  'live',
  'index',
  'indeks',
]);

/** Author names that only say "the newsroom": a named writer elsewhere on the page is better. */
export const PLACEHOLDER_AUTHOR = /^(?:tim )?(?:redaksi|admin|newsroom|web ?admin|editorial)$/i;

export function matchesAny(line: string, patterns: readonly RegExp[]): boolean {
  return patterns.some((p) => p.test(line));
}

export function isFurniture(line: string): boolean {
  return line.length <= FURNITURE_MAX_LENGTH && matchesAny(line, FURNITURE);
}

/**
 * The article text in a line or paragraph: null for furniture and cross-links, else the text
 * without glued cross-link remnants or end marks.
 */
export function contentOfLine(line: string): string | null {
  if (isFurniture(line)) return null;
  let text = line;
  // "Baca Juga:,"Ketika …": the headline was lost and the body glued on; keep the body ("Baca juga:,Baca juga:" twice over).
  for (let crossLink = CROSS_LINK.exec(text); crossLink; crossLink = CROSS_LINK.exec(text)) {
    const rest = text.slice(crossLink[0].length);
    if (!/^[,;.]/.test(rest)) return null;
    text = rest.replace(/^[,;.\s]+/, '');
  }
  if (/\[gambas:/i.test(text)) text = text.replace(VIDEO_TEASER_TAIL, (_tail, code?: string) => (code ? ` ${code}` : ''));
  // Cheap end tests first: these tails are rare and the regexes scan the whole line.
  if (/juga\s*:?$/i.test(text.slice(-12))) text = text.replace(TRAILING_CROSS_LINK, '');
  if (text.endsWith('*')) text = text.replace(/\s*\*{3,}$/, '');
  // A line of punctuation only (a lone "," left by a scraper) is no text.
  return /[\p{L}\p{N}]/u.test(text) ? text : null;
}
