import { CosmosClient } from '@azure/cosmos';
import { readFileSync } from 'node:fs';
import { PRIDE_AND_PREJUDICE } from '../support/corpus';
import { minimalMetadata, type TestPlatform } from '../support/testPlatform';
import { buildDocx } from './fixtures/builders';
import { sharedTestPlatform } from '../support/sharedPlatform';

/** Manuscript upload and the background import, end to end on the real local platform. */
let platform: TestPlatform;
const CREATOR = 'creator@andes.test';

beforeAll(async () => {
  // Polling job progress closely would trip the per-tenant rate limit meant for real clients.
  platform = await sharedTestPlatform();
});
afterAll(async () => {
  await platform?.stop();
});

interface Job {
  id: string;
  status: string;
  progress: { phase: string; chaptersDone: number; chaptersTotal: number };
  error: { code: string; message: string } | null;
  result: Record<string, unknown> | null;
}
interface ChapterSummary {
  id: string;
  order: number;
  title: string;
  chapterType: string;
  stats: { words: number; characters: number; estimatedMinutes: number };
}

async function createProject(user = CREATOR): Promise<string> {
  const res = await platform.api(user, '/v1/projects', { method: 'POST', json: { metadata: minimalMetadata() } });
  expect(res.status).toBe(201);
  return ((await res.json()) as { id: string }).id;
}

function upload(projectId: string, body: Uint8Array | string, contentType: string, query = 'fileName=book.txt') {
  return platform.api(CREATOR, `/v1/projects/${projectId}/manuscript?${query}`, {
    method: 'PUT',
    headers: { 'content-type': contentType },
    body,
  });
}

