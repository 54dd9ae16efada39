import type { Services } from '../../adapters/compositionRoot';
import type { TestPlatform } from '../support/testPlatform';
import {
  consistencyCheck,
  corpusOpening,
  createProject,
  CREATOR,
  finishedJob,
  importManuscript,
  json,
  planFailures,
  servicesFor,
  startJob,
  storedPlan,
} from './support';
import { sharedTestPlatform } from '../support/sharedPlatform';

/**
 * Split, merge and delete under 20 parallel requests on one chapter: each is applied whole or refused, the chapter's
 * plan stays whole (positions 0…n-1, its text spelled exactly), its totals stay right, and a speaker edit
 * acknowledged meanwhile is not lost by a structural edit that read the plan before it.
 */
const PARALLEL = 20;
let platform: TestPlatform;
let svc: Services;

beforeAll(async () => {
  platform = await sharedTestPlatform();
  svc = await servicesFor(platform);
});
afterAll(async () => {
  await platform?.stop();
});

interface SegmentJson {
  id: string;
  index: number;
  text: string;
  speakerId: string;
  etag: string;
}

async function plannedChapter(): Promise<{ projectId: string; chapterId: string }> {
  const projectId = await createProject(platform, 'Parallel structural edits');
  await importManuscript(platform, projectId, corpusOpening(1), 'opening.txt');
  expect((await finishedJob(platform, projectId, await startJob(platform, projectId, '/plan'))).status).toBe(
    'succeeded',
  );
  const stored = await storedPlan(svc, projectId);
  const chapter = stored.chapters.reduce((longest, c) =>
    stored.plans.get(c.id)!.length > stored.plans.get(longest.id)!.length ? c : longest,
  );
  return { projectId, chapterId: chapter.id };
}

async function chapterPlan(projectId: string, chapterId: string): Promise<SegmentJson[]> {
  const res = await platform.api(CREATOR, `/v1/projects/${projectId}/segments?chapterId=${chapterId}&pageSize=1000`);
  return (await json<{ items: SegmentJson[] }>(res, 200)).items;
}

const post = (projectId: string, path: string, etag: string, body?: unknown) =>
  platform.api(CREATOR, `/v1/projects/${projectId}/segments/${path}`, {
    method: 'POST',
    headers: { 'if-match': etag },
    json: body,
  });

async function expectWhole(projectId: string): Promise<void> {
  expect(planFailures(await storedPlan(svc, projectId))).toEqual([]);
  const { found } = await consistencyCheck(platform, projectId);
  expect(found).toMatchObject({ consistent: true, chapterProblems: [], staleTotals: [], leftoverSegments: 0 });
}

describe(`${PARALLEL} parallel structural edits of one chapter`, () => {
  it('identical splits: exactly one is applied', async () => {
    const { projectId, chapterId } = await plannedChapter();
    const plan = await chapterPlan(projectId, chapterId);
    const target = plan.find((segment) => segment.text.trim().length > 20)!;
    const answers = await Promise.all(
      Array.from({ length: PARALLEL }, () => post(projectId, `${target.id}/split`, target.etag, { offset: 10 })),
    );
    const statuses = answers.map((answer) => answer.status);
    expect(statuses.filter((status) => status === 200)).toHaveLength(1);
    expect(statuses.every((status) => [200, 404, 409, 412].includes(status))).toBe(true);
    expect(await chapterPlan(projectId, chapterId)).toHaveLength(plan.length + 1);
    await expectWhole(projectId);
  });

  it('splits, merges and deletes of different segments: each applied whole or refused', async () => {
    const { projectId, chapterId } = await plannedChapter();
    const plan = await chapterPlan(projectId, chapterId);
    const text = plan.map((segment) => segment.text).join('');
    const targets = plan.filter((segment) => segment.text.trim().length > 20).slice(0, PARALLEL);
    expect(targets).toHaveLength(PARALLEL);
    const answers = await Promise.all(
      targets.map((target, i) =>
        i % 3 === 0
          ? post(projectId, `${target.id}/split`, target.etag, { offset: 10 })
          : i % 3 === 1
            ? post(projectId, `${target.id}/merge-next`, target.etag)
            : platform.api(CREATOR, `/v1/projects/${projectId}/segments/${target.id}`, {
                method: 'DELETE',
                headers: { 'if-match': target.etag },
              }),
      ),
    );
    const applied = { split: 0, merge: 0, delete: 0 };
    const removed: string[] = [];
    for (const [i, answer] of answers.entries()) {
      expect([200, 204, 404, 409].includes(answer.status)).toBe(true);
      if (answer.status >= 300) continue;
      if (i % 3 === 0) applied.split++;
      else if (i % 3 === 1) applied.merge++;
      else {
        applied.delete++;
        removed.push(targets[i].text);
      }
    }
    expect(applied.split + applied.merge + applied.delete).toBeGreaterThan(0);
    const after = await chapterPlan(projectId, chapterId);
    expect(after).toHaveLength(plan.length + applied.split - applied.merge - applied.delete);
    // The words left are the chapter's words without the deleted segments', in order.
    let expected = text;
    for (const words of removed) expected = expected.replace(words, '');
    expect(after.map((segment) => segment.text).join('')).toBe(expected);
    await expectWhole(projectId);
  });

  it('speaker edits acknowledged while splits rewrite the chapter are kept', async () => {
    const { projectId, chapterId } = await plannedChapter();
    const plan = await chapterPlan(projectId, chapterId);
    const counts = new Map<string, number>();
    for (const segment of plan) counts.set(segment.text, (counts.get(segment.text) ?? 0) + 1);
    const unique = plan.filter((segment) => counts.get(segment.text) === 1 && segment.text.trim().length > 20);
    const splits = unique.slice(0, PARALLEL / 2);
    const edits = unique.slice(PARALLEL / 2, PARALLEL);
    const speakerFor = (segment: SegmentJson) => (segment.speakerId === 'narrator' ? 'unknown' : 'narrator');
    const answers = await Promise.all([
      ...splits.map((segment) => post(projectId, `${segment.id}/split`, segment.etag, { offset: 10 })),
      ...edits.map((segment) =>
        platform.api(CREATOR, `/v1/projects/${projectId}/segments/${segment.id}`, {
          method: 'PATCH',
          headers: { 'if-match': segment.etag },
          json: { speakerId: speakerFor(segment) },
        }),
      ),
    ]);
    const kept = edits.filter((_, i) => answers[splits.length + i].status === 200);
    for (const answer of answers) expect([200, 404, 409].includes(answer.status)).toBe(true);
    const after = new Map((await chapterPlan(projectId, chapterId)).map((segment) => [segment.text, segment]));
    const lost = kept.filter((segment) => after.get(segment.text)?.speakerId !== speakerFor(segment));
    expect(lost.map((segment) => segment.text)).toEqual([]);
    await expectWhole(projectId);
  });
});
