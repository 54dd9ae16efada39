/**
 * The lexicon's entry limit when creates fail or die half-way, on the Cosmos emulator: the place a create takes on
 * the project's roster is given back when storing its entry fails, and a create killed after taking its place (its
 * entry never written, nothing given back) holds that place only while it could still be on its way: afterwards the
 * place is taken over, and the limit still holds against many creates at once. A create whose entry was stored but
 * whose answer was lost keeps its place. Failures are injected in the entry
 * collection (the seam between the service and Cosmos); the clock is the service's own.
 */
import { randomUUID } from 'node:crypto';
import type { Container, CosmosClient } from '@azure/cosmos';
import { emulatorClient } from '../support/emulatorClient';
import { containerDefinitions } from '../../adapters/cosmos/containers';
import { CosmosProjectCollection } from '../../adapters/cosmos/cosmosCollections';
import type { ChapterRecord, SegmentRecord } from '../../core/book/records';
import type { LexiconKeyRecord } from '../../core/lexicon/lexiconKeys';
import { LexiconFullError, type LexiconRosterRecord } from '../../core/lexicon/lexiconRoster';
import { LexiconService, type LexiconEntryRecord, type LexiconStateRecord } from '../../core/lexicon/lexiconService';
import type { ProjectScopedDocument } from '../../core/ports/documents';
import { typedCollection, type TypedCollection } from '../../core/ports/typedCollection';
import type { ProjectService } from '../../core/projects/projectService';
import { startCosmos, type RunningCosmos } from '../../local/emulators/cosmos';

jest.setTimeout(120_000);

const TENANT = 't-lexicon';
const PROJECT = 'prj-lexicon-limit';
const LIMIT = 2;
const PARALLEL = 24;
const START = Date.parse('2026-01-10T10:00:00Z');

let cosmos: RunningCosmos;
let client: CosmosClient;
let entries: TypedCollection<LexiconEntryRecord>;
let now = START;

function collection<T extends ProjectScopedDocument & { type: string }>(container: Container, type: T['type']) {
  return typedCollection<T>(new CosmosProjectCollection<T>(container), type);
}

beforeAll(async () => {
  cosmos = await startCosmos({ port: 0, database: 'khipu' });
  client = emulatorClient(cosmos);
  entries = collection<LexiconEntryRecord>(lexiconContainer(), 'lexiconEntry');
}, 120_000);
afterAll(async () => {
  client?.dispose();
  await cosmos?.stop();
});

function lexiconContainer(): Container {
  return client.database('khipu').container(containerDefinitions.lexicon.id);
}

/** The entry collection, with `create` of the given grapheme replaced by `fault`. */
function faulty(
  grapheme: string,
  fault: (record: LexiconEntryRecord) => Promise<LexiconEntryRecord>,
): TypedCollection<LexiconEntryRecord> {
  return new Proxy(entries, {
    get(target, property, receiver) {
      if (property === 'create') {
        return (record: LexiconEntryRecord) => (record.grapheme === grapheme ? fault(record) : target.create(record));
      }
      const value: unknown = Reflect.get(target, property, receiver);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

function service(entryCollection: TypedCollection<LexiconEntryRecord> = entries, projectId = PROJECT): LexiconService {
  const database = client.database('khipu');
  const project = { id: projectId, metadata: { language: 'en-GB' } };
  return new LexiconService({
    entries: entryCollection,
    state: collection<LexiconStateRecord>(lexiconContainer(), 'lexiconState'),
    keys: collection<LexiconKeyRecord>(lexiconContainer(), 'lexiconKey'),
    rosters: collection<LexiconRosterRecord>(lexiconContainer(), 'lexiconRoster'),
    chapters: collection<ChapterRecord>(database.container(containerDefinitions.chapters.id), 'chapter'),
    segments: collection<SegmentRecord>(database.container(containerDefinitions.segments.id), 'segment'),
    // Access checks are not what this test is about: every caller may edit the one project.
    projects: { load: () => Promise.resolve({ user: { tenantId: TENANT }, project }) } as unknown as ProjectService,
    clock: { now: () => new Date(now) },
    ids: { newId: (prefix) => `${prefix}_${randomUUID()}` },
    maxEntries: LIMIT,
  });
}

function create(lexicon: LexiconService, grapheme: string, projectId = PROJECT) {
  return lexicon.create(undefined, projectId, {
    grapheme,
    locale: 'en-GB',
    kind: 'alias',
    value: `${grapheme} said`,
    wholeWord: true,
    caseSensitive: false,
    notes: '',
  });
}

test('a failed create gives its place back; a killed one holds it only while it could still finish', async () => {
  await create(service(), 'Kept');

  // Storing the entry fails: the create gives its place back at once, so the last place is still free.
  const broken = faulty('Broken', () => Promise.reject(new Error('Injected: the entry write failed')));
  await expect(create(service(broken), 'Broken')).rejects.toThrow('Injected');
  const second = await create(service(), 'Second');

  // The create of "Killed" takes the freed place and dies before writing its entry: nothing is given back.
  await service().remove(undefined, PROJECT, second.entry.id, undefined);
  let reached!: () => void;
  const killedReached = new Promise<void>((resolve) => (reached = resolve));
  const killed = faulty('Killed', () => {
    reached();
    return new Promise<never>(() => undefined);
  });
  void create(service(killed), 'Killed');
  await killedReached;

  // While it could still be on its way, its place is held.
  await expect(create(service(), 'TooSoon')).rejects.toBeInstanceOf(LexiconFullError);

  // Past that, the place is taken over, once: the limit still holds against many creates at once.
  now = START + 3 * 60_000;
  const racing = await Promise.allSettled(Array.from({ length: PARALLEL }, (_, i) => create(service(), `Racing${i}`)));
  expect(racing.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
  for (const result of racing.filter((r) => r.status === 'rejected'))
    expect((result as PromiseRejectedResult).reason).toBeInstanceOf(LexiconFullError);
  expect(await entries.count(TENANT, PROJECT)).toBe(LIMIT);
});

test('a create whose entry was stored but whose answer was lost keeps its place', async () => {
  const project = 'prj-lexicon-lost-answer';
  const lost = faulty('Lost', async (record) => {
    await entries.create(record);
    throw new Error('Injected: the answer to the entry write was lost');
  });
  await expect(create(service(lost, project), 'Lost', project)).rejects.toThrow('Injected');
  await create(service(entries, project), 'Second', project);
  await expect(create(service(entries, project), 'OneTooMany', project)).rejects.toBeInstanceOf(LexiconFullError);
  expect(await entries.count(TENANT, project)).toBe(LIMIT);
});
