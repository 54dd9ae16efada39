import { z } from 'zod';
import { type FileNote, fileNoteCodes, notesFromMessages } from '../common/fileNotes';

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

/**
 * Characters no text field accepts (docs/reliability.md, "Text the API accepts"): C0 controls other than tab and
 * line breaks, DEL and the C1 controls, and the explicit bidirectional embeddings, overrides and isolates, which
 * can make text display in a different order than it is stored ("Trojan source", spoofed file names).
 */
// eslint-disable-next-line no-control-regex -- rejecting control characters is the point
const FORBIDDEN_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/;
/** Half of a UTF-16 surrogate pair without the other half: not a character, and not encodable as UTF-8. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Whether a string holds only characters the API stores (see FORBIDDEN_CHARACTERS and LONE_SURROGATE). */
export function isStorableText(value: string): boolean {
  return !FORBIDDEN_CHARACTERS.test(value) && !LONE_SURROGATE.test(value);
}

/**
 * Text with a length cap: normalized to Unicode NFC (so one title has one spelling) and trimmed; refuses control
 * characters, explicit bidirectional controls and lone surrogates (400 naming the field).
 */
export function text(max: number, min = 0) {
  return z
    .string()
    .normalize('NFC')
    .trim()
    .min(min)
    .max(max)
    .refine(isStorableText, 'must not contain control characters, bidirectional controls or lone surrogates');
}

/**
 * True when each type's values are values of the other: `void (true satisfies SameShape<View, DomainType>)` makes the
 * compiler refuse a schema that drifts from the domain type it describes, on either side.
 */
export type SameShape<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

/**
 * A note about an uploaded file with a stable code and the parameters its sentence needs, so a client can show it in
 * the user's language; `message` says it in English. `library_message` carries a library's own text as it wrote it.
 */
export const FileNoteView = z
  .object({
    code: z.enum(fileNoteCodes),
    params: z.record(z.string(), z.union([z.string(), z.number()])),
    message: z.string(),
  })
  .meta({ id: 'FileNote' });
export type FileNoteView = z.infer<typeof FileNoteView>;

/** The notes of a stored file; files stored before notes had codes give their English sentences under the generic code. */
export function toFileNoteViews(notes: FileNote[] | undefined, messages: string[], source: string): FileNoteView[] {
  return notes ?? notesFromMessages(messages, source);
}
