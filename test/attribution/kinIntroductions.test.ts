/**
 * An introduction whose subject is a kinship noun ("emquanto o irmão perguntava:") names someone of the noun's
 * gender other than the person just named, as a tag with that subject does ("retrucou a irmã").
 */
import { attributedDialogue, person } from './chapterFixture';

describe('an introduction by a kinship noun', () => {
  it('gives the line to someone of its gender other than the person just named (pt, es)', () => {
    const cast = [
      person('gloria', 'D. Gloria', 'female', ['Gloria']),
      person('cosme', 'Tio Cosme', 'male', ['tio Cosme']),
      person('bento', 'Bento', 'male'),
    ];
    const portuguese = attributedDialogue(
      [
        'Tio Cosme e Bento estavam na sala. Ouvindo o grito, D. Gloria acudiu pallida, emquanto o irmão perguntava:',
        '--Mana, que barulho foi esse?',
        '--Não sei.',
      ].join('\n\n'),
      cast,
      'pt',
    );
    expect(portuguese[0]).toMatchObject({ text: '--Mana, que barulho foi esse?', speakerId: 'cosme' });
    expect(portuguese[0].confidence).toBeLessThan(0.7);
    const spanish = attributedDialogue(
      [
        'Tío Cosme y Bento estaban en la sala. Al oír el grito, Gloria acudió pálida, mientras el hermano decía:',
        '--¿Qué ruido fue ese?',
        '--No lo sé.',
      ].join('\n\n'),
      [person('gloria', 'Gloria', 'female'), person('cosme', 'Tío Cosme', 'male'), person('bento', 'Bento', 'male')],
      'es',
    );
    expect(spanish[0]).toMatchObject({ text: '--¿Qué ruido fue ese?', speakerId: 'cosme' });
  });
});
