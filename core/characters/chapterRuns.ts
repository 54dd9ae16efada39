/**
 * Where a person's story begins and ends, for telling namesakes apart (clusters.ts): the chapters a name is written
 * in fall into runs of consecutive chapters, and two sets of chapters belong to one story when they share other
 * people. A novel's people come back chapter after chapter; a collection's stories have people of their own.
 */
import { isStoryCollection } from './stories';

/**
 * A set of chapters belongs with another when they share this many people besides the ones being compared: a novel's
 * chapters apart still share Elizabeth and Mrs. Bennet, a collection's stories share nobody.
 */
export const SAME_STORY_PEOPLE = 2;

/** Chapter indexes, ascending and without repeats, cut into runs of consecutive chapters. */
export function runsOfConsecutive(chapters: number[]): number[][] {
  const runs: number[][] = [];
  let start = 0;
  for (let index = 1; index <= chapters.length; index++) {
    if (index < chapters.length && chapters[index] - chapters[index - 1] <= 1) continue;
    runs.push(chapters.slice(start, index));
    start = index;
  }
  return runs;
}

/**
 * How many people (`peopleChapters`: each person's chapters), other than `own`, are written both in `chapters` and
 * in `others`.
 */
export function sharedPeople(
  peopleChapters: Map<string, Set<number>>,
  chapters: Set<number>,
  others: Set<number>,
  own: Set<string>,
): number {
  let shared = 0;
  for (const [person, seen] of peopleChapters) {
    if (own.has(person)) continue;
    const list = [...seen];
    if (list.some((chapter) => chapters.has(chapter)) && list.some((chapter) => others.has(chapter))) shared++;
  }
  return shared;
}

/**
 * A person written in at least this share of the book's chapters is its recurring cast (a series' detective and
 * narrator): present in every story, they say nothing of which chapters are one story. Only in a book whose people
 * read as a collection's (stories.ts): a novel's recurring people are what ties its chapters.
 */
const RECURRING_SHARE = 0.5;

/** `peopleChapters` without a collection's recurring cast, for telling stories apart by the people they share. */
export function withoutRecurringCast(
  peopleChapters: Map<string, Set<number>>,
  chapterCount: number,
): Map<string, Set<number>> {
  // Every named person counts here, speaking or not: the test asks only whether most belong to one chapter.
  const people = [...peopleChapters.values()].map((seen) => ({ chapters: seen.size, lines: 1 }));
  if (!isStoryCollection(people, chapterCount)) return peopleChapters;
  return new Map([...peopleChapters].filter(([, seen]) => seen.size < chapterCount * RECURRING_SHARE));
}
