/**
 * Each emulator acknowledges a write only once it would survive `kill -9` of its process: the Cosmos emulator's
 * journal (and its recovery and compaction), and Azurite's metadata saved before it answers.
 */
import { CosmosClient } from '@azure/cosmos';
import { TableClient } from '@azure/data-tables';
import { BlobServiceClient } from '@azure/storage-blob';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startAzurite } from '../../local/emulators/azurite';
import { startCosmos, type RunningCosmos } from '../../local/emulators/cosmos';
import { CosmosJournal, type JournalRecord, type StoredDocument } from '../../local/emulators/cosmosJournal';
import { sigkill } from './support';

const PARALLEL = 20;
let dir: string;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'khipu-durable-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const cosmosClient = (cosmos: RunningCosmos) =>
  new CosmosClient({
    endpoint: cosmos.endpoint,
    key: cosmos.key,
    connectionPolicy: { enableEndpointDiscovery: false },
  });

describe('Cosmos emulator journal', () => {
  it(`keeps ${PARALLEL} parallel acknowledged writes, with their ETags, through a kill -9 right after`, async () => {
    const first = await startCosmos({ port: 0, database: 'khipu', dataDir: dir });
    const client = cosmosClient(first);
    const projects = client.database('khipu').container('projects');
    const created = await Promise.all(
      Array.from({ length: PARALLEL }, (_, i) => projects.items.create({ id: `p${i}`, tenantId: 't1', n: i })),
    );
    const replaced = await projects.item('p0', 't1').replace({ id: 'p0', tenantId: 't1', n: 100 });
    await projects.item('p1', 't1').delete();
    await sigkill(first.pid);
    client.dispose();

    const second = await startCosmos({ port: 0, database: 'khipu', dataDir: dir });
    const reader = cosmosClient(second);
    try {
      const { resources } = await reader
        .database('khipu')
        .container('projects')
        .items.query<{ id: string; n: number; _etag: string }>('SELECT * FROM c')
        .fetchAll();
      const byId = new Map(resources.map((doc) => [doc.id, doc]));
      expect(byId.size).toBe(PARALLEL - 1);
      expect(byId.has('p1')).toBe(false);
      expect(byId.get('p0')).toMatchObject({ n: 100, _etag: replaced.resource!._etag });
      for (const { resource } of created.slice(2)) expect(byId.get(resource!.id)?._etag).toBe(resource!._etag);
      // An ETag from before the restart still guards a write after it.
      await expect(
        reader
          .database('khipu')
          .container('projects')
          .item('p0', 't1')
          .replace(
            { id: 'p0', tenantId: 't1', n: 101 },
            { accessCondition: { type: 'IfMatch', condition: replaced.resource!._etag } },
          ),
      ).resolves.toBeDefined();
    } finally {
      reader.dispose();
      await second.stop();
    }
  });

  it('journals a replace as one record: no point a kill can cut the journal at leaves the document deleted', async () => {
    const cosmos = await startCosmos({ port: 0, database: 'khipu', dataDir: dir });
    const client = cosmosClient(cosmos);
    const projects = client.database('khipu').container('projects');
    let etag = (await projects.items.create({ id: 'p', tenantId: 't1', n: 0 })).resource!._etag;
    for (let n = 1; n <= 3; n++) {
      const replaced = await projects
        .item('p', 't1')
        .replace({ id: 'p', tenantId: 't1', n }, { accessCondition: { type: 'IfMatch', condition: etag } });
      etag = replaced.resource!._etag;
    }
    await projects.items.upsert({ id: 'p', tenantId: 't1', n: 4 });
    await sigkill(cosmos.pid);
    client.dispose();

    // The journal is written in batches, each forced to disk before the next; a kill can leave any prefix of it.
    const [file] = fs.readdirSync(dir).filter((name) => name.startsWith('journal-'));
    // What the document is after replaying the journal up to each of its records: never gone.
    const versionAfterEachRecord = fs
      .readFileSync(path.join(dir, file!), 'utf8')
      .split('\n')
      .filter((line) => line.length > 0)
      .map((line) => JSON.parse(line) as JournalRecord)
      .filter((record) => record.op !== 'batch' && record.c === 'projects')
      .map((record) => (record.op === 'put' ? record.d.n : 'deleted'));
    expect(versionAfterEachRecord).toEqual([0, 1, 2, 3, 4]);
  });

  it('drops a torn last record (a write that was never acknowledged) and keeps appending after it', async () => {
    const put = (id: string, n: number): JournalRecord => ({ c: 'projects', op: 'put', d: { id, tenantId: 't', n } });
    const journal = await CosmosJournal.open(dir, () => undefined);
    journal.append(put('a', 1));
    journal.append(put('b', 2));
    await journal.whenDurable();
    await journal.close();
    const [file] = fs.readdirSync(dir).filter((name) => name.startsWith('journal-'));
    fs.appendFileSync(path.join(dir, file!), '{"c":"projects","op":"put","d":{"id":"c"');

    const replayed: JournalRecord[] = [];
    const reopened = await CosmosJournal.open(dir, (record) => replayed.push(record));
    expect(replayed).toEqual([put('a', 1), put('b', 2)]);
    reopened.append(put('d', 4));
    await reopened.close();
    const again: JournalRecord[] = [];
    await (await CosmosJournal.open(dir, (record) => again.push(record))).close();
    expect(again).toEqual([put('a', 1), put('b', 2), put('d', 4)]);
  });

  it('writes a record appended the moment an earlier one became durable, before its flush has wound up', async () => {
    const put = (id: string): JournalRecord => ({ c: 'projects', op: 'put', d: { id, tenantId: 't' } });
    const journal = await CosmosJournal.open(dir, () => undefined);
    journal.append(put('a'));
    await journal.whenDurable();
    // No yield in between: the flush that made `a` durable has not finished yet.
    journal.append(put('b'));
    await journal.whenDurable();
    await journal.close();
    const replayed: JournalRecord[] = [];
    await (await CosmosJournal.open(dir, (record) => replayed.push(record))).close();
    expect(replayed).toEqual([put('a'), put('b')]);
  });

  it('compacts into a snapshot while writes go on, losing none of them', async () => {
    /** What the emulator would hold: the state the records describe. */
    const apply = (state: Map<string, StoredDocument>, record: JournalRecord) => {
      if (record.op === 'put') state.set(record.d.id, record.d);
      else if (record.op === 'del') state.delete(record.id);
    };
    const model = new Map<string, StoredDocument>();
    const journal = await CosmosJournal.open(dir, () => undefined);
    const write = (record: JournalRecord) => {
      apply(model, record);
      return journal.append(record);
    };
    for (let i = 0; i < 500; i++) write({ c: 'chapters', op: 'put', d: { id: `c${i}`, text: 'x'.repeat(i) } });
    const compaction = journal.compact(() => [{ container: 'chapters', documents: [...model.values()] }]);
    // Writes keep arriving while the snapshot is written: new documents, updates and deletes of old ones.
    for (let i = 0; i < 200; i++) {
      write({ c: 'chapters', op: 'put', d: { id: `n${i}`, text: 'new' } });
      write({ c: 'chapters', op: 'put', d: { id: `c${i}`, text: 'edited' } });
      write({ c: 'chapters', op: 'del', id: `c${499 - i}`, p: `c${499 - i}` });
      if (i % 50 === 0) await new Promise((resolve) => setImmediate(resolve));
    }
    await compaction;
    await journal.close();
    expect(fs.readdirSync(dir).sort()).toEqual(['journal-00000001.jsonl', 'snapshot.jsonl']);

    const recovered = new Map<string, StoredDocument>();
    await (await CosmosJournal.open(dir, (record) => apply(recovered, record))).close();
    expect(recovered).toEqual(model);
  });
});

