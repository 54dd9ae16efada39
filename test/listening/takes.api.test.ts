/**
 * Listening API on the real local platform: a produced chapter's timeline, loudness and waveform, a segment's takes streamed
 * with HTTP Range (directly with a bearer token and through a short-lived media link), choosing an earlier take
 * (it becomes current and the chapter is re-mastered without synthesis), refusals for outdated takes, racing
 * choices, forged links, and other tenants' objects answering 404.
 */
import { CosmosClient } from '@azure/cosmos';
import { BlobServiceClient } from '@azure/storage-blob';
import { waitForJob } from '../api/isolation/fixtures';
import { updateSegmentText } from '../production/seedBook';
import { json, plannedBook, startProduction, tenantOf } from '../production/support';
import type { TestPlatform } from '../support/testPlatform';
import { sharedTestPlatform } from '../support/sharedPlatform';
import { freshTenant } from '../support/freshTenant';
import { waveformBuckets } from '../../core/listening/waveform';
import { waveformBlobName } from '../../adapters/listening/waveform';

const andes = freshTenant('andes');
const pampa = freshTenant('pampa');
const CREATOR = andes.creator;
const PAMPA = pampa.creator;
let platform: TestPlatform;
let book: { projectId: string; chapterIds: string[]; segmentIds: string[] };
let productionJobId = '';
let factsWhenJobEnded: { chaptersMastered: number; packagesReady: number; activeJobId: string | null };

jest.setTimeout(10 * 60_000);

interface Take {
  takeId: string;
  current: boolean;
  matchesLine: boolean;
  durationMs: number;
}
interface Timeline {
  master: { durationSec: number; integratedLufs: number; rmsDb: number; matchesPlan: boolean; jobId: string } | null;
  segments: {
    segmentId: string;
    spoken: boolean;
    startSec: number | null;
    endSec: number | null;
    rendered: boolean;
    currentTakeId: string | null;
    takes: Take[];
  }[];
}

const project = () => `/v1/projects/${book.projectId}`;
const segmentId = () => book.segmentIds[3];

async function takes(id = segmentId()) {
  return json<{ currentTakeId: string; items: Take[] }>(
    await platform.api(CREATOR, `${project()}/segments/${id}/takes`),
    200,
  );
}

async function masterBlobName(chapterId: string): Promise<string> {
  const client = new CosmosClient({
    endpoint: platform.urls.cosmos,
    key: platform.env.COSMOS_KEY,
    connectionPolicy: { enableEndpointDiscovery: false },
  });
  try {
    const { resource } = await client
      .database('khipu')
      .container('chapters')
      .item(chapterId, [tenantOf(CREATOR), book.projectId])
      .read<{ master: { blobName: string } }>();
    return resource!.master.blobName;
  } finally {
    client.dispose();
  }
}

async function blobExists(name: string): Promise<boolean> {
  return BlobServiceClient.fromConnectionString(platform.env.STORAGE_CONNECTION_STRING)
    .getContainerClient('khipu')
    .getBlockBlobClient(name)
    .exists();
}

async function finished(jobId: string) {
  const job = await waitForJob(platform, CREATOR, book.projectId, jobId, 240_000);
  expect(job.status).toBe('succeeded');
  return job;
}

