import sharp from 'sharp';
import { minimalMetadata, type TestPlatform } from '../support/testPlatform';
import { sharedTestPlatform } from '../support/sharedPlatform';

let platform: TestPlatform;

beforeAll(async () => {
  platform = await sharedTestPlatform();
});
afterAll(async () => {
  await platform?.stop();
});

async function createProject(user: string, title = 'Emma') {
  const res = await platform.api(user, '/v1/projects', { method: 'POST', json: { metadata: minimalMetadata(title) } });
  expect(res.status).toBe(201);
  return (await res.json()) as any as { id: string; etag: string; status: string; metadata: Record<string, unknown> };
}

describe('projects API', () => {
  it('GET /v1/me describes the signed-in creator', async () => {
    const res = await platform.api('creator@andes.test', '/v1/me');
    expect(res.status).toBe(200);
    const me = (await res.json()) as any;
    expect(me.principal).toMatchObject({ kind: 'tenant-user', tenantId: 't-andes', role: 'creator' });
    expect(me.tenant).toMatchObject({ id: 't-andes', name: 'Andes Audio' });
    expect(me.permissions).toContain('projects.create');
  });

  it('creates, reads, lists and updates a project with ETags', async () => {
    const createdRes = await platform.api('creator@andes.test', '/v1/projects', {
      method: 'POST',
      json: { metadata: { ...minimalMetadata('Sense and Sensibility'), publisher: 'Egerton', narrators: ['Ana'] } },
    });
    const created = (await createdRes.json()) as any;
    expect(created.status).toBe('draft');
    expect(created.metadata).toMatchObject({ digitalVoiceDisclosure: expect.stringContaining('digital voice') });

    const got = await platform.api('creator@andes.test', `/v1/projects/${created.id}`);
    expect(got.status).toBe(200);
    const etag = got.headers.get('etag')!;
    expect(etag).toBeTruthy();

    const list = (await (await platform.api('creator@andes.test', '/v1/projects?q=sensibility')).json()) as any;
    expect(list.items.map((p: { id: string }) => p.id)).toContain(created.id);

    const noIfMatch = await platform.api('creator@andes.test', `/v1/projects/${created.id}`, {
      method: 'PATCH',
      json: { metadata: { subtitle: 'A Novel' } },
    });
    expect(noIfMatch.status).toBe(428);

    const updated = await platform.api('creator@andes.test', `/v1/projects/${created.id}`, {
      method: 'PATCH',
      headers: { 'if-match': etag },
      json: { metadata: { subtitle: 'A Novel' } },
    });
    expect(updated.status).toBe(200);
    const body = (await updated.json()) as any;
    expect(body.metadata.subtitle).toBe('A Novel');
    expect(body.metadata.authors).toEqual(['Jane Austen']);
    // A partial update leaves every field it does not name untouched (no defaults re-applied).
    expect(body.metadata.publisher).toBe('Egerton');
    expect(body.metadata.narrators).toEqual(['Ana']);
    // A listing renders each stored version of a project once and reuses it: the update shows at once.
    const relisted = (await (await platform.api('creator@andes.test', '/v1/projects?q=sensibility')).json()) as any;
    const listed = relisted.items.find((p: { id: string }) => p.id === created.id);
    expect(listed).toEqual(body);
    expect(listed.etag).not.toBe(list.items.find((p: { id: string }) => p.id === created.id).etag);

    const stale = await platform.api('creator@andes.test', `/v1/projects/${created.id}`, {
      method: 'PATCH',
      headers: { 'if-match': etag },
      json: { metadata: { subtitle: 'Lost update' } },
    });
    expect(stale.status).toBe(412);
    const staleBody = (await stale.json()) as any;
    expect(staleBody.error.code).toBe('precondition_failed');
    expect(staleBody.error.details.current.metadata.subtitle).toBe('A Novel');
  });

  it('pages with continuation tokens', async () => {
    for (let i = 0; i < 3; i++) await createProject('admin@pampa.test', `Paged ${i}`);
    const first = (await (await platform.api('admin@pampa.test', '/v1/projects?pageSize=2')).json()) as any;
    expect(first.items).toHaveLength(2);
    expect(first.continuationToken).toBeTruthy();
    const second = (await (
      await platform.api(
        'admin@pampa.test',
        `/v1/projects?pageSize=2&continuationToken=${encodeURIComponent(first.continuationToken)}`,
      )
    ).json()) as any;
    expect(second.items.length).toBeGreaterThanOrEqual(1);
    const ids = new Set([...first.items, ...second.items].map((p: { id: string }) => p.id));
    expect(ids.size).toBe(first.items.length + second.items.length);
  });

  it('archives and lets only an admin restore', async () => {
    const p = await createProject('creator@andes.test', 'Persuasion');
    const archived = await platform.api('creator@andes.test', `/v1/projects/${p.id}/archive`, { method: 'POST' });
    expect(archived.status).toBe(200);
    expect(((await archived.json()) as any).status).toBe('archived');
    const listed = (await (await platform.api('creator@andes.test', '/v1/projects')).json()) as any;
    expect(listed.items.map((x: { id: string }) => x.id)).not.toContain(p.id);
    expect((await platform.api('creator@andes.test', `/v1/projects/${p.id}/restore`, { method: 'POST' })).status).toBe(
      403,
    );
    const restored = await platform.api('admin@andes.test', `/v1/projects/${p.id}/restore`, { method: 'POST' });
    expect(restored.status).toBe(200);
    expect(((await restored.json()) as any).status).toBe('draft');
  });

  it('honours Idempotency-Key on create', async () => {
    const init = {
      method: 'POST',
      headers: { 'idempotency-key': 'create-mansfield-1' },
      json: { metadata: minimalMetadata('Mansfield Park') },
    };
    const a = await platform.api('creator@andes.test', '/v1/projects', init);
    const b = await platform.api('creator@andes.test', '/v1/projects', init);
    expect(a.status).toBe(201);
    expect(b.status).toBe(201);
    expect(b.headers.get('idempotent-replayed')).toBe('true');
    expect(((await a.json()) as any).id).toBe(((await b.json()) as any).id);
    const different = await platform.api('creator@andes.test', '/v1/projects', {
      ...init,
      json: { metadata: minimalMetadata('Other') },
    });
    expect(different.status).toBe(422);
  });

  it('stores a cover with retail and thumbnail variants', async () => {
    const p = await createProject('creator@andes.test', 'Northanger Abbey');
    const jpeg = await sharp({ create: { width: 2400, height: 2400, channels: 3, background: '#336699' } })
      .jpeg()
      .toBuffer();
    const put = await platform.api('creator@andes.test', `/v1/projects/${p.id}/cover`, {
      method: 'PUT',
      headers: { 'content-type': 'image/jpeg' },
      body: jpeg,
    });
    expect(put.status).toBe(200);
    expect(((await put.json()) as any).cover).toMatchObject({ width: 2400, height: 2400, notes: [], warnings: [] });
    const retail = await platform.api('creator@andes.test', `/v1/projects/${p.id}/cover?variant=retail`);
    expect(retail.status).toBe(200);
    const meta = await sharp(Buffer.from(await retail.arrayBuffer())).metadata();
    expect(meta).toMatchObject({ width: 3000, height: 3000, format: 'jpeg', space: 'srgb' });
  });

  it('serves OpenAPI 3.1 generated from the registrations', async () => {
    const doc = (await (await platform.api(null, '/openapi.json')).json()) as any;
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.paths['/api/v1/projects/{projectId}'].patch.operationId).toBe('updateProject');
    expect(doc.components.schemas.BookMetadata).toBeDefined();
    // Notes about uploaded files carry codes a client can translate.
    expect(doc.components.schemas.FileNote.properties.code.enum).toContain('toc_entries_unresolved');
  });
});
