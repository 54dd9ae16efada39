/**
 * Pets and beasts with names (docs/characters.md, *Who counts as a character*): a name the narration calls an animal
 * in an apposition ("Biscuit, a brown dog", "Tubarão, um cachorro magro") is spoken to but is no character.
 */
import { chapters, castOf } from './smallBooks';

const DOG = chapters(
  'en',
  [
    '"Biscuit, get off my boot," said the Colonel.',
    '',
    'Biscuit, a brown dog of no breed at all, got off the boot and lay down on the other one.',
    '',
    '"He likes you, Colonel," said Rose. "Biscuit, come here."',
    '',
    '"Biscuit knows who feeds him," said the Colonel.',
    '',
    'Biscuit, hearing his name, woke and came in. Rose gave a crust to Biscuit.',
  ].join('\n'),
);

const CACHORRO = chapters(
  'pt-BR',
  [
    '— Tubarão, sai daí! — gritou a Benedita.',
    '',
    'O Tubarão, um cachorro magro de orelha caída, saiu da cozinha com o rabo entre as pernas.',
    '',
    '— Deixa o Tubarão, Dita — disse Lurdinha. — Tubarão, vem cá.',
    '',
    'O Tubarão foi deitar-se aos pés da menina.',
  ].join('\n'),
);

/** A person of the book is still cast when the apposition names no animal. */
const PERSON = chapters(
  'en',
  [
    '"Biscuit, get off my boot," said the Colonel.',
    '',
    'Biscuit, a brown boy of no family at all, got off the boot and sat down.',
    '',
    '"He likes you, Colonel," said Rose. "Biscuit, come here."',
    '',
    '"Biscuit knows who feeds him," said the Colonel.',
    '',
    'Rose gave a crust to Biscuit.',
  ].join('\n'),
);

describe('animals with names', () => {
  it('casts no dog the narration calls "a brown dog"', () => {
    const { one } = castOf(DOG);
    expect(one('Biscuit')).toBeUndefined();
    expect(one('Rose')).toBeDefined();
  });

  it('casts no "cachorro" in Portuguese', () => {
    const { one } = castOf(CACHORRO);
    expect(one('Tubarão')).toBeUndefined();
  });

  it('still casts a person spoken to with an apposition that is no animal', () => {
    const { one } = castOf(PERSON);
    expect(one('Biscuit')).toBeDefined();
  });
});
