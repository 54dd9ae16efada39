import type { TestPlatform } from '../support/testPlatform';
import { BookStore, DIALOGUE_BOOK, allSegments, createProject, planProject, type SegmentJson } from './support';
import { sharedTestPlatform } from '../support/sharedPlatform';

const CREATOR = 'creator@andes.test';
const VALIDATOR = 'validator@andes.test';
const TENANT = 't-andes';

let platform: TestPlatform;
let store: BookStore;
let projectId: string;
let chapterIds: string[];
let characters: { id: string; name: string }[];

const api = (path: string, init?: RequestInit & { json?: unknown }, user = CREATOR) =>
  platform.api(user, `/v1/projects/${projectId}${path}`, init);
const json = async <T>(res: Response | Promise<Response>): Promise<T> => (await (await res).json()) as T;
const speakerNamed = (name: string) => characters.find((c) => c.name === name || c.name.endsWith(name))!.id;

function chapterText(chapterId: string) {
  return store.chapter(TENANT, projectId, chapterId);
}

async function expectChaptersTiled(): Promise<void> {
  const segments = await allSegments(platform, CREATOR, projectId);
  for (const chapterId of chapterIds) {
    const own = segments.filter((s) => s.chapterId === chapterId);
    expect(own.map((s) => s.index)).toEqual(own.map((_, i) => i));
    expect(own.map((s) => s.text).join('')).toBe((await chapterText(chapterId)).text);
  }
}

beforeAll(async () => {
  platform = await sharedTestPlatform();
  store = new BookStore(platform);
  projectId = await createProject(platform, CREATOR, 'Planning');
  ({ chapterIds } = await store.seedBook(TENANT, projectId, DIALOGUE_BOOK));
  characters = await store.characterIds(TENANT, projectId);
  const members = await api('/members', { method: 'PUT', json: { validatorIds: ['u-andes-validator'] } });
  expect(members.status).toBeLessThan(300);
});
afterAll(async () => {
  store?.close();
  await platform?.stop();
});

