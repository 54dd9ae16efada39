/**
 * Package builds racing cover uploads. An upload that replaces the cover deletes the replaced files, so a build that
 * read the project just before may find its cover gone; it then takes the cover the project points to now. Shown on
 * the real local platform: productions of four zip platforms while 20 distinct covers are uploaded again and again
 * until the job ends. Every job succeeds, and each package's cover is one of the uploaded covers' retail images,
 * byte for byte.
 */
import { createHash } from 'node:crypto';
import sharp from 'sharp';
import yauzl from 'yauzl';
import { waitForJob } from '../api/isolation/fixtures';
import { CREATOR, json, plannedBook, startProduction } from '../production/support';
import { body } from '../support/responses';
import { minimalMetadata, type TestPlatform } from '../support/testPlatform';
import { sharedTestPlatform } from '../support/sharedPlatform';

const COVERS = 20;
/** Zip packages hold the cover as a file of its own. */
const PLATFORMS = ['acx', 'google', 'kobo', 'spotify'];
const ROUNDS = 3;
/** Uploads in flight at once (an instance admits six at a time). */
const LANES = 6;
let platform: TestPlatform;
let covers: Buffer[];
/** sha256 of the retail image the platform makes of each cover. */
let retailHashes: Set<string>;

jest.setTimeout(20 * 60_000);

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

function putCover(projectId: string, cover: Buffer): Promise<Response> {
  return platform.api(CREATOR, `/v1/projects/${projectId}/cover`, {
    method: 'PUT',
    headers: { 'content-type': 'image/jpeg' },
    body: new Uint8Array(cover),
  });
}

beforeAll(async () => {
  platform = await sharedTestPlatform();
  covers = await Promise.all(
    Array.from({ length: COVERS }, (_, i) =>
      sharp({ create: { width: 3000, height: 3000, channels: 3, background: { r: 10 * i, g: 90, b: 200 - 5 * i } } })
        .jpeg()
        .toBuffer(),
    ),
  );
  // The retail image of each cover, each made on a project of its own (so none is replaced while read), a few lanes
  // at once.
  const hashes: string[] = [];
  await Promise.all(
    Array.from({ length: LANES }, async (_, lane) => {
      for (let i = lane; i < COVERS; i += LANES) {
        const scratch = await body<{ id: string }>(
          await platform.api(CREATOR, '/v1/projects', {
            method: 'POST',
            json: { metadata: minimalMetadata(`Cover ${i}`) },
          }),
          201,
        );
        await body(await putCover(scratch.id, covers[i]), 200);
        const retail = await platform.api(CREATOR, `/v1/projects/${scratch.id}/cover?variant=retail`);
        expect(retail.status).toBe(200);
        hashes.push(sha256(Buffer.from(await retail.arrayBuffer())));
      }
    }),
  );
  retailHashes = new Set(hashes);
  expect(retailHashes.size).toBe(COVERS);
}, 600_000);
afterAll(async () => {
  await platform?.stop();
});

/** The bytes of the zip entry `Cover.jpg`. */
function coverInZip(zip: Buffer): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(zip, { lazyEntries: true }, (error, file) => {
      if (error) return reject(error);
      file.on('error', reject);
      file.on('end', () => reject(new Error('no Cover.jpg in the package')));
      file.on('entry', (entry: yauzl.Entry) => {
        if (!entry.fileName.endsWith('Cover.jpg')) return file.readEntry();
        file.openReadStream(entry, (streamError, stream) => {
          if (streamError) return reject(streamError);
          const chunks: Buffer[] = [];
          stream.on('data', (chunk: Buffer) => chunks.push(chunk));
          stream.on('error', reject);
          stream.on('end', () => resolve(Buffer.concat(chunks)));
        });
      });
      file.readEntry();
    });
  });
}

test(`productions of ${PLATFORMS.length} packages racing ${COVERS} cover uploads: every build succeeds with one whole uploaded cover`, async () => {
  const { projectId } = await plannedBook(platform, { title: 'Covers while packaging' });
  for (let round = 0; round < ROUNDS; round++) {
    const jobId = await startProduction(platform, projectId, PLATFORMS);
    let ended = false;
    let uploads = 0;
    const statuses: number[] = [];
    // Until the job ends, and at least one pass over the covers, a few lanes at once so that a replaced cover is
    // deleted every moment the builds run.
    const uploading = Promise.all(
      Array.from({ length: LANES }, async (_, lane) => {
        for (let i = lane; !ended || i < COVERS; i += LANES) {
          statuses.push((await putCover(projectId, covers[i % COVERS])).status);
          uploads++;
        }
      }),
    );
    const job = await waitForJob(platform, CREATOR, projectId, jobId, 600_000).finally(() => (ended = true));
    await uploading;
    expect(statuses.every((status) => status === 200)).toBe(true);
    expect(uploads).toBeGreaterThanOrEqual(COVERS);
    // The whole job on a failure, with its error.
    expect(job.status === 'succeeded' ? job.status : job).toBe('succeeded');

    const packages = await json<{ items: { id: string; platform: string; jobId?: string }[] }>(
      await platform.api(CREATOR, `/v1/projects/${projectId}/packages`),
      200,
    );
    const built = packages.items.filter((p) => p.id.includes(jobId));
    expect(built.map((p) => p.platform).sort()).toEqual([...PLATFORMS].sort());
    for (const pkg of built) {
      const link = await json<{ url: string }>(
        await platform.api(CREATOR, `/v1/projects/${projectId}/packages/${pkg.id}/download`),
        200,
      );
      const zip = Buffer.from(await (await fetch(link.url)).arrayBuffer());
      expect(retailHashes.has(sha256(await coverInZip(zip)))).toBe(true);
    }
  }
});