describe('Azurite', () => {
  it(`keeps ${PARALLEL} parallel acknowledged blob and table writes through a kill -9 right after`, async () => {
    const first = await startAzurite({ location: dir });
    const blobs = BlobServiceClient.fromConnectionString(first.connectionString).getContainerClient('khipu');
    await blobs.createIfNotExists();
    const table = TableClient.fromConnectionString(first.connectionString, 'Durable', {
      allowInsecureConnection: true,
    });
    await table.createTable();
    await Promise.all(
      Array.from({ length: PARALLEL }, async (_, i) => {
        await blobs.getBlockBlobClient(`b${i}`).upload(`blob ${i}`, `blob ${i}`.length);
        await table.createEntity({ partitionKey: 'p', rowKey: `r${i}`, n: i });
      }),
    );
    await sigkill(first.pid);

    const second = await startAzurite({ location: dir });
    try {
      const reopened = BlobServiceClient.fromConnectionString(second.connectionString).getContainerClient('khipu');
      const names: string[] = [];
      for await (const blob of reopened.listBlobsFlat()) names.push(blob.name);
      expect(names.sort()).toEqual(Array.from({ length: PARALLEL }, (_, i) => `b${i}`).sort());
      expect((await reopened.getBlobClient('b7').downloadToBuffer()).toString()).toBe('blob 7');
      const rows: string[] = [];
      const reopenedTable = TableClient.fromConnectionString(second.connectionString, 'Durable', {
        allowInsecureConnection: true,
      });
      for await (const entity of reopenedTable.listEntities()) rows.push(entity.rowKey!);
      expect(rows).toHaveLength(PARALLEL);
    } finally {
      await second.stop();
    }
  });
});
