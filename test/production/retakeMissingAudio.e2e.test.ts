/**
 * A retake whose chapter's other lines lost their audio (a blob gone that a recorded take still names, and no copy
 * in this machine's segment cache): the retake's synthesis looks for each recorded take's blob and renders a line
 * again when it is gone, so mastering never asks for audio that is not there ("Audio <hash>.wav was not found").
 * Should synthesis ever trust a recorded take without looking, this suite fails with exactly that message.
 * The same message came from a cast or lexicon edit landing between a retake's synthesis and its mastering, each
 * reading the sources anew (retakeEditRace.e2e.test.ts reproduces both interleavings and shows them fixed). Still
 * open: a speaker or text edit of a line in that window (docs/reliability.md, "Edits while a chapter is produced").
 */
import { CosmosClient } from '@azure/cosmos';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { defaultSegmentCacheDir } from '../../adapters/production/segmentCache';
import type { SegmentRecord } from '../../core/book/records';
import { waitForJob } from '../api/isolation/fixtures';
import type { TestPlatform } from '../support/testPlatform';
import { SEED_CHAPTERS } from './seedBook';
import { blobContainer, CREATOR, json, plannedBook, produce } from './support';
import { sharedTestPlatform } from '../support/sharedPlatform';

let platform: TestPlatform;

beforeAll(async () => {
  platform = await sharedTestPlatform();
}, 120_000);
afterAll(async () => {
  await platform?.stop();
});

/** The blob each of the segments' current takes names, by segment id (read where production recorded them). */
async function currentAudio(segmentIds: string[]): Promise<Map<string, string>> {
  const client = new CosmosClient({
    endpoint: platform.urls.cosmos,
    key: platform.env.COSMOS_KEY,
    connectionPolicy: { enableEndpointDiscovery: false },
  });
  try {
    const segments = client.database('khipu').container('segments');
    const audio = new Map<string, string>();
    for (const id of segmentIds) {
      const { resource } = await segments.items
        .query<SegmentRecord>({ query: 'SELECT * FROM c WHERE c.id = @id', parameters: [{ name: '@id', value: id }] })
        .fetchAll()
        .then((page) => ({ resource: page.resources[0] }));
      const take = resource?.takes.find((t) => t.takeId === resource.currentTakeId);
      if (take) audio.set(id, take.blobName);
    }
    return audio;
  } finally {
    client.dispose();
  }
}

async function blobExists(name: string): Promise<boolean> {
  return blobContainer(platform).getBlobClient(name).exists();
}

/** Removes the blob and this machine's cached copy of it (the cache names entries by the blob name's sha256). */
async function loseAudio(blobName: string): Promise<void> {
  await blobContainer(platform).getBlobClient(blobName).delete();
  const entry = path.join(defaultSegmentCacheDir(), `${createHash('sha256').update(blobName).digest('hex')}.wav`);
  fs.rmSync(entry, { force: true });
}

test('a retake renders again the lines whose recorded audio is gone, and masters its chapter', async () => {
  const { projectId, segmentIds } = await plannedBook(platform, { chapters: [SEED_CHAPTERS[1]!] });
  const production = await produce(platform, projectId, ['apple']);
  expect(production.error).toBeNull();
  const produced = await currentAudio(segmentIds);
  expect(produced.size).toBe(segmentIds.length);
  for (const name of produced.values()) await loseAudio(name);

  const retaken = segmentIds[1]!;
  const started = await json<{ job: { id: string } }>(
    await platform.api(CREATOR, `/v1/projects/${projectId}/segments/${retaken}/regenerate`, {
      method: 'POST',
      json: {},
    }),
    202,
  );
  const job = (await waitForJob(platform, CREATOR, projectId, started.job.id, 300_000)) as {
    status: string;
    error: unknown;
    result: { synthesisCalls: number; credits: { synthesisCalls: number } };
  };
  expect(job.error).toBeNull();
  expect(job.status).toBe('succeeded');
  // Every line of the chapter was rendered: the retaken one as its new take, the others at their addresses again.
  expect(job.result.synthesisCalls - job.result.credits.synthesisCalls).toBe(segmentIds.length);
  const after = await currentAudio(segmentIds);
  for (const id of segmentIds) {
    expect(await blobExists(after.get(id)!)).toBe(true);
    if (id !== retaken) expect(after.get(id)).toBe(produced.get(id));
  }
  expect(after.get(retaken)).not.toBe(produced.get(retaken));
}, 600_000);
