import { z } from 'zod';
import { costGroupings } from '../costs/aggregate';
import { costKinds } from '../costs/priceTable';
import { IsoDateTime } from './common';

const Day = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'must be YYYY-MM-DD')
  .refine(
    (day) =>
      !Number.isNaN(Date.parse(`${day}T00:00:00Z`)) && new Date(`${day}T00:00:00Z`).toISOString().startsWith(day),
    'is not a calendar day',
  );

export const CostReportQuery = z.strictObject({
  groupBy: z.enum(costGroupings).default('project'),
  from: Day.optional(),
  to: Day.optional(),
});

const KindTotals = z.object(
  Object.fromEntries(
    costKinds.map((kind) => [kind, z.object({ quantity: z.number(), amountUsd: z.number() })]),
  ) as Record<(typeof costKinds)[number], z.ZodObject<{ quantity: z.ZodNumber; amountUsd: z.ZodNumber }>>,
);

export const CostReportView = z
  .object({
    groupBy: z.enum(costGroupings),
    from: z.string(),
    to: z.string(),
    currency: z.literal('USD'),
    totalUsd: z.number(),
    byKind: KindTotals,
    groups: z.array(z.object({ key: z.string(), amountUsd: z.number(), byKind: KindTotals })),
  })
  .meta({
    id: 'CostReport',
    description:
      'Spend between `from` and `to` (UTC days, inclusive). Quantities: characters, tokens, seconds, and byte-days ' +
      'for storage (one daily snapshot per project).',
  });

export const TenantUsageView = z
  .object({
    month: z.string().meta({ description: 'YYYY-MM (UTC)' }),
    monthlyCharacters: z.object({
      limit: z.number(),
      used: z.number(),
      reserved: z
        .number()
        .meta({ description: 'Characters held by productions running now, not yet counted in `used` or `remaining`' }),
      remaining: z.number(),
      resetsAt: z.string().meta({ description: 'When the month ends and the character quota resets (ISO 8601)' }),
    }),
    concurrentJobs: z.object({ limit: z.number(), running: z.number() }),
    storageBytes: z.object({
      limit: z.number(),
      used: z.number(),
      measuredAt: IsoDateTime.meta({
        description:
          'When `used` was measured (ISO 8601): it is remeasured when a production ends, when projects are purged ' +
          'and daily, so files stored since may not be counted yet',
      }),
    }),
  })
  .meta({
    id: 'TenantUsage',
    description:
      "The organization's use of its quotas: characters synthesized this month, productions running, storage",
  });
