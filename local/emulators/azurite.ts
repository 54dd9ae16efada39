import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { spawnSupervised, stopChild } from '../supervision/supervisedChild';
import { HEAP_GROWTH_FLAG } from '../heapGrowth';

/** Azurite's well-known development account (public, documented; valid only against the emulator). */
export const AZURITE_ACCOUNT = 'devstoreaccount1';
export const AZURITE_KEY = 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';

export interface RunningAzurite {
  blobPort: number;
  queuePort: number;
  tablePort: number;
  connectionString: string;
  /** Azurite's process id (crash tests kill it). */
  pid: number;
  stop(): Promise<void>;
}

/**
 * Starts Azurite (blob, queue, table) in a child process (azuriteProcess.ts: it ends with its parent and answers a
 * write only once it is on disk), data under `location`. Ports 0 let Azurite choose; the chosen ports are read from
 * its start-up lines.
 */
export async function startAzurite(options: {
  location: string;
  blobPort?: number;
  queuePort?: number;
  tablePort?: number;
  inMemory?: boolean;
}): Promise<RunningAzurite> {
  fs.mkdirSync(options.location, { recursive: true });
  const args = [
    // Azurite refuses --location together with in-memory persistence.
    ...(options.inMemory ? [] : ['--location', options.location]),
    '--blobHost',
    '127.0.0.1',
    '--blobPort',
    String(options.blobPort ?? 0),
    '--queueHost',
    '127.0.0.1',
    '--queuePort',
    String(options.queuePort ?? 0),
    '--tableHost',
    '127.0.0.1',
    '--tablePort',
    String(options.tablePort ?? 0),
    '--skipApiVersionCheck',
    '--loose',
    '--disableTelemetry',
    '--silent',
    ...(options.inMemory ? ['--inMemoryPersistence'] : []),
  ];
  const child = spawnSupervised(path.join(__dirname, 'azuriteProcess.ts'), { args, nodeArgs: [HEAP_GROWTH_FLAG] });
  const ports = await readPorts(child).catch(async (error: unknown) => {
    await stopChild(child);
    throw error;
  });
  const connectionString =
    `DefaultEndpointsProtocol=http;AccountName=${AZURITE_ACCOUNT};AccountKey=${AZURITE_KEY};` +
    `BlobEndpoint=http://127.0.0.1:${ports.blob}/${AZURITE_ACCOUNT};` +
    `QueueEndpoint=http://127.0.0.1:${ports.queue}/${AZURITE_ACCOUNT};` +
    `TableEndpoint=http://127.0.0.1:${ports.table}/${AZURITE_ACCOUNT};`;
  return {
    blobPort: ports.blob,
    queuePort: ports.queue,
    tablePort: ports.table,
    connectionString,
    pid: child.pid!,
    stop: () => stopChild(child),
  };
}

function readPorts(child: ChildProcess): Promise<{ blob: number; queue: number; table: number }> {
  return new Promise((resolve, reject) => {
    const found: Record<string, number> = {};
    let output = '';
    const timer = setTimeout(() => reject(new Error(`Azurite did not start in time:\n${output}`)), 60_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      for (const match of output.matchAll(
        /Azurite (Blob|Queue|Table) service is successfully listening at http:\/\/[^:]+:(\d+)/g,
      )) {
        found[match[1].toLowerCase()] = Number(match[2]);
      }
      if (found.blob && found.queue && found.table) {
        clearTimeout(timer);
        child.stdout?.off('data', onData);
        child.stdout?.resume();
        child.stderr?.resume();
        resolve({ blob: found.blob, queue: found.queue, table: found.table });
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`Azurite exited with code ${code}:\n${output}`));
    });
  });
}
