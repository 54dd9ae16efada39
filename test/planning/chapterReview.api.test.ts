import type { TestPlatform } from '../support/testPlatform';
import { BookStore, DIALOGUE_BOOK, allSegments, createProject, planProject } from './support';
import { sharedTestPlatform } from '../support/sharedPlatform';

/** The chapter list carries each chapter's review counts, and they agree with the segment listing's filters. */
const CREATOR = 'creator@andes.test';
const TENANT = 't-andes';

interface Review {
  segments: number;
  flagged: number;
  unknownSpeaker: number;
  unknownDialogue: number;
}
interface Summary {
  id: string;
  planStatus: string;
  review: Review | null;
}

let platform: TestPlatform;
let store: BookStore;
let projectId: string;
let chapterIds: string[];

async function chapterList(): Promise<Summary[]> {
  const res = await platform.api(CREATOR, `/v1/projects/${projectId}/chapters`);
  expect(res.status).toBe(200);
  return ((await res.json()) as { items: Summary[] }).items;
}
const reviewOf = async (chapterId: string) => (await chapterList()).find((c) => c.id === chapterId)!.review;
const listed = (chapterId: string, filter = '') =>
  allSegments(platform, CREATOR, projectId, `chapterId=${chapterId}${filter ? `&${filter}` : ''}`);

beforeAll(async () => {
  platform = await sharedTestPlatform();
  store = new BookStore(platform);
  projectId = await createProject(platform, CREATOR, 'Chapter review');
  ({ chapterIds } = await store.seedBook(TENANT, projectId, DIALOGUE_BOOK));
});
afterAll(async () => {
  store?.close();
  await platform?.stop();
});

describe('chapter review counts in the chapter list', () => {
  it('are part of the published chapter summary schema', async () => {
    const doc = (await (await platform.api(null, '/openapi.json')).json()) as {
      components: { schemas: Record<string, { properties?: Record<string, unknown> }> };
    };
    expect(doc.components.schemas.ChapterSummary.properties).toHaveProperty('review');
    expect(Object.keys(doc.components.schemas.ChapterReview.properties ?? {}).sort()).toEqual([
      'flagged',
      'segments',
      'unknownDialogue',
      'unknownSpeaker',
    ]);
  });

  it('a chapter not planned reads null, never zero', async () => {
    await planProject(platform, CREATOR, projectId, [chapterIds[0]]);
    const [first, second] = await chapterList();
    expect(first.review).not.toBeNull();
    expect(second).toMatchObject({ planStatus: 'none', review: null });
  });

  it('after planning, each chapter counts what the segment filters list', async () => {
    await planProject(platform, CREATOR, projectId);
    for (const chapterId of chapterIds) {
      const review = (await reviewOf(chapterId))!;
      expect(review).not.toBeNull();
      const segments = await listed(chapterId);
      expect(review.segments).toBe(segments.length);
      expect(review.flagged).toBe((await listed(chapterId, 'flagged=true')).length);
      expect(review.unknownSpeaker).toBe((await listed(chapterId, 'unknown=true')).length);
      expect(review.unknownDialogue).toBe(
        segments.filter((s) => s.kind === 'dialogue' && s.speakerId === 'unknown').length,
      );
    }
  });

  it('flagging a line adds one to its chapter and clearing the flag takes it away', async () => {
    const chapterId = chapterIds[1];
    const before = (await reviewOf(chapterId))!;
    const line = (await listed(chapterId)).find((s) => !s.flagged && s.speakerId !== 'unknown')!;
    const flag = async (etag: string, flagged: boolean) => {
      const res = await platform.api(CREATOR, `/v1/projects/${projectId}/segments/${line.id}`, {
        method: 'PATCH',
        headers: { 'if-match': etag },
        json: { flagged },
      });
      expect(res.status).toBe(200);
      return ((await res.json()) as { etag: string }).etag;
    };

    const flaggedEtag = await flag(line.etag, true);
    expect(await reviewOf(chapterId)).toEqual({ ...before, flagged: before.flagged + 1 });
    await flag(flaggedEtag, false);
    expect(await reviewOf(chapterId)).toEqual(before);
    expect(await reviewOf(chapterIds[0])).not.toBeNull();
  });
});
