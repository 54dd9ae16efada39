/**
 * Chapter masters for the read-side benchmark without rendering any audio: every live chapter of a book is mastered by
 * production's own mastering step over the platform's real stores, with the render (ffmpeg, the segment audio) left
 * out. The chapter records come out as a real production leaves them (the master's name, plan revision and whatever
 * else mastering records), which is all the reads about produced chapters look at.
 */
import { CosmosClient } from '@azure/cosmos';
import { buildRecordCollections } from '../../adapters/cosmos/recordCollections';
import { OfflineVoiceCatalog } from '../../adapters/voices/offlineVoiceCatalog';
import { effectivePausePolicy, pausePolicyDocumentId } from '../../core/planning/pausePolicy';
import { ChapterMastering, type RenderedMaster } from '../../core/production/chapterMastering';
import { chaptersOf } from '../../core/production/productionBook';
import type { ProjectRecord } from '../../core/projects/project';
import type { TestPlatform } from '../../test/support/testPlatform';

const SILENT: RenderedMaster['measured'] = {
  integratedLufs: -20,
  loudnessRangeLu: 0,
  truePeakDb: -3,
  rmsDb: -20,
  peakDb: -3,
  noiseFloorDb: -70,
  headSilenceMs: 0,
  tailSilenceMs: 0,
  durationSec: 0,
};

/** Masters every live chapter of the project as production would, with a render that writes nothing. */
export async function fakeMasters(
  platform: TestPlatform,
  user: string,
  tenantId: string,
  projectId: string,
): Promise<number> {
  const client = new CosmosClient({
    endpoint: platform.env.COSMOS_ENDPOINT,
    key: platform.env.COSMOS_KEY,
    connectionPolicy: { enableEndpointDiscovery: false },
  });
  try {
    const stores = buildRecordCollections(client.database(platform.env.COSMOS_DATABASE ?? 'khipu'));
    const book = { chapters: stores.chapters, segments: stores.segments, characters: stores.characters };
    // Planning reads only the project's language; the API answers it as stored.
    const project = (await (await platform.api(user, `/v1/projects/${projectId}`)).json()) as ProjectRecord;
    const projects = { find: () => Promise.resolve(project) };
    const catalog = new OfflineVoiceCatalog();
    const mastering = new ChapterMastering({
      book,
      speechPlan: {
        projects,
        book,
        voices: () => catalog.list(),
        async pausePolicy(tenant, id) {
          const record = await stores.pausePolicies.get(tenant, id, pausePolicyDocumentId(id));
          return effectivePausePolicy(record?.overrides);
        },
        lexicon: (tenant, id) => stores.lexiconEntries.readAllItems(tenant, id, {}, 200),
        speechEngine: 'offline',
      },
      blobs: { exists: () => Promise.resolve(false) },
      files: {
        render: (request) =>
          Promise.resolve({
            sha256: 'bench',
            durationSec: request.segments.length,
            segmentStartsSec: request.segments.map((_, i) => i),
            segmentEndsSec: request.segments.map((_, i) => i + 0.5),
            measured: SILENT,
            encodings: [],
            gainDb: 0,
            inputRateHz: 22050,
            path: { kind: 'whole' as const },
          }),
      },
      job: { addProgress: () => Promise.resolve() },
      events: { publish: () => Promise.resolve() },
      clock: { now: () => new Date() },
    });
    let mastered = 0;
    for (const chapter of await chaptersOf(book, tenantId, projectId)) {
      if (chapter.deleted || chapter.planStatus === 'none') continue;
      try {
        await mastering.master({
          tenantId,
          projectId,
          chapterId: chapter.id,
          jobId: 'job-bench-masters',
          userId: 'bench',
        });
        mastered++;
      } catch (error) {
        // A chapter with nothing to speak is left unproduced, as production leaves it.
        if (!(error instanceof Error && /nothing to speak|no segments/.test(error.message))) throw error;
      }
    }
    return mastered;
  } finally {
    client.dispose();
  }
}
