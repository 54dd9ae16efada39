import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import ffprobe from '@ffprobe-installer/ffprobe';
import { SMALL_MANUSCRIPT } from '../api/isolation/fixtures';
import type { TestPlatform } from '../support/testPlatform';
import {
  createProject,
  detectCharacters,
  listCharacters,
  SegmentSeeder,
  prideAndPrejudiceChapters,
  type CharacterJson,
} from './support';
import { sharedTestPlatform } from '../support/sharedPlatform';

/**
 * Characters, voices, auditions and casting on the real local platform: Cosmos emulator, Azurite, the durable
 * engine running the `detectCharacters` job, the heuristic engine and espeak-ng for auditions.
 */
const creator = 'creator@andes.test';
const admin = 'admin@andes.test';
const validator = 'validator@andes.test';

let platform: TestPlatform;
let seeder: SegmentSeeder;
let tempDir: string;

beforeAll(async () => {
  platform = await sharedTestPlatform();
  seeder = new SegmentSeeder(platform);
  tempDir = mkdtempSync(path.join(os.tmpdir(), 'khipu-characters-test-'));
});
afterAll(async () => {
  seeder?.close();
  await platform?.stop();
  if (tempDir) rmSync(tempDir, { recursive: true, force: true });
});

const find = (characters: CharacterJson[], name: string) =>
  characters.find((c) => c.name === name || c.aliases.includes(name));

async function probeWav(bytes: ArrayBuffer): Promise<{ codec_name: string; sample_rate: string; duration: string }> {
  const file = path.join(tempDir, `probe-${Math.random().toString(36).slice(2)}.wav`);
  writeFileSync(file, Buffer.from(bytes));
  const { stdout } = await promisify(execFile)(ffprobe.path, ['-v', 'error', '-show_streams', '-of', 'json', file]);
  return (JSON.parse(stdout) as { streams: { codec_name: string; sample_rate: string; duration: string }[] })
    .streams[0];
}

