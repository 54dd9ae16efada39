/**
 * Books printed with dashes sometimes lose a line's opening dash. Segmentation reads such a paragraph as a line
 * when a tag in parentheses follows it, or when it speaks as "I" or "you" right after a dash line in a chapter
 * whose narration never does; attribution then gives it a speaker instead of the narrator's voice.
 */
import { NARRATOR_ID } from '../../core/characters/character';
import { attributeChapter, person } from './chapterFixture';

const cast = [
  person('alcalde', 'Don Ramón', 'male', ['el alcalde', 'Alcalde']),
  person('rosario', 'Rosario', 'female'),
  person('tomas', 'Tomás', 'male'),
];

describe('lines printed without their opening dash', () => {
  it('a line with its tag in parentheses after it is its speaker’s, confidently (es)', () => {
    const chapter = attributeChapter(
      [
        'Era ya de noche cuando Don Ramón volvió a su casa.',
        '¡Rosario! (gritó el alcalde al entrar en la sala). Quiero saberlo todo ahora mismo.',
        '--¿Qué quiere V. saber? --respondió Rosario.',
        '--¡Todo! --dijo él.',
      ].join('\n\n'),
      cast,
      'es',
    );
    const line = chapter.find((segment) => segment.text === '¡Rosario!');
    expect(line).toMatchObject({ kind: 'dialogue', speakerId: 'alcalde' });
    expect(line!.confidence).toBeGreaterThanOrEqual(0.7);
    expect(chapter.find((segment) => segment.text.startsWith('Quiero saberlo'))).toMatchObject({
      kind: 'dialogue',
      speakerId: 'alcalde',
    });
  });

  it('a paragraph speaking as "I" between dash lines is no longer the narrator’s (es, pt)', () => {
    const spanish = attributeChapter(
      [
        'Tomás entró en la cocina sin quitarse el sombrero, y Rosario lo miró de arriba abajo.',
        '--¿Qué le pasa a V., compadre? --preguntó Rosario.',
        'Me he mojado hasta los huesos en el arroyo, y no siento los pies.',
        '--¡Pues siéntese junto al fuego! --dijo ella.',
      ].join('\n\n'),
      cast,
      'es',
    );
    const wet = spanish.find((segment) => segment.text.startsWith('Me he mojado'));
    expect(wet?.kind).toBe('dialogue');
    expect(wet?.speakerId).not.toBe(NARRATOR_ID);
    const portuguese = attributeChapter(
      [
        'Tomás chegou tarde, e Rosario abriu-lhe a porta.',
        '--Que tem você, rapaz? --perguntou Rosario.',
        'Cahi no rio, e estou com frio; deixe-me entrar.',
        '--Pois entre! --disse ella.',
      ].join('\n\n'),
      cast,
      'pt',
    );
    const cold = portuguese.find((segment) => segment.text.startsWith('Cahi no rio'));
    expect(cold?.kind).toBe('dialogue');
    expect(cold?.speakerId).not.toBe(NARRATOR_ID);
  });
});
