/**
 * The operator's half of the role matrix, read from the running app's OpenAPI so a new operator operation joins
 * without anyone listing it: every operation marked `x-khipu-access: operator` answers 403 to every tenant role and
 * 401 without a token, before its path, query or body is looked at (so the answer reveals nothing about them); the
 * operator's own read-only listings answer 200.
 */
import { sharedTestPlatform } from '../support/sharedPlatform';
import type { TestPlatform } from '../support/testPlatform';

const TENANT_USERS = ['admin@andes.test', 'creator@andes.test', 'validator@andes.test', 'admin@pampa.test'];
let platform: TestPlatform;
let operatorOperations: { operationId: string; method: string; path: string; requiredQuery: boolean }[];

beforeAll(async () => {
  platform = await sharedTestPlatform();
  const doc = (await (await platform.api(null, '/openapi.json')).json()) as {
    paths: Record<
      string,
      Record<
        string,
        { operationId: string; 'x-khipu-access': string; parameters?: { in: string; required?: boolean }[] }
      >
    >;
  };
  operatorOperations = Object.entries(doc.paths).flatMap(([path, operations]) =>
    Object.entries(operations)
      .filter(([, op]) => op['x-khipu-access'] === 'operator')
      .map(([method, op]) => ({
        operationId: op.operationId,
        method: method.toUpperCase(),
        path: path.replace(/^\/api/, ''),
        requiredQuery: (op.parameters ?? []).some((p) => p.in === 'query' && p.required),
      })),
  );
}, 120_000);
afterAll(async () => {
  await platform?.stop();
});

/** Path parameters filled with an id nothing has: the refusal must come before any lookup. */
const probe = (path: string) => path.replace(/\{\w+\}/g, 'probe-0000');

test('the operator operations are found in the OpenAPI document, the platform metrics among them', () => {
  const ids = operatorOperations.map((op) => op.operationId);
  expect(ids).toEqual(expect.arrayContaining(['listTenants', 'getPlatformMetrics', 'listTenantMetrics']));
});

test('every operator operation refuses every tenant role (403) and an anonymous caller (401)', async () => {
  const wrong: string[] = [];
  for (const op of operatorOperations) {
    for (const user of [...TENANT_USERS, null]) {
      // A body that is not even JSON: validation would answer 400 if it came before the access check.
      const res = await platform.api(user, probe(op.path), {
        method: op.method,
        ...(op.method === 'GET' || op.method === 'DELETE'
          ? {}
          : { body: 'not json', headers: { 'content-type': 'application/json' } }),
      });
      const expected = user === null ? 401 : 403;
      if (res.status !== expected) wrong.push(`${op.operationId} as ${user ?? 'anonymous'}: ${res.status}`);
      await res.arrayBuffer();
    }
  }
  expect(wrong).toEqual([]);
});

test('the operator reads every parameterless operator listing', async () => {
  const listings = operatorOperations.filter(
    (op) => op.method === 'GET' && !op.path.includes('{') && !op.requiredQuery,
  );
  expect(listings.length).toBeGreaterThanOrEqual(3);
  for (const op of listings) {
    const res = await platform.api('operator@khipu.test', op.path);
    expect({ operation: op.operationId, status: res.status }).toEqual({ operation: op.operationId, status: 200 });
    await res.arrayBuffer();
  }
});
