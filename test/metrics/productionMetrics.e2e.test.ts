/**
 * The operator's metrics after real productions on the local platform (offline engine): the first production's
 * segments are all synthesized; producing again with nothing changed serves every segment from stored audio (cache
 * hit ratio 1) and bills no character more; an edited line costs exactly one request, whose characters match the
 * cost records. The figures are the tenant's own, the platform's include them, and only the operator reads them.
 */
import type { MetricsReport } from '../../core/api/metrics';
import { startTestPlatform, type TestPlatform } from '../support/testPlatform';
import { CREATOR, json, plannedBook, produce } from '../production/support';

const OPERATOR = 'operator@khipu.test';
let platform: TestPlatform;

beforeAll(async () => {
  platform = await startTestPlatform();
}, 120_000);
afterAll(async () => {
  await platform?.stop();
});

async function report(query = 'tenantId=t-andes&days=1'): Promise<MetricsReport> {
  return json<MetricsReport>(await platform.api(OPERATOR, `/v1/operator/metrics?${query}`), 200);
}

/**
 * The report once the job's own ending is in it: a job is settled (and seen so through the API) a moment before
 * its duration and outcome are measured, so the figures are read until that measurement has arrived.
 */
async function reportAfterJobs(producesSucceeded: number): Promise<MetricsReport> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const current = await report();
    const produced = current.figures.jobs.find((job) => job.kind === 'produce')?.succeeded ?? 0;
    if (produced >= producesSucceeded || Date.now() > deadline) return current;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

async function ttsCharactersBilled(projectId: string): Promise<number> {
  const costs = await json<{ byKind: { tts_characters: { quantity: number } } }>(
    await platform.api(CREATOR, `/v1/projects/${projectId}/costs?groupBy=kind`),
    200,
  );
  return costs.byKind.tts_characters.quantity;
}

const speechOf = (r: MetricsReport) => r.figures.speech;
const segmentsOf = (r: MetricsReport) => r.figures.segments;

