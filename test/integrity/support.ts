import { CosmosClient, type Database } from '@azure/cosmos';
import { readFileSync } from 'node:fs';
import type { Services } from '../../adapters/compositionRoot';
import { CosmosProjectCollection } from '../../adapters/cosmos/cosmosCollections';
import { initialProgress, type JobRecord } from '../../core/jobs/job';
import { PRIDE_AND_PREJUDICE } from '../support/corpus';
import type { ChapterRecord, SegmentRecord } from '../../core/book/records';
import { bookChapters } from '../../core/planning/bookDocuments';
import { isCommitted } from '../../core/planning/planGenerations';
import { planProblems } from '../../core/planning/planInvariant';
import type { ConsistencyReportView } from '../../core/api/consistency';
import { waitForJob } from '../api/isolation/fixtures';
import type { TestPlatform } from '../support/testPlatform';

export const CREATOR = 'creator@andes.test';
export const ADMIN = 'admin@andes.test';
export const OPERATOR = 'operator@khipu.test';
export const TENANT = 't-andes';

/**
 * The app's services, and the platform's Cosmos database for what no service hands out (a job's raw record, a
 * project's job lock), which a test writes to set up a race.
 */
export type TestServices = Services & { database: Database };

/**
 * The app's own services in the test process, wired to the test platform's emulators, for what a test must do
 * behind the API: run a job step again by hand, or look at every stored generation. Call once per test file.
 */
export async function servicesFor(platform: TestPlatform): Promise<TestServices> {
  for (const [key, value] of Object.entries(platform.env)) process.env[key] = value;
  process.env.LOG_LEVEL = 'silent';
  const { services } = await import('../../adapters/compositionRoot');
  const client = new CosmosClient({
    endpoint: platform.env.COSMOS_ENDPOINT,
    key: platform.env.COSMOS_KEY,
    connectionPolicy: { enableEndpointDiscovery: false },
  });
  return { ...services(), database: client.database(platform.env.COSMOS_DATABASE ?? 'khipu') };
}

export async function json<T>(res: Response, status: number): Promise<T> {
  const body = await res.text();
  if (res.status !== status) throw new Error(`expected ${status}, got ${res.status}: ${body}`);
  return JSON.parse(body) as T;
}

export async function createProject(
  platform: TestPlatform,
  title: string,
  language = 'en-GB',
  user = CREATOR,
): Promise<string> {
  const res = await platform.api(user, '/v1/projects', {
    method: 'POST',
    json: { metadata: { title, authors: ['Test Author'], language } },
  });
  return (await json<{ id: string }>(res, 201)).id;
}

export async function importManuscript(platform: TestPlatform, projectId: string, text: string, fileName: string) {
  const res = await platform.api(CREATOR, `/v1/projects/${projectId}/manuscript?fileName=${fileName}`, {
    method: 'PUT',
    headers: { 'content-type': 'text/plain' },
    body: text,
  });
  const { job } = await json<{ job: { id: string } }>(res, 202);
  const done = await waitForJob(platform, CREATOR, projectId, job.id, 600_000);
  if (done.status !== 'succeeded') throw new Error(`import: ${JSON.stringify(done)}`);
}

/** Starts a job with POST `path`; returns its id. */
export async function startJob(platform: TestPlatform, projectId: string, path: string, body: unknown = {}) {
  const res = await platform.api(CREATOR, `/v1/projects/${projectId}${path}`, { method: 'POST', json: body });
  return (await json<{ job: { id: string } }>(res, 202)).job.id;
}

export interface JobView {
  id: string;
  status: string;
  error?: unknown;
  progress: { chaptersDone: number; chaptersTotal: number; segmentsDone: number; segmentsTotal: number };
  result: { chapters?: number; segments?: number; flagged?: number } | null;
}

export async function finishedJob(platform: TestPlatform, projectId: string, jobId: string, timeoutMs = 900_000) {
  return (await waitForJob(platform, CREATOR, projectId, jobId, timeoutMs)) as unknown as JobView;
}

