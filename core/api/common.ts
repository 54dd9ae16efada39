import { z } from 'zod';

/** Shared API building blocks. Every request and response shape is a zod schema; OpenAPI is generated from them. */

export const ErrorBody = z
  .object({
    error: z.object({
      code: z.string(),
      message: z.string(),
      details: z.record(z.string(), z.unknown()).optional(),
      requestId: z.string(),
    }),
  })
  .meta({ id: 'Error' });

export const Id = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'must be 1-64 letters, digits, "-" or "_"');

export const IsoDateTime = z.string().datetime({ offset: true });

export const ContinuationQuery = z.object({
  continuationToken: z.string().max(4096).optional(),
  pageSize: z.coerce.number().int().min(1).max(100).default(25),
});

export function page<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), continuationToken: z.string().nullable() });
}

/** Trimmed single-line text with a length cap; rejects control characters. */
export function text(max: number, min = 0) {
  return (
    z
      .string()
      .trim()
      .min(min)
      .max(max)
      // eslint-disable-next-line no-control-regex -- rejecting control characters is the point
      .refine((s) => !/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/.test(s), 'must not contain control characters')
  );
}