describe('character detection on Pride and Prejudice', () => {
  let projectId: string;
  let characters: CharacterJson[];

  beforeAll(async () => {
    projectId = await createProject(platform, creator, 'Pride and Prejudice');
    await seeder.seedChapters('t-andes', projectId, prideAndPrejudiceChapters());
    const job = await detectCharacters(platform, creator, projectId);
    expect(job.status).toBe('succeeded');
    expect(job.result).toMatchObject({ chapters: 61, engine: 'heuristic', usage: { model: 'heuristic' } });
    characters = await listCharacters(platform, creator, projectId);
  }, 600_000);

  it('finds the main cast over the whole book, aliases merged, narrator first', () => {
    expect(characters[0]).toMatchObject({ id: 'narrator', importance: 'narrator' });
    for (const name of ['Elizabeth', 'Mr. Darcy', 'Jane', 'Mr. Bennet', 'Mrs. Bennet', 'Mr. Wickham', 'Mr. Collins']) {
      expect({ name, found: find(characters, name) !== undefined }).toEqual({ name, found: true });
    }
    expect(find(characters, 'Darcy')).toBe(find(characters, 'Mr. Darcy'));
    expect(find(characters, 'Mr. Bennet')).not.toBe(find(characters, 'Mrs. Bennet'));
    expect(find(characters, 'Elizabeth')!.gender).toBe('female');
    // Characters from the last chapters are there too: the whole book was read, not a sample.
    expect(find(characters, 'Elizabeth')!.dialogueLineCount).toBeGreaterThan(50);
  });

  it('lists by importance, then dialogue line count', () => {
    const rank = { narrator: 0, main: 1, supporting: 2, minor: 3 } as Record<string, number>;
    for (let i = 1; i < characters.length; i++) {
      const [a, b] = [characters[i - 1], characters[i]];
      expect(
        rank[a.importance] < rank[b.importance] ||
          (a.importance === b.importance && a.dialogueLineCount >= b.dialogueLineCount),
      ).toBe(true);
    }
  });

  it('keeps the project facts current for the workflow view', async () => {
    const project = (await (await platform.api(creator, `/v1/projects/${projectId}`)).json()) as {
      workflow: { steps: { step: string; state: string; detail: string | null }[] };
    };
    const step = project.workflow.steps.find((s) => s.step === 'characters')!;
    expect(step).toMatchObject({ state: 'complete', detail: `${characters.length} characters` });
  });

  it('auto-casts deterministically, keeps overrides, and validates them against the catalog', async () => {
    const cast = async () => {
      const res = await platform.api(creator, `/v1/projects/${projectId}/casting/auto`, { method: 'POST' });
      expect(res.status).toBe(200);
      return (await res.json()) as {
        assignments: { characterId: string; voice: { voiceName: string } }[];
        charactersWithVoice: number;
        characterCount: number;
      };
    };
    const first = await cast();
    const second = await cast();
    expect(second.assignments).toEqual(first.assignments);
    expect(first.charactersWithVoice).toBe(first.characterCount);
    expect(first.assignments.every((a) => a.voice.voiceName.startsWith('en-'))).toBe(true);
    const elizabeth = find(characters, 'Elizabeth')!;
    const voiceOf = (id: string) => first.assignments.find((a) => a.characterId === id)!.voice.voiceName;
    expect(voiceOf(elizabeth.id)).toMatch(/Female/);
    expect(voiceOf(find(characters, 'Mr. Darcy')!.id)).toMatch(/Male/);

    const unknownVoice = await platform.api(creator, `/v1/projects/${projectId}/characters/${elizabeth.id}/voice`, {
      method: 'PUT',
      json: { voiceName: 'en-US-NoSuchVoiceNeural' },
    });
    expect(unknownVoice.status).toBe(400);
    expect(((await unknownVoice.json()) as any).error.details.fields[0].field).toBe('voiceName');
    const unknownStyle = await platform.api(creator, `/v1/projects/${projectId}/characters/${elizabeth.id}/voice`, {
      method: 'PUT',
      json: { voiceName: 'en-GB-EspeakFemale2', style: 'cheerful' },
    });
    expect(unknownStyle.status).toBe(400);
    expect(((await unknownStyle.json()) as any).error.details.fields[0].field).toBe('style');

    const override = await platform.api(creator, `/v1/projects/${projectId}/characters/${elizabeth.id}/voice`, {
      method: 'PUT',
      json: { voiceName: 'en-GB-EspeakFemale2', ratePercent: 40, pitchPercent: -30 },
    });
    expect(override.status).toBe(200);
    expect(((await override.json()) as CharacterJson).voice).toMatchObject({
      voiceName: 'en-GB-EspeakFemale2',
      ratePercent: 8,
      pitchPercent: -8,
    });
    const recast = await cast();
    expect(recast.assignments.find((a) => a.characterId === elizabeth.id)!.voice).toMatchObject({
      voiceName: 'en-GB-EspeakFemale2',
      ratePercent: 8,
      overridden: true,
    });
  });

  it('auditions a character with its cast voice, as a WAV ffprobe reads', async () => {
    const elizabeth = find(characters, 'Elizabeth')!;
    const res = await platform.api(creator, `/v1/projects/${projectId}/characters/${elizabeth.id}/audition`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('audio/wav');
    const stream = await probeWav(await res.arrayBuffer());
    expect(stream).toMatchObject({ codec_name: 'pcm_s16le', sample_rate: '24000' });
    expect(Number(stream.duration)).toBeGreaterThan(0.5);
  });

  it('lets a validator read characters and casting but not change them', async () => {
    expect(
      (
        await platform.api(admin, `/v1/projects/${projectId}/members`, {
          method: 'PUT',
          json: { validatorIds: ['u-andes-validator'] },
        })
      ).status,
    ).toBe(200);
    const elizabeth = find(characters, 'Elizabeth')!;
    expect((await platform.api(validator, `/v1/projects/${projectId}/characters`)).status).toBe(200);
    expect((await platform.api(validator, `/v1/projects/${projectId}/casting`)).status).toBe(200);
    const attempts: [string, string, unknown?][] = [
      ['POST', `/characters/detect`],
      ['PATCH', `/characters/${elizabeth.id}`, { description: 'nope' }],
      ['POST', `/characters`, { name: 'Intruder' }],
      ['DELETE', `/characters/${elizabeth.id}`],
      ['POST', `/casting/auto`],
      ['PUT', `/characters/${elizabeth.id}/voice`, { voiceName: 'en-GB-EspeakFemale1' }],
      ['PUT', `/casting/pool`, { voiceNames: ['en-GB-EspeakFemale1'] }],
    ];
    for (const [method, route, json] of attempts) {
      const res = await platform.api(validator, `/v1/projects/${projectId}${route}`, {
        method,
        json,
        headers: { 'if-match': elizabeth.etag },
      });
      expect({ method, route, status: res.status }).toEqual({ method, route, status: 403 });
    }
  });
});

describe('editing characters', () => {
  let projectId: string;

  beforeAll(async () => {
    projectId = await createProject(platform, creator, 'Small book');
    await seeder.seedChapters('t-andes', projectId, SMALL_MANUSCRIPT.split(/^Chapter \d+$/m).slice(1));
    expect((await detectCharacters(platform, creator, projectId)).status).toBe('succeeded');
  }, 600_000);

  it('edits with If-Match, and re-detection keeps the user’s edits', async () => {
    const jane = find(await listCharacters(platform, creator, projectId), 'Jane')!;
    const url = `/v1/projects/${projectId}/characters/${jane.id}`;
    expect((await platform.api(creator, url, { method: 'PATCH', json: { description: 'x' } })).status).toBe(428);
    const stale = await platform.api(creator, url, {
      method: 'PATCH',
      headers: { 'if-match': '"old"' },
      json: { description: 'x' },
    });
    expect(stale.status).toBe(412);
    const edited = await platform.api(creator, url, {
      method: 'PATCH',
      headers: { 'if-match': jane.etag },
      json: { description: 'The eldest sister', aliases: ['Miss Bennet'], ageBand: 'young_adult' },
    });
    expect(edited.status).toBe(200);
    expect(await edited.json()).toMatchObject({
      source: 'user',
      aliases: ['Miss Bennet'],
      description: 'The eldest sister',
    });
    expect((await detectCharacters(platform, creator, projectId)).status).toBe('succeeded');
    const after = find(await listCharacters(platform, creator, projectId), 'Jane')!;
    expect(after).toMatchObject({ source: 'user', aliases: ['Miss Bennet'] });
  });

  it('merges a character into another: aliases merged, segments re-pointed', async () => {
    const add = await platform.api(creator, `/v1/projects/${projectId}/characters`, {
      method: 'POST',
      json: { name: 'Lizzy', gender: 'female' },
    });
    expect(add.status).toBe(201);
    const lizzy = (await add.json()) as CharacterJson;
    const elizabeth = find(await listCharacters(platform, creator, projectId), 'Elizabeth')!;
    const ids = await seeder.seed('t-andes', projectId, [lizzy.id, elizabeth.id, lizzy.id, 'narrator']);
    const merged = await platform.api(creator, `/v1/projects/${projectId}/characters/${lizzy.id}/merge`, {
      method: 'POST',
      json: { intoCharacterId: elizabeth.id },
    });
    expect(merged.status).toBe(200);
    const body = (await merged.json()) as { character: CharacterJson; segmentsMoved: number };
    expect(body.segmentsMoved).toBe(2);
    expect(body.character.aliases).toContain('Lizzy');
    expect((await seeder.speakers('t-andes', projectId, ids)).map((s) => s.speakerId)).toEqual([
      elizabeth.id,
      elizabeth.id,
      elizabeth.id,
      'narrator',
    ]);
    expect((await platform.api(creator, `/v1/projects/${projectId}/characters/${lizzy.id}`)).status).toBe(404);

    const split = await platform.api(creator, `/v1/projects/${projectId}/characters/${elizabeth.id}/split-alias`, {
      method: 'POST',
      json: { alias: 'Lizzy' },
    });
    expect(split.status).toBe(201);
    const parts = (await split.json()) as { from: CharacterJson; created: CharacterJson };
    expect(parts.from.aliases).not.toContain('Lizzy');
    expect(parts.created).toMatchObject({ name: 'Lizzy', gender: parts.from.gender, source: 'user' });
  });

  it('deletes a character: its segments become unknown and flagged; the narrator cannot be deleted', async () => {
    const add = await platform.api(creator, `/v1/projects/${projectId}/characters`, {
      method: 'POST',
      json: { name: 'Mr. Hurst' },
    });
    const hurst = (await add.json()) as CharacterJson;
    const segmentIds = await seeder.seed('t-andes', projectId, [hurst.id, 'narrator', hurst.id]);
    const res = await platform.api(creator, `/v1/projects/${projectId}/characters/${hurst.id}`, { method: 'DELETE' });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ segmentsFlagged: 2 });
    expect(await seeder.speakers('t-andes', projectId, segmentIds)).toEqual([
      { speakerId: 'unknown', flagged: true },
      { speakerId: 'narrator', flagged: false },
      { speakerId: 'unknown', flagged: true },
    ]);
    expect(
      (await platform.api(creator, `/v1/projects/${projectId}/characters/narrator`, { method: 'DELETE' })).status,
    ).toBe(409);
  });
});

