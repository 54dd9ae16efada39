/**
 * The project's facts say who of the characters needs a voice: a character added who says nothing (only named, or
 * spoken to) is counted among the characters but not among those production would ask a voice of, so the studio's
 * stage badge does not hold a planned, cast book at "Casting". Through the public API on the local platform.
 */
import { plannedBookViaApi, json, CREATOR } from '../production/support';
import { minimalMetadata, startTestPlatform, type TestPlatform } from '../support/testPlatform';

let platform: TestPlatform;

beforeAll(async () => {
  platform = await startTestPlatform();
}, 120_000);
afterAll(async () => {
  await platform?.stop();
});

interface Facts {
  characterCount: number;
  charactersWithVoice: number;
  speakingCharacters?: number;
  speakingCharactersWithVoice?: number;
}

test('a silent character without a voice is not counted as needing one', async () => {
  const { id: projectId } = await json<{ id: string }>(
    await platform.api(CREATOR, '/v1/projects', {
      method: 'POST',
      json: { metadata: { ...minimalMetadata('Who Speaks'), language: 'en-US' } },
    }),
    201,
  );
  await plannedBookViaApi(platform, CREATOR, projectId);
  const facts = () => platform.api(CREATOR, `/v1/projects/${projectId}/facts`).then((res) => json<Facts>(res, 200));
  const cast = await facts();
  expect(cast.speakingCharacters).toBeGreaterThan(0);
  expect(cast.speakingCharactersWithVoice).toBe(cast.speakingCharacters);

  await json(
    await platform.api(CREATOR, `/v1/projects/${projectId}/characters`, {
      method: 'POST',
      json: { name: 'The Silent Miller' },
    }),
    201,
  );
  const after = await facts();
  expect(after).toMatchObject({
    characterCount: cast.characterCount + 1,
    charactersWithVoice: cast.charactersWithVoice,
    speakingCharacters: cast.speakingCharacters,
    speakingCharactersWithVoice: cast.speakingCharacters,
  });
});

interface ListedProject {
  id: string;
  facts: Facts;
  workflow: { steps: { step: string; state: string; detail: string | null }[] };
}

interface CharacterJson {
  id: string;
  name: string;
  importance: string;
  dialogueLineCount: number;
  voice: unknown;
}

test('the projects list counts the speaking cast as the project page does, after adds, merges, deletes and edits', async () => {
  const title = 'Listed Cast';
  const { id: projectId } = await json<{ id: string }>(
    await platform.api(CREATOR, '/v1/projects', {
      method: 'POST',
      json: { metadata: { ...minimalMetadata(title), language: 'en-US' } },
    }),
    201,
  );
  await plannedBookViaApi(platform, CREATOR, projectId);
  const call = (path: string, init?: RequestInit & { json?: unknown }) => platform.api(CREATOR, path, init);
  const characters = async () =>
    (await json<{ items: CharacterJson[] }>(await call(`/v1/projects/${projectId}/characters`), 200)).items;
  const add = async (name: string) =>
    json<CharacterJson>(await call(`/v1/projects/${projectId}/characters`, { method: 'POST', json: { name } }), 201);
  const merge = async (from: string, into: string) =>
    json(
      await call(`/v1/projects/${projectId}/characters/${from}/merge`, {
        method: 'POST',
        json: { intoCharacterId: into },
      }),
      200,
    );
  /** The list's facts and casting step, beside the project page's facts (counted from the characters on request). */
  const listedAndPage = async () => {
    const page = await json<Facts>(await call(`/v1/projects/${projectId}/facts`), 200);
    const listing = await json<{ items: ListedProject[] }>(
      await call(`/v1/projects?q=${encodeURIComponent(title.toLowerCase())}`),
      200,
    );
    const listed = listing.items.find((item) => item.id === projectId)!;
    const pick = (facts: Facts) => ({
      characterCount: facts.characterCount,
      charactersWithVoice: facts.charactersWithVoice,
      speakingCharacters: facts.speakingCharacters,
      speakingCharactersWithVoice: facts.speakingCharactersWithVoice,
    });
    const casting = listed.workflow.steps.find((step) => step.step === 'casting')!;
    return { listed: pick(listed.facts), page: pick(page), casting };
  };
  const expectAgreement = async (castingState: string) => {
    const { listed, page, casting } = await listedAndPage();
    expect(listed).toEqual(page);
    expect(casting).toEqual({
      step: 'casting',
      state: castingState,
      detail: `${page.speakingCharactersWithVoice}/${page.speakingCharacters} voiced`,
    });
    return page;
  };

  const planned = await expectAgreement('complete');
  expect(planned.speakingCharacters).toBeGreaterThan(1);

  // Silent characters: counted among the characters, not among those who need a voice.
  const miller = await add('The Silent Miller');
  const mute = await add('The Mute Baker');
  expect(await expectAgreement('complete')).toMatchObject({
    characterCount: planned.characterCount + 2,
    speakingCharacters: planned.speakingCharacters,
  });
  await merge(mute.id, miller.id);
  expect(await expectAgreement('complete')).toMatchObject({
    characterCount: planned.characterCount + 1,
    speakingCharacters: planned.speakingCharacters,
  });

  // A line given to the silent character makes them one who needs a voice.
  const segments = await json<{ items: { id: string; speakerId: string; etag: string }[] }>(
    await call(`/v1/projects/${projectId}/segments?pageSize=100`),
    200,
  );
  // A narrated line: the narrator speaks on, so only the miller joins those who need a voice.
  const line = segments.items.find((segment) => segment.speakerId === 'narrator')!;
  await json(
    await call(`/v1/projects/${projectId}/segments/${line.id}`, {
      method: 'PATCH',
      headers: { 'if-match': line.etag },
      json: { speakerId: miller.id },
    }),
    200,
  );
  expect(await expectAgreement('in_progress')).toMatchObject({
    speakingCharacters: planned.speakingCharacters! + 1,
    speakingCharactersWithVoice: planned.speakingCharactersWithVoice,
  });

  // Deleted, the character's lines are flagged `unknown`: the cast is back to the voiced one.
  expect((await call(`/v1/projects/${projectId}/characters/${miller.id}`, { method: 'DELETE' })).status).toBe(200);
  expect(await expectAgreement('complete')).toMatchObject({
    characterCount: planned.characterCount,
    speakingCharacters: planned.speakingCharacters,
  });

  // Two speaking characters merged: one fewer needs a voice.
  const speakers = (await characters()).filter(
    (character) => character.importance !== 'narrator' && character.dialogueLineCount > 0,
  );
  expect(speakers.length).toBeGreaterThanOrEqual(2);
  await merge(speakers[1].id, speakers[0].id);
  expect(await expectAgreement('complete')).toMatchObject({
    characterCount: planned.characterCount - 1,
    speakingCharacters: planned.speakingCharacters! - 1,
  });
});

