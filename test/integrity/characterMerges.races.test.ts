/**
 * Character merges and deletes racing each other on the real local platform (Cosmos emulator, Azurite, the local
 * host). A merge adds the merged character's names and line count to the character it goes into, moves its lines
 * there, then deletes it; a delete flags its lines `unknown`, then deletes it. Whatever the order the requests land
 * in, every line ends spoken by a character that exists (or flagged `unknown`), and a merge is counted once.
 */
import { startTestPlatform, type TestPlatform } from '../support/testPlatform';
import { createProject, SegmentSeeder, type CharacterJson } from '../characters/support';
import { cosmosContainer, inParallel, RACE_PLATFORM_ENV, tally, type Outcome } from '../races/support';

const CREATOR = 'creator@andes.test';
const TENANT = 't-andes';
const PARALLEL = 24;

let platform: TestPlatform;
let seeder: SegmentSeeder;

jest.setTimeout(10 * 60_000);

beforeAll(async () => {
  platform = await startTestPlatform({ env: RACE_PLATFORM_ENV });
  seeder = new SegmentSeeder(platform);
}, 180_000);
afterAll(async () => {
  seeder?.close();
  await platform?.stop();
});

async function addCharacter(projectId: string, name: string): Promise<CharacterJson> {
  const res = await platform.api(CREATOR, `/v1/projects/${projectId}/characters`, { method: 'POST', json: { name } });
  if (res.status !== 201) throw new Error(`add ${name}: ${res.status} ${await res.text()}`);
  return (await res.json()) as CharacterJson;
}

function merge(projectId: string, from: string, into: string): Promise<Response> {
  return platform.api(CREATOR, `/v1/projects/${projectId}/characters/${from}/merge`, {
    method: 'POST',
    json: { intoCharacterId: into },
  });
}

function remove(projectId: string, characterId: string): Promise<Response> {
  return platform.api(CREATOR, `/v1/projects/${projectId}/characters/${characterId}`, { method: 'DELETE' });
}

async function storedIds(projectId: string): Promise<Set<string>> {
  const res = await platform.api(CREATOR, `/v1/projects/${projectId}/characters`);
  return new Set(((await res.json()) as { items: CharacterJson[] }).items.map((c) => c.id));
}

/** Lines whose speaker is neither a stored character nor `unknown`. */
async function orphanedLines(projectId: string, segmentIds: string[]): Promise<string[]> {
  const present = await storedIds(projectId);
  const speakers = await seeder.speakers(TENANT, projectId, segmentIds);
  return speakers.map((s) => s.speakerId).filter((id) => id !== 'unknown' && !present.has(id));
}

test(`${PARALLEL} identical merges move the lines once and count the merged character once`, async () => {
  const projectId = await createProject(platform, CREATOR, 'Merged at once');
  const lizzy = await addCharacter(projectId, 'Lizzy');
  const elizabeth = await addCharacter(projectId, 'Elizabeth');
  // The merged character's line count is added to the one it goes into: seed a known count on it.
  const { container, close } = cosmosContainer(platform, 'characters');
  try {
    const { resource } = await container.item(`${projectId}.${lizzy.id}`, [TENANT, projectId]).read();
    await container
      .item(`${projectId}.${lizzy.id}`, [TENANT, projectId])
      .replace({ ...resource, dialogueLineCount: 7 });
  } finally {
    close();
  }
  const ids = await seeder.seed(TENANT, projectId, [lizzy.id, elizabeth.id, lizzy.id, 'narrator']);

  const outcomes = await inParallel(PARALLEL, () => merge(projectId, lizzy.id, elizabeth.id));
  const counts = tally(outcomes);
  expect(Object.keys(counts).every((status) => ['200', '404', '409'].includes(status))).toBe(true);
  expect(counts[200]).toBeGreaterThanOrEqual(1);

  const after = await platform.api(CREATOR, `/v1/projects/${projectId}/characters/${elizabeth.id}`);
  const merged = (await after.json()) as CharacterJson;
  expect(merged.dialogueLineCount).toBe(7);
  expect(merged.aliases).toEqual(['Lizzy']);
  expect((await seeder.speakers(TENANT, projectId, ids)).map((s) => s.speakerId)).toEqual([
    elizabeth.id,
    elizabeth.id,
    elizabeth.id,
    'narrator',
  ]);
  expect((await platform.api(CREATOR, `/v1/projects/${projectId}/characters/${lizzy.id}`)).status).toBe(404);
});

