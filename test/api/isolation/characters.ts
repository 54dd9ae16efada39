import type { TestPlatform } from '../../support/testPlatform';
import type { IsolationTable, PrepareContext } from './types';

/** Characters, casting and character auditions: every route answers other tenants 404 and forbidden roles 403. */
async function addCharacter(
  platform: TestPlatform,
  admin: string,
  projectId: string,
  name: string,
  aliases: string[] = [],
): Promise<{ id: string; etag: string }> {
  const res = await platform.api(admin, `/v1/projects/${projectId}/characters`, {
    method: 'POST',
    json: { name, aliases },
  });
  if (res.status !== 201) throw new Error(`add character: ${res.status} ${await res.text()}`);
  return (await res.json()) as { id: string; etag: string };
}

const oneCharacter = async ({ platform, admin, projectId }: PrepareContext) => {
  const character = await addCharacter(platform, admin, projectId, 'Matrix Person', ['Matrix Alias']);
  return { characterId: character.id, characterEtag: character.etag };
};

export const isolation: IsolationTable = {
  startCharacterDetection: { allowed: ['admin', 'creator'] },
  listCharacters: { allowed: ['admin', 'creator', 'validator'] },
  createCharacter: { allowed: ['admin', 'creator'], request: () => ({ json: { name: 'Matrix Newcomer' } }) },
  getCharacter: { allowed: ['admin', 'creator', 'validator'], prepare: oneCharacter },
  updateCharacter: {
    allowed: ['admin', 'creator'],
    prepare: oneCharacter,
    request: (_etag, prepared) => ({
      headers: { 'if-match': prepared.characterEtag },
      json: { description: 'Edited by the matrix' },
    }),
  },
  deleteCharacter: { allowed: ['admin', 'creator'], prepare: oneCharacter },
  mergeCharacter: {
    allowed: ['admin', 'creator'],
    prepare: async (ctx) => {
      const into = await addCharacter(ctx.platform, ctx.admin, ctx.projectId, 'Matrix Survivor');
      return { ...(await oneCharacter(ctx)), intoCharacterId: into.id };
    },
    request: (_etag, prepared) => ({ json: { intoCharacterId: prepared.intoCharacterId } }),
  },
  splitCharacterAlias: {
    allowed: ['admin', 'creator'],
    prepare: oneCharacter,
    request: () => ({ json: { alias: 'Matrix Alias' } }),
  },
  setCharacterVoice: {
    allowed: ['admin', 'creator'],
    prepare: oneCharacter,
    request: (_etag, prepared) => ({
      headers: { 'if-match': prepared.characterEtag },
      json: { voiceName: 'en-GB-EspeakFemale1', ratePercent: 5 },
    }),
  },
  auditionCharacter: {
    allowed: ['admin', 'creator', 'validator'],
    prepare: async (ctx) => {
      const prepared = await oneCharacter(ctx);
      const res = await ctx.platform.api(
        ctx.admin,
        `/v1/projects/${ctx.projectId}/characters/${prepared.characterId}/voice`,
        { method: 'PUT', json: { voiceName: 'en-GB-EspeakMale1' } },
      );
      if (res.status !== 200) throw new Error(`set voice: ${res.status} ${await res.text()}`);
      return prepared;
    },
  },
  getCastingPool: { allowed: ['admin', 'creator', 'validator'] },
  setCastingPool: {
    allowed: ['admin', 'creator'],
    request: () => ({ json: { voiceNames: ['en-GB-EspeakFemale1', 'en-GB-EspeakMale1'] } }),
  },
  autoCast: { allowed: ['admin', 'creator'] },
  getCasting: { allowed: ['admin', 'creator', 'validator'] },
};
