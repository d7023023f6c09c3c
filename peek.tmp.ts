import { PAGES } from './tests/ingest/news-site.ts';
import { readHtml } from './src/ingest/html.ts';
import { draftFromPage } from './src/corpus/drafts.ts';
for (const [k, f] of Object.entries(PAGES)) { const r = readHtml(f(), 'http://x/' + k)!; const d = draftFromPage('x.txt', r.pageText); console.log('=====', k, JSON.stringify({...d, paragraphs: d.paragraphs.length}), '\n', d.paragraphs.map(p=>p.slice(0,60)).join('\n ')); }
