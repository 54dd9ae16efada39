import { minimalMetadata, type TestPlatform } from '../support/testPlatform';
import { waitForJob } from '../api/isolation/fixtures';
import { sharedTestPlatform } from '../support/sharedPlatform';

/**
 * The project's chapter count under parallel chapter edits, on the real local platform: every edit recounts the live
 * chapters from the store instead of adding or subtracting one, so no edit fails for losing races on the project
 * and the count is exact afterwards.
 */
let platform: TestPlatform;
const CREATOR = 'creator@andes.test';
const CHAPTERS = 24;
const PARALLEL = 20;

beforeAll(async () => {
  platform = await sharedTestPlatform();
});
afterAll(async () => {
  await platform?.stop();
});

async function json<T>(res: Response, status: number): Promise<T> {
  const body = await res.text();
  if (res.status !== status) throw new Error(`expected ${status}, got ${res.status}: ${body}`);
  return JSON.parse(body) as T;
}

const book = Array.from(
  { length: CHAPTERS },
  (_, i) =>
    `Chapter ${i + 1}\n\nThe tide came in for the ${i + 1}th time that year and nobody on the quay said a word.\n`,
).join('\n');

async function importedBook(): Promise<string> {
  const created = await json<{ id: string }>(
    await platform.api(CREATOR, '/v1/projects', { method: 'POST', json: { metadata: minimalMetadata() } }),
    201,
  );
  const upload = await platform.api(CREATOR, `/v1/projects/${created.id}/manuscript?fileName=book.txt`, {
    method: 'PUT',
    headers: { 'content-type': 'text/plain' },
    body: book,
  });
  const { job } = await json<{ job: { id: string } }>(upload, 202);
  const done = await waitForJob(platform, CREATOR, created.id, job.id);
  if (done.status !== 'succeeded') throw new Error(JSON.stringify(done));
  return created.id;
}

async function chapterIds(projectId: string): Promise<string[]> {
  const listed = await json<{ items: Array<{ id: string }> }>(
    await platform.api(CREATOR, `/v1/projects/${projectId}/chapters`),
    200,
  );
  return listed.items.map((chapter) => chapter.id);
}

async function chapterCount(projectId: string): Promise<number> {
  const facts = await json<{ chapterCount: number }>(
    await platform.api(CREATOR, `/v1/projects/${projectId}/facts`),
    200,
  );
  return facts.chapterCount;
}

describe('chapter count under parallel edits', () => {
  it(`stays exact when ${PARALLEL} chapters are deleted, then restored, all at once`, async () => {
    const projectId = await importedBook();
    const ids = await chapterIds(projectId);
    expect(ids).toHaveLength(CHAPTERS);
    expect(await chapterCount(projectId)).toBe(CHAPTERS);
    const edited = ids.slice(0, PARALLEL);

    const deletes = await Promise.all(
      edited.map((id) => platform.api(CREATOR, `/v1/projects/${projectId}/chapters/${id}`, { method: 'DELETE' })),
    );
    expect(deletes.map((res) => res.status)).toEqual(edited.map(() => 200));
    expect(await chapterIds(projectId)).toHaveLength(CHAPTERS - PARALLEL);
    expect(await chapterCount(projectId)).toBe(CHAPTERS - PARALLEL);

    const restores = await Promise.all(
      edited.map((id) => platform.api(CREATOR, `/v1/projects/${projectId}/chapters/${id}/restore`, { method: 'POST' })),
    );
    expect(restores.map((res) => res.status)).toEqual(edited.map(() => 200));
    expect(await chapterCount(projectId)).toBe(CHAPTERS);
  });

  it(`stays exact when ${PARALLEL} chapters are deleted while others are restored`, async () => {
    const projectId = await importedBook();
    const ids = await chapterIds(projectId);
    const [restored, deleted] = [ids.slice(0, PARALLEL / 2), ids.slice(PARALLEL / 2, PARALLEL)];
    for (const id of restored) {
      await json(await platform.api(CREATOR, `/v1/projects/${projectId}/chapters/${id}`, { method: 'DELETE' }), 200);
    }
    expect(await chapterCount(projectId)).toBe(CHAPTERS - restored.length);

    const edits = await Promise.all([
      ...restored.map((id) =>
        platform.api(CREATOR, `/v1/projects/${projectId}/chapters/${id}/restore`, { method: 'POST' }),
      ),
      ...deleted.map((id) => platform.api(CREATOR, `/v1/projects/${projectId}/chapters/${id}`, { method: 'DELETE' })),
    ]);
    expect(edits.map((res) => res.status)).toEqual(edits.map(() => 200));
    const live = await chapterIds(projectId);
    expect(live).toHaveLength(CHAPTERS - deleted.length);
    expect(await chapterCount(projectId)).toBe(live.length);
  });
});
