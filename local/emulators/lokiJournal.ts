/**
 * An append-only journal beside each LokiJS database Azurite keeps its metadata in (which blobs, blocks, extents,
 * table entities and queue messages exist), so that a write Azurite acknowledges survives `kill -9` without the whole
 * database being saved after every request (a save serializes every document: its cost grows with all the data held).
 *
 * Loki's changes API records, per collection, a copy of each document inserted, updated or removed. Before Azurite
 * answers a mutating request, the changes recorded so far are appended to the database's journal, one JSON line each
 * (`{"c":collection,"o":"I"|"U","d":document}` or `{"c":collection,"o":"R","id":$loki}`). Loki's own whole-database
 * save (Azurite's 5-second autosave, Azurite's saves at start and stop) is the compaction: when a save serializes the
 * database the journal switches to a new generation, and once the save is on disk the older generations are deleted.
 * Right after Azurite loads a database, every generation left beside it is replayed onto it.
 *
 * The saved database names the last generation it holds (`khipuJournalCut`, a property Loki serializes with it), so
 * a generation a kill left behind between the save and its deletion is not replayed. Replay is idempotent besides:
 * records hold whole documents keyed by Loki's `$loki`, and only each document's last state is applied (put back when
 * present, removed when removed); changes made before a save but journaled after it replay onto the saved state
 * harmlessly. A collection added, removed or cleared is not a document change: the next answer then waits for a
 * whole save instead, as every answer did before.
 */
import fs from 'node:fs';
import path from 'node:path';

type LokiDocument = { $loki: number; meta?: unknown; [field: string]: unknown };

interface LokiChange {
  name: string;
  operation: 'I' | 'U' | 'R';
  obj: LokiDocument;
}

export interface LokiCollection {
  name: string;
  data: LokiDocument[];
  idIndex: number[];
  maxId: number;
  changes: LokiChange[];
  disableChangesApi: boolean;
  disableDeltaChangesApi: boolean;
  flushChanges(): void;
  get(id: number): LokiDocument | null;
  insert(doc: Omit<LokiDocument, '$loki'>): LokiDocument;
  update(doc: LokiDocument): void;
  remove(doc: LokiDocument): void;
  ensureAllIndexes(force?: boolean): void;
}

export interface LokiDatabase {
  filename: string;
  /** Set before each whole save, so the saved database names the last journal generation it holds. */
  khipuJournalCut?: number;
  persistenceMethod?: string;
  throttledSavePending?: boolean;
  collections: LokiCollection[];
  getCollection(name: string): LokiCollection | null;
  autosaveDirty(): boolean;
  saveDatabase(callback: (error?: Error | null) => void): void;
}

export interface LokiConstructor {
  prototype: {
    configureOptions(this: LokiDatabase, ...args: unknown[]): unknown;
    loadDatabase(this: LokiDatabase, options: unknown, callback?: (error?: unknown) => void): unknown;
    loadJSONObject(this: LokiDatabase, saved: { khipuJournalCut?: unknown }, ...args: unknown[]): unknown;
    saveDatabaseInternal(this: LokiDatabase, callback: (error?: Error | null) => void): void;
    addCollection(this: LokiDatabase, ...args: unknown[]): LokiCollection;
    removeCollection(this: LokiDatabase, ...args: unknown[]): unknown;
  };
  Collection: { prototype: { clear(this: LokiCollection, ...args: unknown[]): unknown } };
}

type JournalRecord = { c: string; o: 'I' | 'U'; d: LokiDocument } | { c: string; o: 'R'; id: number };

export class LokiJournalCorruptError extends Error {
  constructor(file: string, line: number) {
    super(`${file} line ${line} is not a journal record: Azurite's metadata is damaged`);
    this.name = 'LokiJournalCorruptError';
  }
}

const GENERATION_DIGITS = 8;

function journalPrefix(database: LokiDatabase): string {
  return `${path.basename(database.filename)}.journal-`;
}

/** The journal generations beside a database, oldest first. */
function journalFiles(database: LokiDatabase): { generation: number; file: string }[] {
  const dir = path.dirname(database.filename);
  const prefix = journalPrefix(database);
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return [];
  }
  return names
    .filter((name) => name.startsWith(prefix) && name.endsWith('.jsonl'))
    .map((name) => ({ generation: Number(name.slice(prefix.length, -'.jsonl'.length)), file: path.join(dir, name) }))
    .filter((entry) => Number.isInteger(entry.generation))
    .sort((a, b) => a.generation - b.generation);
}

