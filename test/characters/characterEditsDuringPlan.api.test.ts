import { CosmosProjectCollection } from '../../adapters/cosmos/cosmosCollections';
import type { SegmentRecord } from '../../core/book/records';
import { ProjectJobLocks, type ProjectJobLock } from '../../core/jobs/projectJobLock';
import { ChapterPlanWriter } from '../../core/planning/chapterPlanWriter';
import { committedSegments, plannedSegmentId } from '../../core/planning/planGenerations';
import {
  consistencyCheck,
  runningPlanJob,
  servicesFor,
  storedPlan,
  TENANT,
  type TestServices,
} from '../integrity/support';
import { allSegments, createProject, DIALOGUE_BOOK, planProject, type SegmentJson } from '../planning/support';
import type { TestPlatform } from '../support/testPlatform';
import { detectCharacters, uploadManuscript, type CharacterJson } from './support';
import { sharedTestPlatform } from '../support/sharedPlatform';

/**
 * Merging, deleting and splitting characters change who speaks the book's lines, so they follow the rules of segment
 * edits (docs/planning.md, "Character merge and delete"): refused with 409 job_in_progress while a plan job runs, and
 * counted on every chapter whose lines they moved, so a plan generation cut before the change does not undo it and an
 * approval of the chapter goes stale. Through the API on the real local platform.
 */
const CREATOR = 'creator@andes.test';
const VALIDATOR = 'validator@andes.test';

let platform: TestPlatform;
let svc: TestServices;

beforeAll(async () => {
  platform = await sharedTestPlatform();
  svc = await servicesFor(platform);
}, 300_000);
afterAll(async () => {
  await platform?.stop();
});

/** A planned two-chapter dialogue book with detected characters; answers its chapter ids and characters. */
async function plannedBook(title: string): Promise<{ projectId: string; chapterIds: string[] }> {
  const projectId = await createProject(platform, CREATOR, title);
  await uploadManuscript(platform, CREATOR, projectId, DIALOGUE_BOOK, 'dialogue.txt');
  expect((await detectCharacters(platform, CREATOR, projectId)).status).toBe('succeeded');
  await planProject(platform, CREATOR, projectId);
  const chapterIds = (await storedPlan(svc, projectId)).chapters.map((chapter) => chapter.id);
  return { projectId, chapterIds };
}

async function characterNamed(projectId: string, name: string): Promise<CharacterJson> {
  const res = await platform.api(CREATOR, `/v1/projects/${projectId}/characters`);
  expect(res.status).toBe(200);
  const found = ((await res.json()) as { items: CharacterJson[] }).items.find((c) => c.name === name);
  if (!found) throw new Error(`no character named ${name}`);
  return found;
}

function merge(projectId: string, characterId: string, intoCharacterId: string): Promise<Response> {
  return platform.api(CREATOR, `/v1/projects/${projectId}/characters/${characterId}/merge`, {
    method: 'POST',
    json: { intoCharacterId },
  });
}

const speakersOf = (segments: SegmentJson[]) => new Set(segments.map((segment) => segment.speakerId));

