/** Project pronunciation lexicon: grapheme → alias or IPA, matched on Unicode word boundaries. */
export interface LexiconEntry {
  id: string;
  grapheme: string;
  locale: string;
  kind: 'alias' | 'ipa';
  value: string;
  wholeWord: boolean;
  caseSensitive: boolean;
  notes: string;
}

export interface LexiconMatch {
  entry: LexiconEntry;
  start: number;
  end: number;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export function entryPattern(entry: LexiconEntry): RegExp {
  const body = escapeRegExp(entry.grapheme.normalize('NFC'));
  const bounded = entry.wholeWord ? `(?<![\\p{L}\\p{M}\\p{N}_])${body}(?![\\p{L}\\p{M}\\p{N}_])` : body;
  return new RegExp(bounded, entry.caseSensitive ? 'gu' : 'giu');
}

function sameLanguage(entryLocale: string, textLocale: string | undefined): boolean {
  if (textLocale === undefined || entryLocale === '' || entryLocale === '*') return true;
  const entry = entryLocale.toLowerCase();
  const text = textLocale.toLowerCase();
  return (
    entry === text ||
    entry === text.split('-')[0] ||
    text === entry.split('-')[0] ||
    entry.split('-')[0] === text.split('-')[0]
  );
}

/** Non-overlapping matches, left to right; at one position the longest grapheme wins. */
export function findLexiconMatches(text: string, entries: LexiconEntry[], locale?: string): LexiconMatch[] {
  const candidates: LexiconMatch[] = [];
  for (const entry of entries) {
    if (entry.grapheme.length === 0 || !sameLanguage(entry.locale, locale)) continue;
    for (const match of text.matchAll(entryPattern(entry)))
      candidates.push({ entry, start: match.index, end: match.index + match[0].length });
  }
  candidates.sort((a, b) => a.start - b.start || b.end - a.end || (a.entry.id < b.entry.id ? -1 : 1));
  const chosen: LexiconMatch[] = [];
  let cursor = 0;
  for (const candidate of candidates) {
    if (candidate.start < cursor) continue;
    chosen.push(candidate);
    cursor = candidate.end;
  }
  return chosen;
}

export function entryMatches(entry: LexiconEntry, text: string): boolean {
  return entry.grapheme.length > 0 && entryPattern(entry).test(text);
}

/** Exactly the segments whose text contains the entry: changing it makes these (and only these) stale. */
export function segmentsAffectedBy<S extends { id: string; text: string; locale?: string }>(
  entry: LexiconEntry,
  segments: S[],
): string[] {
  return segments
    .filter((segment) => sameLanguage(entry.locale, segment.locale) && entryMatches(entry, segment.text))
    .map((segment) => segment.id);
}
