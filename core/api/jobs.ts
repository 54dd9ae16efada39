import { z } from 'zod';
import { jobKinds, jobStatuses, type JobRecord } from '../jobs/job';
import { ContinuationQuery, Id, IsoDateTime, page } from './common';

export const JobView = z
  .object({
    id: Id,
    projectId: Id,
    kind: z.enum(jobKinds),
    status: z.enum(jobStatuses),
    progress: z.object({
      phase: z.string(),
      chaptersDone: z.number().int(),
      chaptersTotal: z.number().int(),
      segmentsDone: z.number().int(),
      segmentsTotal: z.number().int(),
      etaSeconds: z.number().nullable(),
      costSoFarUsd: z.number(),
      message: z.string().nullable(),
    }),
    input: z.record(z.string(), z.unknown()),
    result: z.record(z.string(), z.unknown()).nullable(),
    error: z.object({ code: z.string(), message: z.string() }).nullable(),
    cancelRequested: z.boolean(),
    attempt: z.number().int(),
    createdBy: z.string(),
    createdAt: IsoDateTime,
    startedAt: IsoDateTime.nullable(),
    finishedAt: IsoDateTime.nullable(),
    updatedAt: IsoDateTime,
  })
  .meta({ id: 'Job' });
export type JobView = z.infer<typeof JobView>;

export const JobPage = page(JobView).meta({ id: 'JobPage' });

export const ListJobsQuery = ContinuationQuery.extend({
  kind: z.enum(jobKinds).optional(),
  status: z.enum(jobStatuses).optional(),
}).strict();

export function toJobView(job: JobRecord): JobView {
  return {
    id: job.id,
    projectId: job.projectId,
    kind: job.kind,
    status: job.status,
    progress: job.progress,
    input: job.input,
    result: job.result,
    error: job.error,
    cancelRequested: job.cancelRequested,
    attempt: job.attempt,
    createdBy: job.createdBy,
    createdAt: job.createdAt,
    startedAt: job.startedAt,
    finishedAt: job.finishedAt,
    updatedAt: job.updatedAt,
  };
}
