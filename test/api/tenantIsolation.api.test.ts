import * as fs from 'node:fs';
import * as path from 'node:path';
import sharp from 'sharp';
import { setCoverJpeg } from './isolation/core';
import type { IsolationTable, Role } from './isolation/types';
import { minimalMetadata, startTestPlatform, type TestPlatform } from '../support/testPlatform';

/**
 * Tenant-isolation matrix over every operation the running app registers (read from its generated OpenAPI, so new
 * endpoints join automatically) × every tenant role × {own object, other tenant's object, unassigned object}.
 * Other tenants' objects answer 404, forbidden actions 403, allowed ones 2xx.
 */
const roles: Role[] = ['admin', 'creator', 'validator'];
const userOf = (role: Role, tenant: 'andes' | 'pampa' = 'andes') => `${role}@${tenant}.test`;

/** Every feature's entries (test/api/isolation/*.ts), merged: SPEC.md §2 written out per operation. */
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

let platform: TestPlatform;
let cover: Buffer;
let operations: { operationId: string; method: string; path: string; objects: Record<string, string> }[];

beforeAll(async () => {
  platform = await startTestPlatform({ env: { RATE_LIMIT_PER_MINUTE: '1000000' } });
  cover = await sharp({ create: { width: 2400, height: 2400, channels: 3, background: '#884422' } })
    .jpeg()
    .toBuffer();
  setCoverJpeg(cover);
  const doc = (await (await platform.api(null, '/openapi.json')).json()) as any;
  operations = Object.entries(
    doc.paths as Record<string, Record<string, { operationId: string; 'x-khipu-objects'?: Record<string, string> }>>,
  )
    .flatMap(([path, ops]) =>
      Object.entries(ops).map(([method, op]) => ({
        operationId: op.operationId,
        method: method.toUpperCase(),
        path,
        objects: op['x-khipu-objects'] ?? {},
      })),
    )
    .filter((op) => Object.values(op.objects).some((kind) => kind === 'project' || kind === 'user'));
});
afterAll(async () => {
  await platform?.stop();
});

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

type Situation = 'own' | 'otherTenant' | 'unassigned';

async function fixtureFor(op: (typeof operations)[number], role: Role, situation: Situation) {
  const kind = Object.values(op.objects)[0];
  if (kind === 'user') return newUser(situation === 'otherTenant' ? 'pampa' : 'andes');
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

function expectedStatus(op: string, role: Role, situation: Situation, kind: string): 'ok' | 403 | 404 {
  const allowed = cases[op].allowed;
  if (kind === 'user') {
    if (role !== 'admin') return 403;
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
});

// The matrix makes a few thousand requests; CI machines are slow and shared.
jest.setTimeout(10 * 60_000);

it.each(['own', 'otherTenant', 'unassigned'] as Situation[])(
  'every operation × every role on %s objects',
  async (situation) => {
    const failures: string[] = [];
    for (const op of operations) {
      for (const role of roles) {
        const fixture = await fixtureFor(op, role, situation);
        const param = Object.keys(op.objects)[0];
        const entry = cases[op.operationId];
        const owner = situation === 'otherTenant' ? userOf('admin', 'pampa') : userOf('admin');
        const prepared =
          entry.prepare && Object.values(op.objects)[0] === 'project'
            ? await entry.prepare({ platform, projectId: fixture.id, admin: owner })
            : {};
        let route = op.path.replace(/^\/api/, '').replace(`{${param}}`, fixture.id);
        for (const [name, value] of Object.entries(prepared)) route = route.replace(`{${name}}`, value);
        const init = entry.request?.(fixture.etag, prepared) ?? {};
        const res = await platform.api(userOf(role), route, { method: op.method, ...init });
        const expected = expectedStatus(op.operationId, role, situation, Object.values(op.objects)[0]);
        const ok = expected === 'ok' ? res.status >= 200 && res.status < 300 : res.status === expected;
        if (!ok)
          failures.push(
            `${op.operationId} as ${role} on ${situation}: got ${res.status}, expected ${expected} ${await res.text()}`,
          );
        else await res.arrayBuffer();
      }
    }
    expect(failures).toEqual([]);
  },
);
