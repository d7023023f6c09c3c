import type { DatePrecision } from '../dates/types.ts';

/**
 * The tuning constants of a timeline query, in one place, with what each is for. Extraction and
 * merging keep theirs beside the code that reads them (extract.ts, merge.ts): they decide what is
 * stored, these only what is shown.
 */
export interface TimelineParams {
  /** Events shown when the query names no limit. */
  defaultEventLimit: number;
  /** Articles of a topic considered; ranked by the engine, so the tail adds little but time. */
  topicArticleLimit: number;
  /**
   * Share of the topic's weight (each term weighs its rarity among dated sentences) a sentence
   * and its article's title must hold together: the topic as a whole, not half of it ("gempa" or
   * "Ambon" alone is not "gempa Ambon"): only a common word of it may be missing.
   */
  topicCoverage: number;
  /** Share of that weight the sentence itself must hold, its rarest term always among it. */
  topicSentenceShare: number;
  /**
   * An article the engine matches to the whole topic at least this share of the best match's score
   * is about the topic: its sentences need only `topicSentenceShare` ("pemindahan ibu kota" in a
   * story on the new capital may omit the common "baru"); a weaker match must hold `topicCoverage`.
   */
  strongMatchShare: number;
  /**
   * Outlets whose stories matched strongly to the topic must report an event together for it to be
   * the topic's when none of their sentences names the topic: "…," ujarnya, Kamis (19/9/2019) in
   * stories about the new capital dates one of its happenings; one story alone may be an aside.
   */
  storyOutletsAlone: number;
  /** Subtracted from an event's rank when its line is a quotation (or a quotation's end): the reporter's account wins. */
  quotationPenalty: number;
  /**
   * Subtracted from an event's rank by its precision: what a story dates only to a month or a year
   * ("sejak 2014", "pada 2018") is background to the topic, not one of its reported happenings.
   */
  vaguePenalty: Readonly<Record<DatePrecision, number>>;
  /** Added, times the share of its outlets writing in stories matched strongly to the topic: the topic's own stories, not asides. */
  aboutTopicBonus: number;
  /** Two lines of one day whose terms overlap this much (of the shorter line's) tell one happening. */
  sameDayOverlap: number;
}

export const TIMELINE_PARAMS: Readonly<TimelineParams> = Object.freeze({
  defaultEventLimit: 15,
  topicArticleLimit: 2000,
  topicCoverage: 0.8,
  topicSentenceShare: 0.5,
  strongMatchShare: 2 / 3,
  storyOutletsAlone: 2,
  quotationPenalty: 0.75,
  vaguePenalty: Object.freeze({ day: 0, month: 0.5, year: 1 }),
  aboutTopicBonus: 1,
  sameDayOverlap: 0.5,
});
