/**
 * A read of the characters writes nothing: a project whose narrator is not stored yet (new, or older than the stored
 * narrator) shows the narrator it would store, also when archived. The first edit of that narrator stores it
 * create-only: of concurrent edits made from the unstored version one is stored, the others answer 412.
 */
import { cosmosContainer, inParallel, tally } from '../races/support';
import { body } from '../support/responses';
import type { TestPlatform } from '../support/testPlatform';
import { createProject } from '../support/projects';
import { sharedTestPlatform } from '../support/sharedPlatform';

const ADMIN = 'admin@andes.test';
const TENANT = 't-andes';
const PARALLEL = 24;
let platform: TestPlatform;

jest.setTimeout(5 * 60_000);

beforeAll(async () => {
  platform = await sharedTestPlatform();
}, 120_000);
afterAll(async () => {
  await platform?.stop();
});

const newProject = (title: string) => createProject(platform, ADMIN, title);

/** The project's stored characters, straight from the emulator: id and ETag. */
async function storedCharacters(projectId: string): Promise<{ characterId: string; description: string }[]> {
  const { container, close } = cosmosContainer(platform, 'characters');
  try {
    const { resources } = await container.items
      .query<{ characterId: string; description: string }>(
        {
          query: 'SELECT c.characterId, c.description FROM c WHERE c.projectId = @projectId',
          parameters: [{ name: '@projectId', value: projectId }],
        },
        { partitionKey: [TENANT, projectId] },
      )
      .fetchAll();
    return resources;
  } finally {
    close();
  }
}

test(`${PARALLEL} parallel first reads of an archived project's characters show the narrator and store nothing`, async () => {
  const projectId = await newProject('Archived before any read');
  await body(await platform.api(ADMIN, `/v1/projects/${projectId}/archive`, { method: 'POST' }), 200);

  const lists = await inParallel(PARALLEL, (i) =>
    platform.api(ADMIN, `/v1/projects/${projectId}/characters${i % 2 ? '' : '/narrator'}`),
  );

  expect(tally(lists)).toEqual({ 200: PARALLEL });
  for (const { body: answer } of lists) {
    const narrator = answer.items ? answer.items[0] : answer;
    expect(narrator).toMatchObject({ id: 'narrator', importance: 'narrator', name: 'Narrator' });
  }
  expect(await storedCharacters(projectId)).toEqual([]);
});

test(`${PARALLEL} parallel edits of the unstored narrator: one stored create-only, the others 412`, async () => {
  const projectId = await newProject('Narrator edited at once');
  const reads = await inParallel(PARALLEL, () => platform.api(ADMIN, `/v1/projects/${projectId}/characters`));
  expect(tally(reads)).toEqual({ 200: PARALLEL });
  expect(await storedCharacters(projectId)).toEqual([]);
  const unstored = reads[0].body.items[0].etag as string;
  expect(unstored).toBeTruthy();

  const edits = await inParallel(PARALLEL, (i) =>
    platform.api(ADMIN, `/v1/projects/${projectId}/characters/narrator`, {
      method: 'PATCH',
      headers: { 'if-match': unstored },
      json: { description: `Edit ${i}` },
    }),
  );

  expect(tally(edits)).toEqual({ 200: 1, 412: PARALLEL - 1 });
  const winner = edits.find((e) => e.status === 200)!.body;
  expect(await storedCharacters(projectId)).toEqual([{ characterId: 'narrator', description: winner.description }]);
  // Every loser is shown the stored narrator to decide again.
  for (const loser of edits.filter((e) => e.status === 412))
    expect(loser.body.error.details.current).toMatchObject({ id: 'narrator', etag: winner.etag });
  const read = await body(await platform.api(ADMIN, `/v1/projects/${projectId}/characters/narrator`), 200);
  expect(read).toMatchObject({ description: winner.description, etag: winner.etag });
  // The stored narrator is counted among the project's characters.
  const project = await body(await platform.api(ADMIN, `/v1/projects/${projectId}`), 200);
  expect(project.facts).toMatchObject({ characterCount: 1 });
});