/** Polls the job to its end, recording every progress snapshot seen on the way. */
async function finish(projectId: string, jobId: string, seen: Job[] = []): Promise<Job> {
  for (;;) {
    const res = await platform.api(CREATOR, `/v1/projects/${projectId}/jobs/${jobId}`);
    expect(res.status).toBe(200);
    const job = (await res.json()) as Job;
    seen.push(job);
    if (['succeeded', 'failed', 'cancelled'].includes(job.status)) return job;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function importText(projectId: string, text: string, query?: string): Promise<Job> {
  const res = await upload(projectId, text, 'text/plain', query);
  expect(res.status).toBe(202);
  return finish(projectId, ((await res.json()) as { job: Job }).job.id);
}

async function chapters(projectId: string): Promise<ChapterSummary[]> {
  const res = await platform.api(CREATOR, `/v1/projects/${projectId}/chapters`);
  expect(res.status).toBe(200);
  return ((await res.json()) as { items: ChapterSummary[] }).items;
}

async function bookText(projectId: string): Promise<string> {
  const texts: string[] = [];
  for (const chapter of await chapters(projectId)) {
    const res = await platform.api(CREATOR, `/v1/projects/${projectId}/chapters/${chapter.id}`);
    texts.push(((await res.json()) as { text: string }).text);
  }
  return texts.join('');
}

const TWO_CHAPTERS =
  'Chapter 1\n\nIt was a bright cold day in April, and the clocks were striking thirteen as usual.\n\nChapter 2\n\nThe hallway smelt of boiled cabbage and old rag mats, and nobody seemed to mind it.\n';

describe('manuscript import', () => {
  it('imports Pride and Prejudice in the background: 61 chapters, in order, no Gutenberg text, progress reported', async () => {
    const projectId = await createProject();
    const bytes = readFileSync(PRIDE_AND_PREJUDICE);
    const res = await upload(projectId, bytes, 'text/plain', 'fileName=pride-and-prejudice.txt');
    expect(res.status).toBe(202);
    const accepted = (await res.json()) as { manuscript: { status: string; bytes: number }; job: Job };
    expect(accepted.manuscript).toMatchObject({ status: 'processing', bytes: bytes.length });
    expect(accepted.job).toMatchObject({ status: 'queued' });

    const seen: Job[] = [accepted.job];
    const job = await finish(projectId, accepted.job.id, seen);
    const list = await chapters(projectId);
    expect(job).toMatchObject({ status: 'succeeded', result: { chapterCount: list.length } });
    // Progress counts every section saved, including those imported unspoken (deleted): the title page here.
    const saved = (await (
      await platform.api(CREATOR, `/v1/projects/${projectId}/chapters?includeDeleted=true`)
    ).json()) as { items: Array<ChapterSummary & { deleted: boolean }> };
    expect(saved.items.filter((c) => c.deleted).map((c) => c.chapterType)).toEqual(['title_page']);
    expect(job.progress).toMatchObject({ chaptersDone: saved.items.length, chaptersTotal: saved.items.length });
    // Phases only move forward: queued → parsing → detecting → saving → succeeded.
    const phases = ['queued', 'parsing', 'detecting', 'saving', 'succeeded'];
    const ranks = seen.map((snapshot) => phases.indexOf(snapshot.progress.phase));
    expect(ranks.every((rank) => rank >= 0)).toBe(true);
    expect([...ranks].sort((a, b) => a - b)).toEqual(ranks);
    const counts = seen.filter((s) => s.progress.phase === 'saving').map((s) => s.progress.chaptersDone);
    expect([...counts].sort((a, b) => a - b)).toEqual(counts);

    // The spoken book is exactly the 61 chapters; the edition's title page is kept but not spoken.
    const body = list.filter((c) => c.chapterType === 'chapter');
    expect(body.map((c) => c.title)).toEqual(Array.from({ length: 61 }, (_, i) => `Chapter ${i + 1}`));
    expect(list).toHaveLength(61);
    expect(saved.items.map((c) => c.order)).toEqual(saved.items.map((_, i) => i));
    expect(body.every((c) => c.stats.words > 500 && c.stats.estimatedMinutes > 3)).toBe(true);
    expect(list[0]).not.toHaveProperty('text');
    const text = await bookText(projectId);
    expect(text).not.toMatch(/Project Gutenberg|Gutenberg-tm|\*\*\* ?(START|END) OF|^Produced by|gutenberg\.org/im);
    expect(text).toContain('It is a truth universally acknowledged');

    const manuscript = (await (await platform.api(CREATOR, `/v1/projects/${projectId}/manuscript`)).json()) as Record<
      string,
      unknown
    >;
    expect(manuscript).toMatchObject({ status: 'ready', format: 'txt', detectedEncoding: 'UTF-8', error: null });
    expect(manuscript.warnings).toContain('Project Gutenberg header and license removed');
    // The same note with a stable code, for clients that say it in their user's language.
    expect(manuscript.notes).toContainEqual({
      code: 'gutenberg_boilerplate_removed',
      params: {},
      message: 'Project Gutenberg header and license removed',
    });

    const original = await platform.api(CREATOR, `/v1/projects/${projectId}/manuscript/original`);
    expect(original.status).toBe(200);
    expect(original.headers.get('content-disposition')).toContain('pride-and-prejudice.txt');
    expect(Buffer.from(await original.arrayBuffer()).equals(bytes)).toBe(true);

    const project = (await (await platform.api(CREATOR, `/v1/projects/${projectId}`)).json()) as {
      workflow: { steps: { step: string; state: string; detail: string | null }[] };
    };
    expect(project.workflow.steps.find((s) => s.step === 'manuscript')).toMatchObject({
      state: 'complete',
      detail: `${list.length} chapters`,
    });
  });

  it('refuses obviously bad uploads synchronously and keeps what was imported before', async () => {
    const projectId = await createProject();
    expect((await importText(projectId, TWO_CHAPTERS)).status).toBe('succeeded');
    const before = await bookText(projectId);
    const replace = 'fileName=book.txt&replace=true';

    const empty = await upload(projectId, '', 'text/plain', replace);
    expect(empty.status).toBe(400);
    const png = await upload(
      projectId,
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2]),
      'text/plain',
      replace,
    );
    expect(png.status).toBe(415);
    const nul = await upload(
      projectId,
      Buffer.concat([Buffer.from('Chapter 1\n'), Buffer.alloc(64), Buffer.from('x')]),
      'text/plain',
      replace,
    );
    expect(nul.status).toBe(422);
    expect(((await nul.json()) as { error: { message: string } }).error.message).toMatch(/binary/);
    const wrongType = await upload(projectId, 'Chapter 1\n\nText.', 'image/png', replace);
    expect(wrongType.status).toBe(415);
    const tooBig = await upload(projectId, Buffer.alloc(51 * 1024 * 1024, 0x61), 'text/plain', replace);
    expect(tooBig.status).toBe(413);
    const noReplace = await upload(projectId, TWO_CHAPTERS, 'text/plain');
    expect(noReplace.status).toBe(409);

    expect(await bookText(projectId)).toBe(before);
    const manuscript = (await (await platform.api(CREATOR, `/v1/projects/${projectId}/manuscript`)).json()) as {
      status: string;
    };
    expect(manuscript.status).toBe('ready');
  });

  it('fails the job on files only parsing can judge (zip bomb, binary without NULs), keeping the old chapters', async () => {
    const projectId = await createProject();
    expect((await importText(projectId, TWO_CHAPTERS)).status).toBe('succeeded');
    const before = await bookText(projectId);
    const docxType = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
    const bomb = await buildDocx(
      [{ text: 'hi' }],
      [{ name: 'word/media/bomb.bin', data: Buffer.alloc(20 * 1024 * 1024) }],
    );
    const binary = Buffer.from(Array.from({ length: 8192 }, (_, i) => (i * 7919 + 13) % 256).filter((b) => b !== 0));

    for (const [body, type, name] of [
      [bomb, docxType, 'bomb.docx'],
      [binary, 'text/plain', 'noise.txt'],
    ] as const) {
      const res = await upload(projectId, body, type, `fileName=${name}&replace=true`);
      expect(res.status).toBe(202);
      const job = await finish(projectId, ((await res.json()) as { job: Job }).job.id);
      expect(job.status).toBe('failed');
      expect(job.error).toMatchObject({ code: 'unprocessable', message: expect.stringMatching(/could not be read/) });
      const manuscript = (await (await platform.api(CREATOR, `/v1/projects/${projectId}/manuscript`)).json()) as {
        status: string;
        error: { code: string } | null;
        fileName: string;
      };
      expect(manuscript).toMatchObject({ status: 'failed', fileName: name, error: { code: 'unprocessable' } });
      expect(await bookText(projectId)).toBe(before);
    }
    const project = (await (await platform.api(CREATOR, `/v1/projects/${projectId}`)).json()) as {
      workflow: { steps: { step: string; state: string }[] };
    };
    expect(project.workflow.steps.find((s) => s.step === 'manuscript')?.state).toBe('complete');
  });

  it('replaces the chapters when a new file imports cleanly', async () => {
    const projectId = await createProject();
    await importText(projectId, TWO_CHAPTERS);
    const replacement =
      'Chapter One\n\nA completely different opening, long enough to count as a chapter of its own.\n';
    const job = await importText(projectId, replacement, 'fileName=new.txt&replace=true');
    expect(job.status).toBe('succeeded');
    const list = await chapters(projectId);
    expect(list.map((c) => c.title)).toEqual(['Chapter One']);
    expect(await bookText(projectId)).toBe(replacement);
  });

  it('a replacement takes the replaced chapters’ plan with it', async () => {
    const projectId = await createProject();
    await importText(projectId, TWO_CHAPTERS);
    const planned = await platform.api(CREATOR, `/v1/projects/${projectId}/plan`, { method: 'POST', json: {} });
    expect(planned.status).toBe(202);
    expect((await finish(projectId, ((await planned.json()) as { job: Job }).job.id)).status).toBe('succeeded');
    // Stored, not as the API shows them (the API already hides segments of chapters that are gone).
    const segments = async () => {
      const client = new CosmosClient({
        endpoint: platform.urls.cosmos,
        key: platform.env.COSMOS_KEY,
        connectionPolicy: { enableEndpointDiscovery: false },
      });
      try {
        const { resources } = await client
          .database('khipu')
          .container('segments')
          .items.query({
            query: 'SELECT c.id FROM c WHERE c.projectId = @p',
            parameters: [{ name: '@p', value: projectId }],
          })
          .fetchAll();
        return resources;
      } finally {
        client.dispose();
      }
    };
    expect((await segments()).length).toBeGreaterThan(0);

    const job = await importText(
      projectId,
      'Chapter One\n\nSomething else entirely.\n',
      'fileName=new.txt&replace=true',
    );
    expect(job.status).toBe('succeeded');
    expect(await segments()).toEqual([]);
    const project = (await (await platform.api(CREATOR, `/v1/projects/${projectId}`)).json()) as {
      workflow: { steps: { step: string; state: string }[] };
    };
    expect(project.workflow.steps.find((s) => s.step === 'planning')?.state).toBe('not_started');
  });

  it('cancelling an import keeps the previous chapters and leaves none of the new ones behind', async () => {
    const projectId = await createProject();
    await importText(projectId, TWO_CHAPTERS);
    const before = await bookText(projectId);
    const res = await upload(
      projectId,
      readFileSync(PRIDE_AND_PREJUDICE),
      'text/plain',
      'fileName=pp.txt&replace=true',
    );
    const { job } = (await res.json()) as { job: Job };
    const cancelled = await platform.api(CREATOR, `/v1/projects/${projectId}/jobs/${job.id}/cancel`, {
      method: 'POST',
    });
    expect(cancelled.status).toBe(200);
    const outcome = ((await cancelled.json()) as Job).status;
    // The manuscript settles once the orchestration has noticed the cancel and cleaned up.
    let manuscript: { status: string; error: { code: string } | null };
    do {
      await new Promise((resolve) => setTimeout(resolve, 200));
      manuscript = (await (
        await platform.api(CREATOR, `/v1/projects/${projectId}/manuscript`)
      ).json()) as typeof manuscript;
    } while (manuscript.status === 'processing');
    if (outcome === 'cancelled') {
      expect(manuscript).toMatchObject({ status: 'failed', error: { code: 'cancelled' } });
      expect(await bookText(projectId)).toBe(before);
    } else {
      // The import had already finished when the cancel arrived: the new book is complete.
      expect(outcome).toBe('succeeded');
      expect((await chapters(projectId)).filter((c) => c.chapterType === 'chapter')).toHaveLength(61);
    }
    expect((await finish(projectId, job.id)).status).toBe(outcome);
  });

  it('lets validators read but not upload, and hides other tenants', async () => {
    const projectId = await createProject();
    await importText(projectId, TWO_CHAPTERS);
    const res = await platform.api('admin@andes.test', `/v1/projects/${projectId}/members`, {
      method: 'PUT',
      json: { validatorIds: ['u-andes-validator'] },
    });
    expect(res.status).toBe(200);
    const asValidator = await platform.api(
      'validator@andes.test',
      `/v1/projects/${projectId}/manuscript?replace=true`,
      {
        method: 'PUT',
        headers: { 'content-type': 'text/plain' },
        body: TWO_CHAPTERS,
      },
    );
    expect(asValidator.status).toBe(403);
    expect((await platform.api('validator@andes.test', `/v1/projects/${projectId}/manuscript`)).status).toBe(200);
    expect((await platform.api('admin@pampa.test', `/v1/projects/${projectId}/manuscript`)).status).toBe(404);
    expect((await platform.api('admin@pampa.test', `/v1/projects/${projectId}/manuscript/original`)).status).toBe(404);
  });
});
