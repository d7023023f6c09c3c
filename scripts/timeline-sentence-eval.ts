/**
 * Checks the timeline's sentence scorer against human picks: IndoSum's extractive gold labels
 * (../shared/corpora/indosum-dev-extractive.jsonl, 3,463 articles). Reports how often the
 * scorer's top sentence is one a person picked, against the lead-sentence baseline, also with
 * the lead left out (the timeline mostly chooses among later sentences), and ROUGE-1 of the top
 * three sentences against the gold ones. A check, not a training set: nothing is fitted to it.
 *
 *   npx tsx scripts/timeline-sentence-eval.ts [path/to/indosum-dev-extractive.jsonl]
 */
import { createReadStream, existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { analyze } from '../src/search/analyzer.ts';
import { nameCount, sentenceTerms } from '../src/timeline/entities.ts';
import { informativeness, sentenceSignals } from '../src/timeline/score.ts';

interface LabelledArticle {
  id: string;
  sentences: string[];
  gold_labels: boolean[];
}

const path = resolve(process.argv[2] ?? '../shared/corpora/indosum-dev-extractive.jsonl');
if (!existsSync(path)) {
  console.error(`Not found: ${path}. Pass the IndoSum extractive file as the first argument.`);
  process.exit(2);
}

/** The title IndoSum lost, rebuilt from the id's url slug as news-id.jsonl does. */
function titleOf(id: string): string {
  return id.replace(/^indosum-\d+-/, '').replace(/-/g, ' ');
}

/** The scorer's value for each sentence; `content` alone ignores where the sentence stands. */
function scores(article: LabelledArticle): { full: number[]; content: number[] } {
  const gist = new Set(analyze(titleOf(article.id)));
  const full: number[] = [];
  const content: number[] = [];
  article.sentences.forEach((sentence, position) => {
    const { terms, words } = sentenceTerms(sentence);
    const distinct = [...new Set(terms.map((t) => t.term))];
    const signals = sentenceSignals(sentence, position, { words, entities: nameCount(terms) }, distinct, gist);
    full.push(informativeness(signals));
    content.push(informativeness({ ...signals, position: 0 }));
  });
  return { full, content };
}

function argmax(values: readonly number[], from = 0): number {
  let best = from;
  for (let i = from; i < values.length; i++) if (values[i]! > values[best]!) best = i;
  return best;
}

function words(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** ROUGE-1 F1 between a candidate and a reference text (unigram counts, clipped). */
function rouge1(candidate: string, reference: string): number {
  const ref = new Map<string, number>();
  for (const w of words(reference)) ref.set(w, (ref.get(w) ?? 0) + 1);
  const cand = words(candidate);
  const refTotal = [...ref.values()].reduce((a, b) => a + b, 0);
  let overlap = 0;
  for (const w of cand) {
    const left = ref.get(w) ?? 0;
    if (left > 0) {
      overlap++;
      ref.set(w, left - 1);
    }
  }
  if (overlap === 0) return 0;
  const precision = overlap / cand.length;
  const recall = overlap / refTotal;
  return (2 * precision * recall) / (precision + recall);
}

const topN = (values: readonly number[], n: number): number[] =>
  values
    .map((_, i) => i)
    .sort((a, b) => values[b]! - values[a]!)
    .slice(0, n)
    .sort((a, b) => a - b);

const totals = {
  articles: 0,
  scorerTop: 0,
  leadTop: 0,
  randomTop: 0,
  withLater: 0,
  scorerLater: 0,
  contentLater: 0,
  secondLater: 0,
  randomLater: 0,
  rougeScorer: 0,
  rougeLead: 0,
};
const lines = createInterface({ input: createReadStream(path, 'utf8'), crlfDelay: Infinity });
for await (const line of lines) {
  if (line.trim() === '') continue;
  const article = JSON.parse(line) as LabelledArticle;
  const gold = article.gold_labels;
  if (article.sentences.length === 0 || !gold.some(Boolean)) continue;
  const { full: s, content } = scores(article);
  totals.articles++;
  if (gold[argmax(s)]) totals.scorerTop++;
  if (gold[0]) totals.leadTop++;
  totals.randomTop += gold.filter(Boolean).length / gold.length;
  if (article.sentences.length > 2 && gold.slice(1).some(Boolean)) {
    totals.withLater++;
    if (gold[argmax(s, 1)]) totals.scorerLater++;
    if (gold[argmax(content, 1)]) totals.contentLater++;
    if (gold[1]) totals.secondLater++;
    totals.randomLater += gold.slice(1).filter(Boolean).length / (gold.length - 1);
  }
  const reference = article.sentences.filter((_, i) => gold[i]).join(' ');
  const pick = (idx: number[]): string => idx.map((i) => article.sentences[i]).join(' ');
  totals.rougeScorer += rouge1(pick(topN(s, 3)), reference);
  totals.rougeLead += rouge1(pick([0, 1, 2].filter((i) => i < article.sentences.length)), reference);
}

const pct = (n: number, d: number): string => `${((100 * n) / d).toFixed(1)}%`;
console.log(
  `IndoSum dev, ${totals.articles} articles with gold sentences, ${totals.withLater} with a gold sentence after the lead (${path})\n`,
);
console.log('measure                                   scorer   baseline            random');
console.log(
  `top-1 sentence is gold                    ${pct(totals.scorerTop, totals.articles).padEnd(8)} ${pct(totals.leadTop, totals.articles).padEnd(7)} (lead)      ${pct(totals.randomTop, totals.articles)}`,
);
console.log(
  `top-1 of sentences 2..n is gold           ${pct(totals.scorerLater, totals.withLater).padEnd(8)} ${pct(totals.secondLater, totals.withLater).padEnd(7)} (2nd sent.) ${pct(totals.randomLater, totals.withLater)}`,
);
console.log(
  `  same, position ignored (content only)   ${pct(totals.contentLater, totals.withLater).padEnd(8)} ${''.padEnd(7)}             ${pct(totals.randomLater, totals.withLater)}`,
);
console.log(
  `ROUGE-1 F1, top-3 vs gold sentences       ${(totals.rougeScorer / totals.articles).toFixed(3).padEnd(8)} ${(totals.rougeLead / totals.articles).toFixed(3).padEnd(7)} (lead-3)`,
);
