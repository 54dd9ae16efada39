/**
 * A reorder of a long book against the two-minute claim on its chapter order, on the real local platform. The first
 * reorder is held mid-way (one of its chapter writes held by a proxy in front of the Cosmos emulator): meanwhile a
 * second reorder is refused; then the claim is made to look as a claim does that its holder last renewed three
 * minutes ago (a reorder slower than the claim's lapse, or a writer stalled that long), and a second reorder takes it
 * over and is stored. When the first goes on, it must write nothing more: the book ends exactly in the second order.
 * Before, the first went on writing its positions over the second's and the book was left in neither order.
 */
import { waitForJob } from '../api/isolation/fixtures';
import { RACE_PLATFORM_ENV, cosmosContainer } from '../races/support';
import { body } from '../support/responses';
import { minimalMetadata, type TestPlatform } from '../support/testPlatform';
import {
  startPlatformBehindKillingProxy,
  type PlatformBehindKillingProxy,
  writeTo,
  type KillingProxy,
} from './killingProxy';

const CREATOR = 'creator@andes.test';
/** Enough chapters that a reorder takes several transactions (99 moved chapters each). */
const CHAPTERS = 250;

interface ChapterSummary {
  id: string;
  order: number;
}

let platform: TestPlatform;
let proxy: KillingProxy;

jest.setTimeout(10 * 60_000);

let running: PlatformBehindKillingProxy | undefined;

beforeAll(async () => {
  running = await startPlatformBehindKillingProxy({ env: RACE_PLATFORM_ENV });
  ({ platform, proxy } = running);
}, 180_000);
afterAll(async () => {
  await running?.stop();
});

async function longBook(): Promise<string> {
  const text = Array.from(
    { length: CHAPTERS },
    (_, i) => `Chapter ${i + 1}\n\nParagraph ${i + 1} of the book, where the afternoon went slowly on.\n\n`,
  ).join('');
  const project = await body<{ id: string }>(
    await platform.api(CREATOR, '/v1/projects', { method: 'POST', json: { metadata: minimalMetadata('Long') } }),
    201,
  );
  const uploaded = await body<{ job: { id: string } }>(
    await platform.api(CREATOR, `/v1/projects/${project.id}/manuscript?fileName=long.txt`, {
      method: 'PUT',
      headers: { 'content-type': 'text/plain' },
      body: text,
    }),
    202,
  );
  expect((await waitForJob(platform, CREATOR, project.id, uploaded.job.id, 5 * 60_000)).status).toBe('succeeded');
  return project.id;
}

const liveChapters = async (projectId: string) =>
  (await body<{ items: ChapterSummary[] }>(await platform.api(CREATOR, `/v1/projects/${projectId}/chapters`), 200))
    .items;

const reorder = (projectId: string, chapterIds: string[]) =>
  platform.api(CREATOR, `/v1/projects/${projectId}/chapters/reorder`, { method: 'POST', json: { chapterIds } });

/** The book's order claim as its holder's last write left it three minutes ago (written as the holder would). */
async function ageClaim(projectId: string): Promise<void> {
  const { container, close } = cosmosContainer(platform, 'chapters');
  try {
    const { resources } = await container.items
      .query<{ id: string; tenantId: string; heldBy: string | null }>({
        query: 'SELECT * FROM c WHERE c.id = @id',
        parameters: [{ name: '@id', value: `${projectId}.chapterOrder` }],
      })
      .fetchAll();
    const claim = resources[0]!;
    expect(claim.heldBy).not.toBeNull();
    const threeMinutesAgo = new Date(Date.now() - 3 * 60_000).toISOString();
    await container.items.upsert({ ...claim, since: threeMinutesAgo, updatedAt: threeMinutesAgo });
  } finally {
    close();
  }
}

test(`a reorder of ${CHAPTERS} chapters that outlasts its claim writes nothing after another reorder took it over`, async () => {
  const projectId = await longBook();
  const ids = (await liveChapters(projectId)).map((chapter) => chapter.id);
  expect(ids).toHaveLength(CHAPTERS);
  const reversed = [...ids].reverse();
  const rotated = [...ids.slice(1), ids[0]!];

  // The first reorder's third write to the chapters container (after its claim and first chapter writes) is held.
  const held = proxy.holdAt(3, writeTo('chapters'));
  const first = reorder(projectId, reversed);
  const { release } = await held;

  // While it works, its claim holds: another reorder is refused and writes nothing.
  const refused = await reorder(projectId, rotated);
  expect(refused.status).toBe(409);

  // Its claim looks lapsed now: the next reorder takes it over and is stored whole.
  await ageClaim(projectId);
  const second = await reorder(projectId, rotated);
  expect(second.status).toBe(200);
  expect((await liveChapters(projectId)).map((chapter) => chapter.id)).toEqual(rotated);

  // The first goes on: it lost its claim, so it writes nothing more and says so.
  release();
  const firstAnswer = await first;
  const after = await liveChapters(projectId);
  expect(after.map((chapter) => chapter.id)).toEqual(rotated);
  expect(after.map((chapter) => chapter.order)).toEqual(rotated.map((_, position) => position));
  expect(firstAnswer.status).toBe(409);
  expect(((await firstAnswer.json()) as { error: unknown }).error).toMatchObject({
    details: { field: 'chapterIds', reason: 'chapter_order_busy' },
  });
});
