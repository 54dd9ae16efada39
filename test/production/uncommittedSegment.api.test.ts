/**
 * A segment of a plan generation that was never committed (a planner claimed it and stopped) is not part of the book:
 * regenerating its audio and opening a review thread on it answer 404, as for a segment that does not exist, while
 * the same requests on a segment of the committed plan are accepted.
 */
import { CosmosClient } from '@azure/cosmos';
import type { ChapterRecord, SegmentRecord } from '../../core/book/records';
import { committedGeneration, plannedSegmentId } from '../../core/planning/planGenerations';
import type { TestPlatform } from '../support/testPlatform';
import { CREATOR, json, plannedBook, tenantOf } from './support';
import { sharedTestPlatform } from '../support/sharedPlatform';

let platform: TestPlatform;
let book: { projectId: string; chapterIds: string[]; segmentIds: string[] };
let committedId = '';
let abandonedId = '';

jest.setTimeout(5 * 60_000);

/** Writes a copy of a committed segment into a generation newer than the committed one, which nobody commits. */
async function abandonedCopyOf(segmentId: string): Promise<string> {
  const client = new CosmosClient({
    endpoint: platform.urls.cosmos,
    key: platform.env.COSMOS_KEY,
    connectionPolicy: { enableEndpointDiscovery: false },
  });
  try {
    const database = client.database('khipu');
    const partition = [tenantOf(CREATOR), book.projectId];
    const { resource: segment } = await database.container('segments').item(segmentId, partition).read<SegmentRecord>();
    const { resource: chapter } = await database
      .container('chapters')
      .item(segment!.chapterId, partition)
      .read<ChapterRecord>();
    const generation = committedGeneration(chapter!) + 1;
    const id = plannedSegmentId(chapter!.id, generation, segment!.index);
    const { _etag, _rid, _self, _ts, ...fields } = segment!;
    void [_etag, _rid, _self, _ts];
    await database.container('segments').items.create({ ...fields, id, planGeneration: generation });
    return id;
  } finally {
    client.dispose();
  }
}

beforeAll(async () => {
  platform = await sharedTestPlatform();
  book = await plannedBook(platform, { title: 'Uncommitted segments' });
  committedId = book.segmentIds[1];
  abandonedId = await abandonedCopyOf(committedId);
}, 180_000);

afterAll(async () => {
  await platform?.stop();
});

const project = () => `/v1/projects/${book.projectId}`;

test('a review thread on a segment of an abandoned generation is 404; on the committed plan it opens', async () => {
  const chapterId = book.chapterIds[0];
  const refused = await platform.api(CREATOR, `${project()}/review/threads`, {
    method: 'POST',
    json: { chapterId, segmentId: abandonedId, body: 'Is this line right?' },
  });
  expect(refused.status).toBe(404);
  expect(await refused.json()).toMatchObject({ error: { code: 'not_found' } });

  const opened = await json<{ segmentId: string }>(
    await platform.api(CREATOR, `${project()}/review/threads`, {
      method: 'POST',
      json: { chapterId, segmentId: committedId, body: 'Is this line right?' },
    }),
    201,
  );
  expect(opened.segmentId).toBe(committedId);
});

test('regenerating a segment of an abandoned generation is 404 and starts no job; a committed one starts', async () => {
  const refused = await platform.api(CREATOR, `${project()}/segments/${abandonedId}/regenerate`, {
    method: 'POST',
    json: { platforms: ['apple'] },
  });
  expect(refused.status).toBe(404);
  expect(await refused.json()).toMatchObject({ error: { code: 'not_found' } });
  const jobs = await json<{ items: unknown[] }>(await platform.api(CREATOR, `${project()}/jobs`), 200);
  expect(jobs.items).toEqual([]);

  const started = await json<{ job: { id: string } }>(
    await platform.api(CREATOR, `${project()}/segments/${committedId}/regenerate`, {
      method: 'POST',
      json: { platforms: ['apple'] },
    }),
    202,
  );
  expect(started.job.id).toBeTruthy();
});
