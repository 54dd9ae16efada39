import path from 'node:path';
import { readyLine, spawnSupervised, stopChild } from '../supervision/supervisedChild';
import { HEAP_GROWTH_FLAG } from '../heapGrowth';

/** The Cosmos emulator's documented well-known key (public; only valid against emulators). */
export const COSMOS_EMULATOR_KEY =
  'C2y6yDjf5/R+ob0N8A7Cgv30VRDJIWEHLM+4QDU5DE2nQ9nDuVTqobD4b8mGGyPMbIZnqyMsEcaGQy67XIw/Jw==';
/** Printed by cosmosProcess.ts once it serves requests. */
export const COSMOS_READY_MARKER = 'KHIPU_COSMOS_READY';

export interface RunningCosmos {
  endpoint: string;
  key: string;
  /** The emulator's process id (crash tests kill it). */
  pid: number;
  stop(): Promise<void>;
}

/**
 * Starts the Cosmos DB emulator (`@vercel/cosmosdb-server`) in its own process with every container of
 * adapters/cosmos/containers.ts. With `dataDir`, every acknowledged write is journaled to disk first and the data
 * survives restarts and kills (journaledCosmosServer.ts); without it, the data ends with the process.
 */
export async function startCosmos(options: {
  port: number;
  database: string;
  dataDir?: string;
}): Promise<RunningCosmos> {
  const child = spawnSupervised(path.join(__dirname, 'cosmosProcess.ts'), {
    args: [JSON.stringify(options)],
    nodeArgs: [HEAP_GROWTH_FLAG],
  });
  const endpoint = await readyLine(child, COSMOS_READY_MARKER, 'the Cosmos emulator').catch(async (error: unknown) => {
    await stopChild(child);
    throw error;
  });
  return { endpoint, key: COSMOS_EMULATOR_KEY, pid: child.pid!, stop: () => stopChild(child) };
}
