/**
 * A name a line calls may come with words of address, before it ("hermano Pedro", "meu caro Bento", "señor don
 * Pedro") or after it ("Pedro amigo", "señor don Pedro mío"): it still addresses that person.
 */
import { Cast } from '../../core/characters/attribution/cast';
import { addressedIn } from '../../core/characters/attribution/vocatives';
import { attributeChapter, attributedDialogue, person } from './chapterFixture';

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

  it('reads a title of kinship, the clergy or a calling before the name as a word of address', () => {
    const portuguese = new Cast(
      [person('lopes', 'o vigário', 'male', ['Lopes']), person('ana', 'Ana', 'female')],
      'pt',
    );
    expect(addressedIn('-- Padre Lopes, o senhor quer café ou não quer?', portuguese)).toEqual(['lopes']);
    const spanish = new Cast([person('rosa', 'Rosa', 'female'), person('blas', 'Blas', 'male')], 'es');
    expect(addressedIn('—Vaya usted con Dios, tía Rosa.', spanish)).toEqual(['rosa']);
    const english = new Cast([person('jack', 'Jack', 'male'), person('ames', 'Ames', 'male')], 'en');
    expect(addressedIn('"Uncle Jack, the boy is asleep upstairs."', english)).toEqual(['jack']);
    expect(addressedIn('"Come in, Doctor Ames, and shut the door."', english)).toEqual(['ames']);
    // The title of someone spoken of is no address.
    expect(addressedIn('"I saw your uncle Jack at the fair today."', english)).toEqual([]);
  });

  it('so after a silent beat the one called by title and name answers, not the one who was called', () => {
    const cast = [
      person('teles', 'o boticário Teles', 'male', ['Teles', 'o boticário']),
      person('lopes', 'o vigário', 'male', ['Lopes']),
    ];
    const text = [
      'Na loja, ao fim da tarde, conversavam os dois velhos.',
      '-- A chuva vem aí, disse o boticário.',
      '-- Não vem nada, respondeu o vigário.',
      '-- Vem sim.',
      '-- Não vem.',
      'O boticário arrumou os frascos na prateleira.',
      '-- Padre Lopes, o senhor não entende de nuvens.',
      '-- Entendo de almas, que é mais difícil.',
    ].join('\n\n');
    const lines = attributedDialogue(text, cast, 'pt');
    expect(lines.map((line) => line.speakerId)).toEqual(['teles', 'lopes', 'teles', 'lopes', 'teles', 'lopes']);
  });
});
