/**
 * A bare role ("The sister") and the one record named by someone's role of the same noun ("Tom's sister", "a irmã de
 * Pedro", "la hermana de Juan") are one person: the attribution cast folds the first into the second, so that
 * person's lines go to one record instead of being split between two.
 */
import { foldBareRolesIntoPossessed } from '../../core/characters/attribution/possessedRoles';
import { attributedDialogue, person } from './chapterFixture';

const ids = (cast: { id: string }[]) => cast.map((character) => character.id);

describe('a bare role and the one possessed role of the same noun', () => {
  it('folds "The sister" into "Tom\'s sister", "o sobrinho" into "o sobrinho de Cubas", "la criada" into "la criada de Juan"', () => {
    const english = foldBareRolesIntoPossessed([
      person('tom', 'Tom', 'male'),
      person('toms-sister', "Tom's sister", 'female'),
      person('the-sister', 'The sister', 'female', ['the sister']),
    ]);
    expect(ids(english)).toEqual(['tom', 'toms-sister']);
    expect(english[1].aliases).toEqual(['The sister', 'the sister']);
    const portuguese = foldBareRolesIntoPossessed([
      person('sobrinho-de-cubas', 'o sobrinho de Cubas', 'male'),
      person('o-sobrinho', 'O sobrinho', 'male'),
    ]);
    expect(ids(portuguese)).toEqual(['sobrinho-de-cubas']);
    const spanish = foldBareRolesIntoPossessed([
      person('criada-de-juan', 'la criada de Juan', 'female'),
      person('la-criada', 'La criada', 'female'),
    ]);
    expect(ids(spanish)).toEqual(['criada-de-juan']);
  });

  it('keeps them apart when two records hold the noun, or their genders differ', () => {
    const twoSisters = [
      person('toms-sister', "Tom's sister", 'female'),
      person('anns-sister', "Ann's sister", 'female'),
      person('the-sister', 'The sister', 'female'),
    ];
    expect(ids(foldBareRolesIntoPossessed(twoSisters))).toEqual(['toms-sister', 'anns-sister', 'the-sister']);
    const genders = [person('toms-child', "Tom's child", 'female'), person('the-child', 'The child', 'male')];
    expect(ids(foldBareRolesIntoPossessed(genders))).toEqual(['toms-child', 'the-child']);
  });

  it('gives the lines tagged with the bare role to the possessed record', () => {
    const cast = [
      person('tom', 'Tom', 'male'),
      person('toms-sister', "Tom's sister", 'female'),
      person('the-sister', 'The sister', 'female', ['the sister']),
    ];
    const text = [
      '"You are late," said Tom\'s sister.',
      '"The train was slow," said Tom.',
      '"It always is," said the sister, laughing.',
    ].join('\n\n');
    const lines = attributedDialogue(text, cast, 'en');
    expect(lines.map((line) => line.speakerId)).toEqual(['toms-sister', 'tom', 'toms-sister']);
  });
});