describe('character merges and deletes while the book is planned again', () => {
  it('while a plan job holds the project, merge, delete and split-alias answer 409 job_in_progress and change nothing', async () => {
    const { projectId } = await plannedBook('Merge refused during a plan');
    const jane = await characterNamed(projectId, 'Jane');
    const elizabeth = await characterNamed(projectId, 'Elizabeth');
    const before = await allSegments(platform, CREATOR, projectId);

    const job = await runningPlanJob(svc, projectId);
    const locks = new ProjectJobLocks({
      locks: new CosmosProjectCollection<ProjectJobLock>(svc.database.container('jobs')),
      clock: svc.clock,
    });
    await locks.claim(TENANT, projectId, { jobId: job.id, kind: 'plan', claimedAt: job.createdAt }, async () => false);
    try {
      const answers = await Promise.all([
        ...Array.from({ length: 20 }, () => merge(projectId, jane.id, elizabeth.id)),
        platform.api(CREATOR, `/v1/projects/${projectId}/characters/${jane.id}`, { method: 'DELETE' }),
        platform.api(CREATOR, `/v1/projects/${projectId}/characters/${elizabeth.id}/split-alias`, {
          method: 'POST',
          json: { alias: elizabeth.aliases[0] ?? 'Lizzy' },
        }),
      ]);
      for (const res of answers) {
        expect(res.status).toBe(409);
        expect(((await res.json()) as { error: { code: string } }).error.code).toBe('job_in_progress');
      }
    } finally {
      await locks.release(TENANT, projectId, job.id);
    }
    // Nothing moved: Jane still exists and speaks her lines.
    expect((await characterNamed(projectId, 'Jane')).id).toBe(jane.id);
    expect(await allSegments(platform, CREATOR, projectId)).toEqual(before);

    // Once the plan has ended the merge goes through.
    expect((await merge(projectId, jane.id, elizabeth.id)).status).toBe(200);
    expect(speakersOf(await allSegments(platform, CREATOR, projectId)).has(jane.id)).toBe(false);
  });

  it('a merge stored after a plan generation read the segments is not undone when that plan commits', async () => {
    const { projectId, chapterIds } = await plannedBook('Merge kept across a plan');
    const jane = await characterNamed(projectId, 'Jane');
    const elizabeth = await characterNamed(projectId, 'Elizabeth');
    const chapterId = chapterIds[0];
    const janesLines = (await allSegments(platform, CREATOR, projectId, `chapterId=${chapterId}`)).filter(
      (segment) => segment.speakerId === jane.id,
    );
    expect(janesLines.length).toBeGreaterThan(0);

    // A planner claims the chapter and reads its segments (still naming Jane)...
    const writer = new ChapterPlanWriter({
      chapters: svc.book.chapters,
      segments: svc.book.segments,
      clock: svc.clock,
    });
    const claimed = await writer.claim(TENANT, projectId, chapterId, 'job_replan_under_merge');
    if (claimed.kind !== 'claimed') throw new Error(`claim: ${claimed.kind}`);
    const read = await committedSegments(svc.book.segments, claimed.chapter);
    const records: SegmentRecord[] = read.map((segment) => ({
      ...segment,
      id: plannedSegmentId(chapterId, claimed.claim.generation, segment.index),
      planGeneration: claimed.claim.generation,
      etag: undefined,
    }));
    // ...then the merge is acknowledged, then the planner writes and tries to commit what it read.
    expect((await merge(projectId, jane.id, elizabeth.id)).status).toBe(200);
    await writer.write(claimed.claim, records);
    expect((await writer.commit(TENANT, projectId, chapterId, claimed.claim, null)).kind).toBe('edited');

    // Jane's lines are Elizabeth's in the plan the book has, and nothing names the removed character.
    const after = await allSegments(platform, CREATOR, projectId);
    expect(speakersOf(after).has(jane.id)).toBe(false);
    for (const line of janesLines) {
      expect(after.find((segment) => segment.id === line.id)).toMatchObject({ speakerId: elizabeth.id });
    }
    const plan = await storedPlan(svc, projectId);
    expect(plan.strays.filter((segment) => segment.chapterId === chapterId)).toEqual([]);
    expect((await consistencyCheck(platform, projectId)).found).toMatchObject({ consistent: true, staleTotals: [] });
  });

  it('an approval of a chapter whose lines a merge moved goes stale; the edit is counted as audible', async () => {
    const { projectId, chapterIds } = await plannedBook('Merge stales an approval');
    const members = await platform.api(CREATOR, `/v1/projects/${projectId}/members`, {
      method: 'PUT',
      json: { validatorIds: ['u-andes-validator'] },
    });
    expect(members.status).toBe(200);
    const approve = await platform.api(VALIDATOR, `/v1/projects/${projectId}/chapters/${chapterIds[0]}/approval`, {
      method: 'PUT',
      json: { decision: 'approved' },
    });
    expect(approve.status).toBe(200);
    const standing = async () => {
      const res = await platform.api(CREATOR, `/v1/projects/${projectId}/review`);
      expect(res.status).toBe(200);
      const { chapters } = (await res.json()) as { chapters: { chapterId: string; approvalStale: boolean }[] };
      return chapters.find((chapter) => chapter.chapterId === chapterIds[0])!.approvalStale;
    };
    expect(await standing()).toBe(false);
    const before = await svc.book.chapters.get(TENANT, projectId, chapterIds[0]);

    const darcy = await characterNamed(projectId, 'Mr. Darcy');
    const elizabeth = await characterNamed(projectId, 'Elizabeth');
    expect((await merge(projectId, darcy.id, elizabeth.id)).status).toBe(200);

    expect(await standing()).toBe(true);
    const after = await svc.book.chapters.get(TENANT, projectId, chapterIds[0]);
    expect(after!.segmentEdits ?? 0).toBe((before!.segmentEdits ?? 0) + 1);
    expect(after!.audibleEdits ?? 0).toBe((before!.audibleEdits ?? 0) + 1);
  });
});
