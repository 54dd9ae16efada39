/**
 * A merge and a split of chapters cut by a kill of the Functions host at each of their writes in turn (the killed
 * write never reaches the store, every one before it did), on the real local platform. After each, the book's text,
 * its live chapters' texts in reading order, is exactly what it was: no part twice, none lost, and the chapters sit
 * at distinct positions. As two writes, a merge killed before deleting the chapter it had absorbed, or a split killed
 * before shortening the chapter it had cut, left that text twice. A chapter delete killed between its write and the
 * recount of the project's counts is sent again, as a client without an answer does: the count comes back to what is
 * stored (before, the repeat found the chapter deleted and answered without recounting).
 */
import { chapterBook, type ChapterSummary } from '../races/chapterBook';
import { RACE_PLATFORM_ENV } from '../races/support';
import type { TestPlatform } from '../support/testPlatform';
import {
  startPlatformBehindKillingProxy,
  type PlatformBehindKillingProxy,
  writeTo,
  type KillingProxy,
} from './killingProxy';

const CREATOR = 'creator@andes.test';
/** Every write the edit makes: its claim on the book's order, its chapter writes, the recount, the claim's release. */
const KILL_POINTS = [2, 3, 4, 5];
const bookWrites = writeTo('chapters', 'jobs', 'projects');

let platform: TestPlatform;
let proxy: KillingProxy;

jest.setTimeout(20 * 60_000);

let running: PlatformBehindKillingProxy | undefined;

beforeAll(async () => {
  running = await startPlatformBehindKillingProxy({ separateHostProcess: true, env: RACE_PLATFORM_ENV });
  ({ platform, proxy } = running);
}, 180_000);
afterAll(async () => {
  await running?.stop();
});

const { liveChapters, chapterText, bookText, newBook } = chapterBook(() => platform, CREATOR);

/**
 * Sends `edit` with the host armed to die at its `nth` write; answers whether the kill came (an edit with fewer
 * writes is answered, and the proxy disarmed).
 */
async function cutAt(nth: number, edit: () => Promise<Response>): Promise<boolean> {
  const killed = proxy.killAt(nth, bookWrites);
  const answer = await edit().catch(() => undefined);
  if (answer) {
    proxy.disarm();
    return false;
  }
  await killed;
  return true;
}

function expectDistinctPositions(chapters: ChapterSummary[]): void {
  chapters.slice(1).forEach((chapter, i) => expect(chapter.order).toBeGreaterThan(chapters[i]!.order));
}

test.each(KILL_POINTS)('a merge killed at its write %i keeps the book text exactly once', async (nth) => {
  const projectId = await newBook(`Merge killed at ${nth}`);
  const text = await bookText(projectId);
  const before = await liveChapters(projectId);
  const killed = await cutAt(nth, () =>
    platform.api(CREATOR, `/v1/projects/${projectId}/chapters/${before[8]!.id}/merge-next`, { method: 'POST' }),
  );
  const after = await liveChapters(projectId);
  expect(await bookText(projectId)).toBe(text);
  expect([before.length, before.length - 1]).toContain(after.length);
  expectDistinctPositions(after);
  if (!killed) expect(after.length).toBe(before.length - 1);
});

test.each(KILL_POINTS)('a split killed at its write %i keeps the book text exactly once', async (nth) => {
  const projectId = await newBook(`Split killed at ${nth}`);
  const text = await bookText(projectId);
  const before = await liveChapters(projectId);
  const target = before[8]!;
  const offset = (await chapterText(projectId, target.id)).indexOf(' where the long afternoon');
  expect(offset).toBeGreaterThan(0);
  const killed = await cutAt(nth, () =>
    platform.api(CREATOR, `/v1/projects/${projectId}/chapters/${target.id}/split`, {
      method: 'POST',
      json: { offset },
    }),
  );
  const after = await liveChapters(projectId);
  expect(await bookText(projectId)).toBe(text);
  expect([before.length, before.length + 1]).toContain(after.length);
  expectDistinctPositions(after);
  if (!killed) expect(after.length).toBe(before.length + 1);
});

test('a chapter delete killed between its write and its recount: repeating it brings the chapter count back', async () => {
  const projectId = await newBook('Delete killed before its recount');
  const before = await liveChapters(projectId);
  const remove = () =>
    platform.api(CREATOR, `/v1/projects/${projectId}/chapters/${before[3]!.id}`, { method: 'DELETE' });
  // The delete's first write is the chapter itself; the second, the project's recounted facts, never arrives.
  expect(await cutAt(2, remove)).toBe(true);
  expect(await liveChapters(projectId)).toHaveLength(before.length - 1);
  // The client had no answer and sends it again.
  expect((await remove()).status).toBe(200);
  const facts = (await (await platform.api(CREATOR, `/v1/projects/${projectId}/facts`)).json()) as {
    chapterCount: number;
  };
  expect(facts.chapterCount).toBe(before.length - 1);
});
