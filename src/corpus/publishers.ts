/**
 * Canonical names for outlets (publishers) and credited sources (origins). One table drives
 * recognition in page text and mapping of .jsonl/front-matter domains, so "KOMPAS.TV -",
 * "Kompas.tv" and kompas.tv all become "Kompas TV" and `/cari sumber:` can filter on it.
 */

interface Outlet {
  name: string;
  /** How the outlet names itself in a dateline or byline. */
  pattern: RegExp;
  domains: readonly string[];
}

const PUBLISHERS: readonly Outlet[] = [
  { name: 'Orbit Indonesia', pattern: /\borbit ?indonesia(?:\.com)?\b/i, domains: ['orbitindonesia.com'] },
  { name: 'IDXChannel', pattern: /\bidx ?channel(?:\.com)?\b/i, domains: ['idxchannel.com'] },
  { name: 'Bisnis.com', pattern: /\bbisnis\.com\b/i, domains: ['bisnis.com'] },
  { name: 'Pahami.id', pattern: /\bpahami\.id\b/i, domains: ['pahami.id'] },
  { name: 'Kompas TV', pattern: /\bkompas ?tv\b|\bkompas\.tv\b/i, domains: ['kompas.tv'] },
  { name: 'Kompas.com', pattern: /\bkompas\.com\b/i, domains: ['kompas.com'] },
  { name: 'Antara', pattern: /\(antara\)|\bantaranews(?:\.com)?\b/i, domains: ['antaranews.com'] },
  { name: 'CNN Indonesia', pattern: /\bcnn ?indonesia(?:\.com)?\b/i, domains: ['cnnindonesia.com'] },
  // detik signs with its channels: detikNews, detikFinance, detikSport, …
  {
    name: 'detikcom',
    pattern: /\bdetik(?:com|\.com|news|finance|sport|inet|oto|health|travel|food|hot|edu|pop|jatim|jateng|jabar|sumut|sulsel|bali)\b/i,
    domains: ['detik.com'],
  },
  { name: 'Tempo', pattern: /\btempo\.co\b/i, domains: ['tempo.co'] },
  { name: 'Liputan6.com', pattern: /\bliputan6(?:\.com)?\b/i, domains: ['liputan6.com'] },
  { name: 'Okezone', pattern: /\bokezone(?:\.com)?\b/i, domains: ['okezone.com'] },
  { name: 'SINDOnews', pattern: /\bsindonews(?:\.com)?\b/i, domains: ['sindonews.com'] },
  { name: 'Tribunnews', pattern: /\btribunnews(?:\.com)?\b/i, domains: ['tribunnews.com'] },
  { name: 'Kumparan', pattern: /\bkumparan(?:\.com)?\b/i, domains: ['kumparan.com'] },
  { name: 'Merdeka.com', pattern: /\bmerdeka\.com\b/i, domains: ['merdeka.com'] },
  { name: 'Suara.com', pattern: /\bsuara\.com\b/i, domains: ['suara.com'] },
  { name: 'KapanLagi.com', pattern: /\bkapanlagi\.com\b/i, domains: ['kapanlagi.com'] },
  { name: 'Fimela', pattern: /\bfimela(?:\.com)?\b/i, domains: ['fimela.com'] },
  { name: 'WowKeren', pattern: /\bwowkeren(?:\.com)?\b/i, domains: ['wowkeren.com'] },
  { name: 'Poskota', pattern: /\bposkota(?:news)?(?:\.com|\.co\.id)?\b/i, domains: ['poskotanews.com', 'poskota.co.id'] },
  { name: 'Posmetro Medan', pattern: /\bposmetro[- ]medan(?:\.com)?\b/i, domains: ['posmetro-medan.com'] },
  { name: 'Goal.com', pattern: /\bgoal\.com\b/i, domains: ['goal.com'] },
  { name: 'Juara.net', pattern: /\bjuara\.net\b/i, domains: ['juara.net'] },
  { name: 'BolaSport.com', pattern: /\bbolasport(?:\.com)?\b/i, domains: ['bolasport.com'] },
  { name: 'DailySocial', pattern: /\bdailysocial(?:\.id)?\b/i, domains: ['dailysocial.id'] },
  { name: 'Rimanews', pattern: /\brimanews(?:\.com)?\b/i, domains: ['rimanews.com'] },
];