beforeAll(async () => {
  platform = await sharedTestPlatform();
  await Promise.all([andes.signUp(platform), pampa.signUp(platform)]);
  book = await plannedBook(platform, { title: 'Listening Test', user: CREATOR });
  productionJobId = await startProduction(platform, book.projectId, ['apple', 'acx'], CREATOR);
  // Watched closely: the first read that sees the job ended is followed at once by a read of the project.
  for (;;) {
    const job = await json<{ status: string }>(
      await platform.api(CREATOR, `${project()}/jobs/${productionJobId}`),
      200,
    );
    if (job.status !== 'queued' && job.status !== 'running') {
      factsWhenJobEnded = await json(await platform.api(CREATOR, `${project()}/facts`), 200);
      break;
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  await finished(productionJobId);
}, 300_000);

afterAll(async () => {
  // The shared platform outlives the suite: nothing of this suite's may go on working on it.
  if (platform) await andes.settleJobs(platform);
  await platform?.stop();
});

test("a produced chapter's timeline places every spoken line in the master and reports its loudness", async () => {
  const timeline = await json<Timeline>(
    await platform.api(CREATOR, `${project()}/chapters/${book.chapterIds[0]}/timeline`),
    200,
  );
  expect(timeline.master).toMatchObject({ matchesPlan: true });
  expect(timeline.master!.durationSec).toBeGreaterThan(30);
  expect(timeline.master!.integratedLufs).toBeLessThan(0);
  expect(timeline.master!.rmsDb).toBeLessThan(0);
  const spoken = timeline.segments.filter((s) => s.spoken);
  expect(spoken.length).toBe(timeline.segments.length);
  for (const [i, line] of spoken.entries()) {
    expect(line.rendered).toBe(true);
    expect(line.takes).toHaveLength(1);
    expect(line.endSec!).toBeGreaterThan(line.startSec!);
    if (i > 0) expect(line.startSec!).toBeGreaterThanOrEqual(spoken[i - 1].endSec!);
  }
  expect(spoken.at(-1)!.endSec).toBe(timeline.master!.durationSec);
});

test('when a production is seen to end, the project already shows what it did', () => {
  expect(factsWhenJobEnded).toMatchObject({
    chaptersMastered: book.chapterIds.length,
    packagesReady: 2,
    activeJobId: null,
  });
});

test("the chapter's waveform is measured once on the server: a bar per stretch, speech loud, the pauses quiet", async () => {
  const path = `${project()}/chapters/${book.chapterIds[0]}/waveform`;
  const timeline = await json<Timeline>(
    await platform.api(CREATOR, `${project()}/chapters/${book.chapterIds[0]}/timeline`),
    200,
  );
  // Twenty listeners open the chapter at once: all get the same picture, measured and stored once.
  const first = await Promise.all(Array.from({ length: 20 }, () => platform.api(CREATOR, path)));
  const bodies = await Promise.all(first.map((res) => json<{ durationSec: number; peaks: number[] }>(res, 200)));
  const waveform = bodies[0];
  for (const body of bodies) expect(body).toEqual(waveform);
  expect(waveform.durationSec).toBe(timeline.master!.durationSec);
  // A bar per stretch; the decoded audio may end a few samples short of the stored duration, one bar fewer.
  expect(waveform.peaks.length).toBeLessThanOrEqual(waveformBuckets(waveform.durationSec));
  expect(waveform.peaks.length).toBeGreaterThanOrEqual(waveformBuckets(waveform.durationSec) - 1);
  expect(Math.max(...waveform.peaks)).toBeGreaterThan(0.2);
  expect(Math.max(...waveform.peaks)).toBeLessThanOrEqual(1);
  // Room tone between lines is far quieter than speech.
  expect(Math.min(...waveform.peaks)).toBeLessThan(0.05);
  const master = await masterBlobName(book.chapterIds[0]);
  const stored = await platform.api(CREATOR, path);
  expect(await json(stored, 200)).toEqual(waveform);
  expect(await blobExists(waveformBlobName(master))).toBe(true);
});

test("a take's audio streams whole or by byte range; a range past the end answers 416", async () => {
  const [take] = (await takes()).items;
  const path = `${project()}/segments/${segmentId()}/takes/${take.takeId}/audio`;
  const whole = await platform.api(CREATOR, path);
  expect(whole.status).toBe(200);
  expect(whole.headers.get('content-type')).toBe('audio/wav');
  expect(whole.headers.get('accept-ranges')).toBe('bytes');
  const bytes = Buffer.from(await whole.arrayBuffer());
  expect(bytes.subarray(0, 4).toString('latin1')).toBe('RIFF');

  const part = await platform.api(CREATOR, path, { headers: { range: 'bytes=100-199' } });
  expect(part.status).toBe(206);
  expect(part.headers.get('content-range')).toBe(`bytes 100-199/${bytes.length}`);
  expect(Buffer.from(await part.arrayBuffer())).toEqual(bytes.subarray(100, 200));

  const tail = await platform.api(CREATOR, path, { headers: { range: 'bytes=-10' } });
  expect(tail.status).toBe(206);
  expect(Buffer.from(await tail.arrayBuffer())).toEqual(bytes.subarray(bytes.length - 10));

  const past = await platform.api(CREATOR, path, { headers: { range: `bytes=${bytes.length}-` } });
  expect(past.status).toBe(416);
  expect(past.headers.get('content-range')).toBe(`bytes */${bytes.length}`);
  expect(((await past.json()) as { error: { code: string } }).error.code).toBe('range_not_satisfiable');
});

test('the chapter master streams by byte range too', async () => {
  const res = await platform.api(CREATOR, `${project()}/chapters/${book.chapterIds[0]}/audio`, {
    headers: { range: 'bytes=0-3' },
  });
  expect(res.status).toBe(206);
  expect(Buffer.from(await res.arrayBuffer()).toString('latin1')).toBe('fLaC');
});

test('a media link streams without a token; forged, tampered or foreign-tenant links answer 404', async () => {
  const link = await json<{ url: string; contentType: string; expiresAt: string }>(
    await platform.api(CREATOR, `${project()}/chapters/${book.chapterIds[0]}/audio-link`),
    200,
  );
  expect(link.url).toMatch(new RegExp(`^/api/v1/media/${andes.id}\\.[A-Za-z0-9_-]+$`));
  expect(link.contentType).toBe('audio/flac');
  expect(Date.parse(link.expiresAt) - Date.now()).toBeLessThanOrEqual(15 * 60_000);
  const origin = platform.urls.api.replace(/\/api$/, '');
  const streamed = await fetch(`${origin}${link.url}`, { headers: { range: 'bytes=0-3' } });
  expect(streamed.status).toBe(206);
  expect(Buffer.from(await streamed.arrayBuffer()).toString('latin1')).toBe('fLaC');

  const token = link.url.split('/').pop()!;
  const flipped = token.slice(0, -3) + (token.at(-3) === 'A' ? 'B' : 'A') + token.slice(-2);
  for (const forged of [flipped, token.replace(andes.id, pampa.id), `${andes.id}.${'A'.repeat(60)}`]) {
    expect((await fetch(`${origin}/api/v1/media/${forged}`)).status).toBe(404);
  }
});

test("another tenant's takes, timelines and links answer 404", async () => {
  const [take] = (await takes()).items;
  const paths = [
    `${project()}/chapters/${book.chapterIds[0]}/timeline`,
    `${project()}/chapters/${book.chapterIds[0]}/audio-link`,
    `${project()}/chapters/${book.chapterIds[0]}/waveform`,
    `${project()}/segments/${segmentId()}/takes`,
    `${project()}/segments/${segmentId()}/takes/${take.takeId}/audio`,
    `${project()}/segments/${segmentId()}/takes/${take.takeId}/audio-link`,
  ];
  for (const path of paths)
    expect({ path, status: (await platform.api(PAMPA, path)).status }).toEqual({ path, status: 404 });
  const select = await platform.api(PAMPA, `${project()}/segments/${segmentId()}/takes/${take.takeId}/select`, {
    method: 'POST',
  });
  expect(select.status).toBe(404);
});

test('choosing an earlier take makes it current and re-masters the chapter without synthesis; 20 racing choices start one job', async () => {
  const [first] = (await takes()).items;
  const regenerated = await json<{ job: { id: string } }>(
    await platform.api(CREATOR, `${project()}/segments/${segmentId()}/regenerate`, { method: 'POST', json: {} }),
    202,
  );
  const retake = (await finished(regenerated.job.id)) as unknown as { result: { sameAudioAs: string | null } };
  // The offline voice says a line the same way every time: the job says the new take repeats the one it replaced.
  expect(retake.result.sameAudioAs).toBe(first.takeId);
  const afterRegenerate = await takes();
  expect(afterRegenerate.items).toHaveLength(2);
  expect(afterRegenerate.items[0]).toMatchObject({ current: true, matchesLine: true });
  expect(afterRegenerate.items[1]).toMatchObject({ takeId: first.takeId, current: false, matchesLine: true });

  const responses = await Promise.all(
    Array.from({ length: 20 }, () =>
      platform.api(CREATOR, `${project()}/segments/${segmentId()}/takes/${first.takeId}/select`, { method: 'POST' }),
    ),
  );
  const statuses = responses.map((r) => r.status).sort();
  expect(statuses.filter((s) => s === 202)).toHaveLength(1);
  expect(statuses.filter((s) => s !== 202).every((s) => s === 409)).toBe(true);
  const started = responses.find((r) => r.status === 202)!;
  const job = await finished(((await started.json()) as { job: { id: string } }).job.id);
  expect((job as unknown as { result: { synthesisCalls: number } }).result.synthesisCalls).toBe(0);

  const chosen = await takes();
  expect(chosen.currentTakeId).toBe(first.takeId);
  expect(chosen.items).toHaveLength(2);
  const timeline = await json<Timeline>(
    await platform.api(CREATOR, `${project()}/chapters/${book.chapterIds[0]}/timeline`),
    200,
  );
  expect(timeline.master!.jobId).toBe(job.id);
});

test('choosing a take reserves the credits its job may render, and is refused when the month has no room for them', async () => {
  const operator = 'operator@khipu.test';
  const tenantPath = `/v1/operator/tenants/${tenantOf(CREATOR)}`;
  const setMonthlyCharacters = async (monthlyCharacters: number) => {
    const tenant = await json<{ etag: string }>(await platform.api(operator, tenantPath), 200);
    await json(
      await platform.api(operator, tenantPath, {
        method: 'PATCH',
        headers: { 'if-match': tenant.etag },
        json: { quotas: { monthlyCharacters } },
      }),
      200,
    );
  };
  const other = (await takes()).items.find((take) => !take.current && take.matchesLine)!;
  const usage = await json<{ monthlyCharacters: { used: number; limit: number } }>(
    await platform.api(CREATOR, '/v1/tenant/usage'),
    200,
  );
  const { used, limit } = usage.monthlyCharacters;
  await setMonthlyCharacters(used + 1);
  try {
    const refused = await json<{ error: { code: string; details: { requested: number } } }>(
      await platform.api(CREATOR, `${project()}/segments/${segmentId()}/takes/${other.takeId}/select`, {
        method: 'POST',
      }),
      429,
    );
    expect(refused.error.code).toBe('quota_exceeded');
    // No line is rendered, only the credits may be: what is asked for is theirs alone.
    expect(refused.error.details.requested).toBeGreaterThan(1);
    expect(refused.error.details.requested).toBeLessThan(2_000);
  } finally {
    await setMonthlyCharacters(limit);
  }
});

test('a take rendered from an earlier text cannot be chosen', async () => {
  const id = book.segmentIds[5];
  const [old] = (await takes(id)).items;
  await updateSegmentText(platform, tenantOf(CREATOR), book.projectId, id, ' They walked along the lane again.');
  const list = await takes(id);
  expect(list.items[0]).toMatchObject({ takeId: old.takeId, matchesLine: false });
  const refused = await platform.api(CREATOR, `${project()}/segments/${id}/takes/${old.takeId}/select`, {
    method: 'POST',
  });
  expect(refused.status).toBe(422);
  expect(((await refused.json()) as { error: { details: { reason: string } } }).error.details.reason).toBe(
    'take_outdated',
  );
});

test("a package's retail sample is listed and streams through a media link", async () => {
  const { seedPackageWithSample } = await import('./seedTakes');
  const packageId = await seedPackageWithSample(platform, tenantOf(CREATOR), book.projectId);
  const previews = await json<{ items: { role: string }[] }>(
    await platform.api(CREATOR, `${project()}/packages/${packageId}/previews`),
    200,
  );
  expect(previews.items.map((item) => item.role)).toEqual(['retail-sample']);
  const link = await json<{ url: string }>(
    await platform.api(CREATOR, `${project()}/packages/${packageId}/previews/retail-sample/audio-link`),
    200,
  );
  const origin = platform.urls.api.replace(/\/api$/, '');
  const streamed = await fetch(`${origin}${link.url}`);
  expect(streamed.status).toBe(200);
  expect(Buffer.from(await streamed.arrayBuffer()).toString('latin1')).toBe('ID3');
});

test('an ACX package offers its retail sample and its credits to listen to, each streaming as MP3 by range', async () => {
  const acx = await json<{ id: string; platform: string }>(
    await platform.api(CREATOR, `${project()}/packages/${productionJobId}-acx`),
    200,
  );
  const previews = await json<{ items: { role: string; fileName: string }[] }>(
    await platform.api(CREATOR, `${project()}/packages/${acx.id}/previews`),
    200,
  );
  expect(previews.items.map((item) => item.role).sort()).toEqual([
    'closing-credits',
    'opening-credits',
    'retail-sample',
  ]);
  const origin = platform.urls.api.replace(/\/api$/, '');
  for (const { role } of previews.items) {
    const link = await json<{ url: string; contentType: string }>(
      await platform.api(CREATOR, `${project()}/packages/${acx.id}/previews/${role}/audio-link`),
      200,
    );
    expect(link.contentType).toBe('audio/mpeg');
    const head = await fetch(`${origin}${link.url}`, { headers: { range: 'bytes=0-2' } });
    expect(head.status).toBe(206);
    const bytes = Buffer.from(await head.arrayBuffer());
    // An MP3 starts with its ID3 tag or a frame sync.
    expect(bytes.subarray(0, 3).toString('latin1') === 'ID3' || (bytes[0] === 0xff && (bytes[1] & 0xe0) === 0xe0)).toBe(
      true,
    );
  }
  expect((await platform.api(PAMPA, `${project()}/packages/${acx.id}/previews`)).status).toBe(404);
});
