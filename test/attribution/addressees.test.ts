/**
 * The person the narration says a line is spoken to ("said Anne to the doctor", "Juan se volvió hacia Pedro:",
 * "voltando-se para o padre") is not its speaker and answers it, in a scene of three people as in one of two.
 */
import { addresseesBeside } from '../../core/characters/attribution/addressees';
import { Cast } from '../../core/characters/attribution/cast';
import { chapterStructure } from '../../core/characters/attribution/structure';
import { type Character } from '../../core/characters/character';
import { segmentChapter } from '../../core/planning/segmentation';
import { attributedDialogue, person } from './chapterFixture';

function speakers(paragraphs: string[], cast: Character[], language: string): [string, string][] {
  return attributedDialogue(paragraphs.join('\n\n'), cast, language).map((line) => [line.text, line.speakerId]);
}

describe('the person a line is spoken to', () => {
  it('answers it, when the narration before says whom the speaker turned to (es)', () => {
    const cast = [person('juan', 'Juan', 'male'), person('rosa', 'Rosa', 'female'), person('pedro', 'Pedro', 'male')];
    const lines = speakers(
      [
        '—Buenas tardes —dijo Pedro.',
        '—Llegas tarde —le contestó Juan.',
        '—El tren venía lleno —explicó Rosa.',
        'Juan se volvió hacia Pedro:',
        '—¿Y tú?',
        '—Yo vine andando.',
      ],
      cast,
      'es',
    );
    expect(lines.slice(3)).toEqual([
      ['—¿Y tú?', 'juan'],
      ['—Yo vine andando.', 'pedro'],
    ]);
  });

  it('is not its speaker and answers it, when a tag says to whom the line was said (en)', () => {
    const cast = [
      person('anne', 'Anne', 'female'),
      person('tom', 'Tom', 'male'),
      person('grey', 'Doctor Grey', 'male', ['Grey']),
    ];
    const lines = speakers(
      [
        '"Good evening," said Tom.',
        '"We were waiting for you," answered Doctor Grey.',
        '"Is it far to the mill?" asked Anne.',
        '"Ten miles, and the road is bad," said Tom to Grey, "so we had better start."',
        '"Then let us start at once."',
      ],
      cast,
      'en',
    );
    expect(lines.at(-1)).toEqual(['"Then let us start at once."', 'grey']);
  });

  it('answers it, when the narration says whom the speaker turned to (pt)', () => {
    const cast = [
      person('capitu', 'Capitu', 'female'),
      person('cosme', 'Cosme', 'male'),
      person('padre', 'Padre Cabral', 'male', ['Cabral']),
    ];
    const lines = speakers(
      [
        '--Boa tarde, disse Cosme.',
        '--Boa tarde, respondeu Capitu.',
        '--Chove muito, observou o Padre Cabral.',
        'Capitu, voltando-se para Cosme:',
        '--E o senhor, não sai hoje?',
        '--Não saio; fico em casa.',
      ],
      cast,
      'pt',
    );
    expect(lines.slice(-2)).toEqual([
      ['--E o senhor, não sai hoje?', 'capitu'],
      ['--Não saio; fico em casa.', 'cosme'],
    ]);
  });

  it('is read neither from a gesture after a comma, nor from narration introducing the next paragraph, nor before the last sentence', () => {
    const cast = new Cast(
      [person('anne', 'Anne', 'female'), person('tom', 'Tom', 'male'), person('ned', 'Ned', 'male')],
      'en',
    );
    const text = [
      '"Nobody ever comes," Tom added, pointing to Ned.',
      '"Will you stay?" asked Anne. Then she turned and said to Ned:',
      '"And you?"',
      '"Not for long," said Tom to Ned.',
      // Only the last sentence of the narration before a line says whom it is spoken to.
      'Anne had said to Tom that the mill was far. Ned shook his head and said:',
      '"Well?"',
    ].join('\n\n');
    const ordered = segmentChapter(text, { language: 'en' }).map((segment) => ({
      ...segment,
      id: `s${segment.index}`,
    }));
    const structure = chapterStructure(ordered);
    expect(structure.turns.map((_, t) => addresseesBeside(ordered, structure, t, cast))).toEqual([
      [],
      [],
      ['ned'],
      ['ned'],
      [],
    ]);
  });
});
