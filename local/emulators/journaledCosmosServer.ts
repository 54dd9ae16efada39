/**
 * `@vercel/cosmosdb-server` with durable writes. The library keeps each container's documents in a `Documents`
 * object that every write goes through (`_set` stores a document, `delete` removes one). We substitute a subclass
 * that journals each change (cosmosJournal.ts), and hold every HTTP response until the journal has reached the disk,
 * so a write the emulator acknowledged survives any kill of the process. On start the journal is replayed into the
 * same objects, keeping every document's `_etag` and `_ts` (clients' ETags stay valid across restarts).
 */
import { CosmosClient, PartitionKeyKind } from '@azure/cosmos';
import { createHttpServer } from '@vercel/cosmosdb-server';
import type Documents from '@vercel/cosmosdb-server/lib/account/documents';
import type ItemObject from '@vercel/cosmosdb-server/lib/account/item-object';
import fs from 'node:fs';
import type * as http from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { containerDefinitions } from '../../adapters/cosmos/containers';
import { COSMOS_EMULATOR_KEY } from './cosmos';
import { answerAtomicBatch, atomicBatchContainer } from './atomicBatch';
import {
  CosmosJournal,
  type ContainerContents,
  type DocumentChange,
  type JournalRecord,
  type StoredDocument,
} from './cosmosJournal';
import { EqualityIndex, equalityKeys } from './equalityIndex';
import { scanLinearly } from './linearQueryScan';

/** The whole-database JSON file earlier versions wrote every few seconds; imported once, then retired. */
const LEGACY_SNAPSHOT = 'snapshot.json';
const LEGACY_SYSTEM_FIELDS = ['_rid', '_self', '_ts', '_etag', '_attachments'];

export interface JournaledCosmosOptions {
  port: number;
  database: string;
  /** Journal and snapshot folder; without it the data lives only as long as the process. */
  dataDir?: string;
  log?: (line: string) => void;
}

export interface JournaledCosmosServer {
  endpoint: string;
  /** Documents every query so far was evaluated against (what an index would have let Azure skip is not counted). */
  documentsQueried(): number;
  stop(): Promise<void>;
}

type DocumentsClass = typeof Documents;

interface DurabilityState {
  journal: CosmosJournal | undefined;
  /** Replaying the journal must not journal again. */
  replaying: boolean;
  /** Each container's documents, by container id. */
  containers: Map<string, Documents>;
  /** Set while an atomic batch runs: its changes, journaled as one record if it succeeds. */
  batchChanges: DocumentChange[] | undefined;
  /** Documents handed to compiled queries, summed over every query. */
  documentsQueried: number;
}

/**
 * The library builds each container's store with `new documentsModule.default(...)`, reading the export at call time,
 * so replacing the export makes every container journaled. This is the library's internal layout (pinned version in
 * package-lock.json); test/platform/cosmosDurability.test.ts fails if it changes.
 */
