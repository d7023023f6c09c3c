import { Readability, isProbablyReaderable } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { readMetadata, type MetaSource, type PageMetadata } from './metadata.ts';

/** Elements whose text is a line of its own. */
const BLOCKS = new Set([
  'ADDRESS',
  'ARTICLE',
  'ASIDE',
  'BLOCKQUOTE',
  'DD',
  'DIV',
  'DL',
  'DT',
  'FIGCAPTION',
  'FIGURE',
  'FOOTER',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'HEADER',
  'HR',
  'LI',
  'MAIN',
  'OL',
  'P',
  'PRE',
  'SECTION',
  'TABLE',
  'TD',
  'TH',
  'TR',
  'UL',
]);
const SKIPPED = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'IFRAME', 'SVG', 'BUTTON', 'FORM']);

interface TextNode {
  nodeType: number;
  tagName?: string;
  textContent: string | null;
  childNodes: ArrayLike<TextNode>;
}

/** The lines a reader sees in an element: one per block, inline markup flattened, <br> a break. */
export function blockLines(root: TextNode): string[] {
  const lines: string[] = [];
  let line = '';
  const flush = (): void => {
    const clean = line.replace(/\s+/g, ' ').trim();
    if (clean !== '') lines.push(clean);
    line = '';
  };
  const walk = (node: TextNode): void => {
    for (const child of Array.from(node.childNodes)) {
      if (child.nodeType === 3) line += child.textContent ?? '';
      if (child.nodeType !== 1) continue;
      const tag = child.tagName!.toUpperCase();
      if (SKIPPED.has(tag)) continue;
      if (tag === 'BR') flush();
      else if (BLOCKS.has(tag)) {
        flush();
        walk(child);
        flush();
      } else walk(child);
    }
  };
  walk(root);
  flush();
  return lines;
}

export interface HtmlReading {
  metadata: PageMetadata;
  /**
   * The article as plain page text: title line, then one paragraph per block, blank
   * lines between. The same cleaning as a scraped .txt page reads it from there.
   */
  pageText: string;
}

/**
 * The main text of a news page, found by Readability (Firefox's reader view) over linkedom's DOM,
 * and the page's own metadata, read before Readability rearranges the document. Null when there
 * is no article text in it.
 */
export function readHtml(html: string, pageUrl?: string): HtmlReading | null {
  const { document } = parseHTML(html);
  const metadata = readMetadata(document as unknown as MetaSource, pageUrl);
  // Readability extracts something from any page; its own test tells an article from a page of menus and links.
  if (!isProbablyReaderable(document as unknown as Parameters<typeof isProbablyReaderable>[0])) return null;
  const article = new Readability(document as unknown as ConstructorParameters<typeof Readability>[0], { charThreshold: 200 }).parse();
  if (!article?.content) return null;
  const { document: content } = parseHTML(`<!doctype html><html><body>${article.content}</body></html>`);
  const lines = blockLines(content.body as unknown as TextNode);
  if (lines.length === 0) return null;
  // The byline Readability finds is often the metadata's author again; the body's own credits are read by the page cleaning.
  const title = article.title?.trim() ?? '';
  return { metadata, pageText: [...(title !== '' && title !== lines[0] ? [title] : []), ...lines].join('\n\n') };
}
