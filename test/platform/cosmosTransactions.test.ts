/**
 * Transactions (Cosmos DB transactional batches) on the local Cosmos emulator, through the app's own collection: every
 * write of one is stored or none is, as Cosmos DB stores them, and a transaction the emulator answered survives a
 * `kill -9` whole (its journal holds it as one record, so no point a kill can cut the journal at keeps half of it).
 */
import type { CosmosClient } from '@azure/cosmos';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { containerDefinitions } from '../../adapters/cosmos/containers';
import { CosmosProjectCollection } from '../../adapters/cosmos/cosmosCollections';
import { ConflictError, PreconditionFailedError } from '../../core/errors';
import type { ProjectScopedDocument } from '../../core/ports/documents';
import { startCosmos, type RunningCosmos } from '../../local/emulators/cosmos';
import type { JournalRecord } from '../../local/emulators/cosmosJournal';
import { emulatorClient } from '../support/emulatorClient';
import { sigkill } from './support';

jest.setTimeout(120_000);

interface Page extends ProjectScopedDocument {
  text: string;
}

const TENANT = 't-batch';
const PROJECT = 'prj-batch';
const page = (id: string, text: string): Page => ({ id, tenantId: TENANT, projectId: PROJECT, text });

let dir: string;
let cosmos: RunningCosmos | undefined;
let client: CosmosClient | undefined;

async function start(): Promise<CosmosProjectCollection<Page>> {
  cosmos = await startCosmos({ port: 0, database: 'khipu', dataDir: dir });
  client = emulatorClient(cosmos);
  return new CosmosProjectCollection<Page>(client.database('khipu').container(containerDefinitions.chapters.id));
}

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'khipu-batch-'));
});
afterEach(async () => {
  client?.dispose();
  await cosmos?.stop();
  fs.rmSync(dir, { recursive: true, force: true });
});

test('a transaction whose last write fails stores none of its writes, and its first document keeps its ETag', async () => {
  const pages = await start();
  const a = await pages.create(page('a', 'A'));
  const b = await pages.create(page('b', 'B'));
  await expect(
    pages.transact(TENANT, PROJECT, [
      { op: 'replace', doc: page('a', 'AB'), etag: a.etag! },
      { op: 'create', doc: page('c', 'C') },
      { op: 'delete', id: 'b', etag: 'not-the-version-read' },
    ]),
  ).rejects.toBeInstanceOf(PreconditionFailedError);
  expect(await pages.get(TENANT, PROJECT, 'a')).toEqual(a);
  expect(await pages.get(TENANT, PROJECT, 'b')).toEqual(b);
  expect(await pages.get(TENANT, PROJECT, 'c')).toBeUndefined();

  await expect(
    pages.transact(TENANT, PROJECT, [
      { op: 'replace', doc: page('a', 'AB'), etag: a.etag! },
      { op: 'create', doc: page('b', 'taken') },
    ]),
  ).rejects.toBeInstanceOf(ConflictError);
  expect(await pages.get(TENANT, PROJECT, 'a')).toEqual(a);
});

test('a transaction answered survives a kill -9 of the emulator whole, journaled as one record', async () => {
  let pages = await start();
  const a = await pages.create(page('a', 'A'));
  const b = await pages.create(page('b', 'B'));
  const [merged, removed, created] = await pages.transact(TENANT, PROJECT, [
    { op: 'replace', doc: page('a', 'AB'), etag: a.etag! },
    { op: 'delete', id: 'b', etag: b.etag! },
    { op: 'create', doc: page('c', 'C') },
  ]);
  expect(merged).toMatchObject({ text: 'AB' });
  expect(removed).toBeUndefined();
  expect(created).toMatchObject({ text: 'C' });

  const [journal] = fs.readdirSync(dir).filter((name) => name.startsWith('journal-'));
  const records = fs
    .readFileSync(path.join(dir, journal!), 'utf8')
    .split('\n')
    .filter((line) => line.length > 0)
    .map((line) => JSON.parse(line) as JournalRecord);
  expect(records.at(-1)).toMatchObject({ op: 'batch', changes: [{ op: 'put' }, { op: 'del' }, { op: 'put' }] });

  await sigkill(cosmos!.pid);
  client!.dispose();
  pages = await start();
  expect(await pages.get(TENANT, PROJECT, 'a')).toEqual(merged);
  expect(await pages.get(TENANT, PROJECT, 'b')).toBeUndefined();
  expect(await pages.get(TENANT, PROJECT, 'c')).toEqual(created);
});
