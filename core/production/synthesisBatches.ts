/** How a chapter's segments are split into synthesis activities. */
import { chunk } from './progress';

/** The most segments one synthesis activity takes: its segments are read in one query of this size. */
export const MAX_SEGMENTS_PER_BATCH = 50;

/**
 * A chapter's segments as synthesis activities, as many to an activity as one may take (its segments are read in one
 * query of that size). The segments of a batch all wait on the process's TTS limiter at once, so one batch keeps the
 * engines as busy as several; each activity more costs an invocation of the host with its own reads (job, tenant,
 * project, lexicon, casting) and the Durable engine's messages, and holds one of the host's activity slots, which a
 * chapter's mastering needs as soon as its synthesis ends. A crash loses little whatever the size: each segment's
 * audio is stored and its take recorded as it is made, and a retried batch finds them.
 */
export function synthesisBatches(segmentIds: readonly string[]): string[][] {
  return chunk(segmentIds, MAX_SEGMENTS_PER_BATCH);
}
