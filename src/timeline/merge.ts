import { dayIso, dayNumber, fromDayNumber } from '../dates/calendar.ts';
import type { DatePrecision, ResolvedDate } from '../dates/types.ts';
import { TypedList } from '../util/typed-list.ts';

/** What merging reads of a candidate besides its clause's terms (given apart, packed: `ClauseTerms`). */
export interface MergeItem {
  article: number;
  date: ResolvedDate;
  window?: { from: string; to: string } | undefined;
  score: number;
  caption?: true | undefined;
}

/**
 * The terms of each candidate's date clause (Candidate.clauseTerms), by id in order of first
 * occurrence, packed one candidate after another: candidate c's are `ids[start[c]..start[c + 1])`,
 * with `isName` set for the names and acronyms among them (Candidate.clauseNames).
 */
export interface ClauseTerms {
  start: Int32Array;
  ids: Int32Array;
  isName: Uint8Array;
  /** Distinct terms. */
  count: number;
}

/** ClauseTerms filled a candidate at a time, so a build need not keep the candidates' arrays of terms. */
export class ClauseTermsBuilder {
  readonly #termIds = new Map<string, number>();
  readonly #start = new TypedList((size) => new Int32Array(size));
  readonly #ids = new TypedList((size) => new Int32Array(size), 8192);
  readonly #isName = new TypedList((size) => new Uint8Array(size), 8192);

  constructor() {
    this.#start.push(0);
  }

  add(clauseTerms: readonly string[], clauseNames: readonly string[]): void {
    for (const term of clauseTerms) {
      let id = this.#termIds.get(term);
      if (id === undefined) this.#termIds.set(term, (id = this.#termIds.size));
      this.#isName.push(clauseNames.includes(term) ? 1 : 0);
      this.#ids.push(id);
    }
    this.#start.push(this.#ids.length);
  }

  build(): ClauseTerms {
    return {
      start: this.#start.toArray(),
      ids: this.#ids.toArray(),
      isName: this.#isName.toArray(),
      count: this.#termIds.size,
    };
  }
}

/** Candidates (indices) that report one happening, and its date at the finest precision reported. */
export interface CandidateGroup {
  date: ResolvedDate;
  members: number[];
  /** Cosine of each member to the group's centroid, same order as `members`. */
  centrality: number[];
}

/** Minimum cosine between a report and a group's first report for them to be the same happening. */
const SAME_HAPPENING = 0.3;
/**
 * Minimum cosine between the centroids of two groups of one date for them to be one happening
 * told in different words ("wafat di RSPAD" / "meninggal dunia di Rumah Sakit Pusat Angkatan Darat").
 */
const SAME_HAPPENING_GROUPS = 0.3;
/** A vague "pekan lalu" report joins a report of a day in its window on weaker evidence: it names no day itself. */
const SAME_HAPPENING_NEARBY = 0.2;
/**
 * Added to the similarity of a report to a group its own article already reports on the same
 * date: a story returning to a date usually returns to the same happening. Not for a vague
 * date's window: "pekan ini" in a story about Friday is rarely Friday.
 */
const SAME_ARTICLE_BONUS = 0.2;
/** A vague date's window is at most this many days ("pekan lalu"); wider ones are bucketed by their date. */
const MAX_WINDOW_DAYS = 10;
/** Below every body report's informativeness (about -1..1). */
const CAPTION_RANK = -1e9;
/** Names weigh more than common words: two reports of one happening share who and where. */
const NAME_BOOST = 2;
/** Terms of a group's centroid kept for the second pass: the rest weigh little and cost time. */
const CENTROID_TERMS = 40;
/**
 * A name shared by more groups than this within one date bucket ("Jakarta" on a busy day) says
 * little about which group a report belongs to; skipping it keeps merging linear.
 */
const POSTING_SCAN_LIMIT = 200;

