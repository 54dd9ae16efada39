/**
 * What the player needs of a chapter: its lines in order with where each sits in the mastered audio, their takes
 * (and which of them still match the line), and the master's measured loudness. Built from the same speech plan
 * synthesis and mastering use, so the timeline and "matches the line" agree with what production does.
 */
import type { ChapterRecord, SegmentRecord } from '../book/records';
import type { ChapterTimelineView, TakeList, TakeView, TimelineSegmentView } from '../api/takes';
import { segmentsOfChapter, type ProductionBook } from './productionBook';
import { chaptersSoundingDifferent } from './soundChanges';
import type { SpeechPlanSources } from './chapterPlanSources';
import { isTakeCurrent, planSegments, currentTake, type PlannedSegment } from './chapterSpeechPlan';

export interface ChapterListeningDeps {
  book: Pick<ProductionBook, 'chapters' | 'segments'>;
  speechPlan: SpeechPlanSources;
}

function takesOf(segment: SegmentRecord, item: PlannedSegment | undefined): TakeView[] {
  return segment.takes.map((take) => ({
    takeId: take.takeId,
    durationMs: take.durationMs,
    createdAt: take.createdAt,
    current: take.takeId === segment.currentTakeId,
    matchesLine: item !== undefined && isTakeCurrent(take, item),
  }));
}

async function plannedChapter(deps: ChapterListeningDeps, chapter: ChapterRecord) {
  const segments = await segmentsOfChapter(deps.book, chapter.tenantId, chapter.projectId, chapter.id);
  const plan =
    segments.length > 0
      ? await planSegments(deps.speechPlan, chapter.tenantId, chapter.projectId, segments)
      : { items: [] };
  const planned = new Map(plan.items.map((item, position) => [item.segment.id, { item, position }]));
  return { segments, items: plan.items, planned };
}

/** The player's reads of a chapter: its timeline and a segment's takes. */
export class ChapterListening {
  constructor(private readonly deps: ChapterListeningDeps) {}

  timeline(chapter: ChapterRecord): Promise<ChapterTimelineView> {
    return chapterTimeline(this.deps, chapter);
  }

  segmentTakes(chapter: ChapterRecord, segmentId: string): Promise<SegmentTakes | undefined> {
    return segmentTakes(this.deps, chapter, segmentId);
  }

  /** Produced chapters that would sound different if produced now (soundChanges.ts). */
  soundingDifferent(tenantId: string, projectId: string): Promise<string[]> {
    return chaptersSoundingDifferent(this.deps, tenantId, projectId);
  }
}

/** A segment's takes as the player lists them, with the segment they belong to. */
export interface SegmentTakes {
  list: TakeList;
  segment: SegmentRecord;
}

async function chapterTimeline(deps: ChapterListeningDeps, chapter: ChapterRecord): Promise<ChapterTimelineView> {
  const { segments, items, planned } = await plannedChapter(deps, chapter);
  const master = chapter.master;
  const matchesPlan = master !== null && master.segmentStartsSec.length === items.length;
  const view: TimelineSegmentView[] = segments.map((segment) => {
    const entry = planned.get(segment.id);
    const start = matchesPlan && entry ? master.segmentStartsSec[entry.position] : null;
    const next = matchesPlan && entry ? master.segmentStartsSec[entry.position + 1] : undefined;
    return {
      segmentId: segment.id,
      index: segment.index,
      kind: segment.kind,
      text: segment.text,
      speakerId: segment.speakerId,
      spoken: entry !== undefined,
      startSec: start ?? null,
      endSec: start === null || start === undefined ? null : (next ?? master!.durationSec),
      rendered: entry !== undefined && currentTake(entry.item) !== undefined,
      currentTakeId: segment.currentTakeId,
      takes: takesOf(segment, entry?.item),
    };
  });
  return {
    chapterId: chapter.id,
    title: chapter.title,
    master: master && {
      durationSec: master.durationSec,
      integratedLufs: master.integratedLufs,
      rmsDb: master.rmsDb,
      peakDb: master.peakDb,
      truePeakDb: master.truePeakDb,
      noiseFloorDb: master.noiseFloorDb,
      masteredAt: master.masteredAt,
      jobId: master.jobId,
      matchesPlan,
    },
    segments: view,
  };
}

/** One segment's takes, judged against its chapter's present plan; undefined when the segment is not in it. */
async function segmentTakes(
  deps: ChapterListeningDeps,
  chapter: ChapterRecord,
  segmentId: string,
): Promise<SegmentTakes | undefined> {
  const { segments, planned } = await plannedChapter(deps, chapter);
  const segment = segments.find((s) => s.id === segmentId);
  if (!segment) return undefined;
  return {
    segment,
    list: {
      segmentId: segment.id,
      currentTakeId: segment.currentTakeId,
      items: takesOf(segment, planned.get(segment.id)?.item).reverse(),
    },
  };
}
