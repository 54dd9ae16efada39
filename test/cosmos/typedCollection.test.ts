/**
 * Collections bound to a record type, on the Cosmos emulator: two record types sharing one per-project container each
 * see only their own records, whatever the call, and every write stores the bound type.
 */
import type { CosmosClient } from '@azure/cosmos';
import { emulatorClient } from '../support/emulatorClient';
import { containerDefinitions } from '../../adapters/cosmos/containers';
import { CosmosProjectCollection, CosmosTenantCollection } from '../../adapters/cosmos/cosmosCollections';
import {
  typedCollection,
  typedTenantCollection,
  type TypedCollection,
  type TypedRecord,
  type TypedTenantRecord,
} from '../../core/ports/typedCollection';
import { startCosmos, type RunningCosmos } from '../../local/emulators/cosmos';

interface Thread extends TypedRecord {
  type: 'thread';
  topic: string;
}

interface Decision extends TypedRecord {
  type: 'decision';
  topic: string;
}

let cosmos: RunningCosmos;
let client: CosmosClient;
let raw: CosmosProjectCollection<TypedRecord & { topic: string }>;
let threads: TypedCollection<Thread>;
let decisions: TypedCollection<Decision>;

beforeAll(async () => {
  cosmos = await startCosmos({ port: 0, database: 'khipu' });
  client = emulatorClient(cosmos);
  raw = new CosmosProjectCollection(client.database('khipu').container(containerDefinitions.reviews.id));
  threads = typedCollection<Thread>(raw, 'thread');
  decisions = typedCollection<Decision>(raw, 'decision');
  for (let i = 0; i < 5; i++)
    await threads.create({ id: `t${i}`, type: 'thread', tenantId: 'ta', projectId: 'p1', topic: `topic ${i % 2}` });
  for (let i = 0; i < 3; i++)
    await decisions.create({ id: `d${i}`, type: 'decision', tenantId: 'ta', projectId: 'p1', topic: `topic ${i % 2}` });
  // Another project of the same tenant: only tenant-wide listings reach it.
  await threads.create({ id: 't-other', type: 'thread', tenantId: 'ta', projectId: 'p2', topic: 'topic 0' });
});

afterAll(async () => {
  client?.dispose();
  await cosmos?.stop();
});

const ids = (records: { id: string }[]) => records.map((record) => record.id).sort();

describe('a collection bound to its record type', () => {
  it('reads a record of another type as absent', async () => {
    expect((await threads.get('ta', 'p1', 't1'))?.topic).toBe('topic 1');
    expect(await threads.get('ta', 'p1', 'd1')).toBeUndefined();
    expect(await decisions.get('ta', 'p1', 't1')).toBeUndefined();
    expect((await raw.get('ta', 'p1', 'd1'))?.type).toBe('decision');
  });

  it('lists, pages, counts and projects only its own records', async () => {
    const page = await threads.list('ta', 'p1', { page: { pageSize: 10 } });
    expect(ids(page.items)).toEqual(['t0', 't1', 't2', 't3', 't4']);
    expect(ids(await decisions.readAllItems('ta', 'p1', {}, 2))).toEqual(['d0', 'd1', 'd2']);
    const seen: string[] = [];
    for await (const thread of threads.readAll('ta', 'p1', {}, 2)) seen.push(thread.id);
    expect(seen.sort()).toEqual(['t0', 't1', 't2', 't3', 't4']);
    expect(await threads.count('ta', 'p1')).toBe(5);
    expect(await decisions.count('ta', 'p1', { field: 'topic', op: 'eq', value: 'topic 0' })).toBe(2);
    const topics = await decisions.readAllFields('ta', 'p1', ['id', 'topic'], {
      filter: { field: 'topic', op: 'eq', value: 'topic 1' },
    });
    expect(topics).toEqual([{ id: 'd1', topic: 'topic 1' }]);
    const everywhere = await threads.listTenantWide('ta', { page: { pageSize: 20 } });
    expect(ids(everywhere.items)).toEqual(['t-other', 't0', 't1', 't2', 't3', 't4']);
  });

  it('answers the same for a filter that still names its type and for one combined with others', async () => {
    const named = await threads.readAllItems('ta', 'p1', { filter: { field: 'type', op: 'eq', value: 'thread' } });
    expect(ids(named)).toEqual(['t0', 't1', 't2', 't3', 't4']);
    const combined = await threads.readAllItems('ta', 'p1', {
      filter: {
        op: 'and',
        filters: [
          { field: 'type', op: 'eq', value: 'thread' },
          { field: 'topic', op: 'eq', value: 'topic 1' },
        ],
      },
    });
    expect(ids(combined)).toEqual(['t1', 't3']);
    // A caller asking a typed collection for another type's records finds none.
    expect(await threads.count('ta', 'p1', { field: 'type', op: 'eq', value: 'decision' })).toBe(0);
  });

  it('stores its type on every write', async () => {
    const mislabelled = {
      id: 't9',
      type: 'decision',
      tenantId: 'ta',
      projectId: 'p1',
      topic: 'x',
    } as unknown as Thread;
    await threads.create(mislabelled);
    expect((await raw.get('ta', 'p1', 't9'))?.type).toBe('thread');
    const stored = (await threads.get('ta', 'p1', 't9'))!;
    await threads.replace({ ...stored, type: 'other' } as unknown as Thread, stored.etag!);
    expect((await raw.get('ta', 'p1', 't9'))?.type).toBe('thread');
    await threads.upsert({ ...stored, type: 'other', topic: 'y' } as unknown as Thread);
    expect(await threads.get('ta', 'p1', 't9')).toMatchObject({ type: 'thread', topic: 'y' });
    await threads.delete('ta', 'p1', 't9');
    expect(await raw.get('ta', 'p1', 't9')).toBeUndefined();
  });
});

describe('a tenant-partitioned collection bound to its record type', () => {
  interface Subscription extends TypedTenantRecord {
    type: 'subscription';
    url: string;
  }
  interface Claim extends TypedTenantRecord {
    type: 'claim';
    url: string;
  }

  it('reads, lists and writes only its own records', async () => {
    const store = new CosmosTenantCollection<TypedTenantRecord & { url: string }>(
      client.database('khipu').container(containerDefinitions.webhooks.id),
    );
    const subscriptions = typedTenantCollection<Subscription>(store, 'subscription');
    const claims = typedTenantCollection<Claim>(store, 'claim');
    await subscriptions.create({ id: 's1', type: 'subscription', tenantId: 'tw', url: 'https://a.test' });
    await subscriptions.create({ id: 's2', type: 'subscription', tenantId: 'tw', url: 'https://b.test' });
    await claims.create({ id: 'c1', type: 'claim', tenantId: 'tw', url: 'https://a.test' });
    expect(await subscriptions.get('tw', 'c1')).toBeUndefined();
    expect((await claims.get('tw', 'c1'))?.url).toBe('https://a.test');
    expect(ids((await subscriptions.list('tw', { page: { pageSize: 10 } })).items)).toEqual(['s1', 's2']);
    const byUrl = await claims.list('tw', {
      filter: { field: 'url', op: 'eq', value: 'https://a.test' },
      page: { pageSize: 10 },
    });
    expect(ids(byUrl.items)).toEqual(['c1']);
    const stored = (await subscriptions.get('tw', 's1'))!;
    await subscriptions.replace({ ...stored, type: 'claim' } as unknown as Subscription, stored.etag!);
    expect((await store.get('tw', 's1'))?.type).toBe('subscription');
    await subscriptions.delete('tw', 's1');
    expect(await store.get('tw', 's1')).toBeUndefined();
  });
});
