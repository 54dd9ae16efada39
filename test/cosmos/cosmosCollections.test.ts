import { CosmosClient } from '@azure/cosmos';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { containerDefinitions } from '../../adapters/cosmos/containers';
import { CosmosProjectCollection, CosmosTenantCollection } from '../../adapters/cosmos/cosmosCollections';
import { ConflictError, PreconditionFailedError } from '../../core/errors';
import { startCosmos, type RunningCosmos } from '../../local/emulators/cosmos';

interface Note {
  id: string;
  tenantId: string;
  projectId: string;
  text: string;
  etag?: string;
}

const clientFor = (cosmos: RunningCosmos) =>
  new CosmosClient({
    endpoint: cosmos.endpoint,
    key: cosmos.key,
    connectionPolicy: { enableEndpointDiscovery: false },
  });

let cosmos: RunningCosmos;
let client: CosmosClient;

beforeAll(async () => {
  cosmos = await startCosmos({ port: 0, database: 'khipu' });
  client = clientFor(cosmos);
});
afterAll(async () => {
  client?.dispose();
  await cosmos?.stop();
});

describe('Cosmos collections on the emulator', () => {
  it('scopes tenant documents by partition and WHERE: another tenant’s id reads as absent', async () => {
    const users = new CosmosTenantCollection<{ id: string; tenantId: string; email: string; etag?: string }>(
      client.database('khipu').container(containerDefinitions.users.id),
    );
    await users.create({ id: 'same-id', tenantId: 'ta', email: 'a@a.test' });
    await users.create({ id: 'same-id', tenantId: 'tb', email: 'b@b.test' });
    expect((await users.get('ta', 'same-id'))?.email).toBe('a@a.test');
    expect(await users.get('tc', 'same-id')).toBeUndefined();
    const listed = await users.list('tb', { page: { pageSize: 10 } });
    expect(listed.items.map((u) => u.email)).toEqual(['b@b.test']);
    await expect(users.create({ id: 'same-id', tenantId: 'ta', email: 'dup@a.test' })).rejects.toBeInstanceOf(
      ConflictError,
    );
  });

  it('keeps per-project content under the hierarchical (tenantId, projectId) key, with ETags and paging', async () => {
    const notes = new CosmosProjectCollection<Note>(
      client.database('khipu').container(containerDefinitions.chapters.id),
    );
    for (let i = 0; i < 5; i++) await notes.create({ id: `n${i}`, tenantId: 'ta', projectId: 'p1', text: `note ${i}` });
    // Ids are server-generated and unique per tenant: the emulator only enforces uniqueness on the first key level.
    await notes.create({ id: 'm0', tenantId: 'ta', projectId: 'p2', text: 'other project' });
    await notes.create({ id: 'n0', tenantId: 'tb', projectId: 'p1', text: 'other tenant' });

    expect((await notes.get('ta', 'p2', 'm0'))?.text).toBe('other project');
    expect(await notes.get('ta', 'p2', 'n0')).toBeUndefined();
    expect(await notes.get('tb', 'p2', 'n0')).toBeUndefined();
    expect((await notes.get('tb', 'p1', 'n0'))?.text).toBe('other tenant');

    const order = { field: 'id', direction: 'ASC' } as const;
    const first = await notes.list('ta', 'p1', { orderBy: order, page: { pageSize: 2 } });
    expect(first.items.map((n) => n.id)).toEqual(['n0', 'n1']);
    const rest = await notes.list('ta', 'p1', {
      orderBy: order,
      page: { pageSize: 10, continuationToken: first.continuationToken ?? undefined },
    });
    expect(rest.items.map((n) => n.id)).toEqual(['n2', 'n3', 'n4']);

    const stored = (await notes.get('ta', 'p1', 'n1'))!;
    await notes.replace({ ...stored, text: 'edited' }, stored.etag!);
    await expect(notes.replace({ ...stored, text: 'lost update' }, stored.etag!)).rejects.toBeInstanceOf(
      PreconditionFailedError,
    );
    expect((await notes.get('ta', 'p1', 'n1'))?.text).toBe('edited');
  });

  it('deletes conditionally on an ETag: a stale one is refused with the current document and deletes nothing', async () => {
    const notes = new CosmosProjectCollection<Note>(
      client.database('khipu').container(containerDefinitions.characters.id),
    );
    const first = await notes.create({ id: 'del-1', tenantId: 'ta', projectId: 'p1', text: 'first' });
    const edited = await notes.replace({ ...first, text: 'edited' }, first.etag!);
    const refused = await notes.delete('ta', 'p1', 'del-1', first.etag).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(PreconditionFailedError);
    expect((refused as PreconditionFailedError).details).toMatchObject({ current: { text: 'edited' } });
    expect((await notes.get('ta', 'p1', 'del-1'))?.text).toBe('edited');
    await notes.delete('ta', 'p1', 'del-1', edited.etag);
    expect(await notes.get('ta', 'p1', 'del-1')).toBeUndefined();
    // Gone already: nothing to refuse, with or without an ETag.
    await notes.delete('ta', 'p1', 'del-1', edited.etag);
    await notes.delete('ta', 'p1', 'del-1');
  });

  it('deletes a tenant document conditionally on an ETag too: a stale one deletes nothing', async () => {
    const users = new CosmosTenantCollection<{ id: string; tenantId: string; email: string; etag?: string }>(
      client.database('khipu').container(containerDefinitions.users.id),
    );
    const first = await users.create({ id: 'del-user', tenantId: 'ta', email: 'first@a.test' });
    const edited = await users.replace({ ...first, email: 'edited@a.test' }, first.etag!);
    const refused = await users.delete('ta', 'del-user', first.etag).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(PreconditionFailedError);
    expect((await users.get('ta', 'del-user'))?.email).toBe('edited@a.test');
    await users.delete('ta', 'del-user', edited.etag);
    expect(await users.get('ta', 'del-user')).toBeUndefined();
    await users.delete('ta', 'del-user', edited.etag);
  });

  it('reads a tenant across its project partitions on the tenant level of the key, as Azure routes a prefix', async () => {
    const entries = new CosmosProjectCollection<Note>(
      client.database('khipu').container(containerDefinitions.costs.id),
    );
    for (const [tenantId, projectId, id] of [
      ['tw-a', 'p1', 'a1'],
      ['tw-a', 'p1', 'a2'],
      ['tw-a', 'p2', 'a3'],
      ['tw-a', 'gone', 'a4'],
      ['tw-a', 'p2', 'a5'],
      ['tw-b', 'p1', 'b1'],
      ['tw-ab', 'p1', 'c1'],
    ]) {
      await entries.create({ id, tenantId, projectId, text: id.startsWith('a') ? 'mine' : 'theirs' });
    }
    const seen: Note[] = [];
    let continuationToken: string | undefined;
    let pages = 0;
    do {
      const page = await entries.listTenantWide('tw-a', { page: { pageSize: 2, continuationToken } });
      seen.push(...page.items);
      continuationToken = page.continuationToken ?? undefined;
      pages++;
    } while (continuationToken);
    expect(pages).toBeGreaterThan(1);
    expect(seen.map((n) => `${n.projectId}/${n.id}`).sort()).toEqual(['gone/a4', 'p1/a1', 'p1/a2', 'p2/a3', 'p2/a5']);

    const filtered = await entries.listTenantWide('tw-a', {
      filter: { field: 'projectId', op: 'in', values: ['p2', 'gone'] },
      page: { pageSize: 10 },
    });
    expect(filtered.items.map((n) => n.id).sort()).toEqual(['a3', 'a4', 'a5']);
    expect((await entries.listTenantWide('tw-c', { page: { pageSize: 10 } })).items).toEqual([]);
    expect((await entries.listTenantWide('tw-b', { page: { pageSize: 10 } })).items.map((n) => n.id)).toEqual(['b1']);
  });

  it('keeps documents across a restart through its journal', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'khipu-cosmos-'));
    try {
      const first = await startCosmos({ port: 0, database: 'khipu', dataDir: dir });
      const c1 = clientFor(first);
      await c1.database('khipu').container('projects').items.create({ id: 'kept', tenantId: 'ta' });
      c1.dispose();
      await first.stop();

      const second = await startCosmos({ port: 0, database: 'khipu', dataDir: dir });
      const c2 = clientFor(second);
      const { resource } = await c2.database('khipu').container('projects').item('kept', 'ta').read();
      expect(resource?.id).toBe('kept');
      c2.dispose();
      await second.stop();
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
