/**
 * A manuscript or cover upload is counted in the tenant's stored bytes as soon as it is stored, not at the next
 * measurement (docs/domain.md, "Costs and quotas"): its own bytes are added to the stored figure, with no listing of
 * the tenant's blobs (the figure's measuredAt stays the last listing's). An upload whose counting fails is stored all
 * the same. On the real
 * local platform, through the API.
 */
import sharp from 'sharp';
import { json } from '../privacy/support';
import { type TestPlatform } from '../support/testPlatform';
import { sharedTestPlatform } from '../support/sharedPlatform';
import { freshTenant } from '../support/freshTenant';
import { blockMeasurements, newProject, storageOf } from './storageSupport';

const andes = freshTenant('andes');
const pampa = freshTenant('pampa');

jest.setTimeout(5 * 60_000);

const PAMPA = pampa.creator;
const ANDES = andes.creator;
let platform: TestPlatform;

beforeAll(async () => {
  platform = await sharedTestPlatform();
  await Promise.all([andes.signUp(platform), pampa.signUp(platform)]);
}, 180_000);
afterAll(async () => {
  await platform?.stop();
});

/** A square cover as a camera would make it: noise, so the JPEG is not a few kilobytes of one colour. */
async function coverImage(): Promise<Buffer> {
  const side = 2400;
  const pixels = Buffer.alloc(side * side * 3);
  for (let i = 0; i < pixels.length; i++) pixels[i] = (i * 2654435761) >>> 24;
  return sharp(pixels, { raw: { width: side, height: side, channels: 3 } })
    .jpeg({ quality: 90 })
    .toBuffer();
}

function uploadCover(user: string, projectId: string, cover: Buffer): Promise<Response> {
  return platform.api(user, `/v1/projects/${projectId}/cover`, {
    method: 'PUT',
    headers: { 'content-type': 'image/jpeg' },
    body: cover,
  });
}

test('a manuscript upload is counted in the stored bytes as soon as it is stored', async () => {
  const before = await storageOf(platform, PAMPA);
  const projectId = await newProject(platform, PAMPA, 'Counted at once');
  const manuscript = Buffer.from('Chapter 1\n\n' + 'It was a dark and stormy night. '.repeat(10_000));

  const uploaded = await platform.api(PAMPA, `/v1/projects/${projectId}/manuscript?fileName=storm.txt`, {
    method: 'PUT',
    headers: { 'content-type': 'text/plain' },
    body: manuscript,
  });
  expect(uploaded.status).toBe(202);

  const after = await storageOf(platform, PAMPA);
  expect(after.measuredAt).toBe(before.measuredAt);
  expect(after.used - before.used).toBe(manuscript.length);
});

test('a cover upload is counted in the stored bytes as soon as it is stored', async () => {
  const projectId = await newProject(platform, PAMPA, 'Covered at once');
  const before = await storageOf(platform, PAMPA);
  const cover = await coverImage();

  await json(await uploadCover(PAMPA, projectId, cover), 200);

  const after = await storageOf(platform, PAMPA);
  expect(after.measuredAt).toBe(before.measuredAt);
  // The original and the retail JPEG and thumbnail derived from it.
  expect(after.used - before.used).toBeGreaterThan(cover.length);
});

test('an upload whose counting fails is stored all the same', async () => {
  await blockMeasurements(platform, andes.id);
  const projectId = await newProject(platform, ANDES, 'Unmeasured');
  const cover = await coverImage();

  await json(await uploadCover(ANDES, projectId, cover), 200);

  const original = await platform.api(ANDES, `/v1/projects/${projectId}/cover?variant=original`);
  expect(original.status).toBe(200);
  expect(Buffer.from(await original.arrayBuffer()).equals(cover)).toBe(true);
});
