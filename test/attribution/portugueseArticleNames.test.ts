/**
 * European Portuguese puts the article before a given name, so a tag opening "a <name>" names its speaker ("«Vens?»,
 * perguntou a Rosa."); after another subject the same "a" is the preposition ("disse elle a Marcella": he said it to
 * her), and Spanish "dijo a Pedro" still speaks to Pedro.
 */
import { attributedDialogue, person } from './chapterFixture';

describe('a Portuguese tag naming its speaker with the article', () => {
  const cast = [person('rosa', 'Rosa', 'female'), person('ines', 'Inês', 'female'), person('tiago', 'Tiago', 'male')];

  it('gives the line to the person after "a", not to the one turn-taking expects', () => {
    const text = [
      'A Rosa, a Inês e o Tiago esperavam o comboio na estação.',
      '«Vens connosco?», perguntou o Tiago.',
      '«Vou, mas só até Coimbra», respondeu a Inês.',
      '«Então eu fico», disse a Rosa. «Alguém tem de dar de comer ao gato.»',
    ].join('\n\n');
    const lines = attributedDialogue(text, cast, 'pt-PT');
    expect(lines.map((line) => line.speakerId)).toEqual(['tiago', 'ines', 'rosa', 'rosa']);
    expect(lines[2].confidence).toBeGreaterThanOrEqual(0.7);
  });

  it('reads "a" after the tag\'s own subject as "to" (the pronoun speaks)', () => {
    const text = [
      'O Tiago entrou na loja, onde a Rosa arrumava as caixas.',
      '«Bom dia. Como passou a noite?», disse ele a Rosa.',
      '«Mal. O gato não me deixou dormir.»',
    ].join('\n\n');
    const lines = attributedDialogue(text, cast, 'pt-PT');
    expect(lines.map((line) => line.speakerId)).toEqual(['tiago', 'rosa']);
  });

  it('leaves Spanish "a" before a name the preposition', () => {
    const text = [
      'Tiago y Rosa esperaban el tren.',
      '—¿Vienes? —preguntó Tiago.',
      '—No —dijo a Tiago una voz desde el andén.',
    ].join('\n\n');
    const lines = attributedDialogue(text, cast, 'es');
    expect(lines.at(-1)?.speakerId).not.toBe('tiago');
  });
});
