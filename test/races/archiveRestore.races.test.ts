/**
 * Archive and restore under concurrent writes to the project record. A restore is applied again on the fresh record
 * when another restore or an edit's fact recount got there first, so parallel restores racing edits all answer 200
 * (before the fix most answered 412). An archive with If-Match is stored only on the version the client named: of
 * parallel archives naming one version exactly one is stored, the others answer 412 with the archived project.
 */
import { body } from '../support/responses';
import type { TestPlatform } from '../support/testPlatform';
import { createProject } from '../support/projects';
import { inParallel, tally } from './support';
import { sharedTestPlatform } from '../support/sharedPlatform';

const ADMIN = 'admin@andes.test';
const PARALLEL = 20;
let platform: TestPlatform;

jest.setTimeout(10 * 60_000);

beforeAll(async () => {
  platform = await sharedTestPlatform();
}, 120_000);
afterAll(async () => {
  await platform?.stop();
});

const newProject = (title: string) => createProject(platform, ADMIN, title);

const archive = (projectId: string, ifMatch?: string) =>
  platform.api(ADMIN, `/v1/projects/${projectId}/archive`, {
    method: 'POST',
    headers: ifMatch ? { 'if-match': ifMatch } : {},
  });
const restore = (projectId: string) => platform.api(ADMIN, `/v1/projects/${projectId}/restore`, { method: 'POST' });

async function project(projectId: string): Promise<{ status: string; etag: string; statusBeforeArchive?: unknown }> {
  const res = await platform.api(ADMIN, `/v1/projects/${projectId}`);
  return { ...(await body(res, 200)), etag: res.headers.get('etag')! };
}

// Rounds on one project: each round's restores meet the previous round's fact recounts at a different moment.
test(`restores racing edits: ${PARALLEL} restores and ${PARALLEL} character creations at once, 3 rounds`, async () => {
  const projectId = await newProject('Restored while edited');
  await body(
    await platform.api(ADMIN, `/v1/projects/${projectId}`, {
      method: 'PATCH',
      headers: { 'if-match': (await project(projectId)).etag },
      json: { status: 'in_progress' },
    }),
    200,
  );
  for (let round = 0; round < 3; round++) {
    await body(await archive(projectId), 200);
    const [restores, edits] = await Promise.all([
      inParallel(PARALLEL, () => restore(projectId)),
      inParallel(PARALLEL, (i) =>
        platform.api(ADMIN, `/v1/projects/${projectId}/characters`, {
          method: 'POST',
          json: { name: `Round ${round} Racer ${i}` },
        }),
      ),
    ]);
    expect(tally(restores)).toEqual({ 200: PARALLEL });
    // Each answers the restored project, in the status it had before the archive.
    for (const { body: restored } of restores) expect(restored.status).toBe('in_progress');
    // An edit is refused while its read sees the archive, and stored once it sees the restore.
    expect(edits.every((e) => e.status === 201 || e.status === 400)).toBe(true);
    expect((await project(projectId)).status).toBe('in_progress');
  }
});

test(`${PARALLEL} parallel archives with one If-Match: one stored, the others 412`, async () => {
  const projectId = await newProject('Archived with If-Match');
  const { etag } = await project(projectId);

  const outcomes = await inParallel(PARALLEL, () => archive(projectId, etag));

  expect(tally(outcomes)).toEqual({ 200: 1, 412: PARALLEL - 1 });
  for (const loser of outcomes.filter((o) => o.status === 412))
    expect(loser.body.error.details.current).toMatchObject({ id: projectId, status: 'archived' });
  expect((await project(projectId)).status).toBe('archived');
});

test('an archive with a stale If-Match is refused and changes nothing', async () => {
  const projectId = await newProject('Archived from a stale version');
  const stale = (await project(projectId)).etag;
  await body(
    await platform.api(ADMIN, `/v1/projects/${projectId}`, {
      method: 'PATCH',
      headers: { 'if-match': stale },
      json: { metadata: { subtitle: 'Changed' } },
    }),
    200,
  );
  expect((await archive(projectId, stale)).status).toBe(412);
  expect((await project(projectId)).status).toBe('draft');
});
