/**
 * What a PLS import changes, decided before anything is written: new values for stored entries and new entries, a
 * grapheme repeated in the file resolved to its last lexeme, so the import can take the places of all its new entries
 * at once before it writes any of them.
 */
import type { LexiconEntry } from './lexicon';
import { sameEntryKey } from './lexiconKeys';

export interface PlsImportPlan<E extends LexiconEntry> {
  updates: { current: E; next: E }[];
  additions: Omit<LexiconEntry, 'id'>[];
}

export function planPlsImport<E extends LexiconEntry>(
  existing: readonly E[],
  lexemes: readonly LexiconEntry[],
  fallbackLocale: string,
): PlsImportPlan<E> {
  const updates = new Map<string, { current: E; next: E }>();
  const additions: Omit<LexiconEntry, 'id'>[] = [];
  for (const lexeme of lexemes) {
    const input: Omit<LexiconEntry, 'id'> = {
      grapheme: lexeme.grapheme.trim().slice(0, 200),
      locale: lexeme.locale || fallbackLocale,
      kind: lexeme.kind,
      value: lexeme.value.trim().slice(0, 400),
      wholeWord: lexeme.wholeWord,
      caseSensitive: lexeme.caseSensitive,
      notes: lexeme.notes,
    };
    if (input.grapheme === '' || input.value === '') continue;
    const same = existing.find((entry) => sameEntryKey(entry, input));
    if (same) {
      if (same.kind === input.kind && same.value === input.value) updates.delete(same.id);
      else updates.set(same.id, { current: same, next: { ...same, kind: input.kind, value: input.value } });
      continue;
    }
    const pending = additions.findIndex((addition) => sameEntryKey(addition, input));
    if (pending >= 0) additions[pending] = { ...additions[pending]!, kind: input.kind, value: input.value };
    else additions.push(input);
  }
  return { updates: [...updates.values()], additions };
}
