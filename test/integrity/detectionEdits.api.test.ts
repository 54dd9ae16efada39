/**
 * Character detection stores its result over what a user is editing at the same time. The detection's write of each
 * character runs here, in the test's process, against the real local platform's store; between its read of the
 * stored characters and its writes, 24 character edits arrive through the API at once. Every edit the API
 * acknowledged must still be stored once the detection has finished: it wins over the detection's stale copy.
 */
import { applyDetection } from '../../core/characters/applyDetection';
import type { CharacterStore } from '../../core/characters/characterStore';
import type { Character } from '../../core/characters/character';
import { inParallel } from '../races/support';
import { startTestPlatform, type TestPlatform } from '../support/testPlatform';
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

const PARALLEL = 24;
let platform: TestPlatform;
let svc: TestServices;

jest.setTimeout(10 * 60_000);

beforeAll(async () => {
  platform = await startTestPlatform({ env: { RATE_LIMIT_PER_MINUTE: '1000000' } });
  svc = await servicesFor(platform);
}, 120_000);
afterAll(async () => {
  await platform?.stop();
});

interface CharacterJson {
  id: string;
  name: string;
  source: string;
  etag: string;
}

async function characters(projectId: string): Promise<CharacterJson[]> {
  const res = await platform.api(CREATOR, `/v1/projects/${projectId}/characters?pageSize=100`);
  return (await json<{ items: CharacterJson[] }>(res, 200)).items;
}

test(`${PARALLEL} character edits acknowledged while a detection is being stored are all kept`, async () => {
  const projectId = await createProject(platform, 'Detection under edits');
  await importManuscript(platform, projectId, corpusOpening(3), 'opening.txt');
  const job = await finishedJob(platform, projectId, await startJob(platform, projectId, '/characters/detect'));
  expect(job.status).toBe('succeeded');
  const detectedBefore = (await characters(projectId)).filter((c) => c.source !== 'user' && c.id !== 'narrator');
  expect(detectedBefore.length).toBeGreaterThanOrEqual(4);

  // Detection finds the same characters again (the same engine on the same text): what it stores is a refresh.
  const detected: Character[] = (await svc.characterStore.listAll(TENANT, projectId)).map((record) => ({
    id: record.characterId,
    name: record.name,
    aliases: record.aliases,
    gender: record.gender,
    ageBand: record.ageBand,
    description: record.description,
    traits: record.traits,
    speakingStyle: record.speakingStyle,
    dialogueLineCount: record.dialogueLineCount,
    firstAppearance: record.firstAppearance,
    importance: record.importance,
  }));
  // Each edit renames a character; the last acknowledged name of each is what must be stored afterwards.
  const acknowledged = new Map<string, string>();
  const store: CharacterStore = Object.create(svc.characterStore) as CharacterStore;
  store.listAll = async (tenantId, id) => {
    const stale = await svc.characterStore.listAll(tenantId, id);
    const outcomes = await inParallel(PARALLEL, (i) => {
      const target = detectedBefore[i % detectedBefore.length];
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

  await applyDetection(store, TENANT, projectId, detected, 'heuristic');

  expect(acknowledged.size).toBe(detectedBefore.length);
  const after = new Map((await characters(projectId)).map((c) => [c.id, c as CharacterJson & { description: string }]));
  const lost = [...acknowledged].filter(([id, description]) => after.get(id)?.description !== description);
  expect(lost).toEqual([]);
  for (const id of acknowledged.keys()) expect(after.get(id)?.source).toBe('user');
});
