/**
 * Character detection stores its result over what a user is editing at the same time. The detection's write of each
 * character runs here, in the test's process, against the real local platform's store; between its read of the
 * stored characters and its writes, 24 character edits arrive through the API at once. Every edit the API
 * acknowledged must still be stored once the detection has finished: it wins over the detection's stale copy.
 */
import { applyDetection } from '../../core/characters/applyDetection';
import { toCharacter, type CharacterStore } from '../../core/characters/characterStore';
import type { Character } from '../../core/characters/character';
import { inParallel } from '../races/support';
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
  TENANT,
  type TestServices,
} from './support';
import { sharedTestPlatform } from '../support/sharedPlatform';

const PARALLEL = 24;
let platform: TestPlatform;
let svc: TestServices;

jest.setTimeout(10 * 60_000);

beforeAll(async () => {
  platform = await sharedTestPlatform();
  svc = await servicesFor(platform);
}, 120_000);
afterAll(async () => {
  await platform?.stop();
});

interface CharacterJson {
  id: string;
  name: string;
  description: string;
  source: string;
  etag: string;
}

async function characters(projectId: string): Promise<CharacterJson[]> {
  const res = await platform.api(CREATOR, `/v1/projects/${projectId}/characters?pageSize=100`);
  return (await json<{ items: CharacterJson[] }>(res, 200)).items;
}

interface Detected {
  projectId: string;
  /** The detected characters as the API shows them, before any edit. */
  before: CharacterJson[];
  /** What detection found, as the same engine on the same text finds it again. */
  found: Character[];
}

async function detectedProject(title: string): Promise<Detected> {
  const projectId = await createProject(platform, title);
  await importManuscript(platform, projectId, corpusOpening(3), 'opening.txt');
  const job = await finishedJob(platform, projectId, await startJob(platform, projectId, '/characters/detect'));
  expect(job.status).toBe('succeeded');
  const before = (await characters(projectId)).filter((c) => c.source !== 'user' && c.id !== 'narrator');
  expect(before.length).toBeGreaterThanOrEqual(4);
  const found: Character[] = (await svc.characterStore.listAll(TENANT, projectId)).map(toCharacter);
  return { projectId, before, found };
}

/**
 * Stores `found` as detection does, while ${PARALLEL} edits of `targets` (each describing it anew, on the ETag read
 * before) arrive through the API between detection's read of the stored characters and its writes. Answers the
 * last acknowledged description of each character edited.
 */
async function detectWhileEditing(
  projectId: string,
  targets: CharacterJson[],
  found: Character[],
): Promise<Map<string, string>> {
  const acknowledged = new Map<string, string>();
  const store: CharacterStore = Object.create(svc.characterStore) as CharacterStore;
  let edited = false;
  store.listAll = async (tenantId, id) => {
    const stale = await svc.characterStore.listAll(tenantId, id);
    // Only detection's own first read is raced; the store reads again (the project's facts) after the writes.
    if (edited) return stale;
    edited = true;
    const outcomes = await inParallel(PARALLEL, (i) => {
      const target = targets[i % targets.length];
      return platform.api(CREATOR, `/v1/projects/${projectId}/characters/${target.id}`, {
        method: 'PATCH',
        headers: { 'if-match': target.etag },
        json: { description: `Edited by request ${i}` },
      });
    });
    for (const outcome of outcomes.filter((o) => o.status === 200)) {
      acknowledged.set(outcome.body.id as string, outcome.body.description as string);
    }
    expect(outcomes.filter((o) => o.status !== 200 && o.status !== 412).map((o) => o.body)).toEqual([]);
    return stale;
  };
  await applyDetection(store, TENANT, projectId, found, 'heuristic');
  expect(acknowledged.size).toBe(targets.length);
  return acknowledged;
}

/** The acknowledged edits not stored as acknowledged, by character id (none when every edit was kept). */
async function lostEdits(projectId: string, acknowledged: Map<string, string>): Promise<string[]> {
  const stored = new Map((await characters(projectId)).map((c) => [c.id, c]));
  return [...acknowledged]
    .filter(([id, description]) => stored.get(id)?.description !== description || stored.get(id)?.source !== 'user')
    .map(([id]) => id);
}

test(`${PARALLEL} character edits acknowledged while a detection is being stored are all kept`, async () => {
  const { projectId, before, found } = await detectedProject('Detection under edits');
  const acknowledged = await detectWhileEditing(projectId, before, found);
  expect(await lostEdits(projectId, acknowledged)).toEqual([]);
});

test('a character the detection no longer finds is not deleted when a user edited it meanwhile', async () => {
  const { projectId, before, found } = await detectedProject('Detection drops edited characters');
  const dropped = before.slice(0, 4);
  const acknowledged = await detectWhileEditing(
    projectId,
    dropped,
    found.filter((character) => !dropped.some((c) => c.id === character.id)),
  );
  expect(await lostEdits(projectId, acknowledged)).toEqual([]);
});
