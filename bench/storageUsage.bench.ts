/**
 * What reading a tenant's stored bytes costs (docs/domain.md, "Costs and quotas"): the listing of every blob under the
 * tenant's prefix the usage view and a production's storage check used to make per request, against the stored
 * measurement's point read they make now, on Azurite and the Cosmos emulator. Interleaved, one of each per round;
 * CPU seconds of this process and both emulators' processes (from /proc), as the machine is shared and noisy.
 */
import { CosmosClient } from '@azure/cosmos';
import { BlobServiceClient, StorageSharedKeyCredential } from '@azure/storage-blob';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AzureBlobStore } from '../adapters/blob/azureBlobStore';
import { containerDefinitions } from '../adapters/cosmos/containers';
import { CosmosTenantCollection } from '../adapters/cosmos/cosmosCollections';
import { tenantBlobPrefix } from '../core/ports/blobs';
import { typedTenantCollection } from '../core/ports/typedCollection';
import { TenantStorageUsage, type StorageUsageRecord } from '../core/tenants/storageUsage';
import { AZURITE_ACCOUNT, AZURITE_KEY, startAzurite } from '../local/emulators/azurite';
import { startCosmos } from '../local/emulators/cosmos';
import type { BenchModule, BenchRow } from './types';

const TENANT = 't-bench';
const BLOB_COUNTS = [1_000, 5_000];
const ROUNDS = 10;
const UPLOADS_AT_ONCE = 32;
const TICKS_PER_SECOND = 100;

/** CPU seconds (user + system) a process has used so far, from /proc. */
function cpuSeconds(pid: number | 'self'): number {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

async function measured(pids: (number | 'self')[], work: () => Promise<unknown>): Promise<{ cpu: number; ms: number }> {
  const cpuBefore = pids.reduce<number>((sum, pid) => sum + cpuSeconds(pid), 0);
  const began = process.hrtime.bigint();
  await work();
  const ms = Number(process.hrtime.bigint() - began) / 1e6;
  return { cpu: pids.reduce<number>((sum, pid) => sum + cpuSeconds(pid), 0) - cpuBefore, ms };
}

async function seed(blobs: AzureBlobStore, from: number, to: number): Promise<void> {
  let next = from;
  const body = Buffer.alloc(512, 7);
  await Promise.all(
    Array.from({ length: UPLOADS_AT_ONCE }, async () => {
      for (let i = next++; i < to; i = next++) {
        await blobs.put(`${tenantBlobPrefix(TENANT)}projects/p${i % 50}/audio/s${i}.wav`, body, 'audio/wav');
      }
    }),
  );
}

const bench: BenchModule = {
  name: 'storageUsage',
  description:
    "Reading a tenant's stored bytes: the per-request listing of its blobs (before) against the stored " +
    `measurement's point read (after), ${ROUNDS} interleaved rounds per size, CPU of the client and both emulators`,
  async run({ log }) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'khipu-bench-storage-'));
    const [azurite, cosmos] = await Promise.all([
      startAzurite({ location: dir, inMemory: true }),
      startCosmos({ port: 0, database: 'khipu' }),
    ]);
    const cosmosClient = new CosmosClient({
      endpoint: cosmos.endpoint,
      key: cosmos.key,
      connectionPolicy: { enableEndpointDiscovery: false },
    });
    const rows: BenchRow[] = [];
    try {
      const service = BlobServiceClient.fromConnectionString(azurite.connectionString);
      const container = service.getContainerClient('khipu');
      await container.createIfNotExists();
      const blobs = new AzureBlobStore(
        service,
        container,
        new StorageSharedKeyCredential(AZURITE_ACCOUNT, AZURITE_KEY),
      );
      const usage = new TenantStorageUsage({
        documents: typedTenantCollection<StorageUsageRecord>(
          new CosmosTenantCollection(cosmosClient.database('khipu').container(containerDefinitions.metrics.id)),
          'storageUsage',
        ),
        blobs,
        clock: { now: () => new Date() },
      });
      const pids: (number | 'self')[] = ['self', azurite.pid, cosmos.pid];
      let stored = 0;
      for (const count of BLOB_COUNTS) {
        log(`seeding ${count - stored} blobs`);
        await seed(blobs, stored, count);
        stored = count;
        await usage.measure(TENANT);
        // Warm both paths (connections, V8's optimised code) before measuring.
        await blobs.bytesUnder(tenantBlobPrefix(TENANT));
        await usage.current(TENANT);
        const listing: { cpu: number; ms: number }[] = [];
        const pointRead: { cpu: number; ms: number }[] = [];
        for (let round = 0; round < ROUNDS; round++) {
          listing.push(await measured(pids, () => blobs.bytesUnder(tenantBlobPrefix(TENANT))));
          pointRead.push(await measured(pids, () => usage.current(TENANT)));
        }
        for (const [name, runs] of [
          ['before: listing per request', listing],
          ['after: stored measurement', pointRead],
        ] as const) {
          rows.push({
            benchmark: 'storageUsage',
            case: `${name} / ${count} blobs`,
            metrics: {
              medianCpuSeconds: Number(median(runs.map((run) => run.cpu)).toFixed(3)),
              totalCpuSeconds: Number(runs.reduce((sum, run) => sum + run.cpu, 0).toFixed(2)),
              medianMs: Number(median(runs.map((run) => run.ms)).toFixed(1)),
            },
          });
        }
      }
    } finally {
      cosmosClient.dispose();
      await Promise.all([azurite.stop(), cosmos.stop()]);
      fs.rmSync(dir, { recursive: true, force: true });
    }
    return rows;
  },
};

export default bench;
