/**
 * A chapter's edit counters under parallel edits on the real local platform: 24 speaker edits of 24 different lines
 * of one chapter, all at once. Each edit that is acknowledged is counted on the chapter exactly once (one
 * ETag-conditional write per edit, re-applied on a lost race), so `lineEdits` grows by the number acknowledged and
 * `planRevision` by the same number (a new speaker is heard), and a master made before says it no longer matches.
 */
import type { Services } from '../../adapters/compositionRoot';
import type { TestPlatform } from '../support/testPlatform';
import {
  corpusOpening,
  createProject,
  CREATOR,
  finishedJob,
  importManuscript,
  json,
  servicesFor,
  startJob,
  storedPlan,
} from './support';
import { sharedTestPlatform } from '../support/sharedPlatform';

const PARALLEL = 24;
let platform: TestPlatform;
let svc: Services;

jest.setTimeout(10 * 60_000);

beforeAll(async () => {
  platform = await sharedTestPlatform();
  svc = await servicesFor(platform);
}, 180_000);
afterAll(async () => {
  await platform?.stop();
});

interface SegmentJson {
  id: string;
  speakerId: string;
  etag: string;
}

interface ChapterJson {
  lineEdits: number;
  planRevision: number;
}

test(`${PARALLEL} parallel speaker edits of one chapter are each counted once`, async () => {
  const projectId = await createProject(platform, 'Counted edits');
  await importManuscript(platform, projectId, corpusOpening(1), 'opening.txt');
  expect((await finishedJob(platform, projectId, await startJob(platform, projectId, '/plan'))).status).toBe(
    'succeeded',
  );
  const stored = await storedPlan(svc, projectId);
  const chapter = stored.chapters.reduce((longest, c) =>
    stored.plans.get(c.id)!.length > stored.plans.get(longest.id)!.length ? c : longest,
  );
  const chapterPath = `/v1/projects/${projectId}/chapters/${chapter.id}`;
  const before = await json<ChapterJson>(await platform.api(CREATOR, chapterPath), 200);
  const plan = (
    await json<{ items: SegmentJson[] }>(
      await platform.api(CREATOR, `/v1/projects/${projectId}/segments?chapterId=${chapter.id}&pageSize=1000`),
      200,
    )
  ).items.slice(0, PARALLEL);
  expect(plan).toHaveLength(PARALLEL);

  const answers = await Promise.all(
    plan.map((segment) =>
      platform.api(CREATOR, `/v1/projects/${projectId}/segments/${segment.id}`, {
        method: 'PATCH',
        headers: { 'if-match': segment.etag },
        json: { speakerId: segment.speakerId === 'narrator' ? 'unknown' : 'narrator' },
      }),
    ),
  );
  const statuses = answers.map((answer) => answer.status);
  expect(statuses.filter((status) => status !== 200)).toEqual([]);

  const after = await json<ChapterJson>(await platform.api(CREATOR, chapterPath), 200);
  expect(after.lineEdits - before.lineEdits).toBe(PARALLEL);
  expect(after.planRevision - before.planRevision).toBe(PARALLEL);
});
