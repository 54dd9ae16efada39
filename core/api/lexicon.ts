import { z } from 'zod';
import type { LexiconEntryRecord } from '../lexicon/lexiconService';
import { Id, IsoDateTime, text } from './common';

const Locale = text(35, 1).refine((tag) => {
  if (tag === '*') return true;
  try {
    return Intl.getCanonicalLocales(tag).length === 1;
  } catch {
    return false;
  }
}, "must be a BCP 47 language tag such as en-GB, or '*' for every language");

const entryFields = {
  grapheme: text(200, 1).describe('The written form to match'),
  locale: Locale,
  kind: z.enum(['alias', 'ipa']).describe('alias: say this text instead; ipa: IPA phonemes'),
  value: text(400, 1),
  wholeWord: z.boolean(),
  caseSensitive: z.boolean(),
  notes: text(1000),
};

export const CreateLexiconEntryRequest = z
  .strictObject({
    ...entryFields,
    wholeWord: entryFields.wholeWord.default(true),
    caseSensitive: entryFields.caseSensitive.default(false),
    notes: entryFields.notes.default(''),
  })
  .meta({ id: 'CreateLexiconEntryRequest' });

export const UpdateLexiconEntryRequest = z
  .strictObject({
    grapheme: entryFields.grapheme.optional(),
    locale: entryFields.locale.optional(),
    kind: entryFields.kind.optional(),
    value: entryFields.value.optional(),
    wholeWord: entryFields.wholeWord.optional(),
    caseSensitive: entryFields.caseSensitive.optional(),
    notes: entryFields.notes.optional(),
  })
  .refine((body) => Object.keys(body).length > 0, 'send at least one field')
  .meta({ id: 'UpdateLexiconEntryRequest' });

export const LexiconEntryView = z
  .object({
    id: Id,
    ...entryFields,
    etag: z.string(),
    createdAt: IsoDateTime,
    updatedAt: IsoDateTime,
  })
  .meta({ id: 'LexiconEntry' });
export type LexiconEntryView = z.infer<typeof LexiconEntryView>;

export const LexiconView = z
  .object({ version: z.number().int(), items: z.array(LexiconEntryView) })
  .meta({ id: 'Lexicon' });

const changeFields = {
  version: z.number().int().describe('The lexicon version after the change'),
  segmentsAffected: z.number().int().describe('Segments whose text contains a changed entry'),
  segmentsInvalidated: z.number().int().describe('Of those, segments whose rendered audio must be rendered again'),
};

export const LexiconEntryChange = z
  .object({ entry: LexiconEntryView, ...changeFields })
  .meta({ id: 'LexiconEntryChange' });
export const LexiconChange = z.object(changeFields).meta({ id: 'LexiconChange' });
export const LexiconImportResult = z
  .object({ created: z.number().int(), updated: z.number().int(), ...changeFields })
  .meta({ id: 'LexiconImportResult' });

export const LexiconLocaleQuery = z.strictObject({ locale: Locale.optional() });

export function toLexiconEntryView(entry: LexiconEntryRecord): LexiconEntryView {
  return {
    id: entry.id,
    grapheme: entry.grapheme,
    locale: entry.locale,
    kind: entry.kind,
    value: entry.value,
    wholeWord: entry.wholeWord,
    caseSensitive: entry.caseSensitive,
    notes: entry.notes,
    etag: entry.etag ?? '',
    createdAt: entry.createdAt,
    updatedAt: entry.updatedAt,
  };
}
