import { minimalMetadata, type TestPlatform } from '../support/testPlatform';
import { waitForJob } from '../api/isolation/fixtures';
import { sharedTestPlatform } from '../support/sharedPlatform';

/** Chapter editing through the API on the real local platform: every edit keeps the book's text exactly. */
let platform: TestPlatform;
const CREATOR = 'creator@andes.test';

beforeAll(async () => {
  platform = await sharedTestPlatform();
});
afterAll(async () => {
  await platform?.stop();
});

interface Chapter {
  id: string;
  order: number;
  title: string;
  chapterType: string;
  headingText: string;
  text: string;
  deleted: boolean;
  textVersion: number;
  stats: { words: number; characters: number; estimatedMinutes: number };
  etag: string;
}

const para = (words: string) => `${words} ${'and the long afternoon went slowly on '.repeat(3).trim()}.`;
const BOOK = [
  'Chapter I',
  '',
  para('Mr. Bennet paid $25 on the 3rd of May, 1812, for 12 km of road, and Mrs. Bennet was pleased'),
  '',
  para('Dr. Jones arrived at 5 o’clock with 2 letters 🎉 for the family'),
  '',
  'Chapter II',
  '',
  para('The rain fell all morning'),
  '',
  'Chapter III',
  '',
  para('Jane walked to Netherfield'),
  '',
  'Chapter IV',
  '',
  para('Elizabeth read by the fire'),
  '',
].join('\n');

async function json<T>(res: Response, status: number): Promise<T> {
  const body = await res.text();
  if (res.status !== status) throw new Error(`expected ${status}, got ${res.status}: ${body}`);
  return JSON.parse(body) as T;
}

async function newBook(): Promise<string> {
  const created = await json<{ id: string }>(
    await platform.api(CREATOR, '/v1/projects', { method: 'POST', json: { metadata: minimalMetadata() } }),
    201,
  );
  const res = await platform.api(CREATOR, `/v1/projects/${created.id}/manuscript?fileName=book.txt`, {
    method: 'PUT',
    headers: { 'content-type': 'text/plain' },
    body: BOOK,
  });
  const { job } = await json<{ job: { id: string } }>(res, 202);
  const done = await waitForJob(platform, CREATOR, created.id, job.id);
  if (done.status !== 'succeeded') throw new Error(JSON.stringify(done));
  return created.id;
}

const base = (projectId: string) => `/v1/projects/${projectId}/chapters`;

async function list(projectId: string, includeDeleted = false): Promise<Chapter[]> {
  const query = includeDeleted ? '?includeDeleted=true' : '';
  return (await json<{ items: Chapter[] }>(await platform.api(CREATOR, `${base(projectId)}${query}`), 200)).items;
}

async function get(projectId: string, chapterId: string, user = CREATOR): Promise<Chapter> {
  return json<Chapter>(await platform.api(user, `${base(projectId)}/${chapterId}`), 200);
}

async function fullText(projectId: string): Promise<string> {
  const texts = await Promise.all((await list(projectId)).map(async (c) => (await get(projectId, c.id)).text));
  return texts.join('');
}

async function chapterCountFact(projectId: string): Promise<string | null> {
  const project = await json<{ workflow: { steps: { step: string; detail: string | null }[] } }>(
    await platform.api(CREATOR, `/v1/projects/${projectId}`),
    200,
  );
  return project.workflow.steps.find((s) => s.step === 'manuscript')!.detail;
}

const post = (path: string, body?: unknown, headers: Record<string, string> = {}) =>
  platform.api(CREATOR, path, { method: 'POST', headers, ...(body === undefined ? {} : { json: body }) });

