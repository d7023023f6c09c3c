/**
 * A local news site on 127.0.0.1 for the ingest tests, its pages built like real Indonesian news
 * sites (header, menus, ads, related links, footer) around the SEEDS' OWN TEXTS: no real site's
 * page is copied. Pages:
 *   /jsonld      seed 001 with a JSON-LD NewsArticle block;
 *   /og          seed 004 with OpenGraph tags only (and a canonical link);
 *   /polos       seed 000 with no metadata at all, ads and "Baca Juga" links in the body;
 *   /r/N         a redirect chain: N hops (relative and absolute) ending at /jsonld;
 *   /besar       a page over 5 MB, streamed without Content-Length;
 *   /pdf         a non-HTML response (application/pdf);
 *   /kosong      an HTML page with no article text;
 *   /lampiran/*  attachment bytes registered by a test (`site.attach`).
 */
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';

const seeds = fileURLToPath(new URL('../../seeds/', import.meta.url));
export const SEED_FILES = {
  jsonld: '001_1742510e8f838e75.txt',
  og: '004_e16f6334dcd37a6a.txt',
  polos: '000_d1a272b47dd2f61f.txt',
} as const;

function seedLines(file: string): string[] {
  return readFileSync(`${seeds}${file}`, 'utf8')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '');
}

const escape = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Menus, trending boxes and a footer, as every news site wraps its articles. */
function chrome(site: string, head: string, main: string): string {
  const menu = ['Beranda', 'Nasional', 'Internasional', 'Ekonomi', 'Olahraga', 'Teknologi', 'Hiburan', 'Indeks']
    .map((m) => `<li><a href="/kanal/${m.toLowerCase()}">${m}</a></li>`)
    .join('');
  const trending = ['Harga Emas Hari Ini Naik Tipis', 'Jadwal KRL Akhir Pekan Berubah', 'Cuaca Jakarta Cerah Berawan']
    .map((t, i) => `<li><a href="/baca/${i}">${t}</a></li>`)
    .join('');
  return `<!doctype html>
<html lang="id"><head><meta charset="utf-8">${head}
<link rel="stylesheet" href="/static/app.css"><script src="/static/ads.js"></script></head>
<body>
<header class="site-header"><a class="logo" href="/">${escape(site)}</a><nav><ul class="menu">${menu}</ul></nav>
<form class="search"><input name="q" placeholder="Cari berita"></form></header>
<div class="ads ads-top">ADVERTISEMENT</div>
<main class="container">${main}
<aside class="sidebar"><h3>Terpopuler</h3><ol>${trending}</ol><div class="ads">Iklan</div></aside></main>
<footer class="site-footer"><p>Tentang Kami · Redaksi · Pedoman Media Siber · Kontak</p><p>© 2024 ${escape(site)}. Hak cipta dilindungi undang-undang.</p></footer>
</body></html>`;
}

/** Seed 001 (IDXChannel style), with a JSON-LD NewsArticle. */
function jsonLdPage(): string {
  const lines = seedLines(SEED_FILES.jsonld);
  const title = lines[1]!;
  const body = lines.slice(lines.findIndex((l) => l.startsWith('IDXChannel')));
  const ld = {
    '@context': 'https://schema.org',
    '@graph': [
      { '@type': 'WebSite', name: 'IDX Channel', url: 'https://www.idxchannel.com/' },
      {
        '@type': 'NewsArticle',
        headline: title,
        datePublished: '2024-06-25T10:01:00+07:00',
        author: [{ '@type': 'Person', name: 'Dian Kusumo Hapsari' }],
        publisher: { '@type': 'Organization', name: 'IDXChannel' },
      },
    ],
  };
  const head = `<title>${escape(title)} : Okezone Economy</title><script type="application/ld+json">${JSON.stringify(ld)}</script>`;
  const paragraphs = body.map((l) => `<p>${escape(l)}</p>`).join('\n');
  return chrome(
    'IDX Channel',
    head,
    `<article class="article"><div class="breadcrumb"><a href="/">Home</a> › <a href="/news">News</a></div>
<h1 class="title">${escape(title)}</h1><div class="byline">Dian Kusumo Hapsari · 25/06/2024 10:01 WIB</div>
<figure><img src="/img/foto.jpg" alt="Foto"><figcaption>${escape(title)}. (Foto: MNC Media)</figcaption></figure>
<div class="article-body">${paragraphs}</div>
<div class="tags">Tag: <a href="/tag/korut">Korea Utara</a> <a href="/tag/rusia">Rusia</a></div></article>`,
  );
}

