/**
 * Create or nothing under parallel load: parallel creates of characters and lexicon entries all answer 201 (or, for
 * the same key, one 201 and clean 409s), every 201 is stored exactly once, nothing refused is stored, and the
 * project's counters equal the stored documents.
 */
import type { TestPlatform } from '../support/testPlatform';
import { consistencyCheck, createProject, CREATOR, json, servicesFor, TENANT } from './support';
import type { Services } from '../../adapters/compositionRoot';
import { sharedTestPlatform } from '../support/sharedPlatform';

let platform: TestPlatform;
let svc: Services;

jest.setTimeout(10 * 60_000);

beforeAll(async () => {
  platform = await sharedTestPlatform();
  svc = await servicesFor(platform);
}, 120_000);
afterAll(async () => {
  await platform?.stop();
});

const post = (projectId: string, path: string, body: unknown) =>
  platform.api(CREATOR, `/v1/projects/${projectId}${path}`, { method: 'POST', json: body });

async function storedCharacters(projectId: string) {
  return svc.characterStore.listAll(TENANT, projectId);
}

async function project(projectId: string) {
  return (await svc.projects.find(TENANT, projectId))!;
}

function statuses(responses: Response[]): Record<number, number> {
  const counts: Record<number, number> = {};
  for (const res of responses) counts[res.status] = (counts[res.status] ?? 0) + 1;
  return counts;
}

test('30 parallel character creates: all 201, all stored once, counters exact', async () => {
  const projectId = await createProject(platform, 'Parallel characters');
  const responses = await Promise.all(
    Array.from({ length: 30 }, (_, i) => post(projectId, '/characters', { name: `Guest Number ${i + 1}` })),
  );
  const bodies = await Promise.all(responses.map((res) => res.text()));
  expect(statuses(responses)).toEqual({ 201: 30 });
  const created = new Set(bodies.map((body) => (JSON.parse(body) as { id: string }).id));
  expect(created.size).toBe(30);

  const stored = await storedCharacters(projectId);
  // The narrator exists beside them from the first create on.
  expect(
    stored
      .filter((c) => c.characterId !== 'narrator')
      .map((c) => c.characterId)
      .sort(),
  ).toEqual([...created].sort());
  expect((await project(projectId)).facts).toMatchObject({ characterCount: 31, charactersWithVoice: 0 });
  const view = await json<{ workflow: { steps: { step: string; detail: string | null }[] } }>(
    await platform.api(CREATOR, `/v1/projects/${projectId}`),
    200,
  );
  expect(view.workflow.steps.find((s) => s.step === 'characters')!.detail).toBe('31 characters');
  expect((await consistencyCheck(platform, projectId)).found.consistent).toBe(true);
});

test('25 parallel creates of the same character: one 201, the rest 409, one stored', async () => {
  const projectId = await createProject(platform, 'Same character');
  const responses = await Promise.all(
    Array.from({ length: 25 }, () => post(projectId, '/characters', { name: 'Miss Twin' })),
  );
  await Promise.all(responses.map((res) => res.arrayBuffer()));
  expect(statuses(responses)).toEqual({ 201: 1, 409: 24 });
  const stored = await storedCharacters(projectId);
  expect(stored.filter((c) => c.name === 'Miss Twin')).toHaveLength(1);
  expect((await project(projectId)).facts.characterCount).toBe(stored.length);
});

test('50 parallel lexicon entries: all 201, all stored once, versions cover every change', async () => {
  const projectId = await createProject(platform, 'Parallel lexicon');
  const responses = await Promise.all(
    Array.from({ length: 50 }, (_, i) =>
      post(projectId, '/lexicon', { grapheme: `Name${i}`, locale: 'en-GB', kind: 'alias', value: `Nay ${i}` }),
    ),
  );
  const bodies = await Promise.all(responses.map((res) => res.text()));
  expect(statuses(responses)).toEqual({ 201: 50 });
  const lexicon = await json<{ version: number; items: { id: string; grapheme: string }[] }>(
    await platform.api(CREATOR, `/v1/projects/${projectId}/lexicon`),
    200,
  );
  expect(lexicon.items).toHaveLength(50);
  expect(new Set(lexicon.items.map((entry) => entry.grapheme)).size).toBe(50);
  // Every answer names a version at least as new as its own change; the last one is the stored version.
  const versions = bodies.map((body) => (JSON.parse(body) as { version: number }).version);
  expect(Math.max(...versions)).toBe(lexicon.version);
  expect(Math.min(...versions)).toBeGreaterThanOrEqual(1);
  expect((await consistencyCheck(platform, projectId)).found.consistent).toBe(true);
});

test('25 parallel creates of the same lexicon entry: one 201, the rest 409, one stored', async () => {
  const projectId = await createProject(platform, 'Same entry');
  const responses = await Promise.all(
    Array.from({ length: 25 }, () =>
      post(projectId, '/lexicon', { grapheme: 'Darcy', locale: 'en-GB', kind: 'alias', value: 'Dar see' }),
    ),
  );
  await Promise.all(responses.map((res) => res.arrayBuffer()));
  expect(statuses(responses)).toEqual({ 201: 1, 409: 24 });
  const lexicon = await json<{ items: { grapheme: string }[] }>(
    await platform.api(CREATOR, `/v1/projects/${projectId}/lexicon`),
    200,
  );
  expect(lexicon.items.filter((entry) => entry.grapheme === 'Darcy')).toHaveLength(1);

  // The same key in another case of locale is the same entry; renaming another entry onto it is refused too.
  const upper = await post(projectId, '/lexicon', { grapheme: 'Darcy', locale: 'EN-gb', kind: 'alias', value: 'x' });
  expect(upper.status).toBe(409);
  const other = await json<{ entry: { id: string; etag: string } }>(
    await post(projectId, '/lexicon', { grapheme: 'Bingley', locale: 'en-GB', kind: 'alias', value: 'Bing lee' }),
    201,
  );
  const renames = await Promise.all(
    Array.from({ length: 20 }, () =>
      platform.api(CREATOR, `/v1/projects/${projectId}/lexicon/${other.entry.id}`, {
        method: 'PATCH',
        json: { grapheme: 'Darcy' },
      }),
    ),
  );
  await Promise.all(renames.map((res) => res.arrayBuffer()));
  expect(statuses(renames)).toEqual({ 409: 20 });

  // Deleting an entry frees its key for a new one.
  const darcy = (
    await json<{ items: { id: string; grapheme: string }[] }>(
      await platform.api(CREATOR, `/v1/projects/${projectId}/lexicon`),
      200,
    )
  ).items.find((entry) => entry.grapheme === 'Darcy')!;
  const removed = await platform.api(CREATOR, `/v1/projects/${projectId}/lexicon/${darcy.id}`, { method: 'DELETE' });
  expect(removed.status).toBe(200);
  await removed.arrayBuffer();
  const again = await post(projectId, '/lexicon', { grapheme: 'Darcy', locale: 'en-GB', kind: 'alias', value: 'D' });
  expect(again.status).toBe(201);
  await again.arrayBuffer();
});
