import type { TestPlatform } from '../support/testPlatform';
import { CREATOR_PRINCIPAL, InterruptedEdits } from './interruptedEdits';
import { consistencyCheck, CREATOR, servicesFor, storedPlan, type TestServices } from './support';
import { sharedTestPlatform } from '../support/sharedPlatform';

/**
 * Split, merge and delete write the edited chapter as a new plan generation, so an edit that stops halfway (its
 * process killed, its store gone) leaves the old plan or the new one whole: the chapter reads whole and the
 * consistency check has no chapter to re-plan. The edit runs in this process against the real local platform's
 * store, which "dies" under it after a chosen number of segment writes: from then on every read and write fails, as
 * for a process that was killed there.
 */
let platform: TestPlatform;
let svc: TestServices;
let edits: InterruptedEdits;

beforeAll(async () => {
  platform = await sharedTestPlatform();
  svc = await servicesFor(platform);
  edits = new InterruptedEdits(platform, svc);
});
afterAll(async () => {
  await platform?.stop();
});

describe('split, merge and delete stopped halfway', () => {
  it('a split stopped while writing leaves the old plan whole', async () => {
    const { projectId, chapterId, plan } = await edits.plannedChapter('Edits that stop halfway');
    expect(plan.length).toBeGreaterThan(20);
    const textBefore = await edits.chapterText(projectId, chapterId);
    const target = plan[2];
    const store = edits.dyingStore(Math.floor(plan.length / 2));
    await expect(
      edits
        .editingService(store)
        .split(
          CREATOR_PRINCIPAL,
          projectId,
          target.id,
          Math.floor(target.text.length / 2),
          target.etag,
          edits.noPlanRunning,
        ),
    ).rejects.toThrow('the store is gone');

    expect(await edits.chapterPlan(projectId, chapterId)).toEqual(plan);
    expect(await edits.chapterText(projectId, chapterId)).toBe(textBefore);
    const { leftoverSegments } = await edits.expectWhole(projectId);
    expect(leftoverSegments).toBe(Math.floor(plan.length / 2));
  });

  it('a delete stopped while writing leaves the old plan and the chapter text whole', async () => {
    const { projectId, chapterId, plan } = await edits.plannedChapter('Edits that stop halfway');
    const textBefore = await edits.chapterText(projectId, chapterId);
    const target = plan[1];
    const store = edits.dyingStore(Math.floor(plan.length / 3));
    await expect(
      edits.editingService(store).remove(CREATOR_PRINCIPAL, projectId, target.id, target.etag, edits.noPlanRunning),
    ).rejects.toThrow('the store is gone');
    expect(await edits.chapterPlan(projectId, chapterId)).toEqual(plan);
    expect(await edits.chapterText(projectId, chapterId)).toBe(textBefore);
    await edits.expectWhole(projectId);
  });

  it('a merge stopped after its commit leaves the new plan whole, the old one left over to remove', async () => {
    const { projectId, chapterId, plan } = await edits.plannedChapter('Edits that stop halfway');
    const textBefore = await edits.chapterText(projectId, chapterId);
    const target = plan[3];
    // Every segment of the new plan (one fewer) is written, the commit is made, then the store goes.
    const store = edits.dyingStore(plan.length - 1);
    await expect(
      edits.editingService(store).mergeNext(CREATOR_PRINCIPAL, projectId, target.id, target.etag, edits.noPlanRunning),
    ).rejects.toThrow('the store is gone');
    const after = await edits.chapterPlan(projectId, chapterId);
    expect(after.map((segment) => segment.text)).toEqual([
      ...plan.slice(0, 3).map((segment) => segment.text),
      plan[3].text + plan[4].text,
      ...plan.slice(5).map((segment) => segment.text),
    ]);
    expect(after.map((segment) => segment.index)).toEqual(after.map((_, index) => index));
    expect(await edits.chapterText(projectId, chapterId)).toBe(textBefore);
    const { leftoverSegments } = await edits.expectWhole(projectId);
    expect(leftoverSegments).toBe(plan.length);
  });

  it('an edit after a stopped one removes what the stopped one left', async () => {
    const { projectId, chapterId, plan } = await edits.plannedChapter('Edits that stop halfway');
    const target = plan[2];
    await expect(
      edits
        .editingService(edits.dyingStore(5))
        .split(CREATOR_PRINCIPAL, projectId, target.id, 3, target.etag, edits.noPlanRunning),
    ).rejects.toThrow('the store is gone');
    const split = await platform.api(CREATOR, `/v1/projects/${projectId}/segments/${target.id}/split`, {
      method: 'POST',
      headers: { 'if-match': target.etag },
      json: { offset: 3 },
    });
    expect(split.status).toBe(200);
    expect((await edits.chapterPlan(projectId, chapterId)).length).toBe(plan.length + 1);
    expect((await storedPlan(svc, projectId)).strays).toEqual([]);
    expect((await consistencyCheck(platform, projectId)).found).toMatchObject({ consistent: true });
  });
});
