/**
 * A speech tag whose subject stands apart from its verb, a clause or a phrase set off by commas between them ("El
 * labrador, que vio la prisa del mozo, respondió:", "The man, who had risen from his chair, answered:", "O padre,
 * voltando-se para mim, disse:"): the subject is the speaker, when the tag stands right before or after a line of
 * dialogue and the clause is bounded. A vocative opening a line ("—Sancho, hijo mío, dijo que…"), a clause with a
 * subject of its own ("Holmes, Watson, said") and a stretch past a sentence end name nobody.
 */
import { findInterruptedTags } from '../../core/characters/interruptedTags';
import { findAttributions } from '../../core/characters/mentions';
import { castOf, chapters } from './smallBooks';

const SPANISH = chapters(
  'es',
  [
    'Llegaron a la era al caer la tarde. Allí trillaba un labrador viejo.',
    '',
    'El labrador, que vio la prisa del mozo, respondió:',
    '',
    '—No sé nada de esa mula.',
    '',
    'Calló un rato el mozo. El labrador, sin dejar la horca, preguntó a su vecino:',
    '',
    '—¿Habéis visto vos alguna mula por aquí?',
    '',
    'Se fue el mozo; y el labrador, volviéndose hacia la era, dijo:',
    '',
    '—Mañana lloverá.',
  ].join('\n'),
);

const PORTUGUESE = chapters(
  'pt',
  [
    'Era domingo. O padre entrou na sala com o breviario debaixo do braço.',
    '',
    'O padre, voltando-se para mim, disse:',
    '',
    '--Vamos á missa?',
    '',
    'Não respondi. O padre, com a voz baixa, perguntou-me:',
    '',
    '--Tens medo de alguma cousa?',
  ].join('\n'),
);

const ENGLISH = chapters(
  'en',
  [
    'We found the shop shut and a man sitting on the step.',
    '',
    '"Is this the house?" asked Mr. Reed.',
    '',
    'The man, who had risen from his chair, answered, "It is, sir."',
    '',
    '"And your master?" Mr. Reed, turning to me with a smile, said, "He will not come."',
    '',
    'The man, still holding the door, said to Mr. Reed: "He is away."',
  ].join('\n'),
);

describe('a clause between a speaker and the speech verb', () => {
  it('counts a Spanish role tagged with a relative clause, a phrase or a gerund between it and its verb', () => {
    const { one } = castOf(SPANISH);
    expect(one('El labrador')).toMatchObject({ gender: 'male', dialogueLineCount: 3 });
  });

  it('counts a Portuguese role with a gerund phrase or a phrase of manner between it and its verb', () => {
    const { one } = castOf(PORTUGUESE);
    expect(one('O padre')).toMatchObject({ gender: 'male', dialogueLineCount: 2 });
  });

  it('counts an English role and a titled name, before the line or right after one', () => {
    const { one } = castOf(ENGLISH);
    expect(one('The man')).toMatchObject({ dialogueLineCount: 2 });
    expect(one('Mr. Reed')).toMatchObject({ dialogueLineCount: 2 });
  });

  it('reads the subject and the verb of each shape', () => {
    const tags = (text: string, language: 'en' | 'es' | 'pt') =>
      findInterruptedTags(text, language).map(({ subject, verb }) => `${subject}/${verb}`);
    expect(
      tags('Se fue. El ventero, que vio a don Pedro en el asno, preguntó a su mozo:\n\n—¿Qué trae?', 'es'),
    ).toEqual(['El ventero/preguntó']);
    expect(tags('Calei-me. O padre, voltando-se para mim, disse-me:\n\n--Vem.', 'pt')).toEqual(['O padre/disse']);
    expect(tags('"Well." Mr. Darcy, drawing near Elizabeth, said to her: "Come."', 'en')).toEqual(['Mr. Darcy/said']);
  });

  it('reads a Spanish name after its article as the name, and an English role written as a title as no name', () => {
    const names = (text: string, language: 'en' | 'es') =>
      findAttributions(text, language).map(({ form }) => form.tokens.join(' '));
    expect(names('Calló. El Dutra, que estaba allí, dijo:\n\n—Sí.', 'es')).toEqual(['Dutra']);
    expect(names('"No." The Hatter, turning round, said: "Yes."', 'en')).toEqual([]);
  });

  it('reads no tag from a vocative, a second subject, a stretch past a sentence end, or narration with no line', () => {
    const none = (text: string, language: 'en' | 'es' | 'pt') =>
      expect(findInterruptedTags(text, language)).toEqual([]);
    // A line of dialogue opening with a name: the name is spoken to.
    none('—Sancho, hijo mío, dijo:\n\n—Ven.', 'es');
    // A name where a clause starts is a subject of its own.
    none('The man, Holmes, and the boy, said: "Yes."', 'en');
    // A clause that is a second speech tag, or a sentence end between subject and verb.
    none('El cura, que dijo la verdad, respondió:\n\n—Bien.', 'es');
    none('El cura llegó. Luego, cansado. Y el cura, sentado, respondió que no.', 'es');
    // No line of dialogue before or after the verb: reported speech.
    none('O padre, voltando-se para mim, disse que não iria.', 'pt');
    // A clause longer than a tag's.
    none(
      `The man, ${'who had walked all the way from the far side of the old town across the bridge and past the church '.repeat(2)}answered: "Yes."`,
      'en',
    );
  });
});
