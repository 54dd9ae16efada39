/**
 * Azurite's metadata journal (local/emulators/lokiJournal.ts): acknowledged writes are in the journal before the
 * answer, a killed Azurite replays them at start, and replaying is idempotent (a generation the snapshot already
 * holds changes nothing).
 */
import { TableClient } from '@azure/data-tables';
import { BlobServiceClient } from '@azure/storage-blob';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { startAzurite } from '../../local/emulators/azurite';
import {
  LokiJournalCorruptError,
  readJournal,
  replayJournal,
  type LokiDatabase,
} from '../../local/emulators/lokiJournal';
import { eventually, sigkill } from './support';

const PARALLEL = 20;
let dir: string;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'khipu-azurite-journal-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const journalsOf = (database: string) =>
  fs
    .readdirSync(dir)
    .filter((name) => name.startsWith(`${database}.journal-`))
    .sort();

describe('Azurite metadata journal', () => {
  it(`journals ${PARALLEL} parallel blob and table writes before answering, and replays them after a kill -9`, async () => {
    const first = await startAzurite({ location: dir });
    const blobs = BlobServiceClient.fromConnectionString(first.connectionString).getContainerClient('khipu');
    await blobs.createIfNotExists();
    const table = TableClient.fromConnectionString(first.connectionString, 'Work', { allowInsecureConnection: true });
    await table.createTable();
    await Promise.all(
      Array.from({ length: PARALLEL }, async (_, i) => {
        await blobs.getBlockBlobClient(`b${i}`).upload(`blob ${i}`, `blob ${i}`.length);
        await table.createEntity({ partitionKey: 'p', rowKey: `r${i}`, n: i });
      }),
    );
    await blobs.getBlobClient('b0').delete();
    await blobs.getBlobClient('b1').setMetadata({ take: 'two' });
    await table.updateEntity({ partitionKey: 'p', rowKey: 'r2', n: 200 }, 'Merge');
    await table.deleteEntity('p', 'r3');
    // The writes are in the journals (the whole databases are saved only every few seconds).
    const blobJournals = journalsOf('__azurite_db_blob__.json');
    const records = blobJournals.flatMap((name) => readJournal(path.join(dir, name)));
    expect(records.length).toBeGreaterThan(0);
    expect(journalsOf('__azurite_db_table__.json').length).toBeGreaterThan(0);
    await sigkill(first.pid);

    const second = await startAzurite({ location: dir });
    try {
      const reopened = BlobServiceClient.fromConnectionString(second.connectionString).getContainerClient('khipu');
      const names: string[] = [];
      for await (const blob of reopened.listBlobsFlat()) names.push(blob.name);
      expect(names.sort()).toEqual(Array.from({ length: PARALLEL - 1 }, (_, i) => `b${i + 1}`).sort());
      expect((await reopened.getBlobClient('b7').downloadToBuffer()).toString()).toBe('blob 7');
      expect((await reopened.getBlobClient('b1').getProperties()).metadata).toEqual({ take: 'two' });
      const reopenedTable = TableClient.fromConnectionString(second.connectionString, 'Work', {
        allowInsecureConnection: true,
      });
      const rows = new Map<string, number>();
      for await (const entity of reopenedTable.listEntities<{ n: number }>()) rows.set(entity.rowKey!, entity.n);
      expect(rows.size).toBe(PARALLEL - 1);
      expect(rows.get('r2')).toBe(200);
      expect(rows.has('r3')).toBe(false);
      // Writes after the restart go on being journaled and survive a second kill.
      await reopened.getBlockBlobClient('after').upload('after', 5);
      // Azurite saves each database whole when it starts: the generations replayed are compacted away.
      for (const name of blobJournals) expect(fs.existsSync(path.join(dir, name))).toBe(false);
    } finally {
      await sigkill(second.pid);
    }
    const third = await startAzurite({ location: dir });
    try {
      const reopened = BlobServiceClient.fromConnectionString(third.connectionString).getContainerClient('khipu');
      expect((await reopened.getBlobClient('after').downloadToBuffer()).toString()).toBe('after');
    } finally {
      await third.stop();
    }
  });
});

