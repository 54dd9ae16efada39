/**
 * The estimate's audio length is the plan's spoken text at the speaking rate of the voices cast: the engine's rate,
 * changed by the narrator's cast rate. The markup billed around each line is never heard, so a plan of many short
 * lines is not made longer by it (it made an offline chapter's estimate 25 % longer than its master). On plans
 * stored in a Cosmos emulator through the app's own adapter, the other services as small fakes.
 */
import { offlineVoices } from '../../adapters/tts/espeak';
import type { CharacterRecord } from '../../core/book/records';
import type { ProjectCollection } from '../../core/ports/documents';
import type { SpeechEngine } from '../../core/ports/speech';
import { ProductionAssessor, type ProductionAssessmentDeps } from '../../core/production/productionAssessment';
import { CHARACTERS_PER_MINUTE } from '../../core/production/speakingRate';
import { billableCharacters } from '../../core/ssml/text';
import { seedBook, startStore, TENANT, type Store } from '../readside/support';

const PROJECT = 'p-audio-estimate';
const VOICE = offlineVoices[0].name;
// Short lines, as dialogue is: 30 lines of 20 characters, 600 characters of text.
const LINE = '"Yes, I know it is." ';

let store: Store;

beforeAll(async () => {
  store = await startStore();
  await seedBook(store, PROJECT, [
    {
      lines: Array.from({ length: 30 }, (_, index) => ({
        kind: index % 2 ? ('dialogue' as const) : ('narration' as const),
        speakerId: index % 2 ? 'c-ann' : 'narrator',
        text: LINE,
      })),
    },
  ]);
}, 120_000);
afterAll(() => store?.stop());

function assessor(engine: SpeechEngine, narratorRatePercent = 0) {
  const voiced = (characterId: string, ratePercent: number) =>
    ({
      characterId,
      name: characterId,
      voice: { characterId, voiceName: VOICE, locale: 'en-GB', style: null, styleDegree: null, ratePercent },
    }) as unknown as CharacterRecord; // the assessment reads only the id, name and voice
  const cast = [voiced('narrator', narratorRatePercent), voiced('c-ann', 0)];
  const deps = {
    projects: { find: async () => ({ metadata: { language: 'en-GB', isbn: null }, cover: null }) },
    tenants: { assertActive: async () => ({ id: TENANT, plan: 'pro' }) },
    costs: { estimate: () => ({ totalUsd: 0 }) },
    book: {
      chapters: store.chapters,
      segments: store.segments,
      characters: {
        list: async () => ({ items: cast, continuationToken: null }),
      } as unknown as ProjectCollection<CharacterRecord>,
    },
    voices: async () => offlineVoices,
    speechEngine: engine,
  } as unknown as ProductionAssessmentDeps;
  return new ProductionAssessor(deps);
}

const assess = (engine: SpeechEngine, narratorRatePercent?: number) =>
  assessor(engine, narratorRatePercent).assess(TENANT, PROJECT, null, { refuse: false });

it('counts the spoken text at the offline engine’s rate, not the markup billed around each line', async () => {
  const estimate = await assess('offline');
  const text = 30 * billableCharacters(LINE);
  expect(estimate.billableCharacters).toBeGreaterThan(text + 30 * 30); // the markup is billed
  expect(estimate.estimatedAudioSeconds).toBe(Math.ceil((text / CHARACTERS_PER_MINUTE.offline) * 60));
  expect(estimate.bookAudioSeconds).toBe(estimate.estimatedAudioSeconds);
});

it('gives the same text the length Azure’s voices read it in', async () => {
  const [offline, azure] = await Promise.all([assess('offline'), assess('azure')]);
  // The offline voices read a little slower than the neural ones: the same chapter sounds longer with them.
  expect(CHARACTERS_PER_MINUTE.offline).toBeLessThan(CHARACTERS_PER_MINUTE.azure);
  expect(azure.estimatedAudioSeconds).toBeLessThan(offline.estimatedAudioSeconds);
});

it('is shorter when the narrator is cast to read faster, longer when slower', async () => {
  const [even, faster, slower] = await Promise.all([assess('offline'), assess('offline', 8), assess('offline', -12)]);
  expect(faster.estimatedAudioSeconds).toBeLessThan(even.estimatedAudioSeconds);
  expect(slower.estimatedAudioSeconds).toBeGreaterThan(even.estimatedAudioSeconds);
});
