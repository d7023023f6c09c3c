import { dayIso, dayNumber, fromDayNumber } from '../dates/calendar.ts';
import type { DatePrecision, ResolvedDate } from '../dates/types.ts';
import type { Candidate } from './extract.ts';

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
/** Names weigh more than common words: two reports of one happening share who and where. */
const NAME_BOOST = 2;
/** Terms of a group's centroid kept for the second pass: the rest weigh little and cost time. */
const CENTROID_TERMS = 40;
/**
 * A name shared by more groups than this within one date bucket ("Jakarta" on a busy day) says
 * little about which group a report belongs to; skipping it keeps merging linear.
 */
const POSTING_SCAN_LIMIT = 200;

/** IDF-weighted terms, names boosted. Plain arrays: a typed array per report costs more to allocate than it saves. */
interface TermVector {
  ids: number[];
  weights: number[];
  isName: boolean[];
  norm: number;
}

/** Something to cluster: a report, or (second pass) a group of reports. */
interface Item {
  date: ResolvedDate;
  window?: { from: string; to: string } | undefined;
  /** The article it comes from, -1 for none. */
  article: number;
  /** Higher first: the best items seed clusters. */
  rank: number;
  vector: TermVector;
}

/** Clusters of one date bucket, by the names their seeds contain. */
type Postings = Map<string, Map<number, number[]>>;

interface Cluster {
  /** Item indices; the first is the seed the others were compared with. */
  items: number[];
  /** A cluster is compared through its seed, so it cannot drift. */
  seed: TermVector;
  articles: number[];
}

/**
 * Merges candidates that describe the same happening: the same date (or a coarser date that
 * contains it, or a day in a vague date's window), at least one shared name, and cosine
 * similarity of IDF-weighted terms. First each report is compared with the first (most
 * informative) report of each group, which keeps a busy day's groups from chaining into one;
 * then groups of one date whose centroids agree are joined, which catches one happening told
 * in different words. Items are bucketed by date and scored through an inverted index of each
 * bucket, so the cost grows with the corpus, not with its square.
 */
export function mergeCandidates(candidates: readonly Candidate[]): CandidateGroup[] {
  const { vectors, vocabulary } = weighVectors(candidates);
  const reports = candidates.map((c, i): Item => ({ date: c.date, window: c.window, article: c.article, rank: c.score, vector: vectors[i]! }));
  const groups = cluster(reports, SAME_HAPPENING, vocabulary);
  const groupItems = groups.map((members): Item => ({
    date: reports[members[0]!]!.date,
    article: -1,
    rank: members.length,
    vector: centroidVector(members, vectors),
  }));
  return cluster(groupItems, SAME_HAPPENING_GROUPS, vocabulary).map((joined) => {
    const members = joined.flatMap((g) => groups[g]!);
    return { date: groupItems[joined[0]!]!.date, members, centrality: centrality(members, vectors) };
  });
}

/** Single pass: each item joins the best-matching cluster of its date bucket, or seeds a new one. */
function cluster(items: readonly Item[], threshold: number, vocabulary: number): number[][] {
  const keys = items.map(sortKey);
  const order = items.map((_, i) => i).sort((a, b) => keys[a]! - keys[b]! || items[b]!.rank - items[a]!.rank);
  const clusters: Cluster[] = [];
  const postings: Postings = new Map();
  const scorer = new ClusterScorer(items.length, vocabulary);
  for (const index of order) {
    const item = items[index]!;
    const days = windowKeys(item.window);
    const nearby = days.length > 0 ? scorer.best(item.vector, days, clusters, postings, -1) : undefined;
    const best = nearby && nearby.cosine >= SAME_HAPPENING_NEARBY
      ? nearby
      : scorer.best(item.vector, [ownKey(item.date)], clusters, postings, item.window ? -1 : item.article);
    if (best && (best === nearby || best.cosine >= threshold)) {
      const joined = clusters[best.id]!;
      joined.items.push(index);
      if (!joined.articles.includes(item.article)) joined.articles.push(item.article);
    } else {
      register(clusters.length, item.date, item.vector, postings);
      clusters.push({ items: [index], seed: item.vector, articles: [item.article] });
    }
  }
  return clusters.map((c) => c.items);
}

function weighVectors(candidates: readonly Candidate[]): { vectors: TermVector[]; vocabulary: number } {
  const ids = new Map<string, number>();
  const df: number[] = [];
  for (const candidate of candidates) {
    for (const term of candidate.clauseTerms) {
      let id = ids.get(term);
      if (id === undefined) {
        id = df.length;
        ids.set(term, id);
        df.push(0);
      }
      df[id]!++;
    }
  }
  const total = candidates.length;
  const vectors = candidates.map((candidate) => {
    const names = new Set(candidate.clauseNames);
    return toVector(candidate.clauseTerms.map((term) => {
      const id = ids.get(term)!;
      const isName = names.has(term);
      return { id, isName, weight: Math.log(1 + total / df[id]!) * (isName ? NAME_BOOST : 1) };
    }));
  });
  return { vectors, vocabulary: df.length };
}

function toVector(terms: ReadonlyArray<{ id: number; weight: number; isName: boolean }>): TermVector {
  let norm2 = 0;
  for (const t of terms) norm2 += t.weight * t.weight;
  return { ids: terms.map((t) => t.id), weights: terms.map((t) => t.weight), isName: terms.map((t) => t.isName), norm: Math.sqrt(norm2) };
}

