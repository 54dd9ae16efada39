/**
 * Narration calls the one person of the cast who holds a title of calling by its noun alone: "said the doctor" is
 * Dr. Ames when he is the cast's only doctor, "disse o conselheiro" the only Conselheiro.
 */
import { Cast } from '../../core/characters/attribution/cast';
import { attributedDialogue, person } from './chapterFixture';

describe('a title of calling read as the role of its holder', () => {
  it('names the only holder of the title', () => {
    const cast = new Cast([person('ames', 'Dr. Ames', 'male'), person('nell', 'Nell', 'female')], 'en');
    expect(cast.subjectOf('the doctor')).toBe('ames');
    const portuguese = new Cast([person('dutra', 'Conselheiro Dutra', 'male'), person('rita', 'Rita', 'female')], 'pt');
    expect(portuguese.subjectOf('o conselheiro')).toBe('dutra');
  });

  it('names nobody when two people hold it', () => {
    const cast = new Cast([person('ames', 'Dr. Ames', 'male'), person('boyd', 'Dr. Boyd', 'male')], 'en');
    expect(cast.subjectOf('the doctor')).toBeNull();
  });

  it('so a tag by the role gives the line to the holder, not to the person turn-taking expects', () => {
    const cast = [
      person('ames', 'Dr. Ames', 'male'),
      person('nell', 'Nell', 'female'),
      person('gale', 'Mr. Gale', 'male'),
    ];
    const text = [
      'Nell waited in the kitchen while Mr. Gale slept upstairs.',
      '"Is he better?" asked Nell.',
      '"We shall know by the morning," said the doctor.',
      '"Then I shall sit up with him," said Nell.',
    ].join('\n\n');
    const lines = attributedDialogue(text, cast, 'en');
    expect(lines.map((line) => line.speakerId)).toEqual(['nell', 'ames', 'nell']);
    expect(lines[1].confidence).toBeGreaterThanOrEqual(0.7);
  });
});
