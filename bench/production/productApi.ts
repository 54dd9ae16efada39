/**
 * The production benchmark's client of the product: the public API, used as the command-line client uses it (a
 * planned project of the corpus novel, its jobs started and followed as the studio follows them).
 */
import { creditsScript } from '../../core/packaging';
import { bookMetadata } from '../../core/production/bookPackaging';
import type { ProjectRecord } from '../../core/projects/project';
import type { TestPlatform } from '../../test/support/testPlatform';
import { creditsRequest, type CreditsSsml } from './floorSameFiles';
import { pollUntilEnded } from './jobPolling';

const USER = 'creator@andes.test';
/** Positions produced (1-based, as `--chapters 2-7`): six chapters, leaving the title page and two chapters out. */
const PRODUCED_POSITIONS = [2, 3, 4, 5, 6, 7];
const PLATFORMS = ['apple', 'acx'];

export interface JobView {
  id: string;
  status: string;
  error: { message: string } | null;
  result: { durationSec?: number; synthesisCalls?: number } | null;
  progress: { segmentsDone?: number; segmentsTotal?: number };
  finishedAt: string | null;
}

export interface PlannedProject {
  projectId: string;
  chapterIds: string[];
}

export function api(platform: TestPlatform, apiPath: string, init?: Parameters<TestPlatform['api']>[2]) {
  return platform.api(USER, apiPath, init);
}

export async function json<T>(res: Response, expected: number): Promise<T> {
  const text = await res.text();
  if (res.status !== expected) throw new Error(`expected ${expected}, got ${res.status}: ${text.slice(0, 500)}`);
  return JSON.parse(text) as T;
}

export async function readJob(platform: TestPlatform, projectId: string, jobId: string): Promise<JobView> {
  return json<JobView>(await api(platform, `/v1/projects/${projectId}/jobs/${jobId}`), 200);
}

export async function startJob(
  platform: TestPlatform,
  projectId: string,
  route: string,
  body?: unknown,
): Promise<string> {
  const res = await api(platform, `/v1/projects/${projectId}${route}`, {
    method: route.startsWith('/manuscript') ? 'PUT' : 'POST',
    ...(typeof body === 'string' ? { body, headers: { 'content-type': 'text/plain' } } : { json: body ?? {} }),
  });
  return (await json<{ job: { id: string } }>(res, 202)).job.id;
}

/** Follows a job as the studio does until it ends; also returns when this client saw the end (epoch ms). */
export async function waitForJob(
  platform: TestPlatform,
  projectId: string,
  jobId: string,
  onPoll?: (job: JobView) => void,
): Promise<{ job: JobView; polls: number; seenAtMs: number }> {
  const ended = await pollUntilEnded(() => readJob(platform, projectId, jobId), onPoll);
  return { ...ended, seenAtMs: Date.now() };
}

async function runToEnd(platform: TestPlatform, projectId: string, route: string, body?: unknown): Promise<JobView> {
  const { job } = await waitForJob(platform, projectId, await startJob(platform, projectId, route, body));
  if (job.status !== 'succeeded') throw new Error(`${route}: ${job.status} ${job.error?.message ?? ''}`);
  return job;
}

/** A planned project through the public API, as `npm run produce` makes it; returns the chapters to produce. */
export async function plannedProject(
  platform: TestPlatform,
  manuscript: string,
  cover: Buffer,
): Promise<PlannedProject> {
  const project = await json<{ id: string }>(
    await api(platform, '/v1/projects', {
      method: 'POST',
      json: {
        metadata: {
          title: 'Pride and Prejudice',
          authors: ['Jane Austen'],
          language: 'en-GB',
          description: 'Chapters 1 to 6 of the novel.',
        },
      },
    }),
    201,
  );
  const base = `/v1/projects/${project.id}`;
  await json(
    await api(platform, `${base}/cover`, {
      method: 'PUT',
      headers: { 'content-type': 'image/jpeg' },
      body: new Uint8Array(cover),
    }),
    200,
  );
  await runToEnd(platform, project.id, '/manuscript?fileName=pride-and-prejudice.txt', manuscript);
  await runToEnd(platform, project.id, '/characters/detect');
  await json(await api(platform, `${base}/casting/auto`, { method: 'POST' }), 200);
  await runToEnd(platform, project.id, '/plan', {});
  const chapters = await json<{ items: { id: string; title: string }[] }>(await api(platform, `${base}/chapters`), 200);
  const chapterIds = PRODUCED_POSITIONS.map((position) => chapters.items[position - 1]!.id);
  return { projectId: project.id, chapterIds };
}

/** The SSML requests the product would send for each chapter: the floor's input. */
export async function chapterSsml(
  platform: TestPlatform,
  projectId: string,
  chapterIds: string[],
): Promise<{ title: string; ssml: string[] }[]> {
  const chapters: { title: string; ssml: string[] }[] = [];
  for (const chapterId of chapterIds) {
    const preview = await json<{ requests: { ssml: string }[] }>(
      await api(platform, `/v1/projects/${projectId}/chapters/${chapterId}/ssml`),
      200,
    );
    chapters.push({ title: chapterId, ssml: preview.requests.map((r) => r.ssml) });
  }
  return chapters;
}

/**
 * The SSML the product sends for the project's opening and closing credits: the texts it builds from the book's
 * metadata, each one request in the narrator's voice (that of `narratorRequest`, a chapter's heading).
 */
export async function creditsSsml(
  platform: TestPlatform,
  projectId: string,
  narratorRequest: string,
): Promise<CreditsSsml> {
  const view = await json<Pick<ProjectRecord, 'metadata'>>(await api(platform, `/v1/projects/${projectId}`), 200);
  // bookMetadata reads only the record's metadata, which the API returns as stored.
  const script = creditsScript(bookMetadata(view as ProjectRecord));
  return {
    opening: creditsRequest(narratorRequest, script.opening),
    closing: creditsRequest(narratorRequest, script.closing),
  };
}

/** A production of the project's chosen chapters for the benchmark's platforms; returns the job's id. */
export function startProduction(platform: TestPlatform, project: PlannedProject): Promise<string> {
  return startJob(platform, project.projectId, '/productions', {
    platforms: PLATFORMS,
    chapterIds: project.chapterIds,
    allowUnknownSpeakers: true,
  });
}
