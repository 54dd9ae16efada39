/**
 * Azurite, run in-process by this wrapper so that it (1) stops when the platform that started it is gone, and (2)
 * acknowledges a write only once the write would survive `kill -9` of this process.
 *
 * Azurite keeps its metadata (which blobs and blocks exist, table entities, queue messages) in LokiJS databases that
 * it saves to disk whole on an autosave timer every 5 seconds, a value Azurite hard-codes. Blob contents go to extent
 * files before Azurite answers, but the metadata that makes them a blob did not: a kill within those 5 seconds lost
 * writes Azurite had acknowledged. Here every response to a mutating request waits until the changes made so far are
 * appended to each database's journal (lokiJournal.ts; a whole save only for what a journal cannot hold), and the
 * journal is replayed when Azurite loads the database again. It also hashes content only where the hash is used
 * (azuriteContentHash.ts). Arguments are Azurite's own command line.
 */
import * as http from 'node:http';
import { createRequire } from 'node:module';
import { exitWithParent } from '../supervision/parentWatch';
import { hashContentOnlyWhereUsed } from './azuriteContentHash';
import { LokiJournals, type LokiConstructor } from './lokiJournal';

const MUTATING_METHODS = new Set(['PUT', 'POST', 'DELETE', 'PATCH', 'MERGE']);
const azuriteEntry = require.resolve('azurite/dist/src/azurite.js');

function answerWritesOnlyWhenDurable(journals: LokiJournals): void {
  const end = http.ServerResponse.prototype.end;
  http.ServerResponse.prototype.end = function (this: http.ServerResponse, ...args: unknown[]) {
    if (!MUTATING_METHODS.has(this.req?.method ?? '')) {
      return (end as (...a: unknown[]) => http.ServerResponse).apply(this, args);
    }
    journals.durable().then(
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
  hashContentOnlyWhereUsed(createRequire(azuriteEntry));
  if (!inMemory) {
    const journals = new LokiJournals();
    journals.install(createRequire(azuriteEntry)('lokijs') as LokiConstructor);
    answerWritesOnlyWhenDurable(journals);
  }
  // Azurite's own SIGTERM handler closes its servers and saves; the grace period covers a hung close.
  exitWithParent(() => {
    process.emit('SIGTERM');
    return new Promise<void>(() => undefined);
  });
  process.argv = [process.argv[0]!, azuriteEntry, ...process.argv.slice(2)];
  createRequire(__filename)(azuriteEntry);
}

main();
