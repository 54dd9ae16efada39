/**
 * What the read path does per document and per query, checked without an emulator: a document read from Cosmos is an
 * ordinary object (V8 keeps it with fast properties, as it does not once properties are deleted from it), and a
 * partition-scoped query shares the one settled "no plan" answer instead of building an error each time.
 */
import type { ItemDefinition, QueryIterator } from '@azure/cosmos';
import v8 from 'node:v8';
import vm from 'node:vm';
import { fromCosmos } from './cosmosCollections';
import { withoutQueryPlan } from './singlePartitionQuery';

v8.setFlagsFromString('--allow-natives-syntax');
const hasFastProperties = vm.runInThisContext('(value) => %HasFastProperties(value)') as (value: object) => boolean;

const stored: ItemDefinition = {
  id: 'p-1',
  tenantId: 't-1',
  title: 'Emma',
  updatedAt: '2026-01-01T00:00:00.000Z',
  _rid: 'rid',
  _self: 'dbs/x/colls/y/docs/rid',
  _etag: '"0x1"',
  _attachments: 'attachments/',
  _ts: 1767225600,
  _lsn: 7,
};

test('a stored document comes back without system fields, its _etag as etag, as an ordinary object', () => {
  const doc = fromCosmos<Record<string, unknown>>(stored)!;
  expect(doc).toEqual({
    id: 'p-1',
    tenantId: 't-1',
    title: 'Emma',
    updatedAt: '2026-01-01T00:00:00.000Z',
    etag: '"0x1"',
  });
  expect(hasFastProperties(doc)).toBe(true);
});

test('every partition-scoped iterator gets the same settled "no plan" answer', async () => {
  const iterator = () => ({}) as unknown as QueryIterator<unknown>;
  const planOf = (it: QueryIterator<unknown>) =>
    (it as unknown as { queryPlanPromise: Promise<unknown> }).queryPlanPromise;
  const first = planOf(withoutQueryPlan(iterator()));
  const second = planOf(withoutQueryPlan(iterator()));
  expect(second).toBe(first);
  await expect(first).resolves.toBeInstanceOf(Error);
});
