/**
 * Abbreviations and numerals as the residue scan of whole books found them left or misread (docs/spoken-form.md):
 * "S." before a saint's name, initials in a row, a queen's ordinal, the period older prints put after a numeral, and
 * pounds written "l." after a space.
 */
import { toSpokenForm } from '../../core/speech/normalize';

describe('abbreviations and numerals found in whole books', () => {
  it('reads Portuguese and Spanish "S." before a name as the saint, agreeing with the name', () => {
    expect(toSpokenForm('baptizei-me na egreja de S. Domingos', 'pt-BR')).toBe('baptizei-me na egreja de São Domingos');
    expect(toSpokenForm('Santo Deus! Veja S. Hilário.', 'pt-BR')).toBe('Santo Deus! Veja Santo Hilário.');
    expect(toSpokenForm('S. Paulo', 'pt-PT')).toBe('São Paulo');
    expect(toSpokenForm('la ermita de S. Bárbara en S. Domingo', 'es')).toBe(
      'la ermita de santa Bárbara en santo Domingo',
    );
  });

  it('leaves "S." and "D." as initials after a first name, another initial or a title', () => {
    expect(toSpokenForm('o professor Michael S. Hart', 'pt-BR')).toBe('o professor Michael S. Hart');
    expect(toSpokenForm('o conde B. V. e J. D. Salinger', 'pt-BR')).toBe('o conde B. V. e J. D. Salinger');
    expect(toSpokenForm('o barão S. Lopes', 'pt-BR')).toBe('o barão S. Lopes');
    // A title before "D." is how Dona is written after senhora; only "S." takes the title as a sign of an initial.
    expect(toSpokenForm('a senhora D. Placida', 'pt-BR')).toBe('a senhora Dona Placida');
    // "S." opening a sentence with no name after it is not a saint.
    expect(toSpokenForm('S. é a letra.', 'pt-BR')).toBe('S. é a letra.');
  });

  it('reads titles and forms of address of older Portuguese prints, and not initials that spell them', () => {
    expect(toSpokenForm('Disse Vm.ce a S. M. que V. A. chegou', 'pt-PT')).toBe(
      'Disse vossemecê a Sua Majestade que Vossa Alteza chegou',
    );
    expect(toSpokenForm('assinado: A. S. M. Pinto e V. M. R. Lopes', 'pt-BR')).toBe(
      'assinado: A. S. M. Pinto e V. M. R. Lopes',
    );
    expect(toSpokenForm('o Illmo. Snr. Cons. Andrade', 'pt-BR')).toBe('o ilustríssimo senhor conselheiro Andrade');
    // "Fr." and "Pe." are titles only before a name.
    expect(toSpokenForm('Fr. João e Pe. Vieira; fr. de ouro', 'pt-BR')).toBe('frei João e padre Vieira; fr. de ouro');
  });

  it('reads English first names shortened before a surname, and letters dated by the month', () => {
    expect(toSpokenForm('Geo. Wickham and Chas. Bingley, Esq.', 'en')).toBe(
      'George Wickham and Charles Bingley, Esquire.',
    );
    expect(toSpokenForm('your favour of the 5th inst. and mine of the 2nd prox.', 'en')).toBe(
      'your favour of the fifth instant and mine of the second proximo.',
    );
    expect(toSpokenForm('Mme. Defarge and Mons. Defarge', 'en')).toBe('Madame Defarge and Monsieur Defarge');
  });

  it('gives a queen a feminine ordinal in Spanish and Portuguese, and a king the masculine', () => {
    expect(toSpokenForm('D. Maria II e D. Pedro II', 'pt-BR')).toBe('Dona Maria segunda e Dom Pedro segundo');
    expect(toSpokenForm('Isabel I y Fernando V', 'es')).toBe('Isabel primera y Fernando quinto');
    // After ten both are cardinals; English ordinals have no gender.
    expect(toSpokenForm('Isabel XII', 'es')).toBe('Isabel doce');
    expect(toSpokenForm('Elizabeth II.', 'en')).toBe('Elizabeth the Second.');
  });

  it('drops the period after a numeral where the sentence goes on, and keeps it where it may end', () => {
    expect(toSpokenForm('Charles I. was beheaded', 'en')).toBe('Charles the First was beheaded');
    expect(toSpokenForm('under George III.; and', 'en')).toBe('under George the Third; and');
    expect(toSpokenForm('under George III. The king', 'en')).toBe('under George the Third. The king');
    expect(toSpokenForm('reinó Felipe II.\nY luego', 'es')).toBe('reinó Felipe segundo.\nY luego');
    expect(toSpokenForm('see vol. iv. for it', 'en')).toBe('see volume four for it');
    expect(toSpokenForm('see vol. iv. It', 'en')).toBe('see volume four. It');
    // An English "I" after a name, with a word after it, is still the pronoun.
    expect(toSpokenForm('Then Elizabeth I went home', 'en')).toBe('Then Elizabeth I went home');
  });

  it('reads pounds written "l." after a space in English, never litres', () => {
    expect(toSpokenForm('worth 4,000 l. a year, and 1 l. more', 'en-GB')).toBe(
      'worth four thousand pounds a year, and one pound more',
    );
    expect(toSpokenForm('2 l of milk', 'en-GB')).toBe('two liters of milk');
  });
});