describe('planning API', () => {
  it('plans every chapter: segments tile the text, every segment has a speaker or is flagged', async () => {
    expect(chapterIds).toHaveLength(2);
    const job = await planProject(platform, CREATOR, projectId);
    expect(job).toMatchObject({ kind: 'plan', progress: { chaptersDone: 2, chaptersTotal: 2 } });
    const segments = await allSegments(platform, CREATOR, projectId);
    expect(segments.length).toBeGreaterThan(10);
    for (const segment of segments) expect(segment.speakerId !== 'unknown' || segment.flagged).toBe(true);
    await expectChaptersTiled();

    const line = (text: string) => segments.find((s) => s.text.startsWith(text))!;
    expect(line('"Good morning,"').speakerId).toBe(speakerNamed('Elizabeth'));
    expect(line('"It is,"').speakerId).toBe(speakerNamed('Darcy'));
    expect(line('"We shall stay in,"').speakerId).toBe(speakerNamed('Jane'));
    // Who says the bare "Hmm." is the attribution engine's call (measured by its benchmark); unknown means flagged.
    expect(line('"Hmm."').speakerId !== 'unknown' || line('"Hmm."').flagged).toBe(true);
    expect(line('Chapter 1')).toMatchObject({ kind: 'heading', speakerId: 'narrator' });

    const project = await json<{ workflow: unknown; facts?: unknown }>(api(''));
    expect(JSON.stringify(project)).toContain(
      `${segments.filter((s) => s.speakerId !== 'unknown').length}/${segments.length} segments attributed`,
    );
    expect((await chapterText(chapterIds[0])).planStatus).toBe('planned');
  });

  it('filters by chapter, speaker, unknown and flagged, and pages in reading order', async () => {
    const everything = await allSegments(platform, CREATOR, projectId);
    const paged = await allSegments(platform, CREATOR, projectId, '', 3);
    expect(paged.map((s) => s.id)).toEqual(everything.map((s) => s.id));
    const chapterOf = (s: SegmentJson) => chapterIds.indexOf(s.chapterId);
    expect(everything.map((s) => [chapterOf(s), s.index])).toEqual(
      [...everything].map((s) => [chapterOf(s), s.index]).sort((a, b) => a[0] - b[0] || a[1] - b[1]),
    );

    const second = await allSegments(platform, CREATOR, projectId, `chapterId=${chapterIds[1]}`);
    expect(second.length).toBe(everything.filter((s) => s.chapterId === chapterIds[1]).length);
    const elizabeth = speakerNamed('Elizabeth');
    const hers = await allSegments(platform, CREATOR, projectId, `speakerId=${elizabeth}`, 2);
    expect(hers.map((s) => s.id)).toEqual(everything.filter((s) => s.speakerId === elizabeth).map((s) => s.id));
    const unknown = await allSegments(platform, CREATOR, projectId, 'unknown=true');
    expect(unknown.map((s) => s.id)).toEqual(everything.filter((s) => s.speakerId === 'unknown').map((s) => s.id));
    const flagged = await allSegments(platform, CREATOR, projectId, 'flagged=true');
    expect(flagged.map((s) => s.id)).toEqual(everything.filter((s) => s.flagged).map((s) => s.id));

    expect((await api('/segments?continuationToken=bogus')).status).toBe(400);
    expect((await api('/segments?chapterId=nope')).status).toBe(404);
  });

  it('changing a speaker invalidates only that segment’s audio, and re-planning keeps the choice', async () => {
    const before = await allSegments(platform, CREATOR, projectId);
    await store.renderAll(
      TENANT,
      projectId,
      before.map((s) => s.id),
    );
    const target = (await allSegments(platform, CREATOR, projectId)).find((s) => s.text.startsWith('"Hmm."'))!;
    expect(target.currentTakeId).not.toBeNull();

    expect((await api(`/segments/${target.id}`, { method: 'PATCH', json: { speakerId: 'narrator' } })).status).toBe(
      428,
    );
    const badSpeaker = await api(`/segments/${target.id}`, {
      method: 'PATCH',
      headers: { 'if-match': target.etag },
      json: { speakerId: 'char-nobody' },
    });
    expect(badSpeaker.status).toBe(400);
    expect(JSON.stringify(await badSpeaker.json())).toContain('speakerId');
    const validator = await api(
      `/segments/${target.id}`,
      { method: 'PATCH', headers: { 'if-match': target.etag }, json: { speakerId: 'narrator' } },
      VALIDATOR,
    );
    expect(validator.status).toBe(403);
    expect((await api(`/segments/${target.id}`, {}, VALIDATOR)).status).toBe(200);

    // Someone other than whoever the engine picked, so the edit is a change.
    const chosen = target.speakerId === speakerNamed('Jane') ? speakerNamed('Darcy') : speakerNamed('Jane');
    const edited = await api(`/segments/${target.id}`, {
      method: 'PATCH',
      headers: { 'if-match': target.etag },
      json: { speakerId: chosen },
    });
    expect(edited.status).toBe(200);
    expect(await edited.json()).toMatchObject({
      speakerId: chosen,
      speakerSource: 'user',
      flagged: false,
      currentTakeId: null,
    });
    const stale = await api(`/segments/${target.id}`, {
      method: 'PATCH',
      headers: { 'if-match': target.etag },
      json: { flagged: true },
    });
    expect(stale.status).toBe(412);

    const after = await allSegments(platform, CREATOR, projectId);
    for (const segment of after) expect(segment.currentTakeId === null).toBe(segment.id === target.id);

    await planProject(platform, CREATOR, projectId, [target.chapterId]);
    const replanned = (await allSegments(platform, CREATOR, projectId)).find((s) => s.text.startsWith('"Hmm."'))!;
    expect(replanned.id).not.toBe(target.id);
    expect(replanned).toMatchObject({ speakerId: chosen, speakerSource: 'user' });
    await expectChaptersTiled();
  });

  it('text edits, splits, merges and deletes keep the chapter and its segments in step', async () => {
    const chapterId = chapterIds[0];
    const segments = await allSegments(platform, CREATOR, projectId, `chapterId=${chapterId}`);
    await store.renderAll(
      TENANT,
      projectId,
      segments.map((s) => s.id),
    );
    const fresh = await allSegments(platform, CREATOR, projectId, `chapterId=${chapterId}`);
    const target = fresh.find((s) => s.text.startsWith('"Not yet,"'))!;
    const versionBefore = (await chapterText(chapterId)).textVersion;

    const edited = await json<SegmentJson>(
      api(`/segments/${target.id}`, {
        method: 'PATCH',
        headers: { 'if-match': target.etag },
        json: { text: '"Not yet, <voice> & ]]> indeed,"' },
      }),
    );
    expect(edited.text).toBe(`"Not yet, <voice> & ]]> indeed,"${target.text.slice(target.text.trimEnd().length)}`);
    expect(edited.currentTakeId).toBeNull();
    const chapter = await chapterText(chapterId);
    expect(chapter.textVersion).toBe(versionBefore + 1);
    expect(chapter.text).toContain('"Not yet, <voice> & ]]> indeed," said Elizabeth.');
    // New words are written with the chapter text as a new plan generation (every segment gets a new id); the other
    // segments keep their words and takes.
    const afterEdit = await allSegments(platform, CREATOR, projectId, `chapterId=${chapterId}`);
    expect(afterEdit.map((s) => s.index)).toEqual(fresh.map((s) => s.index));
    expect(afterEdit[target.index]).toEqual(edited);
    for (const segment of afterEdit) {
      if (segment.index === target.index) continue;
      const was = fresh.find((s) => s.index === segment.index)!;
      expect({ text: segment.text, take: segment.currentTakeId }).toEqual({ text: was.text, take: was.currentTakeId });
    }
    expect((await api(`/segments/${target.id}`)).status).toBe(404);
    await expectChaptersTiled();

    const ssml = await json<{ requests: { ssml: string }[] }>(api(`/chapters/${chapterId}/ssml?engine=offline`));
    const all = ssml.requests.map((r) => r.ssml).join('');
    expect(all).toContain('&lt;voice&gt; &amp; ]]&gt; indeed');

    const split = await api(`/segments/${edited.id}/split`, { method: 'POST', json: { offset: 5 } });
    expect(split.status).toBe(200);
    const parts = (await split.json()) as { segments: SegmentJson[] };
    expect(parts.segments.map((s) => s.text).join('')).toBe(edited.text);
    await expectChaptersTiled();
    // A split rewrites the chapter's plan as a new generation: the segment it was given on is no longer in the plan.
    expect((await api(`/segments/${edited.id}`)).status).toBe(404);
    const [head] = parts.segments;
    const badSplit = await api(`/segments/${head.id}/split`, { method: 'POST', json: { offset: 4000 } });
    expect(badSplit.status).toBe(400);

    const merged = await json<SegmentJson>(api(`/segments/${head.id}/merge-next`, { method: 'POST' }));
    expect(merged.text).toBe(edited.text);
    await expectChaptersTiled();

    const count = (await allSegments(platform, CREATOR, projectId)).length;
    expect((await api(`/segments/${merged.id}`, { method: 'DELETE' }, VALIDATOR)).status).toBe(403);
    expect((await api(`/segments/${merged.id}`, { method: 'DELETE' })).status).toBe(204);
    expect((await chapterText(chapterId)).text).not.toContain('Not yet');
    expect((await allSegments(platform, CREATOR, projectId)).length).toBe(count - 1);
    expect((await api(`/segments/${merged.id}`)).status).toBe(404);
    await expectChaptersTiled();
  });

  it('a lexicon change marks stale exactly the segments containing the grapheme', async () => {
    const segments = await allSegments(platform, CREATOR, projectId);
    await store.renderAll(
      TENANT,
      projectId,
      segments.map((s) => s.id),
    );
    const containing = segments
      .filter((s) => /\bDarcy\b/.test(s.text))
      .map((s) => s.id)
      .sort();
    expect(containing.length).toBeGreaterThan(1);

    const created = await api('/lexicon', {
      method: 'POST',
      json: { grapheme: 'Darcy', locale: 'en-GB', kind: 'ipa', value: 'ˈdɑːsi' },
    });
    expect(created.status).toBe(201);
    const change = (await created.json()) as {
      entry: { id: string; etag: string };
      version: number;
      segmentsAffected: number;
      segmentsInvalidated: number;
    };
    expect(change).toMatchObject({
      version: 1,
      segmentsAffected: containing.length,
      segmentsInvalidated: containing.length,
    });
    const after = await allSegments(platform, CREATOR, projectId);
    expect(
      after
        .filter((s) => s.currentTakeId === null)
        .map((s) => s.id)
        .sort(),
    ).toEqual(containing);

    const updated = await json<{ version: number; segmentsAffected: number; segmentsInvalidated: number }>(
      api(`/lexicon/${change.entry.id}`, { method: 'PATCH', json: { value: 'ˈdɑːrsi' } }),
    );
    expect(updated).toMatchObject({ version: 2, segmentsAffected: containing.length, segmentsInvalidated: 0 });
    expect(
      (
        await api(
          '/lexicon',
          { method: 'POST', json: { grapheme: 'x', locale: 'en-GB', kind: 'alias', value: 'y' } },
          VALIDATOR,
        )
      ).status,
    ).toBe(403);

    const ssml = await json<{ requests: { ssml: string }[] }>(api(`/chapters/${chapterIds[0]}/ssml?engine=azure`));
    expect(ssml.requests.map((r) => r.ssml).join('')).toContain('<phoneme alphabet="ipa" ph="ˈdɑːrsi">Darcy</phoneme>');

    const list = await json<{ version: number; items: { grapheme: string }[] }>(api('/lexicon', {}, VALIDATOR));
    expect(list).toMatchObject({ version: 2, items: [{ grapheme: 'Darcy' }] });
  });

  it('exports and imports PLS (round trip), refusing DOCTYPEs', async () => {
    await api('/lexicon', {
      method: 'POST',
      json: { grapheme: 'Longbourn', locale: 'en-GB', kind: 'alias', value: 'Long-born' },
    });
    const exported = await api('/lexicon/export?locale=en-GB');
    expect(exported.status).toBe(200);
    expect(exported.headers.get('content-type')).toContain('application/pls+xml');
    const pls = await exported.text();
    expect(pls).toContain('<grapheme>Longbourn</grapheme>');

    const other = await createProject(platform, CREATOR, 'PLS target');
    const imported = await platform.api(CREATOR, `/v1/projects/${other}/lexicon/import`, {
      method: 'POST',
      headers: { 'content-type': 'application/pls+xml' },
      body: pls,
    });
    expect(imported.status).toBe(200);
    expect(await imported.json()).toMatchObject({ created: 2, updated: 0, version: 1 });
    const source = await json<{ items: Record<string, unknown>[] }>(api('/lexicon'));
    const target = await json<{ items: Record<string, unknown>[] }>(
      platform.api(CREATOR, `/v1/projects/${other}/lexicon`),
    );
    const shape = (items: Record<string, unknown>[]) =>
      items.map(({ grapheme, locale, kind, value }) => ({ grapheme, locale, kind, value }));
    expect(shape(target.items)).toEqual(shape(source.items));

    const xxe = await platform.api(CREATOR, `/v1/projects/${other}/lexicon/import`, {
      method: 'POST',
      headers: { 'content-type': 'application/xml' },
      body: '<?xml version="1.0"?><!DOCTYPE l [<!ENTITY x SYSTEM "file:///etc/passwd">]><lexicon><lexeme><grapheme>&x;</grapheme><alias>a</alias></lexeme></lexicon>',
    });
    expect(xxe.status).toBe(422);
  });

  it('keeps a pause policy per project within bounds', async () => {
    const initial = await json<{ effective: Record<string, number>; defaults: Record<string, number> }>(
      api('/pause-policy'),
    );
    expect(initial.effective).toEqual(initial.defaults);
    expect(initial.defaults.paragraph).toBeGreaterThan(initial.defaults.sentence);

    const tooLong = await api('/pause-policy', { method: 'PUT', json: { sentence: 6000 } });
    expect(tooLong.status).toBe(400);
    expect((await tooLong.json()) as unknown).toMatchObject({
      error: { details: { fields: [{ field: 'sentence' }] } },
    });
    expect((await api('/pause-policy', { method: 'PUT', json: { sentence: -1 } })).status).toBe(400);
    expect((await api('/pause-policy', { method: 'PUT', json: { breath: 10 } })).status).toBe(400);
    expect((await api('/pause-policy', { method: 'PUT', json: { sentence: 200 } }, VALIDATOR)).status).toBe(403);

    const saved = await json<{ effective: Record<string, number>; overrides: Record<string, number> }>(
      api('/pause-policy', { method: 'PUT', json: { sentence: 200, scene_break: 3000, paragraph: 1111 } }),
    );
    expect(saved.overrides).toEqual({ sentence: 200, scene_break: 3000, paragraph: 1111 });
    expect(saved.effective).toMatchObject({
      sentence: 200,
      scene_break: 3000,
      paragraph: 1111,
      chapter_tail: initial.defaults.chapter_tail,
    });
    const ssml = await json<{ requests: { ssml: string }[] }>(api(`/chapters/${chapterIds[1]}/ssml`));
    expect(ssml.requests[0].ssml).toContain('<break time="1111ms"/>');
  });

  it('refuses plans for validators and for unknown chapters', async () => {
    expect((await api('/plan', { method: 'POST', json: {} }, VALIDATOR)).status).toBe(403);
    const unknown = await api('/plan', { method: 'POST', json: { chapterIds: ['ch_missing'] } });
    expect(unknown.status).toBe(400);
  });
});