describe('Azurite metadata journal after a save', () => {
  it('does not replay a generation the saved database already holds (a kill between the save and its deletion)', async () => {
    const first = await startAzurite({ location: dir });
    const blobs = BlobServiceClient.fromConnectionString(first.connectionString).getContainerClient('khipu');
    await blobs.createIfNotExists();
    await blobs.getBlockBlobClient('x').upload('x', 1);
    const held = path.join(dir, 'held');
    fs.mkdirSync(held);
    const heldNames = journalsOf('__azurite_db_blob__.json');
    expect(heldNames.length).toBeGreaterThan(0);
    for (const name of heldNames) fs.copyFileSync(path.join(dir, name), path.join(held, name));
    await blobs.getBlobClient('x').delete();
    const afterDelete = journalsOf('__azurite_db_blob__.json');
    // Azurite's autosave (every 5 s) saves the whole database and deletes the generations it holds.
    expect(await eventually(() => afterDelete.every((name) => !fs.existsSync(path.join(dir, name))))).toBe(true);
    await sigkill(first.pid);
    // As if the kill had come before the deletion: the generation that created 'x' is back beside the database.
    for (const name of heldNames) fs.copyFileSync(path.join(held, name), path.join(dir, name));

    const second = await startAzurite({ location: dir });
    try {
      const reopened = BlobServiceClient.fromConnectionString(second.connectionString).getContainerClient('khipu');
      expect(await reopened.getBlobClient('x').exists()).toBe(false);
    } finally {
      await second.stop();
    }
  });
});

describe('replaying a journal', () => {
  const Loki = createRequire(require.resolve('azurite/dist/src/azurite.js'))('lokijs') as new (
    file: string,
    options: object,
  ) => LokiDatabase & { addCollection(name: string, options?: object): LokiDatabase['collections'][number] };

  function database() {
    const db = new Loki(path.join(dir, 'db.json'), { persistenceMethod: 'memory' });
    const blobs = db.addCollection('blobs', { indices: ['name'] });
    for (const name of ['a', 'b', 'c']) blobs.insert({ name, size: 1 });
    return { db, blobs };
  }

  const contents = (collection: LokiDatabase['collections'][number]) =>
    collection.data.map((d) => ({ id: d.$loki, name: d.name, size: d.size }));

  it('applies each document’s last state, and applying it again changes nothing', () => {
    const { db, blobs } = database();
    const records = [
      { c: 'blobs', o: 'U' as const, d: { ...blobs.get(1)!, size: 5 } },
      { c: 'blobs', o: 'I' as const, d: { $loki: 4, name: 'd', size: 1, meta: {} } },
      { c: 'blobs', o: 'R' as const, id: 2 },
      { c: 'blobs', o: 'U' as const, d: { $loki: 4, name: 'd', size: 9, meta: {} } },
      { c: 'gone', o: 'R' as const, id: 1 },
    ];
    replayJournal(db, records);
    const once = contents(blobs);
    expect(once).toEqual([
      { id: 1, name: 'a', size: 5 },
      { id: 3, name: 'c', size: 1 },
      { id: 4, name: 'd', size: 9 },
    ]);
    replayJournal(db, records);
    expect(contents(blobs)).toEqual(once);
    expect(blobs.maxId).toBe(4);
    // Later inserts continue after the replayed ids, and lookups by id still work.
    expect(blobs.insert({ name: 'e', size: 1 }).$loki).toBe(5);
    expect(blobs.get(4)?.name).toBe('d');
  });

  it('restores a document whose id is below ones the snapshot holds, keeping ids in order', () => {
    const { db, blobs } = database();
    blobs.remove(blobs.get(2)!);
    replayJournal(db, [{ c: 'blobs', o: 'I', d: { $loki: 2, name: 'b', size: 2, meta: {} } }]);
    expect(blobs.idIndex).toEqual([1, 2, 3]);
    expect(blobs.get(2)?.size).toBe(2);
    expect(blobs.get(3)?.name).toBe('c');
  });

  it('drops a torn last line and refuses a damaged one in the middle', () => {
    const torn = path.join(dir, 'torn.jsonl');
    fs.writeFileSync(torn, '{"c":"blobs","o":"R","id":1}\n{"c":"blobs","o":"I","d":{"$lo');
    expect(readJournal(torn)).toEqual([{ c: 'blobs', o: 'R', id: 1 }]);
    const damaged = path.join(dir, 'damaged.jsonl');
    fs.writeFileSync(damaged, '{"c":"blobs","o":"R","id":1}\nnot json\n{"c":"blobs","o":"R","id":2}\n');
    expect(() => readJournal(damaged)).toThrow(LokiJournalCorruptError);
  });
});