/** The records of one journal file; a torn last line (a write cut short by a kill, never acknowledged) is dropped. */
export function readJournal(file: string): JournalRecord[] {
  const text = fs.readFileSync(file, 'utf8');
  const lines = text.split('\n');
  // Everything after the last newline is a record whose write did not finish.
  lines.pop();
  return lines.map((line, index) => {
    try {
      return JSON.parse(line) as JournalRecord;
    } catch {
      throw new LokiJournalCorruptError(file, index + 1);
    }
  });
}

/** Applies each document's last recorded state to the database (see the module comment: replay is idempotent). */
export function replayJournal(database: LokiDatabase, records: JournalRecord[]): void {
  const lastState = new Map<string, Map<number, LokiDocument | null>>();
  for (const record of records) {
    const documents = lastState.get(record.c) ?? new Map<number, LokiDocument | null>();
    lastState.set(record.c, documents);
    if (record.o === 'R') documents.set(record.id, null);
    else documents.set(record.d.$loki, record.d);
  }
  for (const [name, documents] of lastState) {
    // A collection a later whole save no longer has (a table deleted): nothing of it is to be restored.
    const collection = database.getCollection(name);
    if (collection) applyLastStates(collection, documents);
  }
}

function applyLastStates(collection: LokiCollection, documents: Map<number, LokiDocument | null>): void {
  // Looked up before anything changes: Loki finds documents by binary search over ids kept in ascending order.
  const present = new Map([...documents.keys()].map((id) => [id, collection.get(id)]));
  for (const [id, document] of documents) {
    const stored = present.get(id);
    if (document === null && stored) collection.remove(stored);
    else if (document && stored) collection.update(structuredClone(document));
  }
  const inserts = [...documents]
    .filter((entry): entry is [number, LokiDocument] => entry[1] !== null && !present.get(entry[0]))
    .sort((a, b) => a[0] - b[0]);
  let outOfOrder = false;
  for (const [id, document] of inserts) {
    const highest = collection.maxId;
    outOfOrder ||= id <= (collection.idIndex[collection.idIndex.length - 1] ?? 0);
    const { $loki: _id, ...fields } = structuredClone(document);
    // Loki numbers a new document maxId + 1: the document gets back the id its later records refer to.
    collection.maxId = id - 1;
    collection.insert(fields);
    collection.maxId = Math.max(highest, id);
  }
  if (outOfOrder) {
    collection.data.sort((a, b) => a.$loki - b.$loki);
    collection.idIndex = collection.data.map((document) => document.$loki);
    collection.ensureAllIndexes(true);
  }
}

function recordsOf(change: LokiChange): JournalRecord {
  return change.operation === 'R'
    ? { c: change.name, o: 'R', id: change.obj.$loki }
    : { c: change.name, o: change.operation, d: change.obj };
}

function enableChanges(collection: LokiCollection): void {
  collection.disableChangesApi = false;
  // Whole documents, not deltas: a record must be replayable on its own.
  collection.disableDeltaChangesApi = true;
}

interface DatabaseJournal {
  attached: boolean;
  generation: number;
  /** The last generation the loaded database holds (0 for a database saved before journals existed). */
  loadedCut: number;
  /** Every append so far, in order; a mutating answer waits for it. */
  tail: Promise<void>;
  /** A change the changes API does not record (a collection added, removed or cleared) waits for a whole save. */
  structural: boolean;
}

function save(database: LokiDatabase): Promise<void> {
  return new Promise((resolve, reject) => database.saveDatabase((error) => (error ? reject(error) : resolve())));
}

/** The journals of every file-backed Loki database in this process; `install` hooks Loki so it knows them. */
export class LokiJournals {
  private readonly journals = new Map<LokiDatabase, DatabaseJournal>();
  private readonly cleared = new WeakSet<LokiCollection>();

