/**
 * Bad input answers 400/413 in the documented error shape with the field named, and nothing stored changes:
 * forged continuation tokens, text with control or bidirectional characters or lone surrogates, hostile file names
 * (and a safe Content-Disposition for any stored name), oversized bodies at the app and at the host, and a 412 that
 * shows only the public view of the current document.
 */
import contentDisposition from 'content-disposition';
import http from 'node:http';
import { minimalMetadata, type TestPlatform } from '../support/testPlatform';
import { body } from '../support/responses';
import { sharedTestPlatform } from '../support/sharedPlatform';

const CREATOR = 'creator@andes.test';
const PAMPA = 'creator@pampa.test';
let platform: TestPlatform;

beforeAll(async () => {
  platform = await sharedTestPlatform();
}, 120_000);
afterAll(async () => {
  await platform?.stop();
});

async function createProject(user: string, title: string): Promise<{ id: string; etag: string }> {
  return body(
    await platform.api(user, '/v1/projects', { method: 'POST', json: { metadata: minimalMetadata(title) } }),
    201,
  );
}

function expectFieldError(error: any, field: string, code = 'validation_failed'): void {
  expect(error).toMatchObject({ code, requestId: expect.any(String), message: expect.any(String) });
  expect(error.details.fields.map((f: { field: string }) => f.field)).toContain(field);
}

describe('continuation tokens', () => {
  beforeAll(async () => {
    for (let i = 0; i < 3; i++) await createProject(CREATOR, `Paged ${i}`);
  });
  const list = (user: string, query: string) => platform.api(user, `/v1/projects?pageSize=1&${query}`);

  test.each([
    ['a JSON object', '{"offset":0}'],
    ['a JSON array', '[]'],
    ['garbage base64', 'Z2FyYmFnZQ=='],
    ['not base64 at all', '%%%'],
    ['a sealed-looking token with nothing inside', Buffer.from('{"v":1}').toString('base64url')],
  ])('a forged token (%s) answers 400 naming continuationToken', async (_, token) => {
    const res = await list(CREATOR, `continuationToken=${encodeURIComponent(token)}`);
    expect(res.status).toBe(400);
    expectFieldError(((await res.json()) as any).error, 'continuationToken');
  });

  test('an issued token continues its own listing only: not another filter, not another tenant', async () => {
    const first = await body<{ items: { id: string }[]; continuationToken: string }>(await list(CREATOR, ''), 200);
    expect(first.continuationToken).toEqual(expect.any(String));
    const token = encodeURIComponent(first.continuationToken);
    const second = await body<{ items: { id: string }[] }>(await list(CREATOR, `continuationToken=${token}`), 200);
    expect(second.items).toHaveLength(1);
    expect(second.items[0].id).not.toBe(first.items[0].id);

    const otherFilter = await list(CREATOR, `q=paged&continuationToken=${token}`);
    expect(otherFilter.status).toBe(400);
    expectFieldError(((await otherFilter.json()) as any).error, 'continuationToken');
    const otherTenant = await list(PAMPA, `continuationToken=${token}`);
    expect(otherTenant.status).toBe(400);
    expect(JSON.stringify(await otherTenant.json())).not.toContain(first.items[0].id);
  });

  test('a token resealed around a tampered Cosmos token answers 400, not 500', async () => {
    const first = await body<{ continuationToken: string }>(await list(CREATOR, ''), 200);
    const sealed = JSON.parse(Buffer.from(first.continuationToken, 'base64url').toString('utf8'));
    const tampered = Buffer.from(JSON.stringify({ ...sealed, c: '{"offset":0}' })).toString('base64url');
    const res = await list(CREATOR, `continuationToken=${tampered}`);
    expect(res.status).toBe(400);
    expectFieldError(((await res.json()) as any).error, 'continuationToken');
  });
});

describe('text fields', () => {
  test.each([
    ['a lone surrogate', 'Broken \ud800 Title'],
    ['a C1 control', 'Next\u0085Line'],
    ['a C0 control', 'Bell\u0007'],
    ['a right-to-left override', 'Harmless\u202Eexe.txt'],
    ['a directional isolate', 'Isolated \u2066text\u2069'],
  ])('a title with %s is refused with the field named, and nothing is stored', async (_, title) => {
    const created = await createProject(CREATOR, 'Clean Title');
    const refused = await platform.api(CREATOR, '/v1/projects', {
      method: 'POST',
      json: { metadata: minimalMetadata(title) },
    });
    expect(refused.status).toBe(400);
    expectFieldError(((await refused.json()) as any).error, 'metadata.title');
    const patched = await platform.api(CREATOR, `/v1/projects/${created.id}`, {
      method: 'PATCH',
      headers: { 'if-match': created.etag },
      json: { metadata: { title, authors: [`Author ${title}`] } },
    });
    expect(patched.status).toBe(400);
    const stored = await body(await platform.api(CREATOR, `/v1/projects/${created.id}`), 200);
    expect(stored.metadata).toMatchObject({ title: 'Clean Title', authors: ['Jane Austen'] });
    expect(stored.etag).toBe(created.etag);
  });

  test('text is stored in Unicode NFC: one title, one spelling', async () => {
    const decomposed = 'Cafe\u0301 Noir';
    const created = await body(
      await platform.api(CREATOR, '/v1/projects', { method: 'POST', json: { metadata: minimalMetadata(decomposed) } }),
      201,
    );
    expect(created.metadata.title).toBe('Caf\u00e9 Noir');
    // Right-to-left text itself is welcome; only the explicit controls are refused.
    const arabic = await body(
      await platform.api(CREATOR, '/v1/projects', {
        method: 'POST',
        json: { metadata: minimalMetadata('\u0643\u062A\u0627\u0628 \u200F(2)') },
      }),
      201,
    );
    expect(arabic.metadata.title).toBe('\u0643\u062A\u0627\u0628 \u200F(2)');
  });
});