test('a chapter deleted or restored takes the speakers of its plan out of the stored speaking cast and back', async () => {
  const title = 'Chapter Speakers';
  const { id: projectId } = await json<{ id: string }>(
    await platform.api(CREATOR, '/v1/projects', {
      method: 'POST',
      json: { metadata: { ...minimalMetadata(title), language: 'en-US' } },
    }),
    201,
  );
  await plannedBookViaApi(platform, CREATOR, projectId);
  const call = (path: string, init?: RequestInit & { json?: unknown }) => platform.api(CREATOR, path, init);
  const speaking = async () => {
    const listing = await json<{ items: ListedProject[] }>(
      await call(`/v1/projects?q=${encodeURIComponent(title.toLowerCase())}`),
      200,
    );
    const listed = listing.items.find((item) => item.id === projectId)!.facts.speakingCharacters;
    const page = (await json<Facts>(await call(`/v1/projects/${projectId}/facts`), 200)).speakingCharacters;
    return { listed, page };
  };
  const before = await speaking();
  expect(before.listed).toBe(before.page);

  // A character who speaks only through the plan of one chapter.
  const reader = await json<CharacterJson>(
    await call(`/v1/projects/${projectId}/characters`, { method: 'POST', json: { name: 'The Letter Reader' } }),
    201,
  );
  const segments = await json<{ items: { id: string; chapterId: string; speakerId: string; etag: string }[] }>(
    await call(`/v1/projects/${projectId}/segments?pageSize=100`),
    200,
  );
  const line = segments.items.find((segment) => segment.speakerId === 'narrator')!;
  await json(
    await call(`/v1/projects/${projectId}/segments/${line.id}`, {
      method: 'PATCH',
      headers: { 'if-match': line.etag },
      json: { speakerId: reader.id },
    }),
    200,
  );
  const withReader = { listed: before.page! + 1, page: before.page! + 1 };
  expect(await speaking()).toEqual(withReader);

  expect((await call(`/v1/projects/${projectId}/chapters/${line.chapterId}`, { method: 'DELETE' })).status).toBe(200);
  const deleted = await speaking();
  expect(deleted.listed).toBe(deleted.page);
  expect(deleted.page).toBeLessThan(withReader.page);

  await json(await call(`/v1/projects/${projectId}/chapters/${line.chapterId}/restore`, { method: 'POST' }), 200);
  expect(await speaking()).toEqual(withReader);
});
