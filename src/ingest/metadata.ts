/**
 * What a news page says about itself in its markup: JSON-LD `NewsArticle` first (headline,
 * datePublished, author, publisher), then OpenGraph (og:title, og:site_name,
 * article:published_time), then the canonical url.
 */

/** The part of a DOM this module reads (linkedom's document provides it). */
export interface MetaSource {
  querySelectorAll(selector: string): Iterable<{ getAttribute(name: string): string | null; textContent: string | null }>;
}

export interface PageMetadata {
  title: string | null;
  /** As written: "2024-06-25T10:01:00+07:00". */
  published: string | null;
  author: string | null;
  publisher: string | null;
  canonicalUrl: string | null;
  /** Which markup gave anything: none means the page is read like a scraped .txt page. */
  sources: ('json-ld' | 'opengraph' | 'canonical')[];
}

const ARTICLE_TYPES = new Set(['newsarticle', 'article', 'reportagenewsarticle', 'analysisnewsarticle', 'reportage', 'blogposting']);

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Every object in a JSON-LD document: top-level arrays and `@graph` lists flattened. */
function* nodes(value: unknown): Generator<Json> {
  if (Array.isArray(value)) for (const item of value) yield* nodes(item);
  else if (isObject(value)) {
    yield value;
    if (value['@graph'] !== undefined) yield* nodes(value['@graph']);
  }
}

function isArticle(node: Json): boolean {
  const types = Array.isArray(node['@type']) ? node['@type'] : [node['@type']];
  return types.some((t) => typeof t === 'string' && ARTICLE_TYPES.has(t.toLowerCase()));
}

function text(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value.replace(/\s+/g, ' ').trim() : null;
}

/** "Nama", {name: "Nama"}, or a list of those → "Nama, Nama Lain". */
function names(value: unknown): string | null {
  const list = (Array.isArray(value) ? value : [value])
    .map((v) => (isObject(v) ? text(v.name) : text(v)))
    .filter((v): v is string => v !== null);
  return list.length > 0 ? [...new Set(list)].join(', ') : null;
}

function jsonLdArticle(doc: MetaSource): Json | null {
  for (const script of doc.querySelectorAll('script[type="application/ld+json"]')) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(script.textContent ?? '');
    } catch {
      continue; // a broken block is common on real sites; the next one or OpenGraph may do
    }
    for (const node of nodes(parsed)) if (isArticle(node)) return node;
  }
  return null;
}

function meta(doc: MetaSource, property: string): string | null {
  for (const tag of doc.querySelectorAll(`meta[property="${property}"], meta[name="${property}"]`)) {
    const value = text(tag.getAttribute('content'));
    if (value !== null) return value;
  }
  return null;
}

function httpUrl(raw: string | null, base: string | undefined): string | null {
  if (raw === null) return null;
  try {
    const url = new URL(raw, base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

/** `pageUrl` resolves relative links; a file's page (no url) keeps only absolute ones. */
export function readMetadata(doc: MetaSource, pageUrl?: string): PageMetadata {
  const sources: PageMetadata['sources'] = [];
  const ld = jsonLdArticle(doc);
  if (ld) sources.push('json-ld');
  const og = {
    title: meta(doc, 'og:title'),
    siteName: meta(doc, 'og:site_name'),
    published: meta(doc, 'article:published_time'),
    url: meta(doc, 'og:url'),
  };
  if (og.title !== null || og.siteName !== null || og.published !== null) sources.push('opengraph');
  let canonical: string | null = null;
  for (const link of doc.querySelectorAll('link[rel="canonical"]')) canonical ??= httpUrl(link.getAttribute('href'), pageUrl);
  if (canonical !== null) sources.push('canonical');
  return {
    title: text(ld?.headline) ?? og.title,
    published: text(ld?.datePublished) ?? og.published,
    author: names(ld?.author),
    publisher: names(ld?.publisher) ?? og.siteName,
    canonicalUrl: canonical ?? httpUrl(og.url, pageUrl),
    sources,
  };
}
