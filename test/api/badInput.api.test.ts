import { randomUUID } from 'node:crypto';
import sharp from 'sharp';
import { minimalMetadata, type TestPlatform } from '../support/testPlatform';
import { sharedTestPlatform } from '../support/sharedPlatform';
import { freshTenant } from '../support/freshTenant';

const andes = freshTenant('andes');
const pampa = freshTenant('pampa');

let platform: TestPlatform;
let projectId: string;
const creator = andes.creator;

async function snapshotProject() {
  const res = await platform.api(creator, `/v1/projects/${projectId}`);
  return { etag: res.headers.get('etag'), body: (await res.json()) as any };
}

beforeAll(async () => {
  platform = await sharedTestPlatform();
  await Promise.all([andes.signUp(platform), pampa.signUp(platform)]);
  const res = await platform.api(creator, '/v1/projects', {
    method: 'POST',
    json: { metadata: minimalMetadata('Lady Susan') },
  });
  projectId = ((await res.json()) as any).id;
});
afterAll(async () => {
  await platform?.stop();
});

async function expectError(res: Response, status: number, code: string, field?: string) {
  expect(res.status).toBe(status);
  const body = (await res.json()) as any;
  expect(body.error.code).toBe(code);
  expect(body.error.requestId).toEqual(expect.any(String));
  if (field) expect(body.error.details.fields.map((f: { field: string }) => f.field)).toContain(field);
}

