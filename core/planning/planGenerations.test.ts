import { ConflictError } from '../errors';
import type { ChapterRecord, SegmentRecord } from '../book/records';
import type { ProjectCollection } from '../ports/documents';
import { typedCollection, type TypedCollection } from '../ports/typedCollection';
import { PLAN_READS, readCommittedPlan } from './planGenerations';

/**
 * A chapter whose committed generation moves on each of its first `commits` reads, as when that many planners commit
 * one after another while the plan is being read; its segments are never found (each read plan was just replaced).
 */
function racedChapter(commits: number) {
  let reads = 0;
  const chapter = { id: 'c1', tenantId: 't1', projectId: 'p1', type: 'chapter', planGeneration: 1 } as ChapterRecord;
  // Only the two methods readCommittedPlan calls are given; the cast names the port they stand for.
  const chapters = {
    get: async () => ({ ...chapter, planGeneration: 1 + Math.min(++reads, commits) }),
  } as unknown as TypedCollection<ChapterRecord>;
  const segments = typedCollection<SegmentRecord>(
    { list: async () => ({ items: [], continuationToken: null }) } as unknown as ProjectCollection<SegmentRecord>,
    'segment',
  );
  return { chapter, chapters, segments };
}

test('a request reading a plan that keeps being replaced gives up with a conflict to retry', async () => {
  const { chapter, chapters, segments } = racedChapter(PLAN_READS.request + 3);
  await expect(readCommittedPlan(chapters, segments, chapter)).rejects.toBeInstanceOf(ConflictError);
});

test('a planner checking what it left outlasts the planners it raced and reads the last committed plan', async () => {
  const commits = 19;
  const { chapter, chapters, segments } = racedChapter(commits);
  const plan = await readCommittedPlan(chapters, segments, chapter, PLAN_READS.planner);
  expect(plan.chapter.planGeneration).toBe(1 + commits);
});