/** Seed 004 (Kompas TV style), with OpenGraph tags and a canonical link, no JSON-LD. */
function openGraphPage(): string {
  const lines = seedLines(SEED_FILES.og);
  const title = lines[1]!;
  const body = lines.slice(lines.findIndex((l) => l.startsWith('WASHINGTON')));
  const head = [
    `<title>${escape(title)} - Kompas TV</title>`,
    `<meta property="og:title" content="${escape(title)}">`,
    '<meta property="og:site_name" content="KompasTV">',
    '<meta property="og:type" content="article">',
    '<meta property="article:published_time" content="2024-06-15T12:30:00+07:00">',
    '<link rel="canonical" href="https://www.kompas.tv/internasional/ketakutan-putin-kim">',
  ].join('');
  return chrome(
    'Kompas TV',
    head,
    `<article><h1>${escape(title)}</h1><div class="meta">Penulis : Haryo Jati | Editor : Desy Afrianti</div>
<div class="content">${body.map((l) => `<p>${escape(l)}</p>`).join('\n<div class="ads">ADVERTISEMENT</div>\n')}</div></article>`,
  );
}

/** Seed 000 as its site serves it: no metadata, a header date, ads and "Baca Juga" links inside the body. */
function plainPage(): string {
  const lines = seedLines(SEED_FILES.polos);
  const [date, section, title, , caption, ...body] = lines;
  const paragraphs = body.map((line) => {
    const link = /^Baca Juga: (.+)$/.exec(line);
    if (link) return `<p><strong>Baca Juga:</strong> <a href="/baca/${encodeURIComponent(link[1]!)}">${escape(link[1]!)}</a></p>`;
    return `<p>${escape(line)}</p><div class="ads-inline">ADVERTISEMENT<br>SCROLL TO CONTINUE WITH CONTENT</div>`;
  });
  return chrome(
    'Orbit Indonesia',
    `<title>${escape(title!)}</title>`,
    `<div class="post"><div class="date">${escape(date!)}</div><div class="cat">${escape(section!)}</div>
<h1>${escape(title!)}</h1><figure><img src="/img/a.jpg" alt="image"><figcaption>${escape(caption!)}</figcaption></figure>
<div class="entry">${paragraphs.join('\n')}</div></div>`,
  );
}

export interface NewsSite {
  /** http://127.0.0.1:PORT */
  origin: string;
  /** `127.0.0.1:PORT`, for FETCH_ALLOW_HOSTS. */
  hostPort: string;
  /** Paths requested so far, in order. */
  requests: string[];
  /** Serve `bytes` at /lampiran/<name>; returns its url. */
  attach(name: string, bytes: string | Uint8Array): string;
  close(): Promise<void>;
}

export const PAGES = { jsonld: jsonLdPage, og: openGraphPage, polos: plainPage };

export async function startNewsSite(): Promise<NewsSite> {
  const attachments = new Map<string, Buffer>();
  const requests: string[] = [];
  const server: Server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    requests.push(path);
    const html = (body: string): void => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(body);
    };
    const hops = /^\/r\/(\d+)$/.exec(path);
    if (path === '/jsonld') return html(jsonLdPage());
    if (path === '/og') return html(openGraphPage());
    if (path === '/polos') return html(plainPage());
    if (path === '/kosong') return html(chrome('Situs', '<title>Halaman</title>', '<div class="x"><a href="/">Beranda</a></div>'));
    if (hops) {
      const left = Number(hops[1]);
      // Alternate absolute and relative Location headers, as real redirect chains do.
      const next = left <= 1 ? '/jsonld' : left % 2 === 0 ? `${origin}/r/${left - 1}` : `/r/${left - 1}`;
      res.writeHead(left % 2 === 0 ? 301 : 302, { location: next });
      return res.end();
    }
    if (path === '/besar') {
      res.writeHead(200, { 'content-type': 'text/html' });
      const chunk = `<p>${'Paragraf berulang untuk halaman yang terlalu besar. '.repeat(200)}</p>\n`;
      let sent = 0;
      const pump = (): void => {
        while (sent < 6 * 1024 * 1024) {
          sent += chunk.length;
          if (!res.write(chunk)) return void res.once('drain', pump);
        }
        res.end();
      };
      res.on('error', () => {});
      return pump();
    }
    if (path === '/pdf') {
      res.writeHead(200, { 'content-type': 'application/pdf' });
      return res.end('%PDF-1.4 bukan halaman');
    }
    const attached = path.startsWith('/lampiran/') ? attachments.get(decodeURIComponent(path.slice('/lampiran/'.length))) : undefined;
    if (attached) {
      res.writeHead(200, { 'content-type': 'application/octet-stream' });
      return res.end(attached);
    }
    res.writeHead(404, { 'content-type': 'text/plain' });
    res.end('tidak ada');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    hostPort: `127.0.0.1:${port}`,
    requests,
    attach: (name, bytes) => {
      attachments.set(name, Buffer.from(bytes));
      return `${origin}/lampiran/${encodeURIComponent(name)}`;
    },
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
