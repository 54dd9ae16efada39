/**
 * A name a line calls may come with words of address, before it ("hermano Pedro", "meu caro Bento", "señor don
 * Pedro") or after it ("Pedro amigo", "señor don Pedro mío"): it still addresses that person.
 */
import { Cast } from '../../core/characters/attribution/cast';
import { addressedIn } from '../../core/characters/attribution/vocatives';
import { attributeChapter, person } from './chapterFixture';

describe('words of address around a name a line calls', () => {
  const spanish = new Cast([person('pedro', 'Don Pedro', 'male', ['Pedro']), person('juana', 'Juana', 'female')], 'es');

  it('reads the name as addressed with a word of address before or after it', () => {
    expect(addressedIn('—Mira, hermano Pedro, no es eso.', spanish)).toEqual(['pedro']);
    expect(addressedIn('—Sea vuestra merced servido, señor don Pedro mío, de oírme.', spanish)).toEqual(['pedro']);
    expect(addressedIn('—Ven acá, Juana amiga, y siéntate.', spanish)).toEqual(['juana']);
    const portuguese = new Cast([person('bento', 'Bento', 'male')], 'pt');
    expect(addressedIn('--Olhe, meu caro Bento, não diga isso.', portuguese)).toEqual(['bento']);
    const english = new Cast([person('tom', 'Tom', 'male')], 'en');
    expect(addressedIn('"Look here, old Tom, you must come."', english)).toEqual(['tom']);
    // A name talked about is still not addressed.
    expect(addressedIn('—Mañana vendrá Pedro con el carro.', spanish)).toEqual([]);
  });

  it('so the one called is not the speaker, though turn-taking would make him so', () => {
    const cast = [
      person('pedro', 'Don Pedro', 'male', ['Pedro']),
      person('juana', 'Juana', 'female'),
      person('tomas', 'Tomás', 'male'),
    ];
    const text = [
      'Juana, Tomás y don Pedro esperaban en la orilla.',
      '—Buenas tardes —dijo Tomás.',
      '—¿Qué se cuenta? —preguntó don Pedro.',
      '—Mire, hermano Tomás, el río viene crecido.',
    ].join('\n\n');
    const lines = attributeChapter(text, cast, 'es');
    const speakerOf = (line: string) => lines.find((segment) => segment.text === line)?.speakerId;
    expect(speakerOf('—Mire, hermano Tomás, el río viene crecido.')).not.toBe('tomas');
  });
});
