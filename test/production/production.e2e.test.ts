/**
 * End to end on the local platform with the offline engine: a planned two-chapter book → produce for Apple Books and
 * ACX → packages whose readiness rules all pass, verified again with ffprobe; events delivered to a webhook. Then a
 * rerun makes no synthesis call, and an edited segment costs exactly one.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import * as yauzl from 'yauzl';
import { ffprobePath } from '../../adapters/audio';
import { pollBackoff } from '../support/polling';
import type { TestPlatform } from '../support/testPlatform';
import { sharedTestPlatform, SHARED_WEBHOOK_PLATFORM_ENV } from '../support/sharedPlatform';
import { freshTenant } from '../support/freshTenant';
import { createProject } from '../planning/support';
import { eventsOfJob, subscribeToJobEvents } from '../jobs/jobEvents';
import { waitForJob } from '../api/isolation/fixtures';
import {
  json,
  plannedBook,
  plannedBookViaApi,
  produce,
  startEventReceiver,
  tenantOf,
  type EventReceiver,
} from './support';

const andes = freshTenant('andes');
const ADMIN = andes.admin;
const CREATOR = andes.creator;
let platform: TestPlatform;
let receiver: EventReceiver;
let tempDir: string;

beforeAll(async () => {
  receiver = await startEventReceiver();
  platform = await sharedTestPlatform({ env: SHARED_WEBHOOK_PLATFORM_ENV });
  await andes.signUp(platform);
  tempDir = fs.mkdtempSync(path.join(os.tmpdir(), 'khipu-prod-test-'));
}, 120_000);
afterAll(async () => {
  // The shared platform outlives the suite: nothing of this suite's may go on working on it.
  if (platform) await andes.settleJobs(platform);
  await platform?.stop();
  await receiver?.close();
  if (tempDir) fs.rmSync(tempDir, { recursive: true, force: true });
});

function ffprobe(file: string): any {
  const out = execFileSync(ffprobePath(), [
    '-v',
    'error',
    '-print_format',
    'json',
    '-show_format',
    '-show_streams',
    '-show_chapters',
    file,
  ]);
  return JSON.parse(out.toString());
}

test('a planned book becomes M4B and ACX packages that pass readiness; reruns reuse audio', async () => {
  const hook = await platform.api(ADMIN, '/v1/webhooks', {
    method: 'POST',
    json: {
      url: receiver.url,
      eventTypes: ['khipu.job.started', 'khipu.chapter.completed', 'khipu.job.completed', 'khipu.package.ready'],
    },
  });
  const webhooksAvailable = hook.status === 201;

  const { projectId, chapterIds, segmentIds } = await plannedBook(platform, { user: CREATOR });
  const estimate = await json(
    await platform.api(CREATOR, `/v1/projects/${projectId}/productions/estimate?platforms=apple,acx`),
    200,
  );
  expect(estimate.segmentsTotal).toBeGreaterThan(0);
  expect(estimate.estimate.currency).toBe('USD');

  const job = await produce(platform, projectId, ['apple', 'acx'], CREATOR);
  expect(job.error).toBeNull();
  expect(job.status).toBe('succeeded');
  expect(job.result.synthesisCalls).toBeGreaterThan(0);
  expect(job.result.duplicateWrites).toBe(0);
  expect(job.result.readiness.apple).toEqual({ passed: true, failedRules: [] });
  expect(job.result.readiness.acx).toEqual({ passed: true, failedRules: [] });
  expect(job.progress).toMatchObject({ chaptersDone: 2, chaptersTotal: 2 });

  const packages = await json(await platform.api(CREATOR, `/v1/projects/${projectId}/packages`), 200);
  expect(packages.items.map((p: any) => p.platform).sort()).toEqual(['acx', 'apple']);
  for (const pkg of packages.items) {
    expect(pkg.readiness.passed).toBe(true);
    const link = await json(await platform.api(CREATOR, `/v1/projects/${projectId}/packages/${pkg.id}/download`), 200);
    const file = path.join(tempDir, pkg.platform === 'apple' ? 'book.m4b' : 'acx.zip');
    fs.writeFileSync(file, Buffer.from(await (await fetch(link.url)).arrayBuffer()));
    if (pkg.platform === 'apple') {
      const probe = ffprobe(file);
      expect(probe.streams[0].codec_name).toBe('aac');
      expect(probe.chapters.length).toBeGreaterThanOrEqual(2);
      expect(probe.format.tags.title).toBe('Production Test');
    } else {
      const mp3 = await extractMp3s(file, path.join(tempDir, 'acx'));
      expect(mp3.length).toBeGreaterThanOrEqual(4); // two chapters + opening and closing credits
      const probe = ffprobe(mp3[0]);
      expect(probe.streams[0]).toMatchObject({ codec_name: 'mp3', sample_rate: '44100', channels: 1 });
      expect(Number(probe.streams[0].bit_rate)).toBe(192000);
    }
  }
  const audio = await platform.api(CREATOR, `/v1/projects/${projectId}/chapters/${chapterIds[0]}/audio`);
  expect(audio.status).toBe(200);
  expect(audio.headers.get('content-type')).toBe('audio/flac');

  if (webhooksAvailable) {
    const deadline = Date.now() + 60_000;
    const wanted = ['khipu.job.started', 'khipu.chapter.completed', 'khipu.job.completed', 'khipu.package.ready'];
    const pause = pollBackoff(250);
    while (
      Date.now() < deadline &&
      !wanted.every((t) => receiver.events.some((e) => e.type === t && e.subject?.includes(job.id)))
    ) {
      await pause();
    }
    for (const type of wanted)
      expect(receiver.events.some((e) => e.type === type && e.subject.includes(job.id))).toBe(true);
  }

  // Rerun of the unchanged book: zero synthesis calls.
  const rerun = await produce(platform, projectId, ['apple'], CREATOR);
  expect(rerun.status).toBe('succeeded');
  expect(rerun.result.synthesisCalls).toBe(0);
  expect(rerun.result.cacheHits).toBe(rerun.result.segments);

  // Edit one segment: exactly one synthesis call.
  const target = { id: segmentIds[1] };
  const current = await platform.api(CREATOR, `/v1/projects/${projectId}/segments/${target.id}`);
  const etag = current.headers.get('etag') ?? '';
  const before = await json<{ text: string }>(current, 200);
  await json(
    await platform.api(CREATOR, `/v1/projects/${projectId}/segments/${target.id}`, {
      method: 'PATCH',
      headers: etag ? { 'if-match': etag } : {},
      json: { text: `${before.text.trimEnd()} Indeed.` },
    }),
    200,
  );
  const edited = await produce(platform, projectId, ['apple'], CREATOR);
  expect(edited.status).toBe('succeeded');
  expect(edited.result.synthesisCalls).toBe(1);
}, 600_000);

/** Writes the zip's MP3 entries to `dir` under generated names and returns their paths. */
function extractMp3s(zipFile: string, dir: string): Promise<string[]> {
  fs.mkdirSync(dir, { recursive: true });
  const files: string[] = [];
  return new Promise((resolve, reject) => {
    yauzl.open(zipFile, { lazyEntries: true }, (error, zip) => {
      if (error) return reject(error);
      zip.on('error', reject);
      zip.on('end', () => resolve(files));
      zip.on('entry', (entry: yauzl.Entry) => {
        if (!entry.fileName.endsWith('.mp3')) return zip.readEntry();
        zip.openReadStream(entry, (streamError, stream) => {
          if (streamError) return reject(streamError);
          const out = path.join(dir, `entry-${files.length}.mp3`);
          files.push(out);
          pipeline(stream, fs.createWriteStream(out)).then(() => zip.readEntry(), reject);
        });
      });
      zip.readEntry();
    });
  });
}