function installJournaledDocuments(state: DurabilityState): void {
  const documentsModule = createRequire(__filename)('@vercel/cosmosdb-server/lib/account/documents') as {
    default: DocumentsClass & { journaled?: true };
  };
  if (documentsModule.default.journaled) throw new Error('the Cosmos emulator is already running in this process');
  const Base = documentsModule.default;

  class JournaledDocuments extends Base {
    static override journaled = true as const;
    /** Set while the library's replace deletes the old version, which is not a change of its own. */
    private replacing = false;
    /** What Azure would serve from its index (equalityIndex.ts); none for a container the app does not define. */
    private readonly equality: EqualityIndex<ItemObject> | undefined;

    constructor(...args: ConstructorParameters<DocumentsClass>) {
      super(...args);
      const containerId = this._parent.read()?.id;
      if (containerId) state.containers.set(containerId, this);
      const definition = Object.values(containerDefinitions).find((def) => def.id === containerId);
      this.equality = definition && new EqualityIndex(equalityKeys(definition));
    }

    /** The library's compiled queries are quadratic in the container's size; see linearQueryScan.ts. */
    override _getQuery(sql: string): ReturnType<Documents['_getQuery']> {
      return scanLinearly(super._getQuery(sql));
    }

    /** The library's query, over only the documents the indexed equalities of its filter select (equalityIndex.ts). */
    override query(...args: Parameters<Documents['query']>): ReturnType<Documents['query']> {
      const [params, { maxItemCount, continuation }] = args;
      const collection = this._parent.read();
      if (!collection) return null;
      const compiled = this._getQuery(params.query);
      const candidates = this.equality?.candidates(compiled.ast, params.parameters);
      if (!candidates) {
        state.documentsQueried += this._data.size;
        return super.query(...args);
      }
      state.documentsQueried += candidates.length;
      type ExecOptions = NonNullable<Parameters<typeof compiled.exec>[1]>;
      const compositeIndexes = (collection.indexingPolicy?.compositeIndexes ?? []) as ExecOptions['compositeIndexes'];
      try {
        return compiled.exec(candidates, {
          parameters: params.parameters,
          udf: this._userDefinedFunctions(),
          maxItemCount: maxItemCount ?? undefined,
          continuation: continuation ?? undefined,
          compositeIndexes,
        });
      } catch (error) {
        // As the library marks a query it cannot run: the client is told 400, not 500.
        (error as { badRequest?: boolean }).badRequest = true;
        throw error;
      }
    }

    override _set(data: ItemObject): ItemObject {
      const stored = super._set(data);
      this.equality?.add(stored._rid, stored);
      this.record({ c: this.containerId(), op: 'put', d: stored as StoredDocument });
      return stored;
    }

    /**
     * The library replaces a document by deleting it and storing the new version. Journaled as they happen, those
     * are two records that may reach the disk in different batches, and a kill between them would leave the document
     * deleted on replay; the new version alone is the whole change (replaying a put replaces the stored document).
     */
    override replace(...args: Parameters<Documents['replace']>): ItemObject {
      this.replacing = true;
      try {
        return super.replace(...args);
      } finally {
        this.replacing = false;
      }
    }

    override delete(idOrRid: string, partition: unknown): void {
      const existing = this._item('/id', idOrRid, partition).read() as ItemObject | undefined;
      super.delete(idOrRid, partition);
      if (existing) this.equality?.remove(existing._rid, existing);
      if (existing && !this.replacing) {
        this.record({ c: this.containerId(), op: 'del', id: existing.id, p: this._getPartition(existing) });
      }
    }

    private containerId(): string {
      return (this._parent.read() as ItemObject).id;
    }

    private record(entry: DocumentChange): void {
      if (state.replaying) return;
      if (state.batchChanges) state.batchChanges.push(entry);
      else state.journal?.append(entry);
    }
  }
  documentsModule.default = JournaledDocuments;
}

/** Applies a stored record, keeping the document's own `_etag` and `_ts`; `_rid` is reassigned locally. */
function replay(state: DurabilityState, record: JournalRecord): void {
  if (record.op === 'batch') {
    for (const change of record.changes) replay(state, change);
    return;
  }
  const documents = state.containers.get(record.c);
  if (!documents) return; // a container no longer defined
  if (record.op === 'del') {
    if (documents._item('/id', record.id, record.p).read()) documents.delete(record.id, record.p);
    return;
  }
  const partition = documents._getPartition(record.d);
  const existing = documents._item('/id', record.d.id, partition).read() as ItemObject | undefined;
  let rid: string;
  if (existing) {
    rid = existing._rid;
    documents.delete(existing.id, partition);
  } else {
    documents._ridCount += 1;
    rid = documents._rid(documents._ridCount);
  }
  documents._set({ ...record.d, _rid: rid, _self: documents._self(rid) } as ItemObject);
}

function snapshotCut(state: DurabilityState): ContainerContents[] {
  return [...state.containers.entries()].map(([container, documents]) => ({
    container,
    documents: [...documents._data.values()].map((item) => item.read() as StoredDocument),
  }));
}

/** Holds the response until every write made so far is on disk (reads too: they may have seen those writes). */
function answerOnlyWhenDurable(res: http.ServerResponse, state: DurabilityState, log: (line: string) => void): void {
  const end = res.end.bind(res) as (...args: unknown[]) => http.ServerResponse;
  res.end = ((...args: unknown[]) => {
    const journal = state.journal;
    const sequence = journal?.lastAppended ?? 0;
    if (!journal || journal.isDurable(sequence)) return end(...args);
    journal.whenDurable(sequence).then(
      () => end(...args),
      (error: unknown) => {
        // The write is in memory but not on disk: answering would acknowledge something a crash loses.
        log(`Cosmos emulator journal failed, stopping: ${String(error)}`);
        res.destroy();
        process.exit(70);
      },
    );
    return res;
  }) as typeof res.end;
}

