import * as fs from 'node:fs';
import * as path from 'node:path';
import sharp from 'sharp';
import { setCoverJpeg } from './isolation/core';
import { TENANT_WIDE_KINDS, type IsolationTable, type ObjectKind, type Role } from './isolation/types';
import { minimalMetadata, startTestPlatform, type TestPlatform } from '../support/testPlatform';
import { startReceiver, type WebhookReceiver } from '../webhooks/receiver';

/**
 * Tenant-isolation matrix over every operation the running app registers (read from its generated OpenAPI, so new
 * endpoints join automatically) × every tenant role × {own object, other tenant's object, unassigned object}.
 * Other tenants' objects answer 404, forbidden actions 403, allowed ones 2xx.
 */
const roles: Role[] = ['admin', 'creator', 'validator'];
const userOf = (role: Role, tenant: 'andes' | 'pampa' = 'andes') => `${role}@${tenant}.test`;

/** Every feature's entries (test/api/isolation/*.ts), merged: the permission matrix written out per operation. */
function loadIsolationTables(): IsolationTable {
  const dir = path.join(__dirname, 'isolation');
  const merged: IsolationTable = {};
  for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.ts') && !['types.ts', 'fixtures.ts'].includes(f))) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- the folder is the registry; files join by existing
    const table = (require(path.join(dir, file)) as { isolation?: IsolationTable }).isolation ?? {};
    for (const [operationId, entry] of Object.entries(table)) {
      if (operationId in merged) throw new Error(`${operationId} has two isolation entries`);
      merged[operationId] = entry;
    }
  }
  return merged;
}
const cases = loadIsolationTables();

/**
 * Path parameters that name tenant-owned objects although their routes carry no `x-khipu-objects` (the endpoint
 * catalog's object kinds predate webhooks), so a new `{webhookId}` route joins the matrix by its name alone.
 */
const KIND_BY_PARAMETER: Record<string, ObjectKind> = { webhookId: 'webhook' };
/** Path parameters that name nothing a tenant owns; every other parameterised route must be in the matrix. */
const NOT_TENANT_OBJECTS: Record<string, string> = {
  voiceName: 'the shared voice catalog',
  tenantId: 'operator routes, outside any tenant',
  identityId: 'operator routes: sign-in identities, which exist before and outside any tenant',
  token: 'media links: the sealed link is the credential and names its own tenant (test/listening covers forgery)',
};
const MATRIX_KINDS: readonly string[] = ['project', ...TENANT_WIDE_KINDS];

interface Operation {
  operationId: string;
  method: string;
  path: string;
  pathParameters: string[];
  objects: Record<string, ObjectKind>;
  /** `x-khipu-access`: operator operations refuse every tenant user, whatever the object. */
  access: string;
}

let platform: TestPlatform;
let receiver: WebhookReceiver;
let cover: Buffer;
/** Every registered operation, and the object-scoped ones the matrix exercises. */
let allOperations: Operation[];
let operations: Operation[];

