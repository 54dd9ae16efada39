/**
 * Marian compound given names (docs/characters.md, *Who is who*): Portuguese and Spanish call "Maria da Graça" by her
 * devotion, "dona Graça", "Graça". The two are one woman where the book writes the devotion as a woman's given name
 * (under "dona", "D.", "doña"), never where a man's title goes before it ("seu Neves").
 */
import { chapters, castOf } from './smallBooks';

const DONA_GRACA = chapters(
  'pt-BR',
  [
    'Dona Maria da Graça passou a noite ao pé da cama do filho. Era viúva havia três anos.',
    '',
    '— Dita! Ó Dita, acorda! — chamou Maria da Graça.',
    '',
    '— Tô acordada, dona Graça — respondeu a Benedita da porta da cozinha.',
    '',
    '— Vai chamar o doutor — disse dona Graça.',
    '',
    '— A essa hora? — perguntou Benedita.',
  ].join('\n'),
);

/** The devotion's word written under a man's title: "seu Neves" is someone else. */
const SEU_NEVES = chapters(
  'pt-BR',
  [
    'Maria das Neves vendia peixe no mercado, e seu Neves consertava redes no cais.',
    '',
    '— Vai chover — disse Maria das Neves.',
    '',
    '— Não vai — disse seu Neves.',
    '',
    '— Vai chover, seu Neves — disse ela.',
    '',
    '— Então fica em casa — disse seu Neves.',
  ].join('\n'),
);

describe('Marian compound given names', () => {
  it('reads "dona Graça" as "Maria da Graça"', () => {
    const { one } = castOf(DONA_GRACA);
    const graca = one('Maria da Graça');
    expect(graca).toBeDefined();
    expect(one('dona Graça')).toBe(graca);
    expect(graca.gender).toBe('female');
  });

  it('keeps "Maria das Neves" apart from "seu Neves", a man of that name', () => {
    const { one } = castOf(SEU_NEVES);
    expect(one('Maria das Neves')).toBeDefined();
    expect(one('seu Neves')).toBeDefined();
    expect(one('Maria das Neves')).not.toBe(one('seu Neves'));
  });
});