const BY_DOMAIN = new Map(PUBLISHERS.flatMap((p) => p.domains.map((d) => [d, p.name] as const)));

/** The canonical publisher named in a dateline, byline or label, or null. */
export function publisherInText(text: string): string | null {
  return PUBLISHERS.find((p) => p.pattern.test(text))?.name ?? null;
}

/** Canonical publisher for a domain or url ("www.kompas.com", "https://kompas.tv/x"); else the bare domain. */
export function publisherForDomain(domainOrUrl: string): string | null {
  const host = domainOrUrl
    .trim()
    .toLowerCase()
    .replace(/^[a-z]+:\/\//, '')
    .replace(/[/?#:].*$/, '')
    .replace(/^www\./, '');
  if (host === '') return null;
  for (let h = host; h.includes('.'); h = h.slice(h.indexOf('.') + 1)) {
    const name = BY_DOMAIN.get(h);
    if (name) return name;
  }
  return host;
}

/** Bulk corpora repeat a few dozen sources thousands of times: each is worked out once. */
const sourceCache = new Map<string, string | null>();

/** A name from the metadata "source" field: a domain is mapped, a name is matched, else kept as written. */
export function canonicalPublisher(source: string): string | null {
  const cached = sourceCache.get(source);
  if (cached !== undefined) return cached;
  const value = source.trim();
  const isDomain = /^[\w-]+(?:\.[\w-]+)+(?:\/.*)?$/.test(value) || /^https?:\/\//i.test(value);
  const name = value === '' ? null : isDomain ? publisherForDomain(value) : (publisherInText(value) ?? value);
  if (sourceCache.size < 10_000) sourceCache.set(source, name);
  return name;
}

const ORIGINS: readonly { name: string; pattern: RegExp }[] = [
  { name: 'Antara', pattern: /^(?:antara(?:news)?(?:\.com)?|lkbn antara|kantor berita antara)$/i },
  { name: 'Reuters', pattern: /^reuters$/i },
  { name: 'AP', pattern: /^(?:ap|associated press|the associated press)$/i },
  { name: 'AFP', pattern: /^(?:afp|agence france-presse)$/i },
  { name: 'The Guardian', pattern: /^(?:the )?guardian$/i },
  // The page in the seeds writes "The Korean Herald"; the paper is The Korea Herald.
  { name: 'The Korea Herald', pattern: /^(?:the )?korean? herald$/i },
  { name: 'Yonhap', pattern: /^(?:kantor berita )?yonhap(?: news agency)?$/i },
  { name: 'Xinhua', pattern: /^(?:kantor berita )?xinhua$/i },
  { name: 'BBC', pattern: /^bbc(?: news| indonesia)?$/i },
  { name: 'Al Jazeera', pattern: /^al ?jazeera$/i },
  { name: 'Bloomberg', pattern: /^bloomberg$/i },
  { name: 'KCNA', pattern: /^kcna$/i },
];

/** Canonical name of a source the table knows ("ANTARA" → "Antara"), else null. */
export function knownOrigin(raw: string): string | null {
  const value = raw.trim();
  return ORIGINS.find((o) => o.pattern.test(value))?.name ?? null;
}

/** Canonical name of a credited source ("ANTARA" → "Antara"); unknown names are kept as written. */
export function canonicalOrigin(raw: string): string | null {
  const value = raw
    .trim()
    .replace(/[.,;:]+$/, '')
    .trim();
  if (value === '' || value.length > 80) return null;
  return ORIGINS.find((o) => o.pattern.test(value))?.name ?? publisherInText(value) ?? value;
}