beforeAll(async () => {
  // Webhooks need a deliverable URL: a loopback receiver, allowed on the local platform only by this setting.
  receiver = await startReceiver(204);
  platform = await startTestPlatform({ env: { RATE_LIMIT_PER_MINUTE: '1000000', WEBHOOK_ALLOW_LOOPBACK: 'true' } });
  cover = await sharp({ create: { width: 2400, height: 2400, channels: 3, background: '#884422' } })
    .jpeg()
    .toBuffer();
  setCoverJpeg(cover);
  // The matrix starts productions in many projects at once; the tenants' concurrent-production quota is another
  // test's subject (test/races/jobs.races.test.ts), so it must not refuse them here.
  for (const tenantId of ['t-andes', 't-pampa']) await raiseProductionQuota(tenantId);
  const doc = (await (await platform.api(null, '/openapi.json')).json()) as any;
  allOperations = Object.entries(
    doc.paths as Record<
      string,
      Record<string, { operationId: string; 'x-khipu-access': string; 'x-khipu-objects'?: Record<string, ObjectKind> }>
    >,
  ).flatMap(([path, ops]) =>
    Object.entries(ops).map(([method, op]) => {
      const pathParameters = [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
      const inferred = Object.fromEntries(
        pathParameters.filter((p) => p in KIND_BY_PARAMETER).map((p) => [p, KIND_BY_PARAMETER[p]]),
      );
      return {
        operationId: op.operationId,
        method: method.toUpperCase(),
        path,
        pathParameters,
        objects: { ...inferred, ...op['x-khipu-objects'] },
        access: op['x-khipu-access'],
      };
    }),
  );
  operations = allOperations.filter((op) => Object.values(op.objects).some((kind) => MATRIX_KINDS.includes(kind)));
});
afterAll(async () => {
  await platform?.stop();
  await receiver?.close();
});

async function raiseProductionQuota(tenantId: string): Promise<void> {
  const path = `/v1/operator/tenants/${tenantId}`;
  const tenant = (await (await platform.api('operator@khipu.test', path)).json()) as { etag: string };
  const res = await platform.api('operator@khipu.test', path, {
    method: 'PATCH',
    headers: { 'if-match': tenant.etag },
    json: { quotas: { concurrentJobs: 100 } },
  });
  if (res.status !== 200) throw new Error(`raising ${tenantId}'s quota: ${res.status} ${await res.text()}`);
}

async function newProject(owner: string, opts: { validator?: string; withCover?: boolean; archived?: boolean } = {}) {
  const res = await platform.api(owner, '/v1/projects', {
    method: 'POST',
    json: { metadata: minimalMetadata('Matrix book') },
  });
  expect(res.status).toBe(201);
  const project = (await res.json()) as any as { id: string; etag: string };
  const admin = owner.replace(/^[a-z]+@/, 'admin@');
  if (opts.validator) {
    const res2 = await platform.api(admin, `/v1/projects/${project.id}/members`, {
      method: 'PUT',
      json: { validatorIds: [opts.validator] },
    });
    expect(res2.status).toBe(200);
  }
  if (opts.withCover) {
    const res3 = await platform.api(admin, `/v1/projects/${project.id}/cover`, {
      method: 'PUT',
      headers: { 'content-type': 'image/jpeg' },
      body: cover,
    });
    expect(res3.status).toBe(200);
  }
  if (opts.archived) {
    expect((await platform.api(admin, `/v1/projects/${project.id}/archive`, { method: 'POST' })).status).toBe(200);
  }
  const fresh = await platform.api(admin, `/v1/projects/${project.id}`);
  return { id: project.id, etag: fresh.headers.get('etag')! };
}

async function newUser(tenant: 'andes' | 'pampa') {
  const res = await platform.api(userOf('admin', tenant), '/v1/users', {
    method: 'POST',
    json: {
      email: `matrix-${Math.random().toString(36).slice(2)}@${tenant}.test`,
      displayName: 'Matrix User',
      role: 'creator',
    },
  });
  expect(res.status).toBe(201);
  const user = (await res.json()) as any as { id: string; etag: string };
  return { id: user.id, etag: user.etag };
}

/** A subscription created by the tenant's admin, delivering to the local receiver. */
async function newWebhook(tenant: 'andes' | 'pampa') {
  const res = await platform.api(userOf('admin', tenant), '/v1/webhooks', {
    method: 'POST',
    json: { url: receiver.url, eventTypes: ['khipu.job.completed'], description: 'Matrix webhook' },
  });
  expect(res.status).toBe(201);
  const webhook = (await res.json()) as { id: string; etag: string };
  return { id: webhook.id, etag: webhook.etag };
}

/** Tenants may hold only a few subscriptions, and the matrix creates one per request. */
async function removeWebhook(tenant: 'andes' | 'pampa', id: string) {
  const res = await platform.api(userOf('admin', tenant), `/v1/webhooks/${id}`, { method: 'DELETE' });
  expect([204, 404]).toContain(res.status);
  await res.arrayBuffer();
}

type Situation = 'own' | 'otherTenant' | 'unassigned';
const tenantOf = (situation: Situation) => (situation === 'otherTenant' ? 'pampa' : 'andes');

async function fixtureFor(op: Operation, role: Role, situation: Situation) {
  const kind = Object.values(op.objects)[0];
  if (kind === 'user') return newUser(tenantOf(situation));
  if (kind === 'webhook') return newWebhook(tenantOf(situation));
  const create = cases[op.operationId]?.create;
  if (create) return create({ platform, admin: userOf('admin', tenantOf(situation)) });
  const withCover = op.operationId === 'getCover';
  const archived = op.operationId === 'restoreProject';
  if (situation === 'otherTenant')
    return newProject(userOf('creator', 'pampa'), { validator: 'u-pampa-validator', withCover, archived });
  if (situation === 'unassigned') return newProject(userOf('admin'), { withCover, archived });
  return newProject(userOf('creator'), {
    validator: role === 'validator' ? 'u-andes-validator' : undefined,
    withCover,
    archived,
  });
}

function expectedStatus(op: Operation, role: Role, situation: Situation, kind: ObjectKind): 'ok' | 403 | 404 {
  // The operator check precedes any lookup, so a 403 here says nothing about whether the object exists.
  if (op.access === 'operator') return 403;
  const allowed = cases[op.operationId].allowed;
  if (TENANT_WIDE_KINDS.includes(kind)) {
    // The role check precedes the lookup, so a 403 here says nothing about whether the id exists.
    if (!allowed.includes(role)) return 403;
    return situation === 'otherTenant' ? 404 : 'ok';
  }
  if (situation === 'otherTenant') return 404;
  if (situation === 'unassigned' && role !== 'admin') return 404;
  return allowed.includes(role) ? 'ok' : 403;
}

it('has an expectation for every object-scoped operation the app registers', () => {
  expect(operations.length).toBeGreaterThanOrEqual(10);
  const missing = operations.map((o) => o.operationId).filter((id) => !(id in cases));
  expect(missing).toEqual([]);
  // An entry whose operation is not exercised would pass silently (e.g. a route whose object kind went unnoticed).
  const unexercised = Object.keys(cases).filter((id) => !operations.some((o) => o.operationId === id));
  expect(unexercised).toEqual([]);
});

it('exercises every route whose path names something, unless it names nothing a tenant owns', () => {
  const uncovered = allOperations
    .filter((op) => !operations.includes(op))
    .filter((op) => op.pathParameters.some((p) => !(p in NOT_TENANT_OBJECTS)))
    .map((op) => `${op.method} ${op.path}`);
  expect(uncovered).toEqual([]);
  const webhookRoutes = allOperations.filter((op) => op.pathParameters.includes('webhookId'));
  expect(webhookRoutes.length).toBeGreaterThanOrEqual(6);
  expect(webhookRoutes.filter((op) => !operations.includes(op))).toEqual([]);
});

// The matrix makes a few thousand requests; CI machines are slow and shared.
jest.setTimeout(10 * 60_000);

interface Arrangement {
  fixture: { id: string; etag: string };
  /** The extra path parameters the entry's `prepare` returned. */
  prepared: Record<string, string>;
}

/** The object an operation names, made for this case alone, with what the entry prepares in it. */
async function arrange(op: Operation, role: Role, situation: Situation): Promise<Arrangement> {
  const fixture = await fixtureFor(op, role, situation);
  const kind = Object.values(op.objects)[0];
  const prepare = cases[op.operationId].prepare;
  const admin = userOf('admin', tenantOf(situation));
  const prepared = prepare && kind === 'project' ? await prepare({ platform, projectId: fixture.id, admin }) : {};
  return { fixture, prepared };
}

/**
 * A case that leaves its project as it found it (a GET, or a request the matrix expects refused) shares the project
 * with every such case of its situation that prepares it the same way (an imported book, a planned one, a seeded
 * package, ...): an import or a plan per request was most of the matrix's time. The shared "own" project has the
 * validator assigned, which changes nothing for its owner or the admin. A case expected to change something keeps a
 * project of its own; should a refused request change something after all, its wrong status fails the matrix anyway.
 */
const sharedArrangements = new Map<string, Promise<Arrangement>>();
const preparerNumbers = new Map<IsolationTable[string]['prepare'], number>();
function sharedArrangement(op: Operation, situation: Situation): Promise<Arrangement> {
  const prepare = cases[op.operationId].prepare;
  if (!preparerNumbers.has(prepare)) preparerNumbers.set(prepare, preparerNumbers.size);
  // fixtureFor gives these two operations a project with a cover, or an archived one.
  const special = ['getCover', 'restoreProject'].includes(op.operationId) ? op.operationId : '';
  const key = `${situation} ${preparerNumbers.get(prepare)} ${special}`;
  let arrangement = sharedArrangements.get(key);
  if (!arrangement) {
    arrangement = arrange(op, 'validator', situation);
    sharedArrangements.set(key, arrangement);
  }
  return arrangement;
}

function leavesProjectAsIs(op: Operation, role: Role, situation: Situation): boolean {
  const kind = Object.values(op.objects)[0];
  return kind === 'project' && (op.method === 'GET' || expectedStatus(op, role, situation, kind) !== 'ok');
}

/** One operation as one role on an object of the situation; the failure it shows, if any. */
function arrangementFor(op: Operation, role: Role, situation: Situation): Promise<Arrangement> {
  return leavesProjectAsIs(op, role, situation) ? sharedArrangement(op, situation) : arrange(op, role, situation);
}

/**
 * How many operations ahead their projects are made while the current operation's requests run. Most of the matrix's
 * time is spent waiting on imports and plans (jobs the platform runs on its own), so overlapping a few operations'
 * worth keeps it busy; more would only queue jobs behind each other on a loaded machine.
 */
const ARRANGE_AHEAD = 4;

/**
 * An operation's projects, made ahead of its turn. Projects only: a tenant-wide fixture (a user, a subscription, an
 * export) is made when its operation's turn comes, after the operations before it.
 */
function arrangeAhead(op: Operation | undefined, situation: Situation): Map<Role, Promise<Arrangement>> {
  const ahead = new Map<Role, Promise<Arrangement>>();
  if (!op || Object.values(op.objects)[0] !== 'project') return ahead;
  for (const role of roles) {
    const arrangement = arrangementFor(op, role, situation);
    // A failure is reported by the case that awaits it.
    arrangement.catch(() => undefined);
    ahead.set(role, arrangement);
  }
  return ahead;
}

async function exercise(
  op: Operation,
  role: Role,
  situation: Situation,
  arranged?: Promise<Arrangement>,
): Promise<string | undefined> {
  const { fixture, prepared } = await (arranged ?? arrangementFor(op, role, situation));
  const [param, kind] = Object.entries(op.objects)[0];
  const entry = cases[op.operationId];
  let route = op.path.replace(/^\/api/, '').replace(`{${param}}`, fixture.id);
  for (const [name, value] of Object.entries(prepared)) route = route.replace(`{${name}}`, value);
  const init = entry.request?.(fixture.etag, prepared) ?? {};
  const res = await platform.api(userOf(role), route, { method: op.method, ...init });
  const expected = expectedStatus(op, role, situation, kind);
  const ok = expected === 'ok' ? res.status >= 200 && res.status < 300 : res.status === expected;
  const failure = ok
    ? undefined
    : `${op.operationId} as ${role} on ${situation}: got ${res.status}, expected ${expected} ${await res.text()}`;
  if (ok) await res.arrayBuffer();
  if (kind === 'webhook') await removeWebhook(tenantOf(situation), fixture.id);
  return failure;
}

it.each(['own', 'otherTenant', 'unassigned'] as Situation[])(
  'every operation × every role on %s objects',
  async (situation) => {
    const failures: string[] = [];
    // The three roles of one operation run at once, each on its own object: the matrix waits on the platform far
    // more than it computes. Operations stay one after another, since some share tenant-wide fixtures (an export
    // that an erasure may delete).
    // Making projects does not touch the tenant-wide fixtures, so the next few operations' are made meanwhile.
    const ahead = operations.slice(0, ARRANGE_AHEAD).map((op) => arrangeAhead(op, situation));
    for (const [index, op] of operations.entries()) {
      const arranged = ahead.shift()!;
      ahead.push(arrangeAhead(operations[index + ARRANGE_AHEAD], situation));
      const found = await Promise.all(roles.map((role) => exercise(op, role, situation, arranged.get(role))));
      failures.push(...found.filter((failure): failure is string => failure !== undefined));
    }
    expect(failures).toEqual([]);
  },
);
