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

  it('names the only holder by the calling the title stands for: "o Doutor Vasconcelos" … "disse o advogado"', () => {
    const cast = new Cast(
      [person('vasconcelos', 'Doutor Vasconcelos', 'male'), person('rosa', 'Tia Rosa', 'female')],
      'pt',
    );
    expect(cast.subjectOf('o advogado')).toBe('vasconcelos');
    expect(cast.subjectOf('o médico')).toBe('vasconcelos');
    const english = new Cast([person('ames', 'Dr. Ames', 'male'), person('nell', 'Nell', 'female')], 'en');
    expect(english.subjectOf('the surgeon')).toBe('ames');
  });

  it('leaves the calling to a record the cast has for it, and to nobody when two people hold the title', () => {
    const cast = new Cast(
      [
        person('vasconcelos', 'Doutor Vasconcelos', 'male'),
        person('advogado', 'O advogado', 'male'),
        person('rosa', 'Tia Rosa', 'female'),
      ],
      'pt',
    );
    expect(cast.subjectOf('o advogado')).toBe('advogado');
    const two = new Cast(
      [person('vasconcelos', 'Doutor Vasconcelos', 'male'), person('lima', 'Doutor Lima', 'male')],
      'pt',
    );
    expect(two.subjectOf('o advogado')).toBeNull();
  });

  it('so "disse o advogado" gives the line to the Doutor, and the reply to the other person', () => {
    const cast = [person('vasconcelos', 'Doutor Vasconcelos', 'male'), person('rosa', 'Tia Rosa', 'female', ['Rosa'])];
    const text = [
      'O Doutor Vasconcelos entrou com a pasta de couro, e a tia Rosa fechou a porta atrás dele.',
      '— Bom dia, minha senhora — disse o advogado.',
      '— Bom dia. Sente-se.',
      '— Obrigado.',
    ].join('\n\n');
    const lines = attributedDialogue(text, cast, 'pt');
    expect(lines.map((line) => line.speakerId)).toEqual(['vasconcelos', 'rosa', 'vasconcelos']);
    // The tag names him: his line is heard without review, not left to turn-taking's guess.
    expect(lines[0].confidence).toBeGreaterThanOrEqual(0.7);
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