/**
 * IDF-weighted terms of many items, names boosted, packed one item after another: item v's terms
 * are at [start[v], start[v + 1]). A corpus's reports hold some 700,000 terms: in a few typed
 * arrays they take a tenth of what three small arrays per report took.
 */
interface TermVectors {
  start: Int32Array;
  ids: Int32Array;
  weights: Float64Array;
  isName: Uint8Array;
  norm: Float64Array;
}

/** Something to cluster: a report, or (second pass) a group of reports. */
interface Item {
  date: ResolvedDate;
  window?: { from: string; to: string } | undefined;
  /** The article it comes from, -1 for none. */
  article: number;
  /** Higher first: the best items seed clusters. */
  rank: number;
}

/** Clusters of one date bucket, by the names their seeds contain. */
type Postings = Map<string, Map<number, number[]>>;

/**
 * Merges candidates that describe the same happening: the same date (or a coarser date that
 * contains it, or a day in a vague date's window), at least one shared name, and cosine
 * similarity of IDF-weighted terms. First each report is compared with the first (most
 * informative) report of each group, which keeps a busy day's groups from chaining into one;
 * then groups of one date whose centroids agree are joined, which catches one happening told
 * in different words. Items are bucketed by date and scored through an inverted index of each
 * bucket, so the cost grows with the corpus, not with its square.
 */
export function mergeCandidates(candidates: readonly MergeItem[], clauses: ClauseTerms): CandidateGroup[] {
  const vectors = weighVectors(clauses);
  const reports = candidates.map((c): Item => ({
    date: c.date,
    window: c.window,
    article: c.article,
    // A caption comes after every body report of its day, so it only seeds a group where the body has none.
    rank: c.caption ? CAPTION_RANK : c.score,
  }));
  const groups = cluster(reports, vectors, SAME_HAPPENING);
  const groupItems = groups.map((members): Item => ({
    date: reports[members[0]!]!.date,
    article: -1,
    rank: members.length,
  }));
  return cluster(groupItems, centroidVectors(groups, vectors), SAME_HAPPENING_GROUPS).flatMap((joined) => {
    const all = joined.flatMap((g) => groups[g]!);
    // Captions lent the group their day; the event is what the body reports, and only that.
    const members = all.filter((m) => !candidates[m]!.caption);
    if (members.length === 0) return [];
    return [{ date: groupItems[joined[0]!]!.date, members, centrality: centrality(members, vectors) }];
  });
}

/** Single pass: each item (item i's terms are vector i) joins the best-matching cluster of its date bucket, or seeds a new one. */
function cluster(items: readonly Item[], vectors: TermVectors, threshold: number): number[][] {
  const keys = items.map(sortKey);
  const order = items.map((_, i) => i).sort((a, b) => keys[a]! - keys[b]! || items[b]!.rank - items[a]!.rank);
  /** Item indices of each cluster; the first is the seed the others were compared with (see ClusterScorer). */
  const clusters: number[][] = [];
  const postings: Postings = new Map();
  const scorer = new ClusterScorer(vectors);
  for (const index of order) {
    const item = items[index]!;
    const days = windowKeys(item.window);
    const nearby = days.length > 0 ? scorer.best(index, days, postings, -1) : undefined;
    const best =
      nearby && nearby.cosine >= SAME_HAPPENING_NEARBY
        ? nearby
        : scorer.best(index, [ownKey(item.date)], postings, item.window ? -1 : item.article);
    if (best && (best === nearby || best.cosine >= threshold)) {
      clusters[best.id]!.push(index);
      scorer.addArticle(best.id, item.article);
    } else {
      register(clusters.length, item.date, index, vectors, postings);
      scorer.addSeed(index, item.article);
      clusters.push([index]);
    }
  }
  return clusters;
}

/** Room for `items` vectors of `terms` terms in all, filled in order by `addTerm` and `endVector`. */
function emptyVectors(items: number, terms: number): TermVectors {
  return {
    start: new Int32Array(items + 1),
    ids: new Int32Array(terms),
    weights: new Float64Array(terms),
    isName: new Uint8Array(terms),
    norm: new Float64Array(items),
  };
}