  install(Loki: LokiConstructor): void {
    // eslint-disable-next-line @typescript-eslint/no-this-alias -- the hooks below run with Loki's `this`
    const journals = this;
    const proto = Loki.prototype;
    const { configureOptions, loadDatabase, loadJSONObject, saveDatabaseInternal, addCollection, removeCollection } =
      proto;
    // Every Loki database Azurite opens configures itself once in its constructor: that is where we learn of it.
    proto.configureOptions = function (...args) {
      journals.journals.set(this, {
        attached: false,
        generation: 0,
        loadedCut: 0,
        tail: Promise.resolve(),
        structural: false,
      });
      return configureOptions.apply(this, args);
    };
    proto.loadDatabase = function (options, callback) {
      const done = typeof options === 'function' ? (options as (error?: unknown) => void) : callback;
      const loaded = (error?: unknown) => {
        if (!error) {
          try {
            journals.attach(this);
          } catch (replayError) {
            return done?.(replayError);
          }
        }
        done?.(error);
      };
      return loadDatabase.call(this, typeof options === 'function' ? {} : options, loaded);
    };
    proto.loadJSONObject = function (saved, ...args) {
      const journal = journals.journals.get(this);
      const cut = Number(saved?.khipuJournalCut);
      if (journal) journal.loadedCut = Number.isInteger(cut) && cut > 0 ? cut : 0;
      return loadJSONObject.call(this, saved, ...args);
    };
    proto.saveDatabaseInternal = function (callback) {
      const journal = journals.journals.get(this);
      if (!journal || this.persistenceMethod !== 'fs') return saveDatabaseInternal.call(this, callback);
      // A database Azurite created rather than loaded starts its journal at its first save.
      if (!journal.attached) journals.attach(this);
      // Loki serializes the whole database synchronously in this call: later changes go to the next generation.
      const cut = journal.generation++;
      this.khipuJournalCut = cut;
      const appendedBeforeCut = journal.tail;
      saveDatabaseInternal.call(this, (error) => {
        if (error) return callback(error);
        void appendedBeforeCut
          .then(() => journals.deleteThrough(this, cut))
          .then(
            () => callback(),
            (deleteError: Error) => callback(deleteError),
          );
      });
    };
    proto.addCollection = function (...args) {
      const collection = addCollection.apply(this, args);
      const journal = journals.journals.get(this);
      if (journal?.attached) {
        enableChanges(collection);
        journal.structural = true;
      }
      return collection;
    };
    proto.removeCollection = function (...args) {
      const journal = journals.journals.get(this);
      if (journal?.attached) journal.structural = true;
      return removeCollection.apply(this, args);
    };
    const clear = Loki.Collection.prototype.clear;
    Loki.Collection.prototype.clear = function (...args) {
      journals.cleared.add(this);
      return clear.apply(this, args);
    };
  }

  /**
   * Resolves once every change made so far to any database would survive a kill: appended to its journal, or, for
   * what a journal cannot hold, in a whole save. A mutating request is answered only after this.
   */
  async durable(): Promise<void> {
    const waits: Promise<void>[] = [];
    for (const [database, journal] of this.journals) {
      if (database.persistenceMethod !== 'fs') continue;
      if (!journal.attached) {
        if (database.autosaveDirty() || database.throttledSavePending === true) waits.push(save(database));
        continue;
      }
      this.appendChanges(database, journal);
      if (journal.structural || database.collections.some((c) => this.cleared.has(c))) {
        journal.structural = false;
        for (const collection of database.collections) this.cleared.delete(collection);
        waits.push(save(database));
      }
      waits.push(journal.tail);
    }
    await Promise.all(waits);
  }

  private appendChanges(database: LokiDatabase, journal: DatabaseJournal): void {
    const lines: string[] = [];
    for (const collection of database.collections) {
      if (collection.changes.length === 0) continue;
      for (const change of collection.changes) lines.push(JSON.stringify(recordsOf(change)));
      collection.flushChanges();
    }
    if (lines.length === 0) return;
    const file = this.fileOf(database, journal.generation);
    const text = `${lines.join('\n')}\n`;
    journal.tail = journal.tail.then(() => fs.promises.appendFile(file, text));
  }

  /** Replays the journals left beside a just-loaded database and starts recording its changes. */
  private attach(database: LokiDatabase): void {
    const journal = this.journals.get(database);
    if (!journal || journal.attached || database.persistenceMethod !== 'fs') return;
    const files = journalFiles(database);
    replayJournal(
      database,
      files.filter(({ generation }) => generation > journal.loadedCut).flatMap(({ file }) => readJournal(file)),
    );
    for (const collection of database.collections) {
      enableChanges(collection);
      collection.flushChanges();
    }
    journal.generation = Math.max(files[files.length - 1]?.generation ?? 0, journal.loadedCut) + 1;
    journal.attached = true;
  }

  private async deleteThrough(database: LokiDatabase, generation: number): Promise<void> {
    for (const entry of journalFiles(database)) {
      if (entry.generation <= generation) await fs.promises.rm(entry.file, { force: true });
    }
  }

  private fileOf(database: LokiDatabase, generation: number): string {
    const name = `${journalPrefix(database)}${String(generation).padStart(GENERATION_DIGITS, '0')}.jsonl`;
    return path.join(path.dirname(database.filename), name);
  }
}