describe('bad input is refused clearly and changes nothing', () => {
  it('rejects malformed JSON, wrong types, unknown fields, bad ISBN, oversized strings and bodies', async () => {
    const before = await snapshotProject();
    const patch = (init: RequestInit & { json?: unknown }) =>
      platform.api(creator, `/v1/projects/${projectId}`, {
        method: 'PATCH',
        ...init,
        headers: { 'if-match': before.etag!, ...(init.headers ?? {}) },
      });

    await expectError(
      await patch({ headers: { 'content-type': 'application/json' }, body: '{"metadata":' }),
      400,
      'validation_failed',
      'body',
    );
    await expectError(await patch({ json: { metadata: { title: 42 } } }), 400, 'validation_failed', 'metadata.title');
    await expectError(
      await patch({ json: { metadata: { title: 'x' }, sneaky: true } }),
      400,
      'validation_failed',
      'sneaky',
    );
    await expectError(
      await patch({ json: { metadata: { isbn: '978-0-14-143951-9' } } }),
      400,
      'validation_failed',
      'metadata.isbn',
    );
    await expectError(
      await patch({ json: { metadata: { language: 'not a language!' } } }),
      400,
      'validation_failed',
      'metadata.language',
    );
    await expectError(
      await patch({ json: { metadata: { title: 'x'.repeat(301) } } }),
      400,
      'validation_failed',
      'metadata.title',
    );
    await expectError(
      await patch({ headers: { 'content-type': 'text/plain' }, body: 'hello' }),
      415,
      'unsupported_media_type',
    );
    await expectError(
      await patch({ json: { metadata: { description: 'y'.repeat(400_000) } } }),
      413,
      'payload_too_large',
    );

    const after = await snapshotProject();
    expect(after).toEqual(before);
  });

  it('accepts a valid ISBN-13 with hyphens and stores it canonical', async () => {
    const { etag } = await snapshotProject();
    const res = await platform.api(creator, `/v1/projects/${projectId}`, {
      method: 'PATCH',
      headers: { 'if-match': etag! },
      json: { metadata: { isbn: '978-0-14-143951-8' } },
    });
    expect(res.status).toBe(200);
    expect(((await res.json()) as any).metadata.isbn).toBe('9780141439518');
  });

  it('refuses hostile and unsuitable cover images without touching the stored cover', async () => {
    const before = await snapshotProject();
    const put = (body: Buffer, type = 'image/png') =>
      platform.api(creator, `/v1/projects/${projectId}/cover`, {
        method: 'PUT',
        headers: { 'content-type': type },
        body,
      });
    // A PNG whose header claims 100000×100000 pixels (decompression bomb) is refused before decoding.
    const bomb = await sharp({ create: { width: 64, height: 64, channels: 3, background: '#000' } })
      .png()
      .toBuffer();
    bomb.writeUInt32BE(100_000, 16);
    bomb.writeUInt32BE(100_000, 20);
    expect([400, 415]).toContain((await put(bomb)).status);
    await expectError(
      await put(
        await sharp({ create: { width: 2400, height: 1800, channels: 3, background: '#123' } })
          .png()
          .toBuffer(),
      ),
      400,
      'validation_failed',
      'body',
    );
    await expectError(
      await put(
        await sharp({ create: { width: 1000, height: 1000, channels: 3, background: '#123' } })
          .png()
          .toBuffer(),
      ),
      400,
      'validation_failed',
      'body',
    );
    await expectError(
      await put(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'), 'image/svg+xml'),
      415,
      'unsupported_media_type',
    );
    await expectError(await put(Buffer.from('GIF89a not really'), 'image/jpeg'), 400, 'validation_failed', 'body');
    expect(await snapshotProject()).toEqual(before);
  });

  it('authenticates only with a verified bearer token', async () => {
    const forged = Buffer.from(
      JSON.stringify({ userId: andes.userIds.admin, userRoles: ['admin'], identityProvider: 'aad' }),
    ).toString('base64');
    const res = await fetch(`${platform.urls.api}/v1/me`, { headers: { 'x-ms-client-principal': forged } });
    await expectError(res, 401, 'unauthenticated');
    const garbage = await fetch(`${platform.urls.api}/v1/projects`, { headers: { authorization: 'Bearer not.a.jwt' } });
    await expectError(garbage, 401, 'unauthenticated');
    const viaCustomHeader = await fetch(`${platform.urls.api}/v1/me`, {
      headers: {
        'x-khipu-authorization': `Bearer ${await platform.token(creator)}`,
        authorization: 'Bearer replaced-by-swa',
      },
    });
    expect(viaCustomHeader.status).toBe(200);
  });

  it('refuses work for a suspended tenant and lets the operator manage tenants', async () => {
    const operator = 'operator@khipu.test';
    const tenant = (await (await platform.api(operator, `/v1/operator/tenants/${pampa.id}`)).json()) as any;
    const suspended = await platform.api(operator, `/v1/operator/tenants/${pampa.id}`, {
      method: 'PATCH',
      headers: { 'if-match': tenant.etag },
      json: { status: 'suspended' },
    });
    expect(suspended.status).toBe(200);
    await expectError(await platform.api(pampa.creator, '/v1/projects'), 403, 'tenant_suspended');
    const list = (await (await platform.api(operator, '/v1/operator/tenants')).json()) as any;
    expect(list.items.map((t: { id: string }) => t.id)).toEqual(expect.arrayContaining([andes.id, pampa.id]));
    await expectError(await platform.api(andes.admin, '/v1/operator/tenants'), 403, 'forbidden');
    const current = (await (await platform.api(operator, `/v1/operator/tenants/${pampa.id}`)).json()) as any;
    await platform.api(operator, `/v1/operator/tenants/${pampa.id}`, {
      method: 'PATCH',
      headers: { 'if-match': current.etag },
      json: { status: 'active' },
    });
    expect((await platform.api(pampa.creator, '/v1/projects')).status).toBe(200);
  });

  it('self-service signup creates a tenant whose admin can sign in', async () => {
    // One identity signs up once: an address of its own on a platform other suites share.
    const email = `founder-${randomUUID().slice(0, 8)}@newpress.test`;
    const res = await platform.api(email, '/v1/tenants/signup', { method: 'POST', json: { tenantName: 'New Press' } });
    expect(res.status).toBe(201);
    const body = (await res.json()) as any;
    expect(body.user.role).toBe('admin');
    // A new sign-in picks up the tenant and role from the directory, as Entra's claims extension would.
    const tokenRes = await fetch(`${platform.urls.identity}/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ grant_type: 'password', username: email }),
    });
    const { access_token } = (await tokenRes.json()) as any;
    const me = (await (
      await fetch(`${platform.urls.api}/v1/me`, { headers: { authorization: `Bearer ${access_token}` } })
    ).json()) as any;
    expect(me.principal).toMatchObject({ kind: 'tenant-user', role: 'admin', tenantId: body.tenant.id });
    expect(me.tenant.name).toBe('New Press');
  });
});