describe('voice catalog and auditions', () => {
  it('lists the offline voices, filtered by language, locale and gender', async () => {
    const all = (await (await platform.api(creator, '/v1/voices')).json()) as {
      engine: string;
      items: { name: string; locale: string; gender: string }[];
    };
    expect(all.engine).toBe('offline');
    const locales = new Set(all.items.map((v) => v.locale));
    for (const locale of ['en-US', 'en-GB', 'es-ES', 'es-419', 'pt-BR', 'pt-PT']) expect(locales).toContain(locale);
    const spanish = (await (await platform.api(creator, '/v1/voices?language=es&gender=female')).json()) as typeof all;
    expect(spanish.items.length).toBeGreaterThan(0);
    expect(spanish.items.every((v) => v.locale.startsWith('es-') && v.gender === 'female')).toBe(true);
    const ptBr = (await (await platform.api(creator, '/v1/voices?locale=pt-BR')).json()) as typeof all;
    expect(new Set(ptBr.items.map((v) => v.locale))).toEqual(new Set(['pt-BR']));
    expect((await platform.api(null, '/v1/voices')).status).toBe(401);
  });

  it('auditions a voice as WAV, caches it, escapes markup, and refuses voices outside the catalog', async () => {
    const audition = () =>
      platform.api(validator, '/v1/voices/es-419-EspeakFemale1/audition', {
        method: 'POST',
        json: { text: '—¿Llegaste? <voice name="x"> & ]]> —preguntó Rosa.' },
      });
    const first = await audition();
    expect(first.status).toBe(200);
    expect(first.headers.get('x-khipu-audition-cache')).toBe('miss');
    const firstBytes = await first.arrayBuffer();
    expect((await probeWav(firstBytes)).codec_name).toBe('pcm_s16le');
    const second = await audition();
    expect(second.headers.get('x-khipu-audition-cache')).toBe('hit');
    expect(Buffer.from(await second.arrayBuffer()).equals(Buffer.from(firstBytes))).toBe(true);

    const unknown = await platform.api(creator, '/v1/voices/en-US-NoSuchVoiceNeural/audition', {
      method: 'POST',
      json: {},
    });
    expect(unknown.status).toBe(400);
    expect(((await unknown.json()) as any).error.details.fields[0].field).toBe('voiceName');
    const badStyle = await platform.api(creator, '/v1/voices/en-US-EspeakMale1/audition', {
      method: 'POST',
      json: { style: 'cheerful' },
    });
    expect(badStyle.status).toBe(400);
    const defaultText = await platform.api(creator, '/v1/voices/pt-BR-EspeakMale1/audition', {
      method: 'POST',
      json: {},
    });
    expect(defaultText.status).toBe(200);
    await defaultText.arrayBuffer();
  });
});
