/**
 * Chapter edits against a manuscript import that replaces the book, on the real local platform. An edit is refused
 * once the project says an import is running, but an edit already past that check when the import starts goes on.
 * Whatever lands, the book afterwards is exactly the imported one: an edit stored before the import's chapters is
 * replaced with the rest of the old book, and one that comes while the import writes is refused.
 *
 * The first test holds a merge at its claim on the book's order (a proxy in front of the Cosmos emulator), lets the
 * import store its chapters, and only then lets the merge go on. Before the import held the order itself, the merge
 * read the old and the imported chapters side by side, absorbed an imported chapter into an old one, and the import
 * then removed the old one with it: the imported book lost a chapter.
 */
import { waitForJob } from '../api/isolation/fixtures';
import { BOOK_CHAPTERS, chapterBook } from '../races/chapterBook';
import { inParallel, RACE_PLATFORM_ENV, tally } from '../races/support';
import { body } from '../support/responses';
import type { TestPlatform } from '../support/testPlatform';
import {
  startPlatformBehindKillingProxy,
  type PlatformBehindKillingProxy,
  writeTo,
  type CosmosRequest,
  type KillingProxy,
} from './killingProxy';

const CREATOR = 'creator@andes.test';
const PARALLEL = 24;

/** A second book of as many chapters, none of its text in the first. */
const NEW_BOOK = Array.from({ length: BOOK_CHAPTERS }, (_, i) => [
  `Chapter ${i + 1}`,
  '',
  `Line ${i + 1} of the new edition, in which the morning train left early and the station stayed empty.`,
  '',
])
  .flat()
  .join('\n');

let platform: TestPlatform;
let proxy: KillingProxy;

jest.setTimeout(15 * 60_000);

let running: PlatformBehindKillingProxy | undefined;

beforeAll(async () => {
  running = await startPlatformBehindKillingProxy({ env: RACE_PLATFORM_ENV });
  ({ platform, proxy } = running);
}, 180_000);
afterAll(async () => {
  await running?.stop();
});

const { liveChapters, chapterText, bookText, newBook } = chapterBook(() => platform, CREATOR);

function upload(projectId: string, text: string): Promise<Response> {
  return platform.api(CREATOR, `/v1/projects/${projectId}/manuscript?fileName=new.txt&replace=true`, {
    method: 'PUT',
    headers: { 'content-type': 'text/plain' },
    body: text,
  });
}

async function importNewBook(projectId: string): Promise<string> {
  const uploaded = await body<{ manuscript: { id: string }; job: { id: string } }>(
    await upload(projectId, NEW_BOOK),
    202,
  );
  expect((await waitForJob(platform, CREATOR, projectId, uploaded.job.id)).status).toBe('succeeded');
  return uploaded.manuscript.id;
}

/** The book exactly as the new edition imports: its text, its chapters at 0..n-1, all from the upload. */
async function expectExactlyTheNewBook(projectId: string, manuscriptId: string, newBookText: string): Promise<void> {
  const chapters = await liveChapters(projectId);
  expect(chapters.map((chapter) => chapter.order)).toEqual(chapters.map((_, position) => position));
  expect(chapters.every((chapter) => chapter.id.startsWith(`${manuscriptId}-c`))).toBe(true);
  expect(await bookText(projectId)).toBe(newBookText);
}

const isTrue = (value: string | string[] | undefined) => String(value).toLowerCase() === 'true';

/**
 * The next write to the jobs container after the import stored chapters (an upsert or a batch to the chapters
 * container: the upload's own manuscript record is created and replaced there, never upserted).
 */
function jobWriteAfterImportedChapters(): (request: CosmosRequest) => boolean {
  let chaptersWritten = false;
  const isChapterWrite = writeTo('chapters');
  const isJobWrite = writeTo('jobs');
  return (request) => {
    const importedChapters =
      isTrue(request.headers['x-ms-documentdb-is-upsert']) || isTrue(request.headers['x-ms-cosmos-is-batch-request']);
    if (isChapterWrite(request) && importedChapters) chaptersWritten = true;
    return chaptersWritten && isJobWrite(request);
  };
}

let newBookText: string;

beforeAll(async () => {
  // The new edition as an import makes it on a project of its own: what the raced book must end as.
  const reference = await newBook('Reference');
  await importNewBook(reference);
  newBookText = await bookText(reference);
  expect(newBookText).toContain('Line 1 of the new edition');
}, 300_000);

test('a merge past the import check when the import starts is stored before its chapters or refused', async () => {
  const projectId = await newBook('Merge during an import');
  const first = (await liveChapters(projectId))[0]!;

  // The merge has passed the check (no import yet) and is about to claim the book's order.
  const mergeHeld = proxy.holdAt(1, writeTo('chapters'));
  const merge = platform.api(CREATOR, `/v1/projects/${projectId}/chapters/${first.id}/merge-next`, { method: 'POST' });
  const { release: releaseMerge } = await mergeHeld;

  // The import starts and stores its chapters; it is held at the progress it reports after them, before the swap.
  const importHeld = proxy.holdAt(1, jobWriteAfterImportedChapters());
  const uploaded = await body<{ manuscript: { id: string }; job: { id: string } }>(
    await upload(projectId, NEW_BOOK),
    202,
  );
  const { release: releaseImport } = await importHeld;

  // The merge goes on while the imported chapters sit beside the old ones.
  releaseMerge();
  const merged = await merge;
  releaseImport();
  expect((await waitForJob(platform, CREATOR, projectId, uploaded.job.id)).status).toBe('succeeded');

  await expectExactlyTheNewBook(projectId, uploaded.manuscript.id, newBookText);
  expect([404, 409]).toContain(merged.status);
});

test(`${PARALLEL} splits, merges and reorders fired as an import starts: the book ends exactly as imported`, async () => {
  const projectId = await newBook('Edits as an import starts');
  const chapters = await liveChapters(projectId);
  const ids = chapters.map((chapter) => chapter.id);
  const offsets = await Promise.all(
    ids.map(async (id) => (await chapterText(projectId, id)).indexOf(' where the long afternoon')),
  );
  const uploading = upload(projectId, NEW_BOOK);
  const outcomes = await inParallel(PARALLEL, (i) => {
    const chapter = i % BOOK_CHAPTERS;
    if (i % 3 === 0) {
      return platform.api(CREATOR, `/v1/projects/${projectId}/chapters/reorder`, {
        method: 'POST',
        json: { chapterIds: [...ids.slice(chapter), ...ids.slice(0, chapter)] },
      });
    }
    if (i % 3 === 1) {
      return platform.api(CREATOR, `/v1/projects/${projectId}/chapters/${ids[chapter]}/split`, {
        method: 'POST',
        json: { offset: offsets[chapter] },
      });
    }
    return platform.api(CREATOR, `/v1/projects/${projectId}/chapters/${ids[chapter]}/merge-next`, { method: 'POST' });
  });
  for (const outcome of outcomes) expect([200, 201, 400, 404, 409, 412]).toContain(outcome.status);
  expect(Object.keys(tally(outcomes)).length).toBeGreaterThan(0);
  const uploaded = await body<{ manuscript: { id: string }; job: { id: string } }>(await uploading, 202);
  expect((await waitForJob(platform, CREATOR, projectId, uploaded.job.id)).status).toBe('succeeded');
  await expectExactlyTheNewBook(projectId, uploaded.manuscript.id, newBookText);
});
