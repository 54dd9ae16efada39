/**
 * What the studio reads to tell a producer where a book stands after a production, through the public API on the
 * local platform: a chapter with nothing to read is named as left out and not waited for (the project's counts and
 * workflow call the book produced), every plan says which planner revision made it, and a line whose speaker changes
 * after the production moves the chapter's plan revision past the one its audio and its package were made from.
 */
import { PLANNER_REVISION } from '../../core/planning/planRevision';
import { waitForJob } from '../api/isolation/fixtures';
import { consistencyCheck } from '../integrity/support';
import type { TestPlatform } from '../support/testPlatform';
import { LONG_NARRATION } from './seedBook';
import { CREATOR, json, plannedBook, produce } from './support';
import { sharedTestPlatform } from '../support/sharedPlatform';

let platform: TestPlatform;

beforeAll(async () => {
  platform = await sharedTestPlatform();
}, 120_000);
afterAll(async () => {
  await platform?.stop();
});

interface Chapter {
  id: string;
  title: string;
  hasMaster: boolean;
  planRevision: number;
  masterPlanRevision: number | null;
  plannerRevision: number | null;
  planOutdated: boolean;
  lineEdits: number;
  nothingToSpeak: string | null;
  speakerIds: string[] | null;
}

const chaptersOf = async (projectId: string) =>
  (await json<{ items: Chapter[] }>(await platform.api(CREATOR, `/v1/projects/${projectId}/chapters`), 200)).items;

test('a chapter with nothing to read, a plan revision and a line edited after the packages, as the API says them', async () => {
  const { projectId, chapterIds } = await plannedBook(platform, {
    chapters: [
      {
        title: 'Chapter 1',
        lines: [
          ['heading', 'chapter_head', 'narrator', 'Chapter 1'],
          ['dialogue', 'paragraph', 'char-elizabeth', '\n\n"Good morning," said Elizabeth.'],
          ...LONG_NARRATION.slice(0, 3).map((text): ['narration', 'paragraph', string, string] => [
            'narration',
            'paragraph',
            'narrator',
            `\n\n${text}`,
          ]),
        ],
      },
      { title: 'Interlude', lines: [['narration', 'chapter_head', 'narrator', '* * *']] },
    ],
  });
  const [first, interlude] = chapterIds;
  // The book is seeded straight into the store: the operator's repair counts its chapters into the project's facts.
  await consistencyCheck(platform, projectId, true);

  // Planned by the planner as it is now: its revision is recorded, and the interlude has nothing to read.
  const planned = await json<{ job: { id: string } }>(
    await platform.api(CREATOR, `/v1/projects/${projectId}/plan`, { method: 'POST', json: {} }),
    202,
  );
  expect((await waitForJob(platform, CREATOR, projectId, planned.job.id)).status).toBe('succeeded');
  const afterPlan = await chaptersOf(projectId);
  expect(afterPlan.map((c) => [c.id, c.plannerRevision, c.planOutdated, c.nothingToSpeak])).toEqual([
    [first, PLANNER_REVISION, false, null],
    [interlude, PLANNER_REVISION, false, 'no_words'],
  ]);
  // Who speaks in each plan: what the casting step counts a voice as needed for.
  expect(afterPlan[0].speakerIds).toContain('narrator');
  expect(afterPlan[1].speakerIds).toEqual(['narrator']);

  const job = await produce(platform, projectId, ['apple']);
  expect(job.status).toBe('succeeded');
  expect(job.result.skipped).toEqual(expect.arrayContaining([{ chapterId: interlude, reason: 'nothing_to_speak' }]));

  // Produced whole: the chapter left out is not waited for.
  const facts = await json<{ chapterCount: number; chaptersMastered: number; chaptersWithNothingToSpeak: number }>(
    await platform.api(CREATOR, `/v1/projects/${projectId}/facts`),
    200,
  );
  expect(facts).toMatchObject({ chapterCount: 2, chaptersMastered: 1, chaptersWithNothingToSpeak: 1 });
  const project = await json<{ workflow: { steps: { step: string; state: string }[] } }>(
    await platform.api(CREATOR, `/v1/projects/${projectId}`),
    200,
  );
  expect(project.workflow.steps.find((step) => step.step === 'production')?.state).toBe('complete');

  // The audio and the package were made from the chapter's plan revision as it was.
  const produced = await chaptersOf(projectId);
  const revision = produced[0].planRevision;
  expect(produced[0]).toMatchObject({ hasMaster: true, masterPlanRevision: revision, lineEdits: 0 });
  expect(produced[1]).toMatchObject({ hasMaster: false, masterPlanRevision: null });
  const packages = async () =>
    (
      await json<{ items: { platform: string; chapterPlanRevisions: Record<string, number> }[] }>(
        await platform.api(CREATOR, `/v1/projects/${projectId}/packages`),
        200,
      )
    ).items;
  expect((await packages()).map((pkg) => pkg.chapterPlanRevisions)).toEqual([{ [first]: revision }]);

  // A line's speaker changes: the chapter's revision moves on, its audio and package stay at the old one.
  const segments = await json<{ items: { id: string; kind: string; speakerId: string; etag: string }[] }>(
    await platform.api(CREATOR, `/v1/projects/${projectId}/segments?chapterId=${first}&pageSize=100`),
    200,
  );
  const line = segments.items.find((segment) => segment.kind === 'dialogue')!;
  await json(
    await platform.api(CREATOR, `/v1/projects/${projectId}/segments/${line.id}`, {
      method: 'PATCH',
      headers: { 'if-match': line.etag },
      json: { speakerId: line.speakerId === 'char-darcy' ? 'char-elizabeth' : 'char-darcy' },
    }),
    200,
  );
  const edited = (await chaptersOf(projectId))[0];
  expect(edited.planRevision).toBeGreaterThan(revision);
  expect(edited).toMatchObject({ masterPlanRevision: revision, lineEdits: 1 });
  // The line's new speaker now speaks in the chapter; if it was the chapter's only line of theirs, the old one not.
  const newSpeaker = line.speakerId === 'char-darcy' ? 'char-elizabeth' : 'char-darcy';
  expect(edited.speakerIds).toContain(newSpeaker);
  if (segments.items.filter((segment) => segment.speakerId === line.speakerId).length === 1)
    expect(edited.speakerIds).not.toContain(line.speakerId);
  expect((await packages())[0].chapterPlanRevisions[first]).toBe(revision);

  // The API documents what the studio relies on.
  const doc = (await (await platform.api(null, '/openapi.json')).json()) as {
    components: { schemas: Record<string, { properties: Record<string, { description?: string }> }> };
  };
  const { ChapterSummary, Package, ProjectFacts } = doc.components.schemas;
  for (const field of [
    'planRevision',
    'masterPlanRevision',
    'plannerRevision',
    'planOutdated',
    'nothingToSpeak',
    'speakerIds',
  ])
    expect(ChapterSummary.properties[field]?.description).toBeTruthy();
  expect(Package.properties.chapterPlanRevisions?.description).toBeTruthy();
  expect(ProjectFacts.properties.chaptersWithNothingToSpeak?.description).toBeTruthy();
}, 600_000);
