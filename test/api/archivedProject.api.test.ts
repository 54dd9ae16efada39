import * as fs from 'node:fs';
import * as path from 'node:path';
import sharp from 'sharp';
import { containerDefinitions } from '../../adapters/cosmos/containers';
import { setCoverJpeg } from './isolation/core';
import type { IsolationCase, IsolationTable } from './isolation/types';
import type { TestPlatform } from '../support/testPlatform';
import { createProject } from '../support/projects';
import { body } from '../support/responses';
import { cosmosContainer } from '../races/support';
import { sharedTestPlatform } from '../support/sharedPlatform';

/**
 * An archived project accepts no edit, whichever endpoint asks: every operation on a project that the running app
 * registers (read from its OpenAPI, so a new endpoint joins by existing) is sent to an archived project. Reads answer
 * 2xx, the few changes that stay open (archiving again, job cancels, restore) answer 2xx, and every other request is
 * refused with 400 naming `status`, leaving every stored document of the project as it was. Each operation is sent
 * with the valid request and the objects the tenant-isolation matrix prepares for it (test/api/isolation/*.ts).
 */
const ADMIN = 'admin@andes.test';
const TENANT = 't-andes';

/** Operations that change something yet stay open on an archived project (docs/reliability.md, "Archived projects"). */
const OPEN_ON_ARCHIVED: Record<string, string> = {
  archiveProject: 'archiving an archived project changes nothing',
  deleteProject: 'deleting is archiving',
  restoreProject: 'restoring is how an archived project becomes editable again',
  cancelJob: 'a cancel only winds work down',
};

interface Operation {
  operationId: string;
  method: string;
  path: string;
}

function isolationCases(): IsolationTable {
  const dir = path.join(__dirname, 'isolation');
  const merged: IsolationTable = {};
  for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.ts') && !['types.ts', 'fixtures.ts'].includes(f))) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- the folder is the registry; files join by existing
    Object.assign(merged, (require(path.join(dir, file)) as { isolation?: IsolationTable }).isolation ?? {});
  }
  return merged;
}
const cases = isolationCases();

let platform: TestPlatform;
let projectOperations: Operation[];
let cover: Buffer;

jest.setTimeout(15 * 60_000);

beforeAll(async () => {
  platform = await sharedTestPlatform();
  cover = await sharp({ create: { width: 2400, height: 2400, channels: 3, background: '#884422' } })
    .jpeg()
    .toBuffer();
  setCoverJpeg(cover);
  const doc = (await (await platform.api(null, '/openapi.json')).json()) as any;
  projectOperations = Object.entries(
    doc.paths as Record<
      string,
      Record<string, { operationId: string; 'x-khipu-access': string; 'x-khipu-objects'?: Record<string, string> }>
    >,
  ).flatMap(([route, ops]) =>
    Object.entries(ops)
      // Operator routes refuse every tenant user before reading anything (test/api/operatorAccess.api.test.ts).
      .filter(([, op]) => op['x-khipu-access'] !== 'operator')
      .filter(([, op]) => Object.values(op['x-khipu-objects'] ?? {}).includes('project'))
      .map(([method, op]) => ({ operationId: op.operationId, method: method.toUpperCase(), path: route })),
  );
}, 120_000);
afterAll(async () => {
  await platform?.stop();
});

const newProject = (title: string) => createProject(platform, ADMIN, title);

async function archive(projectId: string): Promise<void> {
  await body(await platform.api(ADMIN, `/v1/projects/${projectId}/archive`, { method: 'POST' }), 200);
}

async function uploadCover(projectId: string): Promise<void> {
  await body(
    await platform.api(ADMIN, `/v1/projects/${projectId}/cover`, {
      method: 'PUT',
      headers: { 'content-type': 'image/jpeg' },
      body: new Uint8Array(cover),
    }),
    200,
  );
}

async function projectEtag(projectId: string): Promise<string> {
  return (await platform.api(ADMIN, `/v1/projects/${projectId}`)).headers.get('etag')!;
}