describe('manuscript file names', () => {
  const upload = (projectId: string, fileName: string) =>
    platform.api(CREATOR, `/v1/projects/${projectId}/manuscript?fileName=${encodeURIComponent(fileName)}`, {
      method: 'PUT',
      headers: { 'content-type': 'text/plain' },
      body: 'Chapter 1\n\nIt was a quiet morning.\n',
    });

  test.each([
    ['a right-to-left override', 'invoice\u202Etxt.exe'],
    ['a C1 control', 'report\u009B.txt'],
    ['a line break', 'two\nlines.txt'],
    ['a path', '../../etc/passwd'],
  ])('a file name with %s is refused with the field named', async (_, fileName) => {
    const project = await createProject(CREATOR, 'Named Upload');
    const res = await upload(project.id, fileName);
    expect(res.status).toBe(400);
    expectFieldError(((await res.json()) as any).error, 'fileName');
    expect((await platform.api(CREATOR, `/v1/projects/${project.id}/manuscript`)).status).toBe(404);
  });

  test('any accepted name comes back in a safe RFC 6266 Content-Disposition', async () => {
    const project = await createProject(CREATOR, 'Unicode Upload');
    const fileName = 'Résumé "final"; it\u2019s (1)*.txt';
    expect((await upload(project.id, fileName)).status).toBe(202);
    const original = await platform.api(CREATOR, `/v1/projects/${project.id}/manuscript/original`);
    expect(original.status).toBe(200);
    const header = original.headers.get('content-disposition')!;
    expect(header).toMatch(/^[\x20-\x7e]+$/);
    expect(header).toMatch(
      /^attachment; filename="[^"\\]*(\\.[^"\\]*)*"; filename\*=UTF-8''[A-Za-z0-9%!#$&+.^_`|~-]+$/,
    );
    expect(contentDisposition.parse(header)).toEqual({ type: 'attachment', parameters: { filename: fileName } });
  });
});

describe('oversized bodies and stale writes', () => {
  test('a JSON body over the limit answers 413 in the documented shape', async () => {
    const res = await platform.api(CREATOR, '/v1/projects', {
      method: 'POST',
      json: { metadata: { ...minimalMetadata('Big'), description: 'x'.repeat(400 * 1024) } },
    });
    expect(res.status).toBe(413);
    expect(((await res.json()) as any).error).toMatchObject({
      code: 'payload_too_large',
      requestId: expect.any(String),
    });
  });

  test('a body over the host limit answers 413 in the documented shape, with the request id', async () => {
    const answer = await declaredOversizedRequest(`${platform.urls.api}/v1/projects`, await platform.token(CREATOR));
    expect(answer.status).toBe(413);
    expect(answer.body).toEqual({
      error: {
        code: 'payload_too_large',
        message: expect.any(String),
        details: { limitBytes: expect.any(Number) },
        requestId: 'host-limit-test-1',
      },
    });
  });

  test('a stale write answers 412 with the public view of the current project, nothing internal', async () => {
    const created = await createProject(CREATOR, 'Stale');
    await body(
      await platform.api(CREATOR, `/v1/projects/${created.id}`, {
        method: 'PATCH',
        headers: { 'if-match': created.etag },
        json: { metadata: { subtitle: 'First' } },
      }),
      200,
    );
    const stale = await platform.api(CREATOR, `/v1/projects/${created.id}`, {
      method: 'PATCH',
      headers: { 'if-match': created.etag },
      json: { metadata: { subtitle: 'Second' } },
    });
    expect(stale.status).toBe(412);
    const current = ((await stale.json()) as any).error.details.current;
    expect(current).toMatchObject({ id: created.id, metadata: { subtitle: 'First' }, workflow: expect.any(Object) });
    expect(current.facts).toMatchObject({ chapterCount: 0, activeJobId: null });
    for (const internal of ['searchText', 'tenantId', 'type', 'createdBy', 'updatedBy'])
      expect(current).not.toHaveProperty(internal);
  });
});

/** Declares a body far over the host's limit and sends a few bytes: the host answers before reading more. */
function declaredOversizedRequest(url: string, token: string): Promise<{ status: number; body: unknown }> {
  return new Promise((resolve, reject) => {
    const request = http.request(url, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${token}`,
        'content-type': 'application/json',
        'content-length': String(1024 ** 3),
        'x-request-id': 'host-limit-test-1',
      },
    });
    request.on('response', (response) => {
      let text = '';
      response.on('data', (chunk: Buffer) => (text += chunk.toString()));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body: JSON.parse(text) }));
    });
    request.on('error', reject);
    request.write('{"metadata":');
  });
}
