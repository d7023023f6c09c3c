import type { TimelineSource } from './types.ts';

/** How a source is named in a line: its outlet, else its title. */
export function sourceLabel(source: TimelineSource): string {
  return source.publisher ?? source.title;
}
