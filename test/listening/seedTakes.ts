/**
 * A segment with one rendered take, written straight into the platform's stores: the take's content address is
 * computed from the segment's speech plan exactly as production computes it (offline engine, no lexicon, default
 * pauses), so the API judges it as matching the line.
 */
import { BlobServiceClient } from '@azure/storage-blob';
import { CosmosClient } from '@azure/cosmos';
import type { CharacterRecord, SegmentRecord } from '../../core/book/records';
import { effectivePausePolicy } from '../../core/planning/pausePolicy';
import { segmentAudioBlobName, segmentAudioHash } from '../../core/production/contentAddress';
import { chapterSpeech } from '../../core/production/speechPlan';
import { OfflineVoiceCatalog } from '../../adapters/voices/offlineVoiceCatalog';
import { segmentAudioKeyOf } from '../../core/production/chapterSpeechPlan';
import { seedMasteredChapter, seedPlannedBook } from '../production/seedBook';
import type { TestPlatform } from '../support/testPlatform';
import { pcmWav } from '../support/wav';

/** 16-bit mono PCM WAV of `samples` silent samples. */
export function silentWav(samples = 2205, sampleRate = 22050): Buffer {
  return pcmWav(new Int16Array(samples), sampleRate);
}

export async function seedRenderedSegment(
  platform: TestPlatform,
  tenantId: string,
  projectId: string,
): Promise<{ chapterId: string; segmentId: string; takeId: string }> {
  const { chapterIds } = await seedPlannedBook(platform, tenantId, projectId);
  const chapterId = chapterIds[1];
  const client = new CosmosClient({
    endpoint: platform.urls.cosmos,
    key: platform.env.COSMOS_KEY,
    connectionPolicy: { enableEndpointDiscovery: false },
  });
  try {
    const db = client.database('khipu');
    const { resource: project } = await db
      .container('projects')
      .item(projectId, tenantId)
      .read<{ metadata: { language: string } }>();
    const query = (container: string, where: string) =>
      db.container(container).items.query({
        query: `SELECT * FROM c WHERE c.tenantId = @t AND c.projectId = @p ${where}`,
        parameters: [
          { name: '@t', value: tenantId },
          { name: '@p', value: projectId },
          { name: '@c', value: chapterId },
        ],
      });
    const segments = (await query('segments', 'AND c.chapterId = @c').fetchAll()).resources as SegmentRecord[];
    const characters = (await query('characters', '').fetchAll()).resources as CharacterRecord[];
    const { speech } = chapterSpeech({
      segments,
      characters: characters.map((c) => ({ characterId: c.characterId, voice: c.voice })),
      voices: await new OfflineVoiceCatalog().list(),
      lexicon: [],
      pausePolicy: effectivePausePolicy(undefined),
      bookLocale: project!.metadata.language,
      engine: 'offline',
    });
    const input = speech.at(-1)!;
    const hash = segmentAudioHash(segmentAudioKeyOf(input, 'offline'));
    const blobName = segmentAudioBlobName(tenantId, projectId, hash);
    await BlobServiceClient.fromConnectionString(platform.env.STORAGE_CONNECTION_STRING)
      .getContainerClient('khipu')
      .getBlockBlobClient(blobName)
      .uploadData(silentWav());
    const takeId = `take-${hash.slice(0, 24)}`;
    const segment = segments.find((s) => s.id === input.segmentId)!;
    await db
      .container('segments')
      .item(segment.id, [tenantId, projectId])
      .replace({
        ...segment,
        takes: [{ takeId, blobName, contentHash: hash, durationMs: 100, createdAt: new Date().toISOString() }],
        currentTakeId: takeId,
      });
    return { chapterId, segmentId: segment.id, takeId };
  } finally {
    client.dispose();
  }
}

/** An Apple package document whose encodings include a retail sample (an MP3 blob of the tenant). */
export async function seedPackageWithSample(platform: TestPlatform, tenantId: string, projectId: string) {
  const jobId = `job_${Math.random().toString(36).slice(2, 12)}`;
  const packageId = `${jobId}-acx`;
  const prefix = `tenants/${tenantId}/projects/${projectId}/packages`;
  const sampleBlob = `${prefix}/encodings/${'b'.repeat(16)}-Retail Sample.mp3`;
  await BlobServiceClient.fromConnectionString(platform.env.STORAGE_CONNECTION_STRING)
    .getContainerClient('khipu')
    .getBlockBlobClient(sampleBlob)
    .uploadData(Buffer.from('ID3'));
  const client = new CosmosClient({
    endpoint: platform.urls.cosmos,
    key: platform.env.COSMOS_KEY,
    connectionPolicy: { enableEndpointDiscovery: false },
  });
  const now = new Date();
  try {
    await client
      .database('khipu')
      .container('packages')
      .items.create({
        id: packageId,
        type: 'package',
        tenantId,
        projectId,
        platform: 'acx',
        version: 1,
        jobId,
        deliverable: {
          blobName: `${prefix}/${packageId}/book.zip`,
          name: 'book.zip',
          bytes: 1,
          sha256: '0'.repeat(64),
          contentType: 'application/zip',
        },
        readiness: { platform: 'acx', passed: true, rules: [] },
        encodings: [{ key: 'b'.repeat(64), blobName: sampleBlob, sha256: '0'.repeat(64), name: 'Retail Sample.mp3' }],
        totalDurationSec: 1,
        stats: { encoded: 1, reused: 0 },
        expiresAt: new Date(now.getTime() + 86_400_000).toISOString(),
        createdAt: now.toISOString(),
        createdBy: 'u-andes-admin',
      });
  } finally {
    client.dispose();
  }
  return packageId;
}

/** A mastered chapter whose master blob holds real (silent) audio, so the waveform can be measured from it. */
export async function seedMasteredChapterWithAudio(platform: TestPlatform, tenantId: string, projectId: string) {
  const chapterId = await seedMasteredChapter(platform, tenantId, projectId);
  const client = new CosmosClient({
    endpoint: platform.urls.cosmos,
    key: platform.env.COSMOS_KEY,
    connectionPolicy: { enableEndpointDiscovery: false },
  });
  try {
    const { resource } = await client
      .database('khipu')
      .container('chapters')
      .item(chapterId, [tenantId, projectId])
      .read<{ master: { blobName: string } }>();
    await BlobServiceClient.fromConnectionString(platform.env.STORAGE_CONNECTION_STRING)
      .getContainerClient('khipu')
      .getBlockBlobClient(resource!.master.blobName)
      .uploadData(silentWav(22050));
  } finally {
    client.dispose();
  }
  return chapterId;
}
