import { CosmosClient, PartitionKeyKind, type ItemDefinition } from '@azure/cosmos';
import { createHttpServer } from '@vercel/cosmosdb-server';
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { containerDefinitions } from '../../adapters/cosmos/containers';

/** The Cosmos emulator's documented well-known key (public; only valid against emulators). */
export const COSMOS_EMULATOR_KEY =
  'C2y6yDjf5/R+ob0N8A7Cgv30VRDJIWEHLM+4QDU5DE2nQ9nDuVTqobD4b8mGGyPMbIZnqyMsEcaGQy67XIw/Jw==';
const SNAPSHOT_INTERVAL_MS = 5_000;
const SYSTEM_FIELDS = ['_rid', '_self', '_ts', '_etag', '_attachments'];

export interface RunningCosmos {
  endpoint: string;
  key: string;
  /** Writes the snapshot now (also done every few seconds after writes, and on stop). */
  snapshot(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * `@vercel/cosmosdb-server` keeps data in memory only. To make local data survive a restart we snapshot every
 * container through the SDK after writes and restore it on start.
 */
export async function startCosmos(options: {
  port: number;
  database: string;
  snapshotFile?: string;
}): Promise<RunningCosmos> {
  const server = createHttpServer();
  let dirty = false;
  server.prependListener('request', (req) => {
    if (req.method !== 'GET' && !(req.headers['x-ms-documentdb-isquery'] === 'True')) dirty = true;
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
  if (options.snapshotFile && fs.existsSync(options.snapshotFile)) {
    const snapshot = JSON.parse(fs.readFileSync(options.snapshotFile, 'utf8')) as Record<string, ItemDefinition[]>;
    for (const [containerId, items] of Object.entries(snapshot)) {
      const container = database.container(containerId);
      for (const item of items) await container.items.upsert(item);
    }
  }
  dirty = false;

  const snapshot = async () => {
    if (!options.snapshotFile) return;
    dirty = false;
    const data: Record<string, ItemDefinition[]> = {};
    for (const def of Object.values(containerDefinitions)) {
      const { resources } = await database.container(def.id).items.readAll().fetchAll();
      data[def.id] = resources.map((item) => {
        const copy: Record<string, unknown> = { ...item };
        for (const field of SYSTEM_FIELDS) delete copy[field];
        return copy as ItemDefinition;
      });
    }
    fs.mkdirSync(path.dirname(options.snapshotFile), { recursive: true });
    const temp = `${options.snapshotFile}.tmp`;
    fs.writeFileSync(temp, JSON.stringify(data));
    fs.renameSync(temp, options.snapshotFile);
  };
  let snapshotting: Promise<void> | undefined;
  const timer = setInterval(() => {
    if (dirty && !snapshotting) snapshotting = snapshot().finally(() => (snapshotting = undefined));
  }, SNAPSHOT_INTERVAL_MS);
  timer.unref();

  return {
    endpoint,
    key: COSMOS_EMULATOR_KEY,
    snapshot,
    async stop() {
      clearInterval(timer);
      await snapshotting;
      if (dirty) await snapshot();
      client.dispose();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections?.();
      });
    },
  };
}
