/**
 * Plays: a speech opening with its speaker's upper-case label (`NAME.` or `NAME:`) is one line of dialogue given to
 * that person confidently, the label a piece of its own before it; stage directions are narration. A novel with an
 * upper-case word opening a paragraph or two stays prose.
 */
import { NARRATOR_ID } from '../../core/characters/character';
import { segmentChapter } from '../../core/planning/segmentation';
import { attributeChapter, person } from './chapterFixture';

const cast = [
  person('oswin', 'Oswin', 'male'),
  person('brida', 'Brida', 'female'),
  person('watch', 'The First Watchman', 'male', ['FIRST WATCHMAN']),
];

describe('speaker labels in a script', () => {
  it('labels with a full stop and a colon, one to four words, give each speech (its directions aside) to the person named (en)', () => {
    const chapter = attributeChapter(
      [
        '[Enter OSWIN, with a lamp.]',
        'OSWIN. The wind is up again. "Close the door," she said, and nobody did.',
        'BRIDA: Then close it yourself, brother.',
        '_A bell rings off._',
        'FIRST WATCHMAN. Midnight, and the gate is shut.',
        'THE FIRST WATCHMAN: Who goes there?',
        'BRIDA. [Aside.] Not again. (Sits.) Never again.',
        '(Exit BRIDA.)',
      ].join('\n\n'),
      cast,
      'en',
    );
    const lines = chapter.filter((segment) => segment.kind === 'dialogue');
    expect(lines.map((line) => [line.text, line.speakerId])).toEqual([
      ['The wind is up again. "Close the door," she said, and nobody did.', 'oswin'],
      ['Then close it yourself, brother.', 'brida'],
      ['Midnight, and the gate is shut.', 'watch'],
      ['Who goes there?', 'watch'],
      ['Not again.', 'brida'],
      ['Never again.', 'brida'],
    ]);
    expect(lines.every((line) => line.confidence >= 0.9)).toBe(true);
    expect(chapter.filter((segment) => segment.kind === 'narration').map((segment) => segment.text)).toEqual([
      '[Enter OSWIN, with a lamp.]',
      'OSWIN.',
      'BRIDA:',
      '_A bell rings off._',
      'FIRST WATCHMAN.',
      'THE FIRST WATCHMAN:',
      'BRIDA.',
      '[Aside.]',
      '(Sits.)',
      '(Exit BRIDA.)',
    ]);
    expect(chapter.filter((segment) => segment.kind === 'narration').every((s) => s.speakerId === NARRATOR_ID)).toBe(
      true,
    );
  });

  it('Spanish and Portuguese labels, a long speech cut at its sentences stays its speaker’s', () => {
    const es = attributeChapter(
      ['OSWIN. —No lo sé —dijo—. Quizá mañana.', 'BRIDA. Pues mañana será tarde.', 'OSWIN: Ya veremos.'].join('\n\n'),
      cast,
      'es',
    );
    expect(es.filter((s) => s.kind === 'dialogue').map((s) => [s.text, s.speakerId])).toEqual([
      ['—No lo sé —dijo—. Quizá mañana.', 'oswin'],
      ['Pues mañana será tarde.', 'brida'],
      ['Ya veremos.', 'oswin'],
    ]);
    const long = `${'A frase longa continua. '.repeat(80).trim()}`;
    const segments = segmentChapter(['BRIDA. Não.', `OSWIN. ${long}`, 'BRIDA. Basta.'].join('\n\n'), {
      language: 'pt',
      maxSegmentChars: 300,
    });
    const pt = attributeChapter(segments.map((s) => s.text).join(''), cast, 'pt');
    expect(pt.filter((s) => s.kind === 'dialogue').length).toBeGreaterThan(3);
    expect(
      pt.filter((s) => s.kind === 'dialogue' && s.text.startsWith('A frase')).every((s) => s.speakerId === 'oswin'),
    ).toBe(true);
  });

  it('a novel whose paragraphs sometimes open with an upper-case word stays prose', () => {
    const text = [
      'NOTE. This edition follows the first, with its spelling.',
      'Oswin came in late. The lamp was out and the room was cold.',
      'STOP. The word was painted on the gate, and Brida read it twice.',
      '"Who painted that?" asked Brida.',
      'Oswin did not answer. He was looking at the road.',
    ].join('\n\n');
    const segments = segmentChapter(text, { language: 'en' });
    expect(segments.filter((s) => s.kind === 'dialogue').map((s) => s.text.trim())).toEqual(['"Who painted that?"']);
    expect(segments.some((s) => s.text.trim() === 'NOTE.' || s.text.trim() === 'STOP.')).toBe(false);
  });
});
