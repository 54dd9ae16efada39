import { z } from 'zod';
import type { ConsistencyReport, ConsistencyState } from '../planning/planConsistency';
import { Id, IsoDateTime } from './common';

export const ConsistencyCheckRequest = z
  .strictObject({
    repair: z
      .boolean()
      .default(false)
      .describe('Plan failing chapters again, remove leftover segments and recount the counters'),
  })
  .meta({ id: 'ConsistencyCheckRequest' });

const ConsistencyStateView = z
  .object({
    chaptersChecked: z.number().int(),
    segmentsChecked: z.number().int(),
    chapterProblems: z.array(
      z.object({
        chapterId: Id,
        title: z.string(),
        kind: z.enum(['duplicate_positions', 'missing_positions', 'text_mismatch']),
        message: z.string(),
      }),
    ),
    leftoverSegments: z.number().int().describe('Segments of an uncommitted plan generation no running job writes'),
    inProgressSegments: z.number().int().describe('Segments a running plan job may still commit'),
    orphanedSegments: z.number().int().describe('Segments whose chapter no longer exists'),
    staleTotals: z
      .array(z.object({ chapterId: Id, title: z.string() }))
      .describe('Chapters whose stored plan totals differ from a count of their committed plan'),
    facts: z.array(
      z.object({
        fact: z.enum([
          'chapterCount',
          'characterCount',
          'charactersWithVoice',
          'segmentCount',
          'segmentsWithSpeaker',
          'segmentsFlagged',
          'segmentsRendered',
        ]),
        stored: z.number().int().describe("The project's counter"),
        counted: z.number().int().describe('Counted from the stored documents'),
      }),
    ),
    consistent: z.boolean(),
  })
  .meta({ id: 'ConsistencyState' });

export const ConsistencyReportView = z
  .object({
    projectId: Id,
    checkedAt: IsoDateTime,
    found: ConsistencyStateView,
    repair: z
      .object({
        chaptersReplanned: z.array(Id),
        chaptersNotRepaired: z.array(z.object({ chapterId: Id, reason: z.string() })),
        segmentsRemoved: z.number().int(),
        totalsRecounted: z.array(Id).describe('Chapters whose plan totals were counted again'),
        factsRecounted: z.boolean(),
        after: ConsistencyStateView,
      })
      .nullable(),
  })
  .meta({ id: 'ConsistencyReport' });
export type ConsistencyReportView = z.infer<typeof ConsistencyReportView>;

function toStateView(state: ConsistencyState): z.infer<typeof ConsistencyStateView> {
  return {
    ...state,
    chapterProblems: state.chapterProblems.map((problem) => ({ ...problem })),
    staleTotals: state.staleTotals.map((stale) => ({ ...stale })),
  };
}

export function toConsistencyReportView(report: ConsistencyReport): ConsistencyReportView {
  return {
    projectId: report.projectId,
    checkedAt: report.checkedAt,
    found: toStateView(report.found),
    repair: report.repair && { ...report.repair, after: toStateView(report.repair.after) },
  };
}
