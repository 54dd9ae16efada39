/**
 * The spoken retail credits are rendered once per production, not once per platform: the job prepares them before its
 * packages are built side by side and every package reads what was stored. Counted at the wire, on the fake Azure
 * Speech service: a first production for three platforms sends the opening and the closing credits' SSML once each, a
 * second production with nothing changed sends neither, and a new title renders both once again.
 */
import { billableCharacters } from '../../core/ssml/text';
import { startFakeSpeechService, type FakeSpeechService } from '../support/fakeSpeechService';
import { startTestPlatform, type TestPlatform } from '../support/testPlatform';
import { azureSpeechEnv, CREATOR, json, plannedBook, produce } from './support';

/** Voices the fake lists, so the Azure catalog accepts the cast. */
const AZURE_CAST: Record<string, string> = {
  narrator: 'en-US-GuyNeural',
  'char-elizabeth': 'en-US-JennyNeural',
  'char-darcy': 'en-GB-RyanNeural',
};
const PLATFORMS = ['apple', 'acx', 'google'];

let fake: FakeSpeechService;
let platform: TestPlatform;

jest.setTimeout(15 * 60_000);

beforeAll(async () => {
  fake = await startFakeSpeechService({ latencyMs: 5 });
  platform = await startTestPlatform({ env: azureSpeechEnv(fake) });
}, 120_000);

afterAll(async () => {
  await platform?.stop();
  await fake?.close();
});

/** The credits documents among those sent to the engine: the opening names the author capitalized, the closing ends. */
function creditsSent(documents: string[], title: string): { opening: string[]; closing: string[] } {
  return {
    opening: documents.filter((ssml) => ssml.includes(`${title}.`) && ssml.includes('Written by')),
    closing: documents.filter((ssml) => ssml.includes(`This has been ${title}`)),
  };
}

async function producedAndSent(projectId: string): Promise<{ sent: string[]; result: any }> {
  const before = fake.ssml.length;
  const job = await produce(platform, projectId, PLATFORMS);
  expect(job.status).toBe('succeeded');
  expect(job.result.packages).toHaveLength(PLATFORMS.length);
  return { sent: fake.ssml.slice(before), result: job.result };
}

async function retitle(projectId: string, title: string): Promise<void> {
  const current = await platform.api(CREATOR, `/v1/projects/${projectId}`);
  const etag = current.headers.get('etag');
  await json(current, 200);
  expect(etag).toEqual(expect.any(String));
  await json(
    await platform.api(CREATOR, `/v1/projects/${projectId}`, {
      method: 'PATCH',
      headers: { 'if-match': etag! },
      json: { metadata: { title } },
    }),
    200,
  );
}

test('three platforms render the credits once, an unchanged rerun renders none, a new title renders them again', async () => {
  const { projectId } = await plannedBook(platform, { title: 'Credits Once', voices: AZURE_CAST });

  const first = await producedAndSent(projectId);
  const firstCredits = creditsSent(first.sent, 'Credits Once');
  expect(firstCredits.opening).toHaveLength(1);
  expect(firstCredits.closing).toHaveLength(1);
  const creditsDocuments = [...firstCredits.opening, ...firstCredits.closing];
  expect(first.result.credits).toEqual({
    synthesisCalls: 2,
    billableCharacters: creditsDocuments.reduce((sum, ssml) => sum + billableCharacters(ssml), 0),
  });
  console.info(
    `credits: ${first.result.credits.synthesisCalls} requests, ${first.result.credits.billableCharacters} billed characters for ${PLATFORMS.length} platforms`,
  );

  const rerun = await producedAndSent(projectId);
  expect(rerun.sent).toEqual([]);
  expect(rerun.result.credits).toEqual({ synthesisCalls: 0, billableCharacters: 0 });

  await retitle(projectId, 'Credits Twice');
  const retitled = await producedAndSent(projectId);
  const retitledCredits = creditsSent(retitled.sent, 'Credits Twice');
  expect(retitledCredits.opening).toHaveLength(1);
  expect(retitledCredits.closing).toHaveLength(1);
  // The title is spoken only in the credits: the chapters' lines are not sent again.
  expect(retitled.sent).toHaveLength(2);
  expect(retitled.result.credits.synthesisCalls).toBe(2);
});
