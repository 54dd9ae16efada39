import { z } from 'zod';
import { DEFAULT_PAUSE_POLICY, PAUSE_BOUNDS_MS, pauseBoundaries, type PauseBoundary } from '../planning/pausePolicy';
import { Id } from './common';
import { JobView } from './jobs';

export const StartPlanRequest = z
  .strictObject({
    chapterIds: z
      .array(Id)
      .min(1)
      .max(2000)
      .optional()
      .describe('Chapters to (re-)plan; all non-deleted chapters when left out'),
  })
  .meta({ id: 'StartPlanRequest' });

export const StartPlanResponse = z.object({ job: JobView }).meta({ id: 'StartPlanResponse' });

const pauseMs = z.number().int().min(PAUSE_BOUNDS_MS.min).max(PAUSE_BOUNDS_MS.max);

const policyShape = Object.fromEntries(pauseBoundaries.map((boundary) => [boundary, pauseMs])) as Record<
  PauseBoundary,
  typeof pauseMs
>;

export const PausePolicyValues = z.object(policyShape).meta({ id: 'PausePolicyValues' });

/** PUT replaces the overrides: a boundary left out goes back to its default. */
export const UpdatePausePolicyRequest = z
  .strictObject(
    Object.fromEntries(pauseBoundaries.map((boundary) => [boundary, pauseMs.optional()])) as Record<
      PauseBoundary,
      z.ZodOptional<typeof pauseMs>
    >,
  )
  .meta({ id: 'UpdatePausePolicyRequest' });

export const PausePolicyView = z
  .object({
    defaults: PausePolicyValues,
    overrides: PausePolicyValues.partial(),
    effective: PausePolicyValues,
    etag: z.string().optional(),
  })
  .meta({ id: 'PausePolicy' });
export type PausePolicyView = z.infer<typeof PausePolicyView>;

export function toPausePolicyView(policy: {
  overrides: Partial<Record<PauseBoundary, number>>;
  effective: Record<PauseBoundary, number>;
  etag?: string;
}): PausePolicyView {
  return {
    defaults: { ...DEFAULT_PAUSE_POLICY },
    overrides: policy.overrides,
    effective: policy.effective,
    ...(policy.etag ? { etag: policy.etag } : {}),
  };
}

export const SsmlPreviewQuery = z.strictObject({
  engine: z.enum(['azure', 'offline']).optional().describe("The SSML variant; defaults to the configured engine's"),
});

export const SsmlPreview = z
  .object({
    chapterId: Id,
    engine: z.enum(['azure', 'offline']),
    requests: z.array(
      z.object({
        ssml: z.string(),
        segmentIds: z.array(z.string()),
        billableCharacters: z.number().int(),
        estimatedSeconds: z.number(),
      }),
    ),
    totals: z.object({
      requests: z.number().int(),
      billableCharacters: z.number().int(),
      estimatedSeconds: z.number(),
    }),
  })
  .meta({ id: 'SsmlPreview' });
export type SsmlPreview = z.infer<typeof SsmlPreview>;