/** Every stored document of the project (its record and its per-project containers), by container and id: its ETag. */
async function storedDocuments(projectId: string): Promise<Record<string, string>> {
  const stored: Record<string, string> = {};
  const perProject = Object.values(containerDefinitions).filter((c) => c.partitionKeyPaths.includes('/projectId'));
  for (const { id: name } of [...perProject, containerDefinitions.projects]) {
    const { container, close } = cosmosContainer(platform, name);
    try {
      const { resources } = await container.items
        .query<{ id: string; _etag: string }>({
          query:
            'SELECT c.id, c._etag FROM c WHERE c.tenantId = @tenantId AND (c.projectId = @projectId OR c.id = @projectId)',
          parameters: [
            { name: '@tenantId', value: TENANT },
            { name: '@projectId', value: projectId },
          ],
        })
        .fetchAll();
      for (const doc of resources) stored[`${name}/${doc.id}`] = doc._etag;
    } finally {
      close();
    }
  }
  return stored;
}

function send(op: Operation, projectId: string, etag: string, prepared: Record<string, string>): Promise<Response> {
  let route = op.path.replace(/^\/api/, '').replace('{projectId}', projectId);
  for (const [name, value] of Object.entries(prepared)) route = route.replace(`{${name}}`, value);
  const init = cases[op.operationId]?.request?.(etag, prepared) ?? {};
  return platform.api(ADMIN, route, { method: op.method, ...init });
}

/** Operations that need the same objects share one archived project, prepared once before it is archived. */
function byPreparation(operations: Operation[]): Operation[][] {
  const groups = new Map<IsolationCase['prepare'], Operation[]>();
  for (const op of operations) {
    const prepare = cases[op.operationId]?.prepare;
    groups.set(prepare, [...(groups.get(prepare) ?? []), op]);
  }
  return [...groups.values()];
}

it('knows how to call every operation on a project', () => {
  expect(projectOperations.length).toBeGreaterThanOrEqual(30);
  expect(projectOperations.filter((op) => !(op.operationId in cases)).map((op) => op.operationId)).toEqual([]);
});

it('refuses every edit of an archived project, keeps reads, cancels and restore open, and stores nothing', async () => {
  // Restoring ends the archive, so it is sent last, once the rest of its project's requests have answered.
  const operations = projectOperations.filter((op) => op.operationId !== 'restoreProject');
  const failures = await Promise.all(
    byPreparation(operations).map(async (group) => {
      const projectId = await newProject('Archived, then edited');
      const prepare = cases[group[0].operationId].prepare;
      const prepared = prepare ? await prepare({ platform, projectId, admin: ADMIN }) : {};
      if (group.some((op) => op.operationId === 'getCover')) await uploadCover(projectId);
      await archive(projectId);
      const etag = await projectEtag(projectId);
      const before = await storedDocuments(projectId);
      const found: string[] = [];
      for (const op of group) {
        const res = await send(op, projectId, etag, prepared);
        const text = await res.text();
        const open = op.method === 'GET' || op.operationId in OPEN_ON_ARCHIVED;
        const refusal = res.status === 400 && /"field":"status"/.test(text) && /archived/.test(text);
        if (open ? res.status >= 300 : !refusal) found.push(`${op.operationId}: ${res.status} ${text.slice(0, 300)}`);
      }
      const after = await storedDocuments(projectId);
      const changed = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter(
        (key) => before[key] !== after[key],
      );
      if (changed.length) found.push(`${group.map((op) => op.operationId).join(', ')} changed ${changed.join(', ')}`);
      return found;
    }),
  );
  expect(failures.flat()).toEqual([]);
});

it('accepts edits again once the project is restored', async () => {
  const projectId = await newProject('Archived, restored, edited');
  await archive(projectId);
  const refused = await platform.api(ADMIN, `/v1/projects/${projectId}/characters`, {
    method: 'POST',
    json: { name: 'Too Early' },
  });
  expect(refused.status).toBe(400);
  await body(await platform.api(ADMIN, `/v1/projects/${projectId}/restore`, { method: 'POST' }), 200);

  await body(
    await platform.api(ADMIN, `/v1/projects/${projectId}/characters`, { method: 'POST', json: { name: 'In Time' } }),
    201,
  );
  await body(
    await platform.api(ADMIN, `/v1/projects/${projectId}/casting/pool`, {
      method: 'PUT',
      json: { voiceNames: ['en-GB-EspeakFemale1'] },
    }),
    200,
  );
  await body(
    await platform.api(ADMIN, `/v1/projects/${projectId}`, {
      method: 'PATCH',
      headers: { 'if-match': await projectEtag(projectId) },
      json: { metadata: { subtitle: 'Restored' } },
    }),
    200,
  );
});
