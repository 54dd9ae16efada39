import * as df from 'durable-functions';
import { services } from '../../adapters/compositionRoot';
import type { ImportJobInput } from '../../core/manuscript/manuscriptImport';

/** The steps of `importManuscript`; each is idempotent and delegates to core's ManuscriptImport. */
export const importActivities = {
  parse: 'importManuscriptParse',
  save: 'importManuscriptSave',
  complete: 'importManuscriptComplete',
  abandon: 'importManuscriptAbandon',
} as const;

df.app.activity(importActivities.parse, {
  handler: (ref: ImportJobInput) => services().manuscriptImport.parse(ref),
});

df.app.activity(importActivities.save, {
  handler: (input: ImportJobInput & { batch: number; chapterCount: number }) =>
    services().manuscriptImport.saveBatch(input),
});

df.app.activity(importActivities.complete, {
  handler: (ref: ImportJobInput) => services().manuscriptImport.complete(ref),
});

df.app.activity(importActivities.abandon, {
  handler: (input: ImportJobInput & { error: { code: string; message: string } | null }) =>
    services().manuscriptImport.abandon(input),
});
