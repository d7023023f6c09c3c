import { contentOfLine } from './boilerplate.ts';
import { cleanParagraph } from './text.ts';

export interface MarkdownBody {
  /** The first level-1 heading, when it opens the body. */
  heading: string | null;
  captions: string[];
  paragraphs: string[];
}

const IMAGE = /!\[([^\]]*)\]\([^)]*\)/g;

/** Markdown inline syntax reduced to its text: links, emphasis, code, html tags. */
function plainInline(text: string): string {
  return text
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/(\*\*|__)(.+?)\1/g, '$2')
    .replace(/(?<![\w*])([*_])(?!\s)(.+?)(?<!\s)\1(?![\w*])/g, '$2')
    .replace(/`([^`]*)`/g, '$1')
    .replace(/<[^>]+>/g, '');
}

/** Paragraphs of a Markdown body; image alt texts become captions. */
export function readMarkdown(body: string): MarkdownBody {
  const captions: string[] = [];
  const paragraphs: string[] = [];
  let heading: string | null = null;
  for (const block of body.split(/\n\s*\n/)) {
    const lines = block
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l !== '');
    if (lines.length === 0) continue;
    const text = lines
      .map((l) =>
        l
          .replace(IMAGE, (_, alt: string) => {
            if (alt.trim() !== '') captions.push(alt.trim());
            return '';
          })
          .replace(/^(?:>\s*)+|^(?:[-*+]|\d+[.)])\s+/, ''),
      )
      .join(' ');
    const h1 = /^#\s+(.+)$/.exec(text);
    if (h1 && heading === null && paragraphs.length === 0) {
      heading = plainInline(h1[1]!).trim();
      continue;
    }
    const content = contentOfLine(cleanParagraph(plainInline(text.replace(/^#{1,6}\s+/, ''))));
    if (content !== null) paragraphs.push(content);
  }
  return { heading, captions, paragraphs };
}
