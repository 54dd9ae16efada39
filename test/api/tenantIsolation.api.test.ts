import sharp from 'sharp';
import { minimalMetadata, startTestPlatform, type TestPlatform } from '../support/testPlatform';

/**
 * Tenant-isolation matrix over every operation the running app registers (read from its generated OpenAPI, so new
 * endpoints join automatically) × every tenant role × {own object, other tenant's object, unassigned object}.
 * Other tenants' objects answer 404, forbidden actions 403, allowed ones 2xx.
 */
type Role = 'admin' | 'creator' | 'validator';
const roles: Role[] = ['admin', 'creator', 'validator'];
const userOf = (role: Role, tenant: 'andes' | 'pampa' = 'andes') => `${role}@${tenant}.test`;

/** SPEC.md §2 written out per operation: roles allowed on an object they own or are assigned to. */
const allowedOnOwn: Record<string, Role[]> = {
  getProject: ['admin', 'creator', 'validator'],
  updateProject: ['admin', 'creator'],
  archiveProject: ['admin', 'creator'],
  deleteProject: ['admin', 'creator'],
  restoreProject: ['admin'],
  setProjectMembers: ['admin', 'creator'],
  uploadCover: ['admin', 'creator'],
  getCover: ['admin', 'creator', 'validator'],
  getUser: ['admin'],
  updateUser: ['admin'],
};

/** A valid request for operations that need one (so validation never masks authorization). */
const requestFor: Record<string, (etag: string) => RequestInit & { json?: unknown }> = {
  updateProject: (etag) => ({ headers: { 'if-match': etag }, json: { metadata: { subtitle: 'Matrix' } } }),
  setProjectMembers: () => ({ json: { validatorIds: ['u-andes-validator'] } }),
  uploadCover: () => ({ headers: { 'content-type': 'image/jpeg' }, body: cover }),
  updateUser: () => ({ json: { displayName: 'Renamed by matrix' } }),
};

let platform: TestPlatform;
let cover: Buffer;
let operations: { operationId: string; method: string; path: string; objects: Record<string, string> }[];

beforeAll(async () => {
  platform = await startTestPlatform();
  cover = await sharp({ create: { width: 2400, height: 2400, channels: 3, background: '#884422' } })
    .jpeg()
    .toBuffer();
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
  const allowed = allowedOnOwn[op];
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
  const missing = operations.map((o) => o.operationId).filter((id) => !(id in allowedOnOwn));
  expect(missing).toEqual([]);
});

it.each(['own', 'otherTenant', 'unassigned'] as Situation[])(
  'every operation × every role on %s objects',
  async (situation) => {
    const failures: string[] = [];
    for (const op of operations) {
      for (const role of roles) {
        const fixture = await fixtureFor(op, role, situation);
        const param = Object.keys(op.objects)[0];
        const path = op.path.replace(/^\/api/, '').replace(`{${param}}`, fixture.id);
        const init = requestFor[op.operationId]?.(fixture.etag) ?? {};
        const res = await platform.api(userOf(role), path, { method: op.method, ...init });
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
