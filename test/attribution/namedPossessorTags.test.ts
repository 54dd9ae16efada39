/**
 * A tag may name the speaker as a relation of someone it names: "said Hobb's wife" is Mrs. Hobb when the cast holds
 * her, and in Spanish and Portuguese "dijo la mujer de Pedro", "disse a mulher do Cotrim" the same.
 */
import { attributedDialogue, person } from './chapterFixture';

describe("a tag naming the speaker as someone's relation", () => {
  it('gives the line to the spouse of that family, not to the one turn-taking expects', () => {
    const cast = [
      person('hobb', 'Mr. Hobb', 'male', ['Hobb']),
      person('mrs-hobb', 'Mrs. Hobb', 'female'),
      person('nan', 'Nan', 'female'),
    ];
    const text = [
      'Nan sat by the window while Mr. Hobb read his paper and Mrs. Hobb mended a shirt.',
      '"Is the rain over?" asked Nan.',
      '"Not yet," said Hobb\'s wife.',
      '"Then I shall wait," said Nan.',
    ].join('\n\n');
    const lines = attributedDialogue(text, cast, 'en');
    expect(lines.map((line) => line.speakerId)).toEqual(['nan', 'mrs-hobb', 'nan']);
  });

  it('reads the Romance order, the relation before the name', () => {
    const cast = [
      person('cotrim', 'Cotrim Ramos', 'male', ['Cotrim']),
      person('sabina', 'Sabina Ramos', 'female', ['Sabina']),
      person('rita', 'Rita', 'female'),
    ];
    const text = [
      'Rita entrou na sala onde estavam Cotrim e Sabina.',
      '-- Já jantaram? perguntou Rita.',
      '-- Ainda não, disse a mulher do Cotrim.',
      '-- Então fico, respondeu Rita.',
    ].join('\n\n');
    const lines = attributedDialogue(text, cast, 'pt');
    expect(lines.map((line) => line.speakerId)).toEqual(['rita', 'sabina', 'rita']);
  });
});
