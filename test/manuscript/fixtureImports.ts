/**
 * A chapter fixture imported through the API of a running local platform, for suites that follow a book's structure
 * from upload to plan and spoken preview.
 */
import { waitForJob } from '../api/isolation/fixtures';
import { body } from '../support/responses';
import type { TestPlatform } from '../support/testPlatform';
import { CHAPTER_FIXTURES } from './fixtures/chapterFixtures';

export const CREATOR = 'creator@andes.test';

interface ImportedChapter {
  id: string;
  title: string;
  chapterType: string;
  deleted: boolean;
}

/** Imports a fixture into a new project; its chapters (deleted ones included) must be the fixture's. */
export async function importFixture(
  platform: TestPlatform,
  name: string,
): Promise<{ projectId: string; chapters: ImportedChapter[] }> {
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
  const chapters = await body<{ items: ImportedChapter[] }>(
    await platform.api(CREATOR, `/v1/projects/${project.id}/chapters?includeDeleted=true`),
    200,
  );
  expect(chapters.items.map((c) => [c.title, c.chapterType, !c.deleted])).toEqual(
    fixture.expected.map((e) => [e.title, e.type, e.spoken]),
  );
  return { projectId: project.id, chapters: chapters.items };
}

/** What the spoken preview says of each paragraph of a chapter. */
export async function spokenParagraphs(
  platform: TestPlatform,
  projectId: string,
  chapterId: string,
): Promise<string[]> {
  const preview = await body<{ paragraphs: Array<{ spoken: string }> }>(
    await platform.api(CREATOR, `/v1/projects/${projectId}/chapters/${chapterId}/spoken?limit=100`),
    200,
  );
  return preview.paragraphs.map((p) => p.spoken);
}
