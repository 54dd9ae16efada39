/**
 * What a PLS import will change, decided before anything is written: a grapheme repeated in the file counts once,
 * with its last lexeme, whether it names a stored entry (one update, not two writes on one version) or a new one
 * (one new entry, one place on the roster).
 */
import type { LexiconEntry } from '../../core/lexicon/lexicon';
import { planPlsImport } from '../../core/lexicon/plsImportPlan';

function lexeme(grapheme: string, value: string, locale = ''): LexiconEntry {
  return { id: '', grapheme, locale, kind: 'alias', value, wholeWord: true, caseSensitive: false, notes: '' };
}

const stored = { ...lexeme('Longbourn', 'Long bourn', 'en-GB'), id: 'lex_1' };

test('a repeated grapheme is one change, with its last value', () => {
  const plan = planPlsImport(
    [stored],
    [lexeme('Longbourn', 'first'), lexeme('Meryton', 'Mery ton'), lexeme('Longbourn', 'last'), lexeme('Meryton', 'M')],
    'en-GB',
  );
  expect(plan.updates).toEqual([{ current: stored, next: { ...stored, value: 'last' } }]);
  const { id: _, ...meryton } = lexeme('Meryton', 'M', 'en-GB');
  expect(plan.additions).toEqual([meryton]);
});

test('a lexeme restoring the stored value cancels an earlier change; blanks are skipped', () => {
  const plan = planPlsImport(
    [stored],
    [lexeme('Longbourn', 'other'), lexeme('Longbourn', 'Long bourn'), lexeme(' ', 'x'), lexeme('Pemberley', ' ')],
    'en-GB',
  );
  expect(plan).toEqual({ updates: [], additions: [] });
});
