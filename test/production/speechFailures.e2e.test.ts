/**
 * The real production pipeline (durable produceBook → renderChapter → synthesis activities, the Azure Speech adapter
 * with the real SDK, the shared AIMD limiter) against the fake Speech service while it misbehaves:
 * a 429 storm is ridden out, a permanent error fails the job cleanly and a retry after the fix finishes it, and a
 * cancel stops new requests. However a job ends, nothing it pinned for its chapters (their lines, sources and audio,
 * under the job's prefix) is left: its orchestration releases them, or, when the orchestration was terminated, the
 * job service does once it finds the job interrupted or cancels it. One platform for the file, one project per case.
 */
import { waitForJob } from '../api/isolation/fixtures';
import { startFakeSpeechService, type FakeSpeechService } from '../support/fakeSpeechService';
import { startTestPlatform, type TestPlatform } from '../support/testPlatform';
import { SEED_CHAPTERS } from './seedBook';
import { azureSpeechEnv, blobHashes, CREATOR, json, plannedBook, startProduction, tenantOf } from './support';

/** Voices the fake lists (test/speech/fake/fakeVoices.ts), so the Azure catalog accepts the cast. */
const AZURE_CAST: Record<string, string> = {
  narrator: 'en-US-GuyNeural',
  'char-elizabeth': 'en-US-JennyNeural',
  'char-darcy': 'en-GB-RyanNeural',
};
const SEGMENT_COUNT = SEED_CHAPTERS.reduce((sum, c) => sum + c.lines.length, 0);
const DEFAULT_LATENCY_MS = 20;

let fake: FakeSpeechService;
let platform: TestPlatform;

beforeAll(async () => {
  fake = await startFakeSpeechService({ latencyMs: DEFAULT_LATENCY_MS });
  platform = await startTestPlatform({ env: azureSpeechEnv(fake) });
}, 120_000);

afterAll(async () => {
  await platform?.stop();
  await fake?.close();
});

afterEach(() => {
  fake.setCapacity(undefined);
  fake.setLatency(DEFAULT_LATENCY_MS);
  fake.setRetryAfter(undefined);
  fake.failWhen(undefined);
});

interface JobView {
  id: string;
  status: string;
  result: any;
  error: { code: string; message: string } | null;
  progress: any;
}

function azureBook(title: string): Promise<{ projectId: string; chapterIds: string[]; segmentIds: string[] }> {
  return plannedBook(platform, { title, voices: AZURE_CAST });
}

async function finished(projectId: string, jobId: string): Promise<JobView> {
  return (await waitForJob(platform, CREATOR, projectId, jobId, 240_000)) as unknown as JobView;
}

/** Segment id → the blob of its current take, for the segments that have one (as the segment API reports them). */
async function renderedSegments(projectId: string, segmentIds: string[]): Promise<Map<string, string>> {
  const rendered = new Map<string, string>();
  for (const segmentId of segmentIds) {
    const segment = await json<{ currentTakeId: string | null; takes: { takeId: string; contentHash: string }[] }>(
      await platform.api(CREATOR, `/v1/projects/${projectId}/segments/${segmentId}`),
      200,
    );
    const take = segment.takes.find((t) => t.takeId === segment.currentTakeId);
    if (take) rendered.set(segmentId, `${segmentAudioPrefix(projectId)}${take.contentHash}.wav`);
  }
  return rendered;
}

function segmentAudioPrefix(projectId: string): string {
  return `tenants/${tenantOf(CREATOR)}/projects/${projectId}/audio/segments/`;
}

