/**
 * An English role known by an occupation the book's prose gives to one sex ("the banker", "the clerk", "the
 * seamstress") takes that gender from the noun, not from a pronoun near one of its mentions that belongs to someone
 * else.
 */
import { detectCharactersHeuristic } from '../../core/characters';
import { roleGender } from '../../core/characters/roles';
import { chapters } from './smallBooks';

describe('gender of an English occupation role', () => {
  it('reads the occupation noun when no gendered word says it', () => {
    expect(roleGender('the', ['banker'], 'en')).toBe('male');
    expect(roleGender('the', ['old', 'clerk'], 'en')).toBe('male');
    expect(roleGender('the', ['seamstress'], 'en')).toBe('female');
    expect(roleGender('the', ['dressmaker'], 'en')).toBe('female');
    expect(roleGender('the', ['stranger'], 'en')).toBe('unknown');
  });

  it("is not outvoted by a woman's pronouns near the role's mentions", () => {
    const cast = detectCharactersHeuristic(
      chapters(
        'en',
        [
          'The niece showed more grief than the banker had done, and it was striking in her.',
          '',
          '"It cannot be!" cried the banker.',
          '',
          '"It is so," I answered.',
          '',
          '"Then I am ruined," said the banker. She wept beside the banker; her hands shook.',
        ].join('\n'),
      ),
    );
    expect(cast.find((c) => c.name === 'The banker')).toMatchObject({ gender: 'male', dialogueLineCount: 2 });
  });

  it('leaves Spanish and Portuguese roles to their article', () => {
    expect(roleGender('la', ['banquera'], 'es')).toBe('female');
    expect(roleGender('o', ['escrivão'], 'pt')).toBe('male');
  });
});
