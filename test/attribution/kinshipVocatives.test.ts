/**
 * A child calling a parent ("--Papai!", "--¡Madre!") addresses the person the cast knows by that relation ("O pai",
 * "su madre"), who is not the line's speaker and answers it.
 */
import { Cast } from '../../core/characters/attribution/cast';
import { kinAddressedIn } from '../../core/characters/attribution/kinshipVocatives';
import { NARRATOR_ID } from '../../core/characters/character';
import { attributedDialogue, person } from './chapterFixture';

describe('a parent called by kinship', () => {
  it('is the one the cast knows by that relation, who calls and answers (Portuguese)', () => {
    const cast = [
      person('rosinha', 'Rosinha', 'female'),
      person('pai', 'O pai', 'male', ['o pai']),
      person('bento', 'Bento', 'male'),
    ];
    const text = [
      'Bento e Rosinha riscavam o muro do quintal. Rosinha ria.',
      '--Rosinha!',
      '--Papai!',
      '--Não me estragues o reboco do muro.',
    ].join('\n\n');
    expect(attributedDialogue(text, cast, 'pt').map((line) => line.speakerId)).toEqual(['pai', 'rosinha', 'pai']);
  });

  it('finds the parent only where the word is a call, and only one known so', () => {
    const parents = new Cast(
      [person('hija', 'Inés', 'female'), person('madre', 'Su madre', 'female', ['su madre'])],
      'es',
    );
    expect(kinAddressedIn('--¡Madre!', parents)).toEqual(['madre']);
    expect(kinAddressedIn('--Sí, madre mía, ya voy.', parents)).toEqual(['madre']);
    expect(kinAddressedIn('--Madre dice que no vengas.', parents)).toEqual([]);
    expect(kinAddressedIn('--¡Padre!', parents)).toEqual([]);
  });

  it('leaves a first-person narrator’s own mother alone: every child calls theirs so', () => {
    const cast = new Cast(
      [
        person(NARRATOR_ID, 'Bento', 'male'),
        person('mae', 'Minha mãe', 'female', ['minha mãe']),
        person('capitu', 'Capitu', 'female'),
      ],
      'pt',
    );
    expect(cast.firstPersonNarrator).toBe(true);
    expect(kinAddressedIn('--Mamãe!', cast)).toEqual([]);
  });
});
