/**
 * A character merge whose host dies after it added the merged character's line count to the target, retried once the
 * merge's mark has lapsed: the count is added once. The host talks to the Cosmos emulator through a proxy that holds
 * the merge's first segment request (the one after the target's write) while the host is killed; the mark's lease is
 * one second here (CHARACTER_RETIREMENT_LEASE_MS) instead of two minutes.
 */
import { createProject, SegmentSeeder, type CharacterJson } from '../characters/support';
import { cosmosContainer } from '../races/support';
import { startCosmosWire, type CosmosWire, type CosmosWireRequest } from '../support/cosmosWire';
import { pollBackoff } from '../support/polling';
import { startTestPlatform, type TestPlatform } from '../support/testPlatform';

const CREATOR = 'creator@andes.test';
const TENANT = 't-andes';
const LEASE_MS = 1000;

let proxy: CosmosWire;
let platform: TestPlatform;
let seeder: SegmentSeeder;

jest.setTimeout(5 * 60_000);

beforeAll(async () => {
  proxy = await startCosmosWire();
  platform = await startTestPlatform({
    separateHostProcess: true,
    env: { COSMOS_ENDPOINT: proxy.endpoint, CHARACTER_RETIREMENT_LEASE_MS: String(LEASE_MS) },
  });
  proxy.forwardTo(platform.urls.cosmos);
  seeder = new SegmentSeeder(platform);
}, 180_000);
afterAll(async () => {
  seeder?.close();
  await platform?.stop();
  await proxy?.stop();
});

const segmentRequest = (request: CosmosWireRequest) => request.resource.includes('/colls/segments/');

async function addCharacter(projectId: string, name: string, dialogueLineCount: number): Promise<CharacterJson> {
  const res = await platform.api(CREATOR, `/v1/projects/${projectId}/characters`, { method: 'POST', json: { name } });
  if (res.status !== 201) throw new Error(`add ${name}: ${res.status} ${await res.text()}`);
  const added = (await res.json()) as CharacterJson;
  // Added characters start at 0 lines; a merge adds the merged one's count, so give it a known one.
  const { container, close } = cosmosContainer(platform, 'characters');
  try {
    const item = container.item(`${projectId}.${added.id}`, [TENANT, projectId]);
    const { resource } = await item.read();
    await item.replace({ ...resource, dialogueLineCount });
  } finally {
    close();
  }
  return added;
}

function merge(projectId: string, from: string, into: string): Promise<Response> {
  return platform.api(CREATOR, `/v1/projects/${projectId}/characters/${from}/merge`, {
    method: 'POST',
    json: { intoCharacterId: into },
  });
}

async function character(projectId: string, characterId: string): Promise<{ status: number; body?: CharacterJson }> {
  const res = await platform.api(CREATOR, `/v1/projects/${projectId}/characters/${characterId}`);
  return { status: res.status, body: res.status === 200 ? ((await res.json()) as CharacterJson) : undefined };
}

/** Retries while the merged character is still held (409), as a client would; its mark lapses after LEASE_MS. */
async function mergeOnceFree(projectId: string, from: string, into: string): Promise<Response> {
  const pause = pollBackoff(500);
  for (;;) {
    const res = await merge(projectId, from, into);
    if (res.status !== 409) return res;
    await pause();
  }
}

test('a merge killed after the target was counted, retried after its mark lapsed, counts the lines once', async () => {
  const projectId = await createProject(platform, CREATOR, 'Merge killed halfway');
  const lizzy = await addCharacter(projectId, 'Lizzy', 7);
  const elizabeth = await addCharacter(projectId, 'Elizabeth', 5);
  const ids = await seeder.seed(TENANT, projectId, [lizzy.id, elizabeth.id, lizzy.id, 'narrator']);

  // The merge's first segment request comes after its write to the target: hold it, and kill the host meanwhile.
  const held = proxy.hold(segmentRequest);
  const arrived = proxy.arrival(segmentRequest);
  const dying = merge(projectId, lizzy.id, elizabeth.id).catch(() => undefined);
  await arrived;
  await platform.crashHost();
  held.release();
  await dying;

  expect((await character(projectId, elizabeth.id)).body?.dialogueLineCount).toBe(12);
  expect((await character(projectId, lizzy.id)).status).toBe(200);

  const retried = await mergeOnceFree(projectId, lizzy.id, elizabeth.id);
  expect(retried.status).toBe(200);
  const merged = (await character(projectId, elizabeth.id)).body!;
  expect(merged.dialogueLineCount).toBe(12);
  expect(merged.aliases).toEqual(['Lizzy']);
  expect((await character(projectId, lizzy.id)).status).toBe(404);
  expect((await seeder.speakers(TENANT, projectId, ids)).map((s) => s.speakerId)).toEqual([
    elizabeth.id,
    elizabeth.id,
    elizabeth.id,
    'narrator',
  ]);

  // A character added later under the merged one's id is another character: merging it adds its lines.
  const lizzyAgain = await addCharacter(projectId, 'Lizzy', 3);
  expect(lizzyAgain.id).toBe(lizzy.id);
  expect((await merge(projectId, lizzyAgain.id, elizabeth.id)).status).toBe(200);
  expect((await character(projectId, elizabeth.id)).body?.dialogueLineCount).toBe(15);
});
