import type { TestPlatform } from '../support/testPlatform';
import { CREATOR_PRINCIPAL, InterruptedEdits, type DyingStore, type SegmentJson } from './interruptedEdits';
import { CREATOR, json, servicesFor, storedPlan, type TestServices } from './support';
import { sharedTestPlatform } from '../support/sharedPlatform';

/**
 * A segment's new words change the chapter text too; both are written in one step (the edited plan as a new
 * generation, committed with the chapter text in one write), so an edit that stops halfway leaves the old text and
 * plan or the new ones, never a chapter whose text and segments disagree (which the consistency check would re-plan,
 * dropping the edit). The edit runs in this process against the real local platform's
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

const NEW_WORDS = 'Words the editor typed in place of the line, & <markup>.';

function editText(store: DyingStore, projectId: string, target: SegmentJson) {
  return edits
    .editingService(store)
    .update(CREATOR_PRINCIPAL, projectId, target.id, target.etag, { text: NEW_WORDS }, edits.noPlanRunning);
}

describe('segment text edits stopped halfway', () => {
  it('stopped before any segment is written, or halfway through, the old text and plan stay whole', async () => {
    const { projectId, chapterId, plan } = await edits.plannedChapter('Text edits that stop halfway');
    expect(plan.length).toBeGreaterThan(20);
    const textBefore = await edits.chapterText(projectId, chapterId);
    for (const writes of [0, Math.floor(plan.length / 2)]) {
      await expect(editText(edits.dyingStore(writes), projectId, plan[2])).rejects.toThrow('the store is gone');
      expect(await edits.chapterPlan(projectId, chapterId)).toEqual(plan);
      expect(await edits.chapterText(projectId, chapterId)).toBe(textBefore);
      await edits.expectWhole(projectId);
    }
  });

  it('stopped after its commit, the new text and plan are whole and agree', async () => {
    const { projectId, chapterId, plan } = await edits.plannedChapter('Text edits that stop halfway');
    const textBefore = await edits.chapterText(projectId, chapterId);
    const target = plan[3];
    await expect(editText(edits.dyingStore(plan.length), projectId, target)).rejects.toThrow('the store is gone');
    const after = await edits.chapterPlan(projectId, chapterId);
    const edited = NEW_WORDS + target.text.slice(target.text.trimEnd().length);
    expect(after.map((segment) => segment.text)).toEqual([
      ...plan.slice(0, 3).map((segment) => segment.text),
      target.text.slice(0, target.text.length - target.text.trimStart().length) + edited,
      ...plan.slice(4).map((segment) => segment.text),
    ]);
    const textAfter = await edits.chapterText(projectId, chapterId);
    expect(textAfter).not.toBe(textBefore);
    expect(textAfter).toBe(after.map((segment) => segment.text).join(''));
    await edits.expectWhole(projectId);
  });

  it('through the API the edit answers the segment in its new plan, the chapter text changed with it', async () => {
    const { projectId, chapterId, plan } = await edits.plannedChapter('Text edits that stop halfway');
    const target = plan[1];
    const res = await platform.api(CREATOR, `/v1/projects/${projectId}/segments/${target.id}`, {
      method: 'PATCH',
      headers: { 'if-match': target.etag },
      json: { text: NEW_WORDS },
    });
    const edited = await json<SegmentJson>(res, 200);
    expect(edited.text.trim()).toBe(NEW_WORDS);
    const after = await edits.chapterPlan(projectId, chapterId);
    expect(after[1]).toEqual(edited);
    expect(await edits.chapterText(projectId, chapterId)).toBe(after.map((segment) => segment.text).join(''));
    expect((await storedPlan(svc, projectId)).strays).toEqual([]);
    await edits.expectWhole(projectId);
  });
});
