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
  const vectors = weighVectors(candidates);
  const reports = candidates.map((c, i): Item => ({
    date: c.date,
    window: c.window,
    article: c.article,
    // A caption comes after every body report of its day, so it only seeds a group where the body has none.
    rank: c.caption ? CAPTION_RANK : c.score,
    vector: vectors[i]!,
  }));
  const groups = cluster(reports, SAME_HAPPENING);
  const groupItems = groups.map((members): Item => ({
    date: reports[members[0]!]!.date,
    article: -1,
    rank: members.length,
    vector: centroidVector(members, vectors),
  }));
  return cluster(groupItems, SAME_HAPPENING_GROUPS).flatMap((joined) => {
    const all = joined.flatMap((g) => groups[g]!);
    // Captions lent the group their day; the event is what the body reports, and only that.
    const members = all.filter((m) => !candidates[m]!.caption);
    if (members.length === 0) return [];
    return [{ date: groupItems[joined[0]!]!.date, members, centrality: centrality(members, vectors) }];
  });
}

/** Single pass: each item joins the best-matching cluster of its date bucket, or seeds a new one. */
function cluster(items: readonly Item[], threshold: number): number[][] {
  const keys = items.map(sortKey);
  const order = items.map((_, i) => i).sort((a, b) => keys[a]! - keys[b]! || items[b]!.rank - items[a]!.rank);
  /** Item indices of each cluster; the first is the seed the others were compared with (see ClusterScorer). */
  const clusters: number[][] = [];
  const postings: Postings = new Map();
  const scorer = new ClusterScorer(items);
  for (const index of order) {
    const item = items[index]!;
    const days = windowKeys(item.window);
    const nearby = days.length > 0 ? scorer.best(item.vector, days, postings, -1) : undefined;
    const best =
      nearby && nearby.cosine >= SAME_HAPPENING_NEARBY
        ? nearby
        : scorer.best(item.vector, [ownKey(item.date)], postings, item.window ? -1 : item.article);
    if (best && (best === nearby || best.cosine >= threshold)) {
      clusters[best.id]!.push(index);
      scorer.addArticle(best.id, item.article);
    } else {
      register(clusters.length, item.date, item.vector, postings);
      scorer.addSeed(item.vector, item.article);
      clusters.push([index]);
    }
  }
  return clusters;
}

function weighVectors(candidates: readonly Candidate[]): TermVector[] {
  const ids = new Map<string, number>();
  const df: number[] = [];
  const termIds = candidates.map((candidate) =>
    candidate.clauseTerms.map((term) => {
      let id = ids.get(term);
      if (id === undefined) {
        id = df.length;
        ids.set(term, id);
        df.push(0);
      }
      df[id]!++;
      return id;
    }),
  );
  const idf = df.map((count) => Math.log(1 + candidates.length / count));
  return candidates.map((candidate, c): TermVector => {
    const vector = emptyVector();
    candidate.clauseTerms.forEach((term, i) => {
      const id = termIds[c]![i]!;
      const isName = candidate.clauseNames.includes(term);
      addTerm(vector, id, idf[id]! * (isName ? NAME_BOOST : 1), isName);
    });
    vector.norm = Math.sqrt(vector.norm);
    return vector;
  });
}

/** Vectors are built term by term, all the same way, so the scorer's loops see one shape. */
function emptyVector(): TermVector {
  return { ids: [], weights: [], isName: [], norm: 0 };
}

/** Adds a term; `norm` holds the sum of squares until the caller takes its root. */
function addTerm(vector: TermVector, id: number, weight: number, isName: boolean): void {
  vector.ids.push(id);
  vector.weights.push(weight);
  vector.isName.push(isName);
  vector.norm += weight * weight;
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

  constructor(items: readonly Item[]) {
    this.seen = new Uint8Array(items.length);
    this.ownArticle = new Uint8Array(items.length);
    let terms = 0;
    for (const item of items) terms += item.vector.ids.length;
    this.seedTerms = new Int32Array(terms);
    this.seedWeights = new Float64Array(terms);
    this.seedStart = new Int32Array(items.length + 1);
    this.seedNorm = new Float64Array(items.length);
  }

  /** The seed of the next cluster (ids follow the order of calls), from an article (-1 for none). */
  addSeed(vector: TermVector, article: number): void {
    let at = this.seedStart[this.seeds]!;
    for (let i = 0; i < vector.ids.length; i++, at++) {
      this.seedTerms[at] = vector.ids[i]!;
      this.seedWeights[at] = vector.weights[i]!;
    }
    this.seedNorm[this.seeds] = vector.norm;
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

  best(vector: TermVector, keys: readonly string[], postings: Postings, sameArticle: number): { id: number; cosine: number } | undefined {
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
    if (this.touched.length === 0) return undefined;
    const mask = this.fillSlots(vector);
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
      const cosine = dot / (vector.norm * this.seedNorm[id]! || 1) + (this.ownArticle[id] === 1 ? SAME_ARTICLE_BONUS : 0);
      if (!best || cosine > best.cosine) best = { id, cosine };
    }
    for (const id of sameArticleClusters) this.ownArticle[id] = 0;
    this.touched.length = 0;
    return best;
  }

  /** Puts the item's terms in the table (at most half full) and returns the mask of the slots in use. */
  private fillSlots(vector: TermVector): number {
    let size = 64;
    while (size < vector.ids.length * 2) size *= 2;
    if (size > this.slotTerm.length) {
      this.slotTerm = new Int32Array(size);
      this.slotWeight = new Float64Array(size);
    }
    const mask = size - 1;
    this.slotTerm.fill(-1, 0, size);
    for (let i = 0; i < vector.ids.length; i++) {
      let slot = vector.ids[i]! & mask;
      while (this.slotTerm[slot] !== -1) slot = (slot + 1) & mask;
      this.slotTerm[slot] = vector.ids[i]!;
      this.slotWeight[slot] = vector.weights[i]!;
    }
    return mask;
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
  const vector = emptyVector();
  for (const [id, weight] of [...weights].sort((a, b) => b[1] - a[1]).slice(0, CENTROID_TERMS)) addTerm(vector, id, weight, names.has(id));
  vector.norm = Math.sqrt(vector.norm);
  return vector;
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
