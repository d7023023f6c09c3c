/**
 * Scores /timeline against an editor's key events (../shared/eval/timeline-dev.json, issue 11):
 * each topic is queried as a user would (the default 15 events, no dates) and the shown lines are
 * checked. An answer key for measuring only: nothing in the product reads it.
 *
 *   npm run eval -- timeline [--corpus PATH] [--gold PATH] [--cache DIR] [--show]
 *
 * - key events on their day: a shown event on the gold day whose line or sources' titles hold one
 *   of the event's keywords;
 * - on topic: a shown event whose line or sources' titles hold one of the topic's on-topic keywords
 *   (overall share, and the worst topic's);
 * - future-dated: an event whose first day falls more than a day after every source was published;
 * - broken: a line that does not start with a letter, a quote, or a day and month; and (extra) a line
 *   that does not end a sentence (a mark, a closing quote or bracket, or a shortened line's "…");
 * - same-day repeats (extra): two lines of one day whose words overlap for the most part;
 * - query ms: median time of the topic query (the engine's topic match included), per topic.
 * The last line printed is one JSON object with the figures.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { loadCorpus } from '../src/corpus/load.ts';
import type { Article } from '../src/corpus/types.ts';
import { spanOf } from '../src/dates/calendar.ts';
import { formatDateId } from '../src/dates/format.ts';
import { SearchEngine } from '../src/search/engine.ts';
import { obtainTimeline } from '../src/timeline/timeline-cache.ts';
import { DEFAULT_EVENT_LIMIT, TOPIC_ARTICLE_LIMIT, type Timeline } from '../src/timeline/timeline.ts';
import type { TimelineEvent } from '../src/timeline/types.ts';

interface GoldEvent {
  date: string;
  about: string;
  keywords: string[];
}
interface GoldTopic {
  topic: string;
  on_topic: string[];
  events: GoldEvent[];
}

export interface TopicFigures {
  topic: string;
  shown: number;
  keyFound: number;
  keyTotal: number;
  onTopic: number;
  future: number;
  brokenStart: number;
  brokenEnd: number;
  sameDayRepeats: number;
  missed: string[];
}

const lower = (s: string): string => s.toLowerCase();
const haystack = (event: TimelineEvent): string => lower([event.summary, ...event.sources.map((s) => s.title)].join('\n'));
const holdsAny = (text: string, keywords: readonly string[]): boolean => keywords.some((k) => text.includes(lower(k)));

/** Starts with a letter, a quote, or a day and month ("26 Agustus …"). */
export const STARTS_WELL = /^(?:[\p{L}"“‘']|\d{1,2}\s+\p{L})/u;
/** Ends with a sentence mark, possibly inside a closing quote or bracket, or the shortening "…". */
export const ENDS_WELL = /[.!?…]["”’')\]]*$|["”’]$/u;

const QUERY_RUNS = 9;
const median = (xs: readonly number[]): number => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;

function wordsOf(text: string): Set<string> {
  return new Set(lower(text).match(/[\p{L}\p{N}]{3,}/gu) ?? []);
}

/** Two lines of one day sharing most of their words (the smaller line's, ≥ 60%). */
function sameDayRepeats(events: readonly TimelineEvent[]): number {
  let repeats = 0;
  for (let i = 0; i < events.length; i++) {
    for (let j = i + 1; j < events.length; j++) {
      if (events[i]!.date !== events[j]!.date) continue;
      const a = wordsOf(events[i]!.summary);
      const b = wordsOf(events[j]!.summary);
      let shared = 0;
      for (const w of a) if (b.has(w)) shared++;
      if (shared / Math.max(1, Math.min(a.size, b.size)) >= 0.6) repeats++;
    }
  }
  return repeats;
}

/** Dated more than a day after every source was published. */
function isFuture(event: TimelineEvent, published: (id: string) => string | undefined): boolean {
  const first = spanOf({ iso: event.date, precision: event.precision }).from;
  const days = event.sources.map((s) => published(s.articleId)).filter((d): d is string => d !== undefined);
  if (days.length === 0) return false;
  const latest = days.sort().at(-1)!;
  const nextDay = new Date(Date.parse(`${latest}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
  return first > nextDay;
}

export function scoreTopic(gold: GoldTopic, events: readonly TimelineEvent[], published: (id: string) => string | undefined): TopicFigures {
  const missed: string[] = [];
  let keyFound = 0;
  for (const key of gold.events) {
    const found = events.some((e) => e.precision === 'day' && e.date === key.date && holdsAny(haystack(e), key.keywords));
    if (found) keyFound++;
    else missed.push(`${key.date} ${key.about}`);
  }
  return {
    topic: gold.topic,
    shown: events.length,
    keyFound,
    keyTotal: gold.events.length,
    onTopic: events.filter((e) => holdsAny(haystack(e), gold.on_topic)).length,
    future: events.filter((e) => isFuture(e, published)).length,
    brokenStart: events.filter((e) => !STARTS_WELL.test(e.summary)).length,
    brokenEnd: events.filter((e) => !ENDS_WELL.test(e.summary.trim())).length,
    sameDayRepeats: sameDayRepeats(events),
    missed,
  };
}

function publishedDay(article: Article): string | undefined {
  if (!article.date) return undefined;
  return spanOf({ iso: article.date.iso, precision: article.date.precision }).to;
}

export function showTimeline(events: readonly TimelineEvent[]): string {
  return events
    .map(
      (e) => `  ${formatDateId(e.date, e.precision).padEnd(18)} ${e.summary} (${e.sources.map((s) => s.publisher ?? s.title).join(', ')})`,
    )
    .join('\n');
}

export async function main(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: {
      corpus: { type: 'string', default: '../shared/corpora/news-id.jsonl' },
      gold: { type: 'string', default: '../shared/eval/timeline-dev.json' },
      cache: { type: 'string', default: join(process.cwd(), '.cache') },
      show: { type: 'boolean', default: false },
    },
  });
  const goldPath = resolve(values.gold);
  if (!existsSync(goldPath) || !existsSync(resolve(values.corpus))) {
    console.log(`Skipped: ${goldPath} or ${values.corpus} is absent (the timeline eval needs the shared data).`);
    return;
  }
  const topics = (JSON.parse(readFileSync(goldPath, 'utf8')) as { topics: GoldTopic[] }).topics;
  const started = performance.now();
  const { articles } = await loadCorpus(values.corpus);
  const engine = await SearchEngine.build(articles, { cacheDir: join(values.cache, 'search') });
  const timeline: Timeline = obtainTimeline(articles, join(values.cache, 'timeline')).timeline;
  console.log(`corpus ${values.corpus}: ${articles.length} articles, ready in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  const byId = new Map(articles.map((a) => [a.id, a]));
  const published = (id: string): string | undefined => {
    const article = byId.get(id);
    return article ? publishedDay(article) : undefined;
  };

  const figures: TopicFigures[] = [];
  const queryMs: number[] = [];
  for (const gold of topics) {
    // A topic query as the bot makes it: the engine's topic match, then the timeline's; the first run warms caches.
    const ask = () =>
      timeline.query({ topic: gold.topic, limit: DEFAULT_EVENT_LIMIT }, engine.matchArticles(gold.topic, TOPIC_ARTICLE_LIMIT));
    const result = ask();
    const times: number[] = [];
    for (let run = 0; run < QUERY_RUNS; run++) {
      const start = performance.now();
      ask();
      times.push(performance.now() - start);
    }
    queryMs.push(median(times));
    const f = scoreTopic(gold, result.events, published);
    figures.push(f);
    if (values.show) {
      console.log(`\n== ${gold.topic}\n${showTimeline(result.events)}`);
      for (const m of f.missed) console.log(`  missed: ${m}`);
    }
  }

  const sum = (pick: (f: TopicFigures) => number): number => figures.reduce((s, f) => s + pick(f), 0);
  const share = (n: number, d: number): number => (d === 0 ? 1 : Number((n / d).toFixed(3)));
  const rows = [
    ['topic', 'shown', 'key events', 'on topic', 'future', 'broken start', 'broken end', 'same-day repeats', 'query ms'],
    ...figures.map((f, i) => [
      f.topic,
      String(f.shown),
      `${f.keyFound}/${f.keyTotal}`,
      share(f.onTopic, f.shown).toFixed(2),
      String(f.future),
      String(f.brokenStart),
      String(f.brokenEnd),
      String(f.sameDayRepeats),
      queryMs[i]!.toFixed(1),
    ]),
  ];
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  console.log('');
  console.log(rows.map((r) => r.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  ')).join('\n'));
  const summary = {
    keyEventsOnDay: share(
      sum((f) => f.keyFound),
      sum((f) => f.keyTotal),
    ),
    keyEvents: `${sum((f) => f.keyFound)}/${sum((f) => f.keyTotal)}`,
    onTopicOverall: share(
      sum((f) => f.onTopic),
      sum((f) => f.shown),
    ),
    onTopicWorst: Math.min(...figures.map((f) => share(f.onTopic, f.shown))),
    future: sum((f) => f.future),
    brokenStart: sum((f) => f.brokenStart),
    brokenEnd: sum((f) => f.brokenEnd),
    sameDayRepeats: sum((f) => f.sameDayRepeats),
    queryMsMedianWorst: Number(Math.max(...queryMs).toFixed(1)),
  };
  console.log(
    `\nkey events on their day ${summary.keyEvents} (${summary.keyEventsOnDay}) · on topic ${summary.onTopicOverall} overall, ${summary.onTopicWorst} worst · future-dated ${summary.future} · broken lines ${summary.brokenStart} (start), ${summary.brokenEnd} (end) · same-day repeats ${summary.sameDayRepeats}`,
  );
  console.log(JSON.stringify(summary));
}

if (import.meta.url === `file://${process.argv[1]}`) await main(process.argv.slice(2));
