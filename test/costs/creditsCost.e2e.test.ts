/**
 * Every character the speech engine bills is in the cost records, the spoken retail credits included: after a
 * production through the real pipeline against the fake Azure Speech service, the project's TTS characters equal the
 * billable characters of every SSML document the service received, with three packages built side by side from the
 * credits the job rendered once. What the production recorded is within what it reserved when it started, and the
 * credits within the part of the reservation made for them. A second production that reuses the stored credits (and
 * the rendered lines) sends nothing and records nothing.
 */
import { waitForJob } from '../api/isolation/fixtures';
import { creditsCharacters } from '../../core/jobs/productionReservation';
import type { ProjectRecord } from '../../core/projects/project';
import { billableCharacters } from '../../core/ssml/text';
import { cosmosContainer } from '../races/support';
import { startFakeSpeechService, type FakeSpeechService } from '../support/fakeSpeechService';
import { startTestPlatform, type TestPlatform } from '../support/testPlatform';
import { azureSpeechEnv, CREATOR, json, plannedBook, startProduction } from '../production/support';

/** Voices the fake lists, so the Azure catalog accepts the cast. */
const AZURE_CAST: Record<string, string> = {
  narrator: 'en-US-GuyNeural',
  'char-elizabeth': 'en-US-JennyNeural',
  'char-darcy': 'en-GB-RyanNeural',
};

let fake: FakeSpeechService;
let platform: TestPlatform;

jest.setTimeout(10 * 60_000);

beforeAll(async () => {
  fake = await startFakeSpeechService({ latencyMs: 5 });
  platform = await startTestPlatform({ env: azureSpeechEnv(fake) });
}, 120_000);

afterAll(async () => {
  await platform?.stop();
  await fake?.close();
});

async function produced(projectId: string, platforms: string[]): Promise<void> {
  const jobId = await startProduction(platform, projectId, platforms);
  const job = await waitForJob(platform, CREATOR, projectId, jobId, 300_000);
  expect(job.status).toBe('succeeded');
}

async function costedCharacters(projectId: string): Promise<{ quantity: number; amountUsd: number }> {
  const report = await json<{ byKind: { tts_characters: { quantity: number; amountUsd: number } } }>(
    await platform.api(CREATOR, `/v1/projects/${projectId}/costs?groupBy=kind`),
    200,
  );
  return report.byKind.tts_characters;
}

/** What starting a production of the project reserves now (the estimate's quota figures ask for it). */
async function reservation(projectId: string): Promise<number> {
  const estimate = await json<{ quota: { monthlyCharacters: { requested: number } } }>(
    await platform.api(CREATOR, `/v1/projects/${projectId}/productions/estimate?platforms=apple`),
    200,
  );
  return estimate.quota.monthlyCharacters.requested;
}

async function projectRecord(projectId: string): Promise<ProjectRecord> {
  const projects = cosmosContainer(platform, 'projects');
  try {
    return (await projects.container.item(projectId, 't-andes').read<ProjectRecord>()).resource!;
  } finally {
    projects.close();
  }
}

const billed = (documents: string[]) => documents.reduce((sum, ssml) => sum + billableCharacters(ssml), 0);

test('the cost records hold every billed character, the credits included, and a rebuild adds none', async () => {
  const { projectId } = await plannedBook(platform, { title: 'Costed Credits', voices: AZURE_CAST });
  const sentBefore = fake.ssml.length;
  const reserved = await reservation(projectId);

  await produced(projectId, ['apple', 'acx', 'google']);
  const sent = fake.ssml.slice(sentBefore);
  const opening = sent.filter((ssml) => ssml.includes('Written by'));
  const closing = sent.filter((ssml) => ssml.includes('This has been Costed Credits'));
  expect(opening.length).toBe(1);
  expect(closing.length).toBe(1);
  const afterFirst = await costedCharacters(projectId);
  expect(afterFirst.quantity).toBe(billed(sent));
  expect(afterFirst.quantity).toBeLessThanOrEqual(reserved);
  expect(billed([...opening, ...closing])).toBeLessThanOrEqual(creditsCharacters(await projectRecord(projectId)));
  expect(afterFirst.amountUsd).toBeGreaterThan(0);

  const sentAfterFirst = fake.ssml.length;
  await produced(projectId, ['apple', 'acx', 'google']);
  expect(fake.ssml.length).toBe(sentAfterFirst);
  expect(await costedCharacters(projectId)).toEqual(afterFirst);
});
