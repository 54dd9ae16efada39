/**
 * A production rerun with nothing changed, on the local platform with the offline engine: each platform's earlier
 * package becomes the new job's package as it is, so the rerun synthesizes, masters, encodes and stores nothing (not
 * one blob written or rewritten); a change to what the package carries (the book's description) builds it again.
 */
import { createHash } from 'node:crypto';
import type { TestPlatform } from '../support/testPlatform';
import { projectBlobPrefix } from '../../core/ports/blobs';
import { blobContainer, CREATOR, json, plannedBook, produce, tenantOf } from './support';
import { sharedTestPlatform } from '../support/sharedPlatform';

let platform: TestPlatform;

beforeAll(async () => {
  platform = await sharedTestPlatform();
}, 120_000);
afterAll(async () => {
  await platform?.stop();
});

interface PackageView {
  id: string;
  platform: string;
  jobId: string;
  sha256: string;
  stats: { encoded: number; reused: number };
}

/** Name → etag of every blob of the project: a new or rewritten blob changes it. */
async function projectBlobs(projectId: string): Promise<Map<string, string>> {
  const blobs = new Map<string, string>();
  for await (const blob of blobContainer(platform).listBlobsFlat({
    prefix: projectBlobPrefix(tenantOf(CREATOR), projectId),
  }))
    blobs.set(blob.name, blob.properties.etag ?? '');
  return blobs;
}

async function packagesOfJob(projectId: string, jobId: string): Promise<PackageView[]> {
  const page = await json<{ items: PackageView[] }>(
    await platform.api(CREATOR, `/v1/projects/${projectId}/packages`),
    200,
  );
  return page.items.filter((p) => p.jobId === jobId).sort((a, b) => a.platform.localeCompare(b.platform));
}

test('an unchanged rerun takes each package whole and writes no blob; a metadata change builds them again', async () => {
  const { projectId } = await plannedBook(platform);
  const first = await produce(platform, projectId, ['apple', 'acx']);
  expect(first.error).toBeNull();
  expect(first.status).toBe('succeeded');
  const firstPackages = await packagesOfJob(projectId, first.id);
  expect(firstPackages.map((p) => p.platform)).toEqual(['acx', 'apple']);
  const stored = await projectBlobs(projectId);

  const rerun = await produce(platform, projectId, ['apple', 'acx']);
  expect(rerun.error).toBeNull();
  expect(rerun.status).toBe('succeeded');
  expect(rerun.result.synthesisCalls).toBe(0);
  expect(rerun.result.packages.map((p: { reusedWhole: boolean }) => p.reusedWhole)).toEqual([true, true]);
  expect(rerun.result.packages.map((p: { encoded: number }) => p.encoded)).toEqual([0, 0]);
  // Nothing stored: no new blob (no new deliverable, preview, master or encoding), none rewritten.
  expect(await projectBlobs(projectId)).toEqual(stored);
  const rerunPackages = await packagesOfJob(projectId, rerun.id);
  expect(rerunPackages.map((p) => p.sha256)).toEqual(firstPackages.map((p) => p.sha256));
  // The rerun's packages download, and are the same bytes.
  for (const pkg of rerunPackages) {
    const link = await json<{ url: string }>(
      await platform.api(CREATOR, `/v1/projects/${projectId}/packages/${pkg.id}/download`),
      200,
    );
    const bytes = Buffer.from(await (await fetch(link.url)).arrayBuffer());
    expect(bytes.length).toBeGreaterThan(0);
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(pkg.sha256);
  }

  // The description goes into the packages' tags and manifests: both are built again (from the stored encodings).
  const project = await platform.api(CREATOR, `/v1/projects/${projectId}`);
  await json(
    await platform.api(CREATOR, `/v1/projects/${projectId}`, {
      method: 'PATCH',
      headers: { 'if-match': project.headers.get('etag')! },
      json: { metadata: { description: 'A short test book, described again.' } },
    }),
    200,
  );
  const edited = await produce(platform, projectId, ['apple', 'acx']);
  expect(edited.status).toBe('succeeded');
  expect(edited.result.synthesisCalls).toBe(0);
  expect(edited.result.packages.map((p: { reusedWhole: boolean }) => p.reusedWhole)).toEqual([false, false]);
  const editedPackages = await packagesOfJob(projectId, edited.id);
  for (const [index, pkg] of editedPackages.entries()) expect(pkg.sha256).not.toBe(firstPackages[index].sha256);
}, 600_000);
