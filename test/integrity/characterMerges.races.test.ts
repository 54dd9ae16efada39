/**
 * Character merges and deletes racing each other on the real local platform (Cosmos emulator, Azurite, the local
 * host). A merge adds the merged character's names and line count to the character it goes into, moves its lines
 * there, then deletes it; a delete flags its lines `unknown`, then deletes it. Whatever the order the requests land
 * in, every line ends spoken by a character that exists (or flagged `unknown`), and a merge is counted once.
 */
import type { TestPlatform } from '../support/testPlatform';
import { createProject, SegmentSeeder, type CharacterJson } from '../characters/support';
import { cosmosContainer, inParallel, tally, type Outcome } from '../races/support';
import { sharedTestPlatform } from '../support/sharedPlatform';

const CREATOR = 'creator@andes.test';
const TENANT = 't-andes';
const PARALLEL = 24;

let platform: TestPlatform;
let seeder: SegmentSeeder;

jest.setTimeout(10 * 60_000);

beforeAll(async () => {
  platform = await sharedTestPlatform();
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

/**
 * 200, or a refusal that says why: 409 while another merge or delete holds a character (`conflict`) or when the one to
 * merge into went into the merged one or into several (`character_merged`), 404 when a character is gone.
 */
function clearAnswer(outcome: Outcome): boolean {
  const code = (outcome.body as { error?: { code: string } } | undefined)?.error?.code;
  if (outcome.status === 200) return true;
  if (outcome.status === 409) return code === 'conflict' || code === 'character_merged';
  return outcome.status === 404 && code === 'not_found';
}

/** Sends the merge again while another request holds one of its characters (409 `conflict`), as a client would. */
async function mergeRetryingWhileHeld(projectId: string, from: string, into: string): Promise<Response> {
  for (let attempt = 1; ; attempt++) {
    const res = await merge(projectId, from, into);
    if (res.status !== 409 || attempt >= 40) return res;
    const code = ((await res.clone().json()) as { error: { code: string } }).error.code;
    if (code !== 'conflict') return res;
    // Apart at random, so the requests that refused each other do not meet again in the same order.
    await new Promise((resolve) => setTimeout(resolve, 20 + Math.random() * 80));
  }
}

/** Gives the character a known line count (added characters start at 0; a merge adds the merged one's count). */
async function setLineCount(projectId: string, characterId: string, dialogueLineCount: number): Promise<void> {
  const { container, close } = cosmosContainer(platform, 'characters');
  try {
    const item = container.item(`${projectId}.${characterId}`, [TENANT, projectId]);
    const { resource } = await item.read();
    await item.replace({ ...resource, dialogueLineCount });
  } finally {
    close();
  }
}

async function stored(projectId: string): Promise<CharacterJson[]> {
  const res = await platform.api(CREATOR, `/v1/projects/${projectId}/characters`);
  return ((await res.json()) as { items: CharacterJson[] }).items.filter((c) => c.id !== 'narrator');
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
    expect(outcomes.filter((o) => !clearAnswer(o))).toEqual([]);
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

test('a merge into a character that was merged away goes where it went, or says why it cannot', async () => {
  const projectId = await createProject(platform, CREATOR, 'Merged away first');
  const [anne, bertha, clara, dora] = await Promise.all(
    ['Anne', 'Bertha', 'Clara', 'Dora'].map((name) => addCharacter(projectId, name)),
  );
  await setLineCount(projectId, anne.id, 1);
  await setLineCount(projectId, bertha.id, 2);
  const ids = await seeder.seed(TENANT, projectId, [anne.id, bertha.id, bertha.id, clara.id]);
  expect((await merge(projectId, bertha.id, clara.id)).status).toBe(200);

  // Anne into Bertha, who is in Clara now: Anne goes into Clara, counted once with her line.
  const followed = await merge(projectId, anne.id, bertha.id);
  expect(followed.status).toBe(200);
  const { character } = (await followed.json()) as { character: CharacterJson };
  expect(character).toMatchObject({ id: clara.id, dialogueLineCount: 3 });
  expect([...character.aliases].sort()).toEqual(['Anne', 'Bertha']);
  expect((await seeder.speakers(TENANT, projectId, ids)).map((s) => s.speakerId)).toEqual(ids.map(() => clara.id));

  // Clara into Bertha: Bertha went into Clara herself, so the two are one already.
  const intoItself = await merge(projectId, clara.id, bertha.id);
  expect(intoItself.status).toBe(409);
  expect(await intoItself.json()).toMatchObject({
    error: {
      code: 'character_merged',
      message: 'Bertha was already merged into Clara',
      details: { field: 'intoCharacterId', mergedInto: [clara.id] },
    },
  });

  // Clara into Dora, then Dora into Anne: Anne went into Clara and Clara into Dora, so Dora holds Anne already.
  expect((await merge(projectId, clara.id, dora.id)).status).toBe(200);
  const refused = await merge(projectId, dora.id, anne.id);
  expect(refused.status).toBe(409);
  expect(await refused.json()).toMatchObject({
    error: { code: 'character_merged', message: 'Anne was already merged into Dora' },
  });

  // Deleted, not merged: nothing holds it.
  const edith = await addCharacter(projectId, 'Edith');
  const fanny = await addCharacter(projectId, 'Fanny');
  expect((await remove(projectId, fanny.id)).status).toBe(200);
  const intoDeleted = await merge(projectId, edith.id, fanny.id);
  expect(intoDeleted.status).toBe(404);
  expect(await intoDeleted.json()).toMatchObject({
    error: { code: 'not_found', details: { field: 'intoCharacterId' } },
  });
});

test(`${PARALLEL} merges in crossing directions: every line count lands once, with its lines`, async () => {
  for (let round = 0; round < 3; round++) {
    const projectId = await createProject(platform, CREATOR, `Crossing merges ${round}`);
    const names = ['Anne', 'Bertha', 'Clara', 'Dora', 'Edith'];
    const cast = await Promise.all(names.map((name) => addCharacter(projectId, name)));
    // Character i speaks i + 1 lines and is counted so: a count added twice or lost shows as a mismatch below.
    const lines: string[] = [];
    for (const [i, character] of cast.entries()) {
      await setLineCount(projectId, character.id, i + 1);
      for (let line = 0; line <= i; line++) lines.push(character.id);
    }
    const ids = await seeder.seed(TENANT, projectId, [...lines, 'narrator']);
    const id = cast.map((character) => character.id);
    // Around the ring both ways, and across it, so most merges name a character another merge is taking away.
    const pairs: [number, number][] = [];
    for (let i = 0; i < names.length; i++) {
      pairs.push([i, (i + 1) % names.length], [(i + 1) % names.length, i], [i, (i + 2) % names.length]);
    }
    const outcomes = await inParallel(PARALLEL, (index) => {
      const [from, into] = pairs[(index + round) % pairs.length];
      return mergeRetryingWhileHeld(projectId, id[from], id[into]);
    });
    expect(outcomes.filter((o) => !clearAnswer(o) || o.body?.error?.code === 'conflict')).toEqual([]);
    // Every pair is linked, so the merges that got through leave one character holding everyone.
    expect(tally(outcomes)[200]).toBe(names.length - 1);

    expect({ round, orphaned: await orphanedLines(projectId, ids) }).toEqual({ round, orphaned: [] });
    const speakers = (await seeder.speakers(TENANT, projectId, ids)).map((s) => s.speakerId);
    const left = await stored(projectId);
    // Each count where its lines are, and every name kept once: as the survivor's name or among its aliases.
    expect(left.map((c) => ({ id: c.id, lines: c.dialogueLineCount }))).toEqual(
      left.map((c) => ({ id: c.id, lines: speakers.filter((speaker) => speaker === c.id).length })),
    );
    expect(left.flatMap((c) => [c.name, ...c.aliases]).sort()).toEqual([...names].sort());
  }
});
