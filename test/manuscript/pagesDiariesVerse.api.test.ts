import { toSpokenForm } from '../../core/speech/normalize';
import { CHAPTER_FIXTURES } from './fixtures/chapterFixtures';
import { waitForJob } from '../api/isolation/fixtures';
import { allSegments, planProject } from '../planning/support';
import { startTestPlatform, type TestPlatform } from '../support/testPlatform';

/**
 * Two-column PDFs with footnotes, diaries and couplets in prose, through the whole import and plan on the local
 * platform: the chapters a producer sees, and what the plan and the spoken preview will say.
 */
let platform: TestPlatform;
const CREATOR = 'creator@andes.test';

beforeAll(async () => {
  platform = await startTestPlatform({ env: { RATE_LIMIT_PER_MINUTE: '100000' } });
});
afterAll(async () => {
  await platform?.stop();
});

interface Chapter {
  id: string;
  title: string;
  chapterType: string;
  deleted: boolean;
}

async function body<T>(res: Response, status: number): Promise<T> {
  const text = await res.text();
  if (res.status !== status) throw new Error(`expected ${status}, got ${res.status}: ${text}`);
  return JSON.parse(text) as T;
}

/** Imports a fixture into a new project; its chapters (deleted ones included) must be the fixture's. */
async function importFixture(name: string): Promise<{ projectId: string; chapters: Chapter[] }> {
  const fixture = CHAPTER_FIXTURES.find((f) => f.name === name)!;
  const { bytes, fileName } = await fixture.build();
  const metadata = { title: name, authors: ['Author'], language: fixture.language };
  const project = await body<{ id: string }>(
    await platform.api(CREATOR, '/v1/projects', { method: 'POST', json: { metadata } }),
    201,
  );
  const upload = await body<{ job: { id: string } }>(
    await platform.api(CREATOR, `/v1/projects/${project.id}/manuscript?fileName=${fileName}`, {
      method: 'PUT',
      headers: { 'content-type': 'application/octet-stream' },
      body: bytes,
    }),
    202,
  );
  expect((await waitForJob(platform, CREATOR, project.id, upload.job.id)).status).toBe('succeeded');
  const chapters = await body<{ items: Chapter[] }>(
    await platform.api(CREATOR, `/v1/projects/${project.id}/chapters?includeDeleted=true`),
    200,
  );
  expect(chapters.items.map((c) => [c.title, c.chapterType, !c.deleted])).toEqual(
    fixture.expected.map((e) => [e.title, e.type, e.spoken]),
  );
  return { projectId: project.id, chapters: chapters.items };
}

async function spokenParagraphs(projectId: string, chapterId: string): Promise<string[]> {
  const preview = await body<{ paragraphs: Array<{ spoken: string }> }>(
    await platform.api(CREATOR, `/v1/projects/${projectId}/chapters/${chapterId}/spoken?limit=100`),
    200,
  );
  return preview.paragraphs.map((p) => p.spoken);
}

it('a two-column PDF: planned in reading order, its footnotes not spoken, the note mark not said', async () => {
  const { projectId, chapters } = await importFixture('en-pdf-two-columns-notes');
  await planProject(platform, CREATOR, projectId);
  const segments = await allSegments(platform, CREATOR, projectId);
  const spoken = new Set(chapters.filter((c) => !c.deleted).map((c) => c.id));
  const planned = segments
    .filter((s) => spoken.has(s.chapterId))
    .map((s) => s.text)
    .join('\n');
  expect(planned).toContain('and one night the water came up over\nthe sluice before anyone had seen it');
  expect(planned).not.toContain('sluice house');
  expect(planned).not.toContain('parish register');
  const first = chapters.find((c) => c.title === 'CHAPTER I. THE DYKE')!;
  expect((await spokenParagraphs(projectId, first.id))[0]).toMatch(/with a lantern and a spade\.$/);
});

it('a diary without chapters: each dated entry is a chapter', async () => {
  await importFixture('pt-diario-sem-capitulos');
});

it('couplets in prose: each line end is a pause, in the preview and in the plan', async () => {
  const { projectId, chapters } = await importFixture('en-couplets-prose');
  const first = chapters.find((c) => c.title === 'CHAPTER I')!;
  const paragraphs = await spokenParagraphs(projectId, first.id);
  expect(paragraphs).toContain('The water turns the stone, my dear,\nThe stone will turn the grain;');
  expect(paragraphs).toContain('And what the river takes this year,\nIt brings us back again.');
  await planProject(platform, CREATOR, projectId);
  const couplet = (await allSegments(platform, CREATOR, projectId)).find((s) => s.text.startsWith('Sing for the rain'));
  // Planned as printed, the indent kept, so production's spoken form (the preview's) finds the couplet.
  expect(toSpokenForm(couplet!.text, 'en-GB').trim()).toBe(
    'Sing for the rain and it will come,\nSing for the wheel and it will turn.',
  );
});