/** Adds a term at `at` to the vector being filled; `norm[item]` holds the sum of squares until `endVector` takes its root. */
function addTerm(vectors: TermVectors, item: number, at: number, id: number, weight: number, isName: boolean): void {
  vectors.ids[at] = id;
  vectors.weights[at] = weight;
  vectors.isName[at] = isName ? 1 : 0;
  vectors.norm[item]! += weight * weight;
}

/** Vector `item` is filled: the next one starts at `end`. */
function endVector(vectors: TermVectors, item: number, end: number): void {
  vectors.start[item + 1] = end;
  vectors.norm[item] = Math.sqrt(vectors.norm[item]!);
}

function weighVectors({ start, ids, isName, count }: ClauseTerms): TermVectors {
  const items = start.length - 1;
  const df = new Int32Array(count);
  for (const id of ids) df[id]!++;
  const idf = Array.from(df, (n) => Math.log(1 + items / n));
  const vectors = emptyVectors(items, ids.length);
  for (let c = 0; c < items; c++) {
    for (let at = start[c]!; at < start[c + 1]!; at++) {
      const id = ids[at]!;
      addTerm(vectors, c, at, id, idf[id]! * (isName[at] === 1 ? NAME_BOOST : 1), isName[at] === 1);
    }
    endVector(vectors, c, start[c + 1]!);
  }
  return vectors;
}

const PRECISION_RANK: Record<DatePrecision, number> = { day: 0, month: 2, year: 3 };

/**
 * Items are clustered finer dates first, so a "Juli" report finds the day group it belongs to,
 * then by date (as the number YYYYMMDD), then best first, so the best items seed clusters.
 */
function sortKey(item: Item): number {
  const level = PRECISION_RANK[item.date.precision] + (item.window ? 1 : 0);
  const iso = item.date.iso;
  const year = Number(iso.slice(0, 4));
  const month = iso.length >= 7 ? Number(iso.slice(5, 7)) : 0;
  const day = iso.length >= 10 ? Number(iso.slice(8, 10)) : 0;
  return level * 1e8 + year * 1e4 + month * 100 + day;
}

/** The bucket of a date: a day's own groups, or every group within a month or year. */
function ownKey(date: ResolvedDate): string {
  return `${date.precision[0]}:${date.iso}`;
}

/** Day buckets of a vague date's window ("pekan lalu" → the seven days of last week). */
function windowKeys(window: { from: string; to: string } | undefined): string[] {
  if (!window) return [];
  const toDay = (iso: string): number => {
    const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
    return dayNumber(y, m, d);
  };
  const first = toDay(window.from);
  const last = toDay(window.to);
  if (!(last >= first) || last - first >= MAX_WINDOW_DAYS) return [];
  const keys: string[] = [];
  for (let n = first; n <= last; n++) {
    const day = fromDayNumber(n);
    keys.push(`d:${dayIso(day.year, day.month, day.day)}`);
  }
  return keys;
}

/** Indexes a new cluster's seed (item `item`) by its names, in its own date bucket and every coarser one containing it. */
function register(id: number, date: ResolvedDate, item: number, vectors: TermVectors, postings: Postings): void {
  const keys = [`y:${date.iso.slice(0, 4)}`];
  if (date.precision !== 'year') keys.push(`m:${date.iso.slice(0, 7)}`);
  if (date.precision === 'day') keys.push(`d:${date.iso}`);
  for (const key of keys) {
    let bucket = postings.get(key);
    if (!bucket) postings.set(key, (bucket = new Map()));
    for (let i = vectors.start[item]!, end = vectors.start[item + 1]!; i < end; i++) {
      if (vectors.isName[i] === 0) continue;
      const list = bucket.get(vectors.ids[i]!);
      if (list) list.push(id);
      else bucket.set(vectors.ids[i]!, [id]);
    }
  }
}