const PRECISION_RANK: Record<DatePrecision, number> = { day: 0, month: 2, year: 3 };

/**
 * Items are clustered finer dates first, so a "Juli" report finds the day group it belongs to,
 * then by date (as the number YYYYMMDD), then best first, so the best items seed clusters.
 */
function sortKey(item: Item): number {
  const level = PRECISION_RANK[item.date.precision] + (item.window ? 1 : 0);
  const [year = 0, month = 0, day = 0] = item.date.iso.split('-').map(Number);
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

/** Indexes a new cluster's seed by its names, in its own date bucket and every coarser one containing it. */
function register(id: number, date: ResolvedDate, vector: TermVector, postings: Postings): void {
  const keys = [`y:${date.iso.slice(0, 4)}`];
  if (date.precision !== 'year') keys.push(`m:${date.iso.slice(0, 7)}`);
  if (date.precision === 'day') keys.push(`d:${date.iso}`);
  for (const key of keys) {
    let bucket = postings.get(key);
    if (!bucket) postings.set(key, (bucket = new Map()));
    for (let i = 0; i < vector.ids.length; i++) {
      if (!vector.isName[i]) continue;
      const list = bucket.get(vector.ids[i]!);
      if (list) list.push(id);
      else bucket.set(vector.ids[i]!, [id]);
    }
  }
}

/**
 * Finds the most similar cluster, among those of some buckets whose seed shares a name with the
 * item (a merge needs one). The cosine with each seed is exact, through a scratch array of the
 * item's weights by term, reset after each item.
 */
class ClusterScorer {
  private readonly seen: Uint8Array;
  private readonly touched: number[] = [];
  private readonly itemWeight: Float64Array;

  constructor(maxClusters: number, vocabulary: number) {
    this.seen = new Uint8Array(maxClusters);
    this.itemWeight = new Float64Array(vocabulary);
  }

  best(
    vector: TermVector,
    keys: readonly string[],
    clusters: readonly Cluster[],
    postings: Postings,
    sameArticle: number,
  ): { id: number; cosine: number } | undefined {
    for (const key of keys) {
      const bucket = postings.get(key);
      if (!bucket) continue;
      for (let i = 0; i < vector.ids.length; i++) {
        if (!vector.isName[i]) continue;
        const list = bucket.get(vector.ids[i]!);
        if (!list || list.length > POSTING_SCAN_LIMIT) continue;
        for (const id of list) {
          if (this.seen[id] === 1) continue;
          this.seen[id] = 1;
          this.touched.push(id);
        }
      }
    }
    for (let i = 0; i < vector.ids.length; i++) this.itemWeight[vector.ids[i]!] = vector.weights[i]!;
    let best: { id: number; cosine: number } | undefined;
    for (const id of this.touched) {
      this.seen[id] = 0;
      const { seed, articles } = clusters[id]!;
      let dot = 0;
      for (let k = 0; k < seed.ids.length; k++) dot += seed.weights[k]! * this.itemWeight[seed.ids[k]!]!;
      const cosine = dot / (vector.norm * seed.norm || 1) + (sameArticle >= 0 && articles.includes(sameArticle) ? SAME_ARTICLE_BONUS : 0);
      if (!best || cosine > best.cosine) best = { id, cosine };
    }
    for (let i = 0; i < vector.ids.length; i++) this.itemWeight[vector.ids[i]!] = 0;
    this.touched.length = 0;
    return best;
  }
}

/** Sum of the members' vectors, by term; and which terms are names in any member. */
function centroidOf(members: readonly number[], vectors: readonly TermVector[]): { weights: Map<number, number>; names: Set<number> } {
  const weights = new Map<number, number>();
  const names = new Set<number>();
  for (const m of members) {
    const v = vectors[m]!;
    for (let i = 0; i < v.ids.length; i++) {
      weights.set(v.ids[i]!, (weights.get(v.ids[i]!) ?? 0) + v.weights[i]!);
      if (v.isName[i]) names.add(v.ids[i]!);
    }
  }
  return { weights, names };
}

/** A group's centroid as a vector of its heaviest terms, for comparing groups with groups. */
function centroidVector(members: readonly number[], vectors: readonly TermVector[]): TermVector {
  if (members.length === 1) return vectors[members[0]!]!;
  const { weights, names } = centroidOf(members, vectors);
  const top = [...weights].sort((a, b) => b[1] - a[1]).slice(0, CENTROID_TERMS);
  return toVector(top.map(([id, weight]) => ({ id, weight, isName: names.has(id) })));
}

/** Cosine of each member to the sum of the members' vectors: how typical a report is of its group. */
function centrality(members: readonly number[], vectors: readonly TermVector[]): number[] {
  if (members.length === 1) return [1];
  const { weights } = centroidOf(members, vectors);
  let norm2 = 0;
  for (const w of weights.values()) norm2 += w * w;
  const norm = Math.sqrt(norm2);
  return members.map((m) => {
    const v = vectors[m]!;
    let dot = 0;
    for (let i = 0; i < v.ids.length; i++) dot += v.weights[i]! * weights.get(v.ids[i]!)!;
    return v.norm === 0 || norm === 0 ? 0 : dot / (v.norm * norm);
  });
}