test(`${PARALLEL} conflicting merges and deletes leave no line spoken by a character that is gone`, async () => {
  for (let round = 0; round < 3; round++) {
    const projectId = await createProject(platform, CREATOR, `Merged both ways ${round}`);
    const cast = await Promise.all(['Anne', 'Bertha', 'Clara'].map((name) => addCharacter(projectId, name)));
    const [a, b, c] = cast.map((character) => character.id);
    const ids = await seeder.seed(TENANT, projectId, [a, b, c, a, b, c, 'narrator']);
    // A into B and B into A, B into C, C into A, and deletes among them, all at once.
    const requests: (() => Promise<Response>)[] = [
      () => merge(projectId, a, b),
      () => merge(projectId, b, a),
      () => merge(projectId, a, b),
      () => merge(projectId, b, a),
      () => merge(projectId, b, c),
      () => merge(projectId, c, a),
      ...(round > 0 ? [() => remove(projectId, b)] : []),
    ];
    const outcomes = await inParallel(PARALLEL, (index) => requests[index % requests.length]());
    // A merge that arrives after the character it goes into was merged away or deleted is told so (400, as for any
    // merge into a character that does not exist): one of the orders the requests may land in.
    const intoGone = (o: Outcome) =>
      o.status === 400 &&
      (o.body as { error: { details: { fields: { field: string; message: string }[] } } }).error.details.fields.every(
        (f) => f.field === 'intoCharacterId' && f.message === 'not found',
      );
    expect(outcomes.filter((o) => ![200, 404, 409].includes(o.status) && !intoGone(o))).toEqual([]);
    expect({ round, orphaned: await orphanedLines(projectId, ids) }).toEqual({ round, orphaned: [] });
    // A refused merge or delete takes its mark back: what is left can be deleted at once.
    const left = [...(await storedIds(projectId))].filter((id) => id !== 'narrator');
    const deletes = await Promise.all(left.map((id) => remove(projectId, id)));
    expect(deletes.map((res) => res.status)).toEqual(left.map(() => 200));
  }
});

test('a mark left by a merge that died holds the character for two minutes, then the next merge finishes it', async () => {
  const projectId = await createProject(platform, CREATOR, 'Merge that died');
  const [from, into] = await Promise.all(['Dora', 'Edith'].map((name) => addCharacter(projectId, name)));
  const ids = await seeder.seed(TENANT, projectId, [from.id, into.id]);
  const mark = async (minutesAgo: number) => {
    const { container, close } = cosmosContainer(platform, 'characters');
    try {
      const item = container.item(`${projectId}.${from.id}`, [TENANT, projectId]);
      const { resource } = await item.read();
      const since = new Date(Date.now() - minutesAgo * 60_000).toISOString();
      await item.replace({ ...resource, retiringInto: into.id, retiringSince: since });
    } finally {
      close();
    }
  };
  await mark(0);
  expect((await merge(projectId, from.id, into.id)).status).toBe(409);
  await mark(3);
  expect((await merge(projectId, from.id, into.id)).status).toBe(200);
  expect((await seeder.speakers(TENANT, projectId, ids)).map((s) => s.speakerId)).toEqual([into.id, into.id]);
});

test(`${PARALLEL} different characters merged into one at once: each merge answers 200 and is counted`, async () => {
  const projectId = await createProject(platform, CREATOR, 'Many into one');
  const survivor = await addCharacter(projectId, 'Survivor');
  const merged: CharacterJson[] = [];
  for (let i = 0; i < PARALLEL; i++) merged.push(await addCharacter(projectId, `Minor ${i}`));
  const ids = await seeder.seed(
    TENANT,
    projectId,
    merged.map((c) => c.id),
  );

  const outcomes = await inParallel(PARALLEL, (index) => merge(projectId, merged[index].id, survivor.id));
  expect(tally(outcomes)).toEqual({ 200: PARALLEL });
  const after = (await (
    await platform.api(CREATOR, `/v1/projects/${projectId}/characters/${survivor.id}`)
  ).json()) as CharacterJson;
  expect([...after.aliases].sort()).toEqual(merged.map((c) => c.name).sort());
  expect((await seeder.speakers(TENANT, projectId, ids)).every((s) => s.speakerId === survivor.id)).toBe(true);
});