export async function consistencyCheck(
  platform: TestPlatform,
  projectId: string,
  repair = false,
  tenantId = TENANT,
): Promise<ConsistencyReportView> {
  const res = await platform.api(OPERATOR, `/v1/operator/tenants/${tenantId}/projects/${projectId}/consistency-check`, {
    method: 'POST',
    json: { repair },
  });
  return json<ConsistencyReportView>(res, 200);
}

export interface StoredPlan {
  chapters: ChapterRecord[];
  /** Committed segments of each live chapter, by chapter id. */
  plans: Map<string, SegmentRecord[]>;
  /** Segments of any other generation (or of no live chapter). */
  strays: SegmentRecord[];
  segments: number;
  flagged: number;
}

/** Every stored segment of the project, sorted into the committed plans and the rest. */
export async function storedPlan(svc: Services, projectId: string): Promise<StoredPlan> {
  const chapters = await bookChapters(svc.book.chapters, TENANT, projectId);
  const all = await svc.book.segments.readAllItems(TENANT, projectId, {}, 1000);
  const byId = new Map(chapters.map((chapter) => [chapter.id, chapter]));
  const plans = new Map<string, SegmentRecord[]>(chapters.map((chapter) => [chapter.id, []]));
  const strays: SegmentRecord[] = [];
  for (const segment of all) {
    const chapter = byId.get(segment.chapterId);
    if (chapter && isCommitted(segment, chapter)) plans.get(chapter.id)!.push(segment);
    else strays.push(segment);
  }
  const committed = [...plans.values()].flat();
  return {
    chapters,
    plans,
    strays,
    segments: committed.length,
    flagged: committed.filter((segment) => segment.flagged).length,
  };
}

/** What the tests require of every planned chapter: positions 0…n-1 once each, the text spelled exactly. */
export function planFailures(plan: StoredPlan): string[] {
  const failures: string[] = [];
  for (const chapter of plan.chapters) {
    const segments = plan.plans.get(chapter.id)!;
    const indexes = segments.map((segment) => segment.index).sort((a, b) => a - b);
    if (indexes.some((index, i) => index !== i)) failures.push(`${chapter.id}: positions ${indexes.join(',')}`);
    const text = [...segments]
      .sort((a, b) => a.index - b.index)
      .map((segment) => segment.text)
      .join('');
    if (text !== chapter.text) failures.push(`${chapter.id}: segments spell ${text.length} of ${chapter.text.length}`);
    for (const problem of planProblems(chapter, segments)) failures.push(`${chapter.id}: ${problem.message}`);
  }
  return failures;
}

/** The opening of the corpus novel up to (not including) chapter `chapters + 1`: its title page and `chapters` chapters. */
export function corpusOpening(chapters: number): string {
  const book = readFileSync(PRIDE_AND_PREJUDICE, 'utf8');
  const end = book.search(new RegExp(`\\nChapter ${chapters + 1}\\r?\\n`));
  if (end < 0) throw new Error(`the corpus book has no chapter ${chapters + 1}`);
  return book.slice(0, end + 1);
}

/** A plan job document in `running` state, for running its steps by hand as the orchestration would. */
export async function runningPlanJob(
  svc: TestServices,
  projectId: string,
  owner: { tenantId: string; userId: string } = { tenantId: TENANT, userId: 'u-andes-creator' },
): Promise<JobRecord> {
  const now = new Date().toISOString();
  return jobsOf(svc).create({
    id: svc.ids.newId('job'),
    type: 'job',
    tenantId: owner.tenantId,
    projectId,
    kind: 'plan',
    status: 'running',
    orchestration: 'planBook',
    input: {},
    progress: initialProgress,
    result: null,
    error: null,
    cancelRequested: false,
    attempt: 1,
    createdBy: owner.userId,
    createdAt: now,
    startedAt: now,
    finishedAt: null,
    updatedAt: now,
  });
}

function jobsOf(svc: TestServices) {
  return new CosmosProjectCollection<JobRecord>(svc.database.container('jobs'));
}
