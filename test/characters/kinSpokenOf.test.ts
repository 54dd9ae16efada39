/**
 * A speaker who calls a relative by name ("“My brother Walter,” said Mr. Whitcomb") is not that relative: of two
 * full names of the family ("George Whitcomb", "Walter Whitcomb"), the titled surname joins the one left. Without
 * that line both stay candidates and nothing joins. A megabyte of tags and kin names is read in linear time.
 */
import { kinSpokenIn } from '../../core/characters/kinSpokenOf';
import { cpuMsSince } from '../support/jestBudget';
import { chapters, castOf } from './smallBooks';

/** The hostile inputs' CPU budget (far above a linear read, far below a quadratic one); jest's limit only stops a hang. */
const HOSTILE_CPU_BUDGET_MS = 5_000;
const HANG_LIMIT_MS = 180_000;

const family = (brotherLine: string) =>
  chapters(
    'en',
    [
      'George Whitcomb stood in the hall with his watch in his hand.',
      '',
      '"They will be late," said George Whitcomb.',
      '',
      '"Then we shall wait," said Mr. Whitcomb.',
      '',
      brotherLine,
      '',
      '"Does the name Walter Whitcomb mean anything to you?" asked Hale.',
      '',
      '"He was my brother," said Mr. Whitcomb.',
    ].join('\n'),
  );

describe('a relative the speaker names', () => {
  it('"My brother Walter," said Mr. Whitcomb: Mr. Whitcomb is George Whitcomb, not Walter', () => {
    const { named } = castOf(family('"My brother Walter," said Mr. Whitcomb, "has been dead a year."'));
    expect(named('Mr. Whitcomb').map((character) => character.aliases)).toEqual([
      expect.arrayContaining(['George Whitcomb']),
    ]);
    expect(named('Walter Whitcomb').map((character) => character.name)).not.toContain('Mr. Whitcomb');
  });

  it('without the kin line two full names fit and neither joins', () => {
    const { named } = castOf(family('"It has been a year," said Mr. Whitcomb.'));
    expect(named('Mr. Whitcomb').flatMap((character) => character.aliases)).not.toContain('George Whitcomb');
  });

  it(
    'reads a megabyte of tags and kin names in linear time',
    async () => {
      const start = process.cpuUsage();
      const paragraph = '"My brother Walter," said Mr. Whitcomb.\n\n';
      const text = paragraph.repeat(1_000_000 / paragraph.length) + '"My brother Walter'.repeat(20_000);
      const walters: { form: { honorific: null; tokens: string[] }; local: number }[] = [];
      const tags: { form: { honorific: string; tokens: string[] }; local: number }[] = [];
      for (let at = text.indexOf('Walter'); at >= 0; at = text.indexOf('Walter', at + 1))
        walters.push({ form: { honorific: null, tokens: ['Walter'] }, local: at });
      for (let at = text.indexOf('Whitcomb'); at >= 0; at = text.indexOf('Whitcomb', at + 1))
        tags.push({ form: { honorific: 'Mr', tokens: ['Whitcomb'] }, local: at });
      const found = kinSpokenIn(text, 'en', tags, walters);
      expect(found).toHaveLength(tags.length);
      expect(cpuMsSince(start)).toBeLessThan(HOSTILE_CPU_BUDGET_MS);
    },
    HANG_LIMIT_MS,
  );
});