test('cache hits, synthesis calls and billed characters across a production, an unchanged rerun and one edit', async () => {
  const before = await report();
  const { projectId, segmentIds } = await plannedBook(platform, { title: 'Metrics Book' });

  const first = await produce(platform, projectId, ['apple']);
  expect(first.status).toBe('succeeded');
  const afterFirst = await reportAfterJobs(1);
  const creditsCalls = (first.result.credits as { synthesisCalls: number }).synthesisCalls;
  // Every request the job made (segments and the retail credits) is measured, and every segment is counted once.
  expect(speechOf(afterFirst).requests - speechOf(before).requests).toBe(first.result.synthesisCalls);
  expect(segmentsOf(afterFirst).synthesized - segmentsOf(before).synthesized).toBe(
    first.result.synthesisCalls - creditsCalls,
  );
  expect(segmentsOf(afterFirst).cacheHits - segmentsOf(before).cacheHits).toBe(first.result.cacheHits);
  expect(segmentsOf(afterFirst).synthesized).toBeGreaterThan(0);
  // The cost records bill the segments' characters and the credits' (job result: segments, credits apart); the
  // measured characters hold both.
  const firstCharacters = speechOf(afterFirst).billableCharacters - speechOf(before).billableCharacters;
  expect(await ttsCharactersBilled(projectId)).toBe(
    first.result.billableCharacters + first.result.credits.billableCharacters,
  );
  expect(firstCharacters).toBe(first.result.billableCharacters + first.result.credits.billableCharacters);
  expect(firstCharacters).toBeGreaterThanOrEqual(first.result.billableCharacters);
  expect(firstCharacters > first.result.billableCharacters).toBe(creditsCalls > 0);
  expect(speechOf(afterFirst).latencyMs.count).toBe(speechOf(afterFirst).requests);
  expect(speechOf(afterFirst).latencyMs.p95).not.toBeNull();

  const rerun = await produce(platform, projectId, ['apple']);
  expect(rerun.status).toBe('succeeded');
  const afterRerun = await reportAfterJobs(2);
  const hits = segmentsOf(afterRerun).cacheHits - segmentsOf(afterFirst).cacheHits;
  const synthesized = segmentsOf(afterRerun).synthesized - segmentsOf(afterFirst).synthesized;
  expect(synthesized).toBe(0);
  expect(hits).toBe(rerun.result.segments);
  expect(hits / (hits + synthesized)).toBe(1);
  expect(speechOf(afterRerun).requests).toBe(speechOf(afterFirst).requests);
  expect(speechOf(afterRerun).billableCharacters).toBe(speechOf(afterFirst).billableCharacters);

  // One edited line: one request, and its characters are exactly what the cost records add.
  const target = segmentIds[1]!;
  const current = await platform.api(CREATOR, `/v1/projects/${projectId}/segments/${target}`);
  const etag = current.headers.get('etag') ?? '';
  const segment = await json<{ text: string }>(current, 200);
  await json(
    await platform.api(CREATOR, `/v1/projects/${projectId}/segments/${target}`, {
      method: 'PATCH',
      headers: { 'if-match': etag },
      json: { text: `${segment.text.trimEnd()} Indeed.` },
    }),
    200,
  );
  const billedBefore = await ttsCharactersBilled(projectId);
  const edited = await produce(platform, projectId, ['apple']);
  expect(edited.status).toBe('succeeded');
  const afterEdit = await reportAfterJobs(3);
  expect(segmentsOf(afterEdit).synthesized - segmentsOf(afterRerun).synthesized).toBe(1);
  expect(segmentsOf(afterEdit).cacheHits - segmentsOf(afterRerun).cacheHits).toBe(edited.result.segments - 1);
  expect(speechOf(afterEdit).requests - speechOf(afterRerun).requests).toBe(1);
  const editedCharacters = speechOf(afterEdit).billableCharacters - speechOf(afterRerun).billableCharacters;
  expect(editedCharacters).toBeGreaterThan(0);
  expect(editedCharacters).toBe(edited.result.billableCharacters);
  expect(editedCharacters).toBe((await ttsCharactersBilled(projectId)) - billedBefore);

  // Jobs per kind, the project's creation and its (first, and only first) completion, the API's own figures.
  const produce_ = afterEdit.figures.jobs.find((job) => job.kind === 'produce')!;
  expect(produce_).toMatchObject({ succeeded: 3, failed: 0, cancelled: 0 });
  expect(produce_.durationSeconds.count).toBe(3);
  expect(afterEdit.figures.projects.created - before.figures.projects.created).toBe(1);
  expect(afterEdit.figures.projects.completed - before.figures.projects.completed).toBe(1);
  expect(afterEdit.figures.projects.completionRate).not.toBeNull();
  const startProduction = afterEdit.figures.http.operations.find((op) => op.operation === 'startProduction');
  expect(startProduction?.requests).toBeGreaterThanOrEqual(3);
  expect(afterEdit.figures.http.requests).toBeGreaterThan(afterEdit.figures.http.serverErrors);
  expect(afterEdit.figures.activeUsers.peakDay).toBeGreaterThanOrEqual(1);
  expect(afterEdit.daily).toHaveLength(1);
  expect(afterEdit.daily[0]!.billableCharacters).toBe(speechOf(afterEdit).billableCharacters);

  // The other tenant made no request to the engine; the platform's figures hold the tenant's.
  const pampa = await report('tenantId=t-pampa&days=1');
  expect(speechOf(pampa).requests).toBe(0);
  expect(segmentsOf(pampa)).toMatchObject({ cacheHits: 0, synthesized: 0, cacheHitRatio: null });
  const whole = await report('days=1');
  expect(speechOf(whole).billableCharacters).toBeGreaterThanOrEqual(speechOf(afterEdit).billableCharacters);
  expect(whole.tenantId).toBeNull();

  // The per-tenant table agrees with the tenant's own report.
  const rows = await json<{ items: { tenantId: string; summary: { billableCharacters: number } }[] }>(
    await platform.api(OPERATOR, '/v1/operator/metrics/tenants?days=1&pageSize=50'),
    200,
  );
  expect(rows.items.find((row) => row.tenantId === 't-andes')?.summary.billableCharacters).toBe(
    speechOf(afterEdit).billableCharacters,
  );
}, 900_000);

test('only the operator reads platform metrics; bad windows and unknown tenants are refused clearly', async () => {
  for (const role of ['admin', 'creator', 'validator']) {
    for (const path of ['/v1/operator/metrics', '/v1/operator/metrics/tenants', '/v1/operator/metrics?days=oops']) {
      const res = await platform.api(`${role}@andes.test`, path);
      expect({ role, path, status: res.status }).toEqual({ role, path, status: 403 });
      await res.arrayBuffer();
    }
  }
  expect((await platform.api(null, '/v1/operator/metrics')).status).toBe(401);
  const tooLong = await platform.api(OPERATOR, '/v1/operator/metrics?days=93');
  expect(tooLong.status).toBe(400);
  const refusal = (await tooLong.json()) as { error: { details: { fields: { field: string }[] } } };
  expect(refusal.error.details.fields[0]!.field).toBe('days');
  const unknownField = await platform.api(OPERATOR, '/v1/operator/metrics?userId=u-andes-admin');
  expect(unknownField.status).toBe(400);
  await unknownField.arrayBuffer();
  const missing = await platform.api(OPERATOR, '/v1/operator/metrics?tenantId=t-nowhere');
  expect(missing.status).toBe(404);
  await missing.arrayBuffer();
});