/**
 * Finds the most similar cluster, among those of some buckets whose seed shares a name with the
 * item (a merge needs one). A cluster is compared through its seed (its first item), so it cannot
 * drift. The cosine with each seed is exact. Seeds are packed one after another in two typed
 * arrays, so the clusters of one date, made at about the same time, sit together in memory; the
 * item's weights go in a small open-addressing table that stays in the fastest cache.
 */
class ClusterScorer {
  private readonly seen: Uint8Array;
  private readonly touched: number[] = [];
  private slotTerm = new Int32Array(64).fill(-1);
  private slotWeight = new Float64Array(64);
  private readonly seedTerms: Int32Array;
  private readonly seedWeights: Float64Array;
  /** Where each seed starts in the packed arrays; one more entry marks the end of the last. */
  private readonly seedStart: Int32Array;
  private readonly seedNorm: Float64Array;
  private seeds = 0;
  /** Clusters each article has an item in, for the same-article bonus. */
  private readonly clustersOfArticle = new Map<number, number[]>();
  private readonly ownArticle: Uint8Array;

  constructor(private readonly vectors: TermVectors) {
    const items = vectors.norm.length;
    this.seen = new Uint8Array(items);
    this.ownArticle = new Uint8Array(items);
    this.seedTerms = new Int32Array(vectors.start[items]!);
    this.seedWeights = new Float64Array(vectors.start[items]!);
    this.seedStart = new Int32Array(items + 1);
    this.seedNorm = new Float64Array(items);
  }

  /** Item `item` seeds the next cluster (ids follow the order of calls); it comes from an article (-1 for none). */
  addSeed(item: number, article: number): void {
    const { vectors } = this;
    let at = this.seedStart[this.seeds]!;
    for (let i = vectors.start[item]!, end = vectors.start[item + 1]!; i < end; i++, at++) {
      this.seedTerms[at] = vectors.ids[i]!;
      this.seedWeights[at] = vectors.weights[i]!;
    }
    this.seedNorm[this.seeds] = vectors.norm[item]!;
    this.seedStart[++this.seeds] = at;
    this.addArticle(this.seeds - 1, article);
  }

  /** An item of `article` joined cluster `id`. */
  addArticle(id: number, article: number): void {
    if (article < 0) return;
    const ids = this.clustersOfArticle.get(article);
    if (!ids) this.clustersOfArticle.set(article, [id]);
    else if (!ids.includes(id)) ids.push(id);
  }

  /** The cluster most similar to item `item`. */
  best(item: number, keys: readonly string[], postings: Postings, sameArticle: number): { id: number; cosine: number } | undefined {
    const { vectors } = this;
    const first = vectors.start[item]!;
    const last = vectors.start[item + 1]!;
    for (const key of keys) {
      const bucket = postings.get(key);
      if (!bucket) continue;
      for (let i = first; i < last; i++) {
        if (vectors.isName[i] === 0) continue;
        const list = bucket.get(vectors.ids[i]!);
        if (!list || list.length > POSTING_SCAN_LIMIT) continue;
        for (const id of list) {
          if (this.seen[id] === 1) continue;
          this.seen[id] = 1;
          this.touched.push(id);
        }
      }
    }
    if (this.touched.length === 0) return undefined;
    const mask = this.fillSlots(first, last);
    const sameArticleClusters = sameArticle >= 0 ? (this.clustersOfArticle.get(sameArticle) ?? []) : [];
    for (const id of sameArticleClusters) this.ownArticle[id] = 1;
    const { slotTerm, slotWeight, seedTerms, seedWeights } = this;
    let best: { id: number; cosine: number } | undefined;
    for (const id of this.touched) {
      this.seen[id] = 0;
      let dot = 0;
      for (let k = this.seedStart[id]!, end = this.seedStart[id + 1]!; k < end; k++) {
        const term = seedTerms[k]!;
        for (let slot = term & mask; slotTerm[slot] !== -1; slot = (slot + 1) & mask) {
          if (slotTerm[slot] === term) {
            dot += seedWeights[k]! * slotWeight[slot]!;
            break;
          }
        }
      }
      const cosine = dot / (vectors.norm[item]! * this.seedNorm[id]! || 1) + (this.ownArticle[id] === 1 ? SAME_ARTICLE_BONUS : 0);
      if (!best || cosine > best.cosine) best = { id, cosine };
    }
    for (const id of sameArticleClusters) this.ownArticle[id] = 0;
    this.touched.length = 0;
    return best;
  }

