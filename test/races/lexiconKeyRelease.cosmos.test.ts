/**
 * A lexicon key given back by a deleted entry, on the Cosmos emulator: the release reads the key, sees its entry
 * holding it and deletes it. When a new entry takes over the abandoned key between that read and the delete, the
 * delete must not take the new entry's key away (the key is what keeps one entry per grapheme and locale). The
 * interleaving is made exact by holding the release just after its read; then 24 creates of the same key at once
 * must all be refused while the new entry holds it.
 */
import type { CosmosClient } from '@azure/cosmos';
import { emulatorClient } from '../support/emulatorClient';
import { containerDefinitions } from '../../adapters/cosmos/containers';
import { CosmosProjectCollection } from '../../adapters/cosmos/cosmosCollections';
import { DuplicateEntryError, LexiconKeys, lexiconKeyId, type LexiconKeyRecord } from '../../core/lexicon/lexiconKeys';
import type { LexiconEntryRecord } from '../../core/lexicon/lexiconService';
import { typedCollection, type TypedCollection } from '../../core/ports/typedCollection';
import { startCosmos, type RunningCosmos } from '../../local/emulators/cosmos';

jest.setTimeout(120_000);

const TENANT = 't-lexicon';
const PROJECT = 'prj-lexicon-keys';
const KEY = { grapheme: 'Longbourn', locale: 'en-GB' };
const PARALLEL = 24;

let cosmos: RunningCosmos;
let client: CosmosClient;
let keys: TypedCollection<LexiconKeyRecord>;
let entries: TypedCollection<LexiconEntryRecord>;

beforeAll(async () => {
  cosmos = await startCosmos({ port: 0, database: 'khipu' });
  client = emulatorClient(cosmos);
  const lexicon = new CosmosProjectCollection<LexiconKeyRecord & LexiconEntryRecord>(
    client.database('khipu').container(containerDefinitions.lexicon.id),
  );
  keys = typedCollection<LexiconKeyRecord>(lexicon, 'lexiconKey');
  entries = typedCollection<LexiconEntryRecord>(lexicon, 'lexiconEntry');
}, 120_000);
afterAll(async () => {
  client?.dispose();
  await cosmos?.stop();
});

function entry(id: string): LexiconEntryRecord {
  return {
    ...KEY,
    id,
    type: 'lexiconEntry',
    tenantId: TENANT,
    projectId: PROJECT,
    kind: 'alias',
    value: 'Long bourn',
    wholeWord: true,
    caseSensitive: false,
    notes: '',
    createdAt: new Date().toISOString(),
    updatedAt: new Date().toISOString(),
  };
}

/** The key collection, with `afterRead` run once right after the next read of a key, before the reader goes on. */
function pausedAfterRead(afterRead: () => Promise<void>): TypedCollection<LexiconKeyRecord> {
  let pending: (() => Promise<void>) | undefined = afterRead;
  return new Proxy(keys, {
    get(target, property, receiver) {
      if (property === 'get') {
        return async (tenantId: string, projectId: string, id: string) => {
          const read = await target.get(tenantId, projectId, id);
          const hook = pending;
          pending = undefined;
          await hook?.();
          return read;
        };
      }
      const value: unknown = Reflect.get(target, property, receiver);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

test(`a key released while a new entry takes it over stays the new entry's; ${PARALLEL} creates at once are refused`, async () => {
  const start = Date.parse('2026-01-10T10:00:00Z');
  const at = (ms: number) => ({ now: () => new Date(ms) });

  // Entry A holds the key, then is deleted (the first half of removing an entry).
  await new LexiconKeys(keys, entries, at(start)).claim(TENANT, PROJECT, KEY, 'lex-a');
  await entries.create(entry('lex-a'));
  await entries.delete(TENANT, PROJECT, 'lex-a');

  // A's release reads the key; before it deletes it, entry B (two minutes later: A's claim is past its grace
  // period and no entry holds it) takes the key over and is stored.
  const later = at(start + 2 * 60_000);
  const takeOver = async () => {
    await new LexiconKeys(keys, entries, later).claim(TENANT, PROJECT, KEY, 'lex-b');
    await entries.create(entry('lex-b'));
  };
  await new LexiconKeys(pausedAfterRead(takeOver), entries, at(start)).release(TENANT, PROJECT, KEY, 'lex-a');

  const held = await keys.get(TENANT, PROJECT, lexiconKeyId(PROJECT, KEY));
  expect(held?.entryId).toBe('lex-b');

  // While B exists and holds the key, no other entry of the same grapheme and locale can claim it.
  const claims = await Promise.allSettled(
    Array.from({ length: PARALLEL }, (_, i) =>
      new LexiconKeys(keys, entries, later).claim(TENANT, PROJECT, KEY, `lex-c${i}`),
    ),
  );
  expect(claims.filter((claim) => claim.status === 'fulfilled')).toHaveLength(0);
  for (const claim of claims) {
    expect(claim.status === 'rejected' && claim.reason instanceof DuplicateEntryError).toBe(true);
  }
  expect((await keys.get(TENANT, PROJECT, lexiconKeyId(PROJECT, KEY)))?.entryId).toBe('lex-b');
});
