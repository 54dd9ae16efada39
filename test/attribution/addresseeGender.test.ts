/**
 * Words of address that give the gender of the one spoken to ("Não, senhora,", "Buenas noches, señor.") tell, in a
 * scene of a man and a woman, that the line is the other's: a speaker of that gender is unlikely, and so is a line
 * answering someone of the other gender. Spanish and Portuguese only; a name after the word ("señor Pedro") is a
 * name the line addresses, read elsewhere.
 */
import { addresseeGender } from '../../core/characters/attribution/addresseeGender';
import { NARRATOR_ID } from '../../core/characters/character';
import { attributedDialogue, person } from './chapterFixture';

describe('the gender of the one a line is said to', () => {
  it('is read from a word of address standing alone between punctuation', () => {
    expect(addresseeGender('--Não, senhora, ella foi só.')).toBe('female');
    expect(addresseeGender('--¡Calla, mujer!')).toBe('female');
    expect(addresseeGender('—Buenas noches, señor.')).toBe('male');
    expect(addresseeGender('--Sim, meu senhor.')).toBe('male');
    expect(addresseeGender('—Eso no, señora mía; ya lo sabe.')).toBe('female');
  });

  it('is not read from a title before a name, a word used of someone, or words of both genders', () => {
    expect(addresseeGender('—Buenas noches, señor Pedro.')).toBeNull();
    expect(addresseeGender('--A senhora D. Rosa já chegou.')).toBeNull();
    expect(addresseeGender('—Es una mujer muy guapa.')).toBeNull();
    expect(addresseeGender('—Sí, señor; y usted, señora, también.')).toBeNull();
    expect(addresseeGender('"Yes, madam," said he.')).toBeNull();
  });

  it('gives Spanish lines said to a woman to the man of the scene, though the narration was about her', () => {
    const cast = [person('pedro', 'Pedro', 'male'), person('rosa', 'Rosa', 'female')];
    const text = [
      'Rosa cosía junto al fuego cuando Pedro entró en la cocina. Ella levantó la vista.',
      '—Buenas noches, señora.',
      '—¿Ha cenado usted ya?',
      '—Todavía no, señora.',
      '—Pues siéntese, que hay sopa.',
    ].join('\n\n');
    const lines = attributedDialogue(text, cast, 'es');
    expect(lines.map((line) => line.speakerId)).toEqual(['pedro', 'rosa', 'pedro', 'rosa']);
  });

  it('gives a Portuguese line said to a woman to the first-person narrator talking with her, not to another woman', () => {
    const cast = [
      person(NARRATOR_ID, 'Jorge', 'male'),
      person('clara', 'D. Clara', 'female', ['Clara']),
      person('luisa', 'Prima Luísa', 'female', ['Luísa']),
    ];
    const text = [
      'Prima Luísa tinha saído para a missa. Eu fiquei na sala com D. Clara, que me olhava desconfiada.',
      '--Onde está sua prima? Saiu com o tio?',
      '--Não, senhora, elle foi só.',
      '--E quando volta?',
      '--Não sei, não, senhora.',
    ].join('\n\n');
    const lines = attributedDialogue(text, cast, 'pt');
    expect(lines.map((line) => line.speakerId)).toEqual(['clara', NARRATOR_ID, 'clara', NARRATOR_ID]);
  });
});
