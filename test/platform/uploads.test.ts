/**
 * Upload bodies are not read before the caller is known to be allowed to send them, are never held whole in memory,
 * stop at the size limit without leaving anything behind, and the bytes in flight per instance are capped.
 */
import { BlobServiceClient } from '@azure/storage-blob';
import { minimalMetadata, startTestPlatform, type TestPlatform } from '../support/testPlatform';
import { eventually, heldRequest } from './support';

const CREATOR = 'creator@andes.test';
const OTHER_TENANT = 'creator@pampa.test';
const MAX_UPLOAD_BYTES = 2 * 1024 * 1024;
/** functions/http/body.ts: six full-size uploads at once per instance. */
const UPLOADS_IN_FLIGHT = 6;
const PARALLEL = 20;

let platform: TestPlatform;

beforeAll(async () => {
  platform = await startTestPlatform({
    env: { MAX_UPLOAD_BYTES: String(MAX_UPLOAD_BYTES), RATE_LIMIT_PER_MINUTE: '100000' },
  });
});
afterAll(async () => {
  await platform?.stop();
});

async function createProject(title = 'Upload test'): Promise<string> {
  const res = await platform.api(CREATOR, '/v1/projects', {
    method: 'POST',
    json: { metadata: minimalMetadata(title) },
  });
  expect(res.status).toBe(201);
  return ((await res.json()) as { id: string }).id;
}

const manuscriptUrl = (projectId: string) => `${platform.urls.api}/v1/projects/${projectId}/manuscript?fileName=a.txt`;
const text = (bytes: number) => Buffer.alloc(bytes, 'Call me Ishmael. ');

describe('uploads', () => {
  it('refuses an anonymous upload on its headers, while the client still holds most of the body', async () => {
    const projectId = await createProject();
    const upload = heldRequest(manuscriptUrl(projectId), 'PUT', { 'content-type': 'text/plain' }, text(1024));
    const answer = await upload.response;
    upload.finish(text(1024));
    expect(answer.status).toBe(401);
    expect(JSON.parse(answer.body)).toMatchObject({ error: { code: 'unauthenticated' } });
  });

  it('refuses another tenant’s user before reading the body (manuscript and cover)', async () => {
    const projectId = await createProject();
    const headers = { authorization: `Bearer ${await platform.token(OTHER_TENANT)}` };
    const manuscript = heldRequest(
      manuscriptUrl(projectId),
      'PUT',
      { ...headers, 'content-type': 'text/plain' },
      text(10),
    );
    const cover = heldRequest(
      `${platform.urls.api}/v1/projects/${projectId}/cover`,
      'PUT',
      { ...headers, 'content-type': 'image/jpeg' },
      Buffer.from([0xff, 0xd8, 0xff]),
    );
    const [manuscriptAnswer, coverAnswer] = await Promise.all([manuscript.response, cover.response]);
    manuscript.finish(text(10));
    cover.finish(Buffer.alloc(10));
    expect(manuscriptAnswer.status).toBe(404);
    expect(coverAnswer.status).toBe(404);
  });

  it('stops an upload past the size limit with 413 and keeps nothing of it', async () => {
    const projectId = await createProject();
    // Chunked, so no declared length gives it away: the limit is found while streaming.
    const upload = heldRequest(
      manuscriptUrl(projectId),
      'PUT',
      { authorization: `Bearer ${await platform.token(CREATOR)}`, 'content-type': 'text/plain' },
      text(64 * 1024),
    );
    upload.finish(text(MAX_UPLOAD_BYTES));
    const answer = await upload.response;
    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.body)).toMatchObject({
      error: { code: 'payload_too_large', details: { maxBytes: MAX_UPLOAD_BYTES }, requestId: expect.any(String) },
    });
    expect((await platform.api(CREATOR, `/v1/projects/${projectId}/manuscript`)).status).toBe(404);
    const container = BlobServiceClient.fromConnectionString(
      platform.env.STORAGE_CONNECTION_STRING!,
    ).getContainerClient('khipu');
    const left: string[] = [];
    for await (const blob of container.listBlobsFlat({ prefix: `tenants/t-andes/projects/${projectId}/` })) {
      left.push(blob.name);
    }
    expect(left).toEqual([]);
  });

  it(`lets ${UPLOADS_IN_FLIGHT} of ${PARALLEL} parallel uploads in and answers the rest 429 with Retry-After`, async () => {
    const projects = await Promise.all(Array.from({ length: PARALLEL }, (_, i) => createProject(`Parallel ${i}`)));
    const headers = { authorization: `Bearer ${await platform.token(CREATOR)}`, 'content-type': 'text/plain' };
    // Each sends a first kilobyte and holds the rest, so the admitted ones stay in flight.
    const uploads = projects.map((projectId) => heldRequest(manuscriptUrl(projectId), 'PUT', headers, text(1024)));
    expect(await eventually(() => uploads.filter((u) => u.answered()).length >= PARALLEL - UPLOADS_IN_FLIGHT)).toBe(
      true,
    );
    const refused = uploads.filter((u) => u.answered());
    const admitted = uploads.filter((u) => !u.answered());
    expect(refused).toHaveLength(PARALLEL - UPLOADS_IN_FLIGHT);
    for (const upload of refused) {
      const answer = await upload.response;
      upload.finish(Buffer.alloc(0));
      expect(answer.status).toBe(429);
      expect(Number(answer.headers['retry-after'])).toBeGreaterThan(0);
      expect(JSON.parse(answer.body)).toMatchObject({ error: { code: 'rate_limited' } });
    }
    for (const upload of admitted) upload.finish(text(100 * 1024));
    for (const upload of admitted) expect((await upload.response).status).toBe(202);

    // The budget is given back: a refused upload retried now gets in.
    const refusedProject = projects[uploads.indexOf(refused[0]!)];
    const retry = await platform.api(CREATOR, `/v1/projects/${refusedProject}/manuscript?fileName=a.txt`, {
      method: 'PUT',
      headers: { 'content-type': 'text/plain' },
      body: text(1024),
    });
    expect(retry.status).toBe(202);
  });
});