/** Blob name → sha256 of the stored audio of these segments; fails when one is missing. */
async function storedAudio(projectId: string, rendered: Map<string, string>): Promise<Map<string, string>> {
  const stored = await blobHashes(platform, segmentAudioPrefix(projectId));
  const audio = new Map<string, string>();
  for (const [segmentId, blobName] of rendered) {
    const hash = stored.get(blobName);
    if (!hash) throw new Error(`segment ${segmentId} has no audio at ${blobName}`);
    audio.set(blobName, hash);
  }
  return audio;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** What the job pinned for its chapters and left once its orchestration ended. */
async function pinsLeftBy(projectId: string, jobId: string): Promise<string[]> {
  const durable = `${new URL(platform.urls.api).origin}/runtime/webhooks/durabletask/instances/${jobId}`;
  const ended = async () =>
    ['Completed', 'Failed', 'Terminated'].includes(
      ((await (await fetch(durable)).json()) as { runtimeStatus: string }).runtimeStatus,
    );
  await untilAsync(ended, 120_000, `the orchestration of ${jobId} to end`);
  const pins = await blobHashes(platform, `tenants/${tenantOf(CREATOR)}/projects/${projectId}/jobs/${jobId}/`);
  return [...pins.keys()];
}

async function until(condition: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(50);
  }
}

async function untilAsync(condition: () => Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(250);
  }
}

async function productionStep(projectId: string): Promise<string | undefined> {
  const project = await json<{ workflow: { steps: { step: string; state: string }[] } }>(
    await platform.api(CREATOR, `/v1/projects/${projectId}`),
    200,
  );
  return project.workflow.steps.find((s) => s.step === 'production')?.state;
}

/** Waits until the fake has had no request in progress and no new one for `quietMs`. */
async function settled(quietMs: number, timeoutMs = 60_000): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  let last = fake.stats().requests;
  let quietSince = Date.now();
  for (;;) {
    await sleep(100);
    const stats = fake.stats();
    if (stats.requests !== last || stats.active > 0) {
      last = stats.requests;
      quietSince = Date.now();
    } else if (Date.now() - quietSince >= quietMs) {
      return last;
    }
    if (Date.now() > deadline) throw new Error('the fake Speech service never went quiet');
  }
}

test('a 429 storm (4429, 1007, HTTP 429 with Retry-After, a capacity limit) is ridden out: the book is produced', async () => {
  const { projectId, segmentIds } = await azureBook('Storm');
  const before = fake.stats();
  fake.setRetryAfter(1);
  fake.script('throttle-4429', 4);
  fake.script('throttle-http-429', 3);
  fake.script('throttle-1007', 3);
  fake.script('throttle-4429', 2);
  fake.setCapacity(2);

  const job = await finished(projectId, await startProduction(platform, projectId));
  const after = fake.stats();

  expect(job.error).toBeNull();
  expect(job.status).toBe('succeeded');
  expect(job.result.segments).toBe(SEGMENT_COUNT);
  expect(job.result.cacheHits).toBe(0);
  expect(job.result.duplicateWrites).toBe(0);
  expect(after.throttled - before.throttled).toBeGreaterThanOrEqual(12);
  expect(after.rejectedUpgrades - before.rejectedUpgrades).toBeGreaterThanOrEqual(3);
  // Every segment (and the packaging's spoken credits) rendered exactly once despite the throttles.
  expect(after.completed - before.completed).toBe(job.result.synthesisCalls);
  expect(job.result.synthesisCalls).toBeGreaterThanOrEqual(SEGMENT_COUNT);
  const rendered = await renderedSegments(projectId, segmentIds);
  expect(rendered.size).toBe(SEGMENT_COUNT);
  expect((await storedAudio(projectId, rendered)).size).toBe(SEGMENT_COUNT);
  const packages = await json(await platform.api(CREATOR, `/v1/projects/${projectId}/packages`), 200);
  expect(packages.items.map((p: { platform: string }) => p.platform)).toEqual(['apple']);
  console.log('storm', { throttled: after.throttled - before.throttled, requests: after.requests - before.requests });
}, 300_000);

