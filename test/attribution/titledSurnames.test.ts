/**
 * "Mr. Whitcomb" and "George Whitcomb", "Mrs. Pell" and "Agnes Pell": detection sometimes keeps one person on two
 * records, a family name between them. The attribution cast reads them as one when only one record carries a given
 * name before that family name and its gender fits; "Mrs." is left alone in a family of daughters, and "Mr." where
 * two men of the family have given names.
 */
import { Cast } from '../../core/characters/attribution/cast';
import { person } from './chapterFixture';

describe('a title and a family name read as the one record with a given name before it', () => {
  it('"Mr. Whitcomb" is George Whitcomb, "Mrs. Pell" is Agnes Pell', () => {
    const cast = new Cast(
      [
        person('mr', 'Mr. Whitcomb', 'male', ['Whitcomb']),
        person('george', 'George', 'male', ['George Whitcomb']),
        person('mrs-pell', 'Mrs. Pell', 'female'),
        person('agnes', 'Agnes', 'unknown', ['Agnes Pell']),
      ],
      'en',
    );
    expect(cast.subjectOf('Mr. Whitcomb')).toBe(cast.subjectOf('George'));
    expect(cast.subjectOf('Mrs. Pell')).toBe(cast.subjectOf('Agnes'));
    expect(cast.ids).toHaveLength(2);
  });

  it('leaves "Mrs." alone beside others of her name, and "Mr." between two men of the family', () => {
    const family = new Cast(
      [
        person('mr', 'Mr. Bennet', 'male'),
        person('mrs', 'Mrs. Bennet', 'female'),
        person('elizabeth', 'Elizabeth', 'female', ['Lizzy', 'Elizabeth Bennet']),
      ],
      'en',
    );
    expect(family.subjectOf('Mrs. Bennet')).toBe('mrs');
    expect(family.subjectOf('Elizabeth')).toBe('elizabeth');
    const daughters = new Cast(
      [person('mrs', 'Mrs. Whitcomb', 'female'), person('ruth', 'Ruth', 'female', ['Ruth Whitcomb', 'Miss Ruth'])],
      'en',
    );
    expect(daughters.subjectOf('Mrs. Whitcomb')).toBe('mrs');
    expect(daughters.subjectOf('Ruth')).toBe('ruth');
    const sons = new Cast(
      [
        person('mr', 'Mr. Whitcomb', 'male'),
        person('george', 'George Whitcomb', 'male'),
        person('walter', 'Walter Whitcomb', 'male'),
      ],
      'en',
    );
    expect(
      new Set([sons.subjectOf('Mr. Whitcomb'), sons.subjectOf('George Whitcomb'), sons.subjectOf('Walter Whitcomb')])
        .size,
    ).toBe(3);
  });
});
