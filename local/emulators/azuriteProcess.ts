/**
 * Azurite, run in-process by this wrapper so that it (1) stops when the platform that started it is gone, and (2)
 * acknowledges a write only once the write is on disk.
 *
 * Azurite keeps its metadata (which blobs and blocks exist, table entities, queue messages) in LokiJS databases that
 * are saved to disk by an autosave timer every 5 seconds, a value Azurite hard-codes (no option changes it). Blob
 * contents go to extent files before Azurite answers, but the metadata that makes them a blob did not: a kill within
 * those 5 seconds lost writes Azurite had acknowledged. Here every response to a mutating request waits until each
 * Loki database with unsaved changes has been saved (LokiJS coalesces concurrent saves), so an acknowledged write
 * survives `kill -9` of this process. Arguments are Azurite's own command line.
 */
import * as http from 'node:http';
import { createRequire } from 'node:module';
import { exitWithParent } from '../supervision/parentWatch';

interface LokiDatabase {
  persistenceMethod?: string;
  throttledSavePending?: boolean;
  autosaveDirty(): boolean;
  saveDatabase(callback: (error?: Error | null) => void): void;
}
interface LokiConstructor {
  prototype: { configureOptions(this: LokiDatabase, ...args: unknown[]): unknown };
}

const MUTATING_METHODS = new Set(['PUT', 'POST', 'DELETE', 'PATCH', 'MERGE']);
const azuriteEntry = require.resolve('azurite/dist/src/azurite.js');

/** Every Loki database Azurite opens configures itself once in its constructor: that is where we learn of it. */
function trackLokiDatabases(): Set<LokiDatabase> {
  const Loki = createRequire(azuriteEntry)('lokijs') as LokiConstructor;
  const databases = new Set<LokiDatabase>();
  const configureOptions = Loki.prototype.configureOptions;
  Loki.prototype.configureOptions = function (this: LokiDatabase, ...args: unknown[]) {
    databases.add(this);
    return configureOptions.apply(this, args);
  };
  return databases;
}

function save(database: LokiDatabase): Promise<void> {
  return new Promise((resolve, reject) => database.saveDatabase((error) => (error ? reject(error) : resolve())));
}

/** Changes not yet on disk: unsaved ones, or ones a save in progress has taken but not finished writing. */
function unsaved(databases: Set<LokiDatabase>): LokiDatabase[] {
  return [...databases].filter(
    (database) =>
      database.persistenceMethod === 'fs' && (database.autosaveDirty() || database.throttledSavePending === true),
  );
}

function answerWritesOnlyWhenSaved(databases: Set<LokiDatabase>): void {
  const end = http.ServerResponse.prototype.end;
  http.ServerResponse.prototype.end = function (this: http.ServerResponse, ...args: unknown[]) {
    const pending = MUTATING_METHODS.has(this.req?.method ?? '') ? unsaved(databases) : [];
    if (pending.length === 0) return (end as (...a: unknown[]) => http.ServerResponse).apply(this, args);
    Promise.all(pending.map(save)).then(
      () => (end as (...a: unknown[]) => http.ServerResponse).apply(this, args),
      (error: unknown) => {
        process.stderr.write(`Azurite could not save its metadata, stopping: ${String(error)}\n`);
        this.destroy();
        process.exit(70);
      },
    );
    return this;
  } as typeof end;
}

function main(): void {
  const inMemory = process.argv.includes('--inMemoryPersistence');
  if (!inMemory) answerWritesOnlyWhenSaved(trackLokiDatabases());
  // Azurite's own SIGTERM handler closes its servers and saves; the grace period covers a hung close.
  exitWithParent(() => {
    process.emit('SIGTERM');
    return new Promise<void>(() => undefined);
  });
  process.argv = [process.argv[0]!, azuriteEntry, ...process.argv.slice(2)];
  createRequire(__filename)(azuriteEntry);
}

main();