test('a permanent error fails the job cleanly, keeps the audio made so far, and a retry after the fix finishes', async () => {
  const { projectId, segmentIds } = await azureBook('Permanent');
  // One line of chapter 1 names a voice the service rejects (as Azure does for a retired voice) every time.
  const poisonIndex = SEED_CHAPTERS[0]!.lines.findIndex((line) => line[3].includes('At the bridge'));
  const poisonSegment = segmentIds[poisonIndex]!;
  fake.failWhen('At the bridge', 'voice-not-found');
  // Slow enough that work is still queued when the refusal comes back.
  fake.setLatency(400);
  const before = fake.stats();

  const failedJob = await finished(projectId, await startProduction(platform, projectId));
  const afterFailure = await settled(2_000);
  await sleep(3_000);
  // Nothing trickles in afterwards (no orphaned retries of the failed batch).
  expect(fake.stats().requests).toBe(afterFailure);

  expect(failedJob.status).toBe('failed');
  expect(await pinsLeftBy(projectId, failedJob.id)).toEqual([]);
  expect(failedJob.error?.code).toBe('tts_failed');
  expect(failedJob.error?.message).toContain(poisonSegment);
  expect(failedJob.error?.message).toMatch(/voice/i);
  expect(failedJob.error?.message).toContain('"Chapter 1"');
  // Never retried: the poisoned line was asked for once, and nothing asked more than the book's segments.
  const poisonRequests = fake.ssml.slice(before.requests).filter((ssml) => ssml.includes('At the bridge'));
  expect(poisonRequests).toHaveLength(1);
  expect(afterFailure - before.requests).toBeLessThanOrEqual(SEGMENT_COUNT);

  const kept = await renderedSegments(projectId, segmentIds);
  expect(kept.has(poisonSegment)).toBe(false);
  expect(kept.size).toBeGreaterThan(0);
  const keptAudio = await storedAudio(projectId, kept);

  fake.failWhen(undefined);
  fake.setLatency(DEFAULT_LATENCY_MS);
  const retried = await json<{ job: { id: string } }>(
    await platform.api(CREATOR, `/v1/projects/${projectId}/jobs/${failedJob.id}/retry`, { method: 'POST' }),
    202,
  );
  const retryJob = await finished(projectId, retried.job.id);
  expect(retryJob.error).toBeNull();
  expect(retryJob.status).toBe('succeeded');
  expect(await pinsLeftBy(projectId, retryJob.id)).toEqual([]);
  // Audio made before the failure is reused, not paid for again.
  expect(retryJob.result.cacheHits).toBe(kept.size);
  expect(retryJob.result.synthesisCalls).toBeGreaterThanOrEqual(SEGMENT_COUNT - kept.size);
  const all = await renderedSegments(projectId, segmentIds);
  expect(all.size).toBe(SEGMENT_COUNT);
  const allAudio = await storedAudio(projectId, all);
  for (const [name, hash] of keptAudio) expect(allAudio.get(name)).toBe(hash);
  console.log('permanent', {
    requestsUntilFailure: afterFailure - before.requests,
    keptBeforeFailure: kept.size,
    retrySynthesisCalls: retryJob.result.synthesisCalls,
    error: failedJob.error,
  });
}, 300_000);

