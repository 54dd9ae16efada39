import { z } from 'zod';
import { PREVIEW_ROLES, type PreviewRole } from '../production/packageRecord';
import { Id, IsoDateTime } from './common';

/**
 * Listening: a chapter's timeline (where each line sits in the mastered audio, with its takes and the chapter's
 * measured loudness), a segment's takes, choosing which take is used, and short-lived media links the browser's
 * audio element streams and seeks in (HTTP Range).
 */
export const TakeView = z
  .object({
    takeId: z.string(),
    durationMs: z.number(),
    createdAt: IsoDateTime,
    /** The take production uses now. */
    current: z.boolean(),
    /**
     * Rendered from the line's present text, voice, prosody and pronunciations. Only such a take can be chosen;
     * the others are kept to listen to.
     */
    matchesLine: z.boolean(),
  })
  .meta({ id: 'Take' });
export type TakeView = z.infer<typeof TakeView>;

export const TakeList = z
  .object({ segmentId: Id, currentTakeId: z.string().nullable(), items: z.array(TakeView) })
  .meta({ id: 'TakeList' });
export type TakeList = z.infer<typeof TakeList>;

export const TakeParams = z.strictObject({ projectId: Id, segmentId: Id, takeId: Id });

export const ChapterLoudnessView = z
  .object({
    durationSec: z.number(),
    integratedLufs: z.number(),
    rmsDb: z.number(),
    peakDb: z.number(),
    truePeakDb: z.number(),
    noiseFloorDb: z.number(),
    masteredAt: IsoDateTime,
    jobId: z.string(),
    /** The master holds exactly the lines the plan speaks now (false after lines were added, removed or re-cut). */
    matchesPlan: z.boolean(),
  })
  .meta({ id: 'ChapterMaster' });

export const TimelineSegmentView = z
  .object({
    segmentId: Id,
    index: z.number().int(),
    kind: z.enum(['narration', 'dialogue', 'heading']),
    text: z.string(),
    speakerId: z.string(),
    /** False for a line with nothing to speak (left out of the audio). */
    spoken: z.boolean(),
    /** Where the line starts and ends in the chapter master; null when the master does not match the plan. */
    startSec: z.number().nullable(),
    endSec: z.number().nullable(),
    /** Its current take still matches its text, voice and pronunciations (false: it is rendered again next time). */
    rendered: z.boolean(),
    currentTakeId: z.string().nullable(),
    takes: z.array(TakeView),
  })
  .meta({ id: 'TimelineSegment' });
export type TimelineSegmentView = z.infer<typeof TimelineSegmentView>;

export const ChapterTimelineView = z
  .object({
    chapterId: Id,
    title: z.string(),
    master: ChapterLoudnessView.nullable(),
    segments: z.array(TimelineSegmentView),
  })
  .meta({ id: 'ChapterTimeline' });
export type ChapterTimelineView = z.infer<typeof ChapterTimelineView>;

export const WaveformView = z
  .object({
    durationSec: z.number(),
    /** The loudest sample of each equal stretch of the chapter master, in order, 0 (silence) to 1 (full scale). */
    peaks: z.array(z.number().min(0).max(1)),
  })
  .meta({
    id: 'Waveform',
    description: "A chapter master's shape for drawing: measured once on the server, so no browser decodes a chapter",
  });
export type WaveformView = z.infer<typeof WaveformView>;

export const MediaLinkView = z
  .object({
    /** Relative to the API's origin (`/api/v1/media/…`); streams with HTTP Range until `expiresAt`. */
    url: z.string(),
    contentType: z.string(),
    expiresAt: IsoDateTime,
  })
  .meta({ id: 'MediaLink' });
export type MediaLinkView = z.infer<typeof MediaLinkView>;

export const MediaParams = z.strictObject({
  token: z.string().regex(/^[A-Za-z0-9_-]{1,64}\.[A-Za-z0-9_-]{40,4096}$/, 'is not a media link'),
});

export const previewRoles = PREVIEW_ROLES;
export type { PreviewRole };

export const PackagePreviewList = z
  .object({
    packageId: Id,
    items: z.array(z.object({ role: z.enum(previewRoles), fileName: z.string() })),
  })
  .meta({ id: 'PackagePreviewList' });

export const PreviewParams = z.strictObject({ projectId: Id, packageId: Id, role: z.enum(previewRoles) });

export const SoundChangesView = z
  .object({
    chapterIds: z
      .array(z.string())
      .describe(
        "Produced chapters whose audio would sound different if produced now, in reading order: a character's voice, a pronunciation, the pauses or a line changed since their master was made",
      ),
  })
  .meta({ id: 'SoundChanges' });
export type SoundChangesView = z.infer<typeof SoundChangesView>;