describe('chapters API', () => {
  it('renames, retypes and edits text under If-Match; a stale ETag changes nothing', async () => {
    const projectId = await newBook();
    const [first] = await list(projectId);
    const res = await platform.api(CREATOR, `${base(projectId)}/${first.id}`);
    const chapter = await json<Chapter>(res, 200);
    expect(res.headers.get('etag')).toBe(chapter.etag);
    expect(chapter.title).toBe('Chapter I');
    expect(chapter.headingText).toBe('Chapter I');

    const url = `${base(projectId)}/${first.id}`;
    const noIfMatch = await platform.api(CREATOR, url, { method: 'PATCH', json: { title: 'Opening' } });
    expect(noIfMatch.status).toBe(428);

    const renamed = await json<Chapter>(
      await platform.api(CREATOR, url, {
        method: 'PATCH',
        headers: { 'if-match': chapter.etag },
        json: { title: 'Opening', chapterType: 'prologue' },
      }),
      200,
    );
    expect(renamed).toMatchObject({ title: 'Opening', chapterType: 'prologue', text: chapter.text, textVersion: 1 });

    const stale = await platform.api(CREATOR, url, {
      method: 'PATCH',
      headers: { 'if-match': chapter.etag },
      json: { text: 'Overwritten by a stale editor.' },
    });
    expect(stale.status).toBe(412);
    const staleBody = (await stale.json()) as { error: { details: { current: Chapter } } };
    expect(staleBody.error.details.current).toMatchObject({ id: first.id, title: 'Opening' });
    expect((await get(projectId, first.id)).text).toBe(chapter.text);

    const newText = 'Chapter I\n\nA shorter opening of exactly nine words in all.\n';
    const edited = await json<Chapter>(
      await platform.api(CREATOR, url, {
        method: 'PATCH',
        headers: { 'if-match': renamed.etag },
        json: { text: newText },
      }),
      200,
    );
    expect(edited).toMatchObject({ text: newText, textVersion: 2 });
    expect(edited.stats.words).toBe(11);
    expect(edited.stats.characters).toBeLessThan(chapter.stats.characters);

    const badType = await platform.api(CREATOR, url, {
      method: 'PATCH',
      headers: { 'if-match': edited.etag },
      json: { chapterType: 'novella' },
    });
    expect(badType.status).toBe(400);
  });

  it('reorders, merges, splits, deletes and restores without losing or changing a character of text', async () => {
    const projectId = await newBook();
    const original = await fullText(projectId);
    const chapters = await list(projectId);
    expect(chapters.map((c) => c.title)).toEqual(['Chapter I', 'Chapter II', 'Chapter III', 'Chapter IV']);
    const [a, b, c, d] = chapters.map((chapter) => chapter.id);

    // Reorder: must be a permutation of the live chapters.
    expect((await post(`${base(projectId)}/reorder`, { chapterIds: [a, b, c] })).status).toBe(400);
    expect((await post(`${base(projectId)}/reorder`, { chapterIds: [a, a, b, c] })).status).toBe(400);
    const reordered = await json<{ items: Chapter[] }>(
      await post(`${base(projectId)}/reorder`, { chapterIds: [d, a, b, c] }),
      200,
    );
    expect(reordered.items.map((chapter) => chapter.id)).toEqual([d, a, b, c]);
    expect((await list(projectId)).map((chapter) => chapter.order)).toEqual([0, 1, 2, 3]);
    await json(await post(`${base(projectId)}/reorder`, { chapterIds: [a, b, c, d] }), 200);
    expect(await fullText(projectId)).toBe(original);

    // Merge B into A: exact concatenation, one chapter fewer.
    const [chapterA, chapterB] = await Promise.all([get(projectId, a), get(projectId, b)]);
    const merged = await json<Chapter>(await post(`${base(projectId)}/${a}/merge-next`), 200);
    expect(merged.text).toBe(chapterA.text + chapterB.text);
    expect(merged.textVersion).toBe(chapterA.textVersion + 1);
    expect((await list(projectId)).map((chapter) => chapter.id)).toEqual([a, c, d]);
    expect(await fullText(projectId)).toBe(original);
    expect(await chapterCountFact(projectId)).toBe('3 chapters');
    expect((await post(`${base(projectId)}/${d}/merge-next`)).status).toBe(409);

    // Split back where B's heading starts: the new chapter takes the heading as its title.
    const offset = chapterA.text.length;
    const split = await json<{ first: Chapter; second: Chapter }>(
      await post(`${base(projectId)}/${a}/split`, { offset }),
      201,
    );
    expect(split.first.text).toBe(chapterA.text);
    expect(split.second).toMatchObject({ text: chapterB.text, title: 'Chapter II', headingText: 'Chapter II' });
    expect((await list(projectId)).map((chapter) => chapter.id)).toEqual([a, split.second.id, c, d]);
    expect(await fullText(projectId)).toBe(original);
    expect(await chapterCountFact(projectId)).toBe('4 chapters');

    // Split mid-paragraph with a title; offsets at the edges or inside a surrogate pair are refused.
    const emoji = chapterA.text.indexOf('🎉');
    expect(emoji).toBeGreaterThan(0);
    expect((await post(`${base(projectId)}/${a}/split`, { offset: emoji + 1 })).status).toBe(400);
    expect((await post(`${base(projectId)}/${a}/split`, { offset: 0 })).status).toBe(400);
    expect((await post(`${base(projectId)}/${a}/split`, { offset: chapterA.text.length })).status).toBe(400);
    const titled = await json<{ first: Chapter; second: Chapter }>(
      await post(`${base(projectId)}/${a}/split`, { offset: emoji, title: 'Celebration' }),
      201,
    );
    expect(titled.second).toMatchObject({ title: 'Celebration', headingText: '' });
    expect(titled.first.text + titled.second.text).toBe(chapterA.text);
    expect(await fullText(projectId)).toBe(original);

    // Soft delete and restore: the chapter leaves the list, keeps its slot, and returns to it.
    const before = (await list(projectId)).map((chapter) => chapter.id);
    const deleted = await json<Chapter>(
      await platform.api(CREATOR, `${base(projectId)}/${c}`, { method: 'DELETE' }),
      200,
    );
    expect(deleted.deleted).toBe(true);
    expect((await list(projectId)).map((chapter) => chapter.id)).not.toContain(c);
    expect((await list(projectId, true)).find((chapter) => chapter.id === c)?.deleted).toBe(true);
    expect(await chapterCountFact(projectId)).toBe(`${before.length - 1} chapters`);
    const live = before.filter((id) => id !== c);
    expect((await post(`${base(projectId)}/reorder`, { chapterIds: before })).status).toBe(400);
    await json(await post(`${base(projectId)}/reorder`, { chapterIds: live }), 200);
    await json(await post(`${base(projectId)}/${c}/restore`), 200);
    expect((await list(projectId)).map((chapter) => chapter.id)).toEqual(before);
    expect(await fullText(projectId)).toBe(original);
    expect(await chapterCountFact(projectId)).toBe(`${before.length} chapters`);
  });

  it('previews the spoken form in the book language without changing the text', async () => {
    const projectId = await newBook();
    const [first] = await list(projectId);
    const preview = await json<{
      language: string;
      heading: { text: string; spoken: string };
      paragraphs: { index: number; offset: number; text: string; spoken: string }[];
      totalParagraphs: number;
    }>(await platform.api(CREATOR, `${base(projectId)}/${first.id}/spoken`), 200);
    expect(preview.language).toBe('en-GB');
    expect(preview.heading).toEqual({ text: 'Chapter I', spoken: 'Chapter one' });
    expect(preview.totalParagraphs).toBe(2);
    const [p1, p2] = preview.paragraphs;
    expect(p1.spoken).toContain('Mister Bennet paid twenty-five dollars on the third of May, eighteen twelve');
    expect(p1.spoken).toContain('twelve kilometers');
    expect(p1.spoken).toContain('Missus Bennet');
    expect(p2.spoken).toContain('Doctor Jones');
    const chapter = await get(projectId, first.id);
    expect(chapter.text.slice(p1.offset, p1.offset + p1.text.length)).toBe(p1.text);
    expect(chapter.text).toContain('Mr. Bennet paid $25');

    const paged = await json<{ paragraphs: { index: number }[] }>(
      await platform.api(CREATOR, `${base(projectId)}/${first.id}/spoken?start=1&limit=1`),
      200,
    );
    expect(paged.paragraphs.map((p) => p.index)).toEqual([1]);
  });

  it('lets validators read but not edit, and hides chapters from other tenants', async () => {
    const projectId = await newBook();
    await json(
      await platform.api('admin@andes.test', `/v1/projects/${projectId}/members`, {
        method: 'PUT',
        json: { validatorIds: ['u-andes-validator'] },
      }),
      200,
    );
    const [first, second] = await list(projectId);
    const validator = 'validator@andes.test';
    const chapter = await get(projectId, first.id, validator);
    const url = `${base(projectId)}/${first.id}`;
    const attempts = [
      platform.api(validator, url, { method: 'PATCH', headers: { 'if-match': chapter.etag }, json: { title: 'X' } }),
      platform.api(validator, url, { method: 'DELETE' }),
      platform.api(validator, `${url}/merge-next`, { method: 'POST' }),
      platform.api(validator, `${url}/split`, { method: 'POST', json: { offset: 5 } }),
      platform.api(validator, `${base(projectId)}/reorder`, {
        method: 'POST',
        json: { chapterIds: [second.id, first.id] },
      }),
    ];
    for (const res of await Promise.all(attempts)) expect(res.status).toBe(403);
    expect((await get(projectId, first.id)).title).toBe('Chapter I');
    expect((await platform.api(validator, `${url}/spoken`)).status).toBe(200);

    for (const path of [base(projectId), url, `${url}/spoken`]) {
      expect((await platform.api('admin@pampa.test', path)).status).toBe(404);
    }
  });
});