test('every job kind publishes khipu.job.started and khipu.job.completed, with one payload shape', async () => {
  await subscribeToJobEvents(platform, ADMIN, receiver);
  const projectId = await createProject(platform, CREATOR, 'Job events');
  await plannedBookViaApi(platform, CREATOR, projectId);
  expect((await produce(platform, projectId, ['apple'], CREATOR)).status).toBe('succeeded');
  const segments = await json<{ items: { id: string; text: string }[] }>(
    await platform.api(CREATOR, `/v1/projects/${projectId}/segments`),
    200,
  );
  const spoken = segments.items.find((segment) => segment.text.trim().length > 20)!;
  const regeneration = await json<{ job: { id: string } }>(
    await platform.api(CREATOR, `/v1/projects/${projectId}/segments/${spoken.id}/regenerate`, {
      method: 'POST',
      json: {},
    }),
    202,
  );
  expect((await waitForJob(platform, CREATOR, projectId, regeneration.job.id, 300_000)).status).toBe('succeeded');

  const jobs = await json<{ items: { id: string; kind: string }[] }>(
    await platform.api(CREATOR, `/v1/projects/${projectId}/jobs`),
    200,
  );
  expect(jobs.items.map((job) => job.kind).sort()).toEqual(['characters', 'import', 'plan', 'produce', 'regenerate']);
  for (const job of jobs.items) {
    const events = await eventsOfJob(receiver, job.id, ['khipu.job.started', 'khipu.job.completed']);
    expect(events.filter((event) => ['khipu.job.failed', 'khipu.job.cancelled'].includes(event.type))).toEqual([]);
    // The receiver also hears the first test's subscription (chapters, packages): the job events are checked here.
    for (const event of events.filter((e) => e.type.startsWith('khipu.job.'))) {
      expect(event.data).toMatchObject({ tenantId: tenantOf(CREATOR), projectId, jobId: job.id, kind: job.kind });
    }
  }
}, 600_000);
