/**
 * Every character the speech engine bills is in the cost records, the spoken retail credits included: after a
 * production through the real pipeline against the fake Azure Speech service, the project's TTS characters equal the
 * billable characters of every SSML document the service received, with three packages built side by side from the
 * credits the job rendered once. A second production that reuses the stored credits (and the rendered lines) sends
 * nothing and records nothing.
 */
import { waitForJob } from '../api/isolation/fixtures';
import { billableCharacters } from '../../core/ssml/text';
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

const billed = (documents: string[]) => documents.reduce((sum, ssml) => sum + billableCharacters(ssml), 0);

test('the cost records hold every billed character, the credits included, and a rebuild adds none', async () => {
  const { projectId } = await plannedBook(platform, { title: 'Costed Credits', voices: AZURE_CAST });
  const sentBefore = fake.ssml.length;

  await produced(projectId, ['apple', 'acx', 'google']);
  const sent = fake.ssml.slice(sentBefore);
  expect(sent.filter((ssml) => ssml.includes('Written by')).length).toBe(1);
  expect(sent.filter((ssml) => ssml.includes('This has been Costed Credits')).length).toBe(1);
  const afterFirst = await costedCharacters(projectId);
  expect(afterFirst.quantity).toBe(billed(sent));
  expect(afterFirst.amountUsd).toBeGreaterThan(0);

  const sentAfterFirst = fake.ssml.length;
  await produced(projectId, ['apple', 'acx', 'google']);
  expect(fake.ssml.length).toBe(sentAfterFirst);
  expect(await costedCharacters(projectId)).toEqual(afterFirst);
});