  /** Puts the item's terms (`vectors`' [first, last)) in the table (at most half full) and returns the mask of the slots in use. */
  private fillSlots(first: number, last: number): number {
    const { ids, weights } = this.vectors;
    let size = 64;
    while (size < (last - first) * 2) size *= 2;
    if (size > this.slotTerm.length) {
      this.slotTerm = new Int32Array(size);
      this.slotWeight = new Float64Array(size);
    }
    const mask = size - 1;
    this.slotTerm.fill(-1, 0, size);
    for (let i = first; i < last; i++) {
      let slot = ids[i]! & mask;
      while (this.slotTerm[slot] !== -1) slot = (slot + 1) & mask;
      this.slotTerm[slot] = ids[i]!;
      this.slotWeight[slot] = weights[i]!;
    }
    return mask;
  }
}

/** Sum of the members' vectors, by term; and which terms are names in any member. */
function centroidOf(members: readonly number[], vectors: TermVectors): { weights: Map<number, number>; names: Set<number> } {
  const weights = new Map<number, number>();
  const names = new Set<number>();
  for (const m of members) {
    for (let i = vectors.start[m]!, end = vectors.start[m + 1]!; i < end; i++) {
      weights.set(vectors.ids[i]!, (weights.get(vectors.ids[i]!) ?? 0) + vectors.weights[i]!);
      if (vectors.isName[i] === 1) names.add(vectors.ids[i]!);
    }
  }
  return { weights, names };
}

/**
 * Each group's centroid as a vector of its heaviest terms, for comparing groups with groups (a
 * group of one: its report's vector). No centroid has more terms than its members, so the
 * reports' room is enough.
 */
function centroidVectors(groups: readonly (readonly number[])[], vectors: TermVectors): TermVectors {
  const centroids = emptyVectors(groups.length, vectors.ids.length);
  let at = 0;
  groups.forEach((members, g) => {
    if (members.length === 1) {
      const m = members[0]!;
      const first = vectors.start[m]!;
      const last = vectors.start[m + 1]!;
      centroids.ids.set(vectors.ids.subarray(first, last), at);
      centroids.weights.set(vectors.weights.subarray(first, last), at);
      centroids.isName.set(vectors.isName.subarray(first, last), at);
      at += last - first;
      centroids.start[g + 1] = at;
      centroids.norm[g] = vectors.norm[m]!;
      return;
    }
    const { weights, names } = centroidOf(members, vectors);
    for (const [id, weight] of [...weights].sort((a, b) => b[1] - a[1]).slice(0, CENTROID_TERMS))
      addTerm(centroids, g, at++, id, weight, names.has(id));
    endVector(centroids, g, at);
  });
  return centroids;
}

/** Cosine of each member to the sum of the members' vectors: how typical a report is of its group. */
function centrality(members: readonly number[], vectors: TermVectors): number[] {
  if (members.length === 1) return [1];
  const { weights } = centroidOf(members, vectors);
  let norm2 = 0;
  for (const w of weights.values()) norm2 += w * w;
  const norm = Math.sqrt(norm2);
  return members.map((m) => {
    let dot = 0;
    for (let i = vectors.start[m]!, end = vectors.start[m + 1]!; i < end; i++) dot += vectors.weights[i]! * weights.get(vectors.ids[i]!)!;
    return vectors.norm[m] === 0 || norm === 0 ? 0 : dot / (vectors.norm[m]! * norm);
  });
}