test('cancel stops new work: the job ends cancelled and the service gets no new requests once in-flight ones end', async () => {
  const { projectId, segmentIds } = await azureBook('Cancel');
  fake.setLatency(1_500);
  // The service takes 4 at a time (the limiter learns it from 4429s): most of the book is still waiting at the cancel,
  // some of it in backoff, whatever the limiter learned in the cases before.
  fake.setCapacity(4);
  const before = fake.stats();
  const jobId = await startProduction(platform, projectId);
  await until(() => fake.stats().completed - before.completed >= 2, 120_000, 'two segments to be synthesized');

  const cancelled = await json<JobView>(
    await platform.api(CREATOR, `/v1/projects/${projectId}/jobs/${jobId}/cancel`, { method: 'POST' }),
    200,
  );
  expect(cancelled.status).toBe('cancelled');
  const atCancel = fake.stats().requests;

  const quietAt = await settled(3_000);
  await sleep(4_000);
  expect(fake.stats().requests).toBe(quietAt);
  expect(fake.stats().active).toBe(0);
  // Work stopped early: far from every segment was synthesized.
  const completed = fake.stats().completed - before.completed;
  expect(completed).toBeLessThan(SEGMENT_COUNT);

  const job = await finished(projectId, jobId);
  expect(job.status).toBe('cancelled');
  expect(await pinsLeftBy(projectId, jobId)).toEqual([]);
  // The orchestration winds down too: the project stops showing production as in progress.
  await untilAsync(async () => (await productionStep(projectId)) !== 'in_progress', 60_000, 'the project to settle');
  const rendered = await renderedSegments(projectId, segmentIds);
  expect(rendered.size).toBe(completed);
  await storedAudio(projectId, rendered);
  console.log('cancel', {
    requestsAtCancel: atCancel - before.requests,
    requestsInTotal: quietAt - before.requests,
    completed,
    throttled: fake.stats().throttled - before.throttled,
    rendered: rendered.size,
  });
}, 300_000);

test('a job whose orchestration was terminated leaves nothing pinned, found interrupted by the next start or cancelled', async () => {
  const durable = `${new URL(platform.urls.api).origin}/runtime/webhooks/durabletask/instances`;
  const runtimeStatus = async (jobId: string) =>
    ((await (await fetch(`${durable}/${jobId}`)).json()) as { runtimeStatus: string }).runtimeStatus;
  const pinsOf = async (projectId: string, jobId: string) => [
    ...(await blobHashes(platform, `tenants/${tenantOf(CREATOR)}/projects/${projectId}/jobs/${jobId}/`)).keys(),
  ];
  /** Starts a production, lets it pin its chapters and terminates its orchestration mid-synthesis. */
  const terminatedMidway = async (projectId: string) => {
    fake.setLatency(2_000);
    const jobId = await startProduction(platform, projectId);
    await untilAsync(async () => (await pinsOf(projectId, jobId)).length > 0, 120_000, `${jobId} to pin its chapters`);
    expect((await fetch(`${durable}/${jobId}/terminate?reason=crash`, { method: 'POST' })).status).toBe(202);
    await untilAsync(async () => (await runtimeStatus(jobId)) === 'Terminated', 60_000, `${jobId} to be terminated`);
    fake.setLatency(DEFAULT_LATENCY_MS);
    return jobId;
  };

  // The next start finds the orchestration ended without settling its job: the job is marked interrupted and what
  // it pinned goes (a synthesis batch still running when the pins went removes the record it writes afterwards).
  const { projectId } = await azureBook('Terminated');
  const interrupted = await terminatedMidway(projectId);
  const next = await startProduction(platform, projectId);
  const first = await json<JobView>(await platform.api(CREATOR, `/v1/projects/${projectId}/jobs/${interrupted}`), 200);
  expect(first).toMatchObject({ status: 'failed', error: { code: 'job_interrupted' } });
  await untilAsync(
    async () => (await pinsOf(projectId, interrupted)).length === 0,
    60_000,
    'the interrupted job to unpin',
  );
  expect((await finished(projectId, next)).status).toBe('succeeded');

  // A job cancelled after its orchestration ended: nothing else would release its pins.
  const other = await azureBook('Cancelled After Termination');
  const cancelledMidway = await terminatedMidway(other.projectId);
  const cancelled = await json<JobView>(
    await platform.api(CREATOR, `/v1/projects/${other.projectId}/jobs/${cancelledMidway}/cancel`, { method: 'POST' }),
    200,
  );
  expect(cancelled.status).toBe('cancelled');
  await untilAsync(
    async () => (await pinsOf(other.projectId, cancelledMidway)).length === 0,
    60_000,
    'the cancelled job to unpin',
  );
}, 420_000);