export async function startJournaledCosmosServer(options: JournaledCosmosOptions): Promise<JournaledCosmosServer> {
  const log = options.log ?? (() => undefined);
  const state: DurabilityState = {
    journal: undefined,
    replaying: false,
    containers: new Map(),
    batchChanges: undefined,
    documentsQueried: 0,
  };
  installJournaledDocuments(state);

  // Connections stay open between requests, as Cosmos DB's own gateway keeps them: by default the library answers
  // `Connection: close`, so every SDK request paid a new TCP connection (the host's busiest work under load).
  const server = createHttpServer({ keepAlive: true });
  // Never closed for being idle (Node closes after 5 s): the SDK's agent keeps idle connections without a limit and
  // reuses them, so a close by the server could meet a request the client just sent on it. That request fails with
  // ECONNRESET, and the SDK retries reads and queries after it but never a write, which then failed the API request.
  // The client's end closes them (when its process or client ends, or past its agent's free-socket limit).
  server.keepAliveTimeout = 0;
  const [libraryListener] = server.listeners('request') as http.RequestListener[];
  server.removeAllListeners('request');
  server.on('request', (req: http.IncomingMessage, res: http.ServerResponse) => {
    answerOnlyWhenDurable(res, state, log);
    const batchContainer = atomicBatchContainer(req);
    if (batchContainer === undefined) return libraryListener!(req, res);
    answerAtomicBatch(req, res, state.containers.get(batchContainer), {
      collecting(apply) {
        state.batchChanges = [];
        try {
          const kept = apply();
          const changes = state.batchChanges;
          if (kept && changes.length > 0) state.journal?.append({ op: 'batch', changes });
        } finally {
          state.batchChanges = undefined;
        }
      },
    }).catch((error: unknown) => {
      log(`Cosmos emulator batch failed: ${String(error)}`);
      if (!res.headersSent) res.statusCode = 500;
      res.end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => resolve());
  });
  const endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const client = new CosmosClient({
    endpoint,
    key: COSMOS_EMULATOR_KEY,
    connectionPolicy: { enableEndpointDiscovery: false },
  });
  try {
    const { database } = await client.databases.createIfNotExists({ id: options.database });
    for (const def of Object.values(containerDefinitions)) {
      await database.containers.createIfNotExists({
        id: def.id,
        partitionKey:
          def.partitionKeyPaths.length > 1
            ? { paths: def.partitionKeyPaths, kind: PartitionKeyKind.MultiHash, version: 2 }
            : { paths: def.partitionKeyPaths },
      });
    }
  } finally {
    client.dispose();
  }

  let compactionTimer: NodeJS.Timeout | undefined;
  if (options.dataDir) {
    state.replaying = true;
    state.journal = await CosmosJournal.open(options.dataDir, (record) => replay(state, record));
    state.replaying = false;
    await importLegacySnapshot(state, options.dataDir, log);
    const journal = state.journal;
    compactionTimer = setInterval(() => {
      if (journal.needsCompaction()) {
        journal
          .compact(() => snapshotCut(state))
          .catch((error: unknown) => log(`Cosmos emulator compaction failed (will retry): ${String(error)}`));
      }
    }, 1_000);
    compactionTimer.unref();
  }

  return {
    endpoint,
    documentsQueried: () => state.documentsQueried,
    async stop() {
      clearInterval(compactionTimer);
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
        setTimeout(() => server.closeAllConnections(), 2_000).unref();
      });
      await state.journal?.close();
    },
  };
}

/** Data written by the earlier snapshot-every-few-seconds emulator comes across once, then that file is retired. */
async function importLegacySnapshot(
  state: DurabilityState,
  dataDir: string,
  log: (line: string) => void,
): Promise<void> {
  const legacy = path.join(dataDir, LEGACY_SNAPSHOT);
  if (!fs.existsSync(legacy)) return;
  const snapshot = JSON.parse(fs.readFileSync(legacy, 'utf8')) as Record<string, Record<string, unknown>[]>;
  let count = 0;
  for (const [containerId, items] of Object.entries(snapshot)) {
    const documents = state.containers.get(containerId);
    if (!documents) continue;
    for (const item of items) {
      const copy = { ...item };
      for (const field of LEGACY_SYSTEM_FIELDS) delete copy[field];
      documents.upsert(copy);
      count++;
    }
  }
  await state.journal?.whenDurable();
  fs.renameSync(legacy, `${legacy}.imported`);
  log(`Imported ${count} documents from ${legacy} into the journal`);
}
