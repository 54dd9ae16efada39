/**
 * Rules from the round on pages of genres the rules had not seen (a baseball report, a recipe): acronyms in headings,
 * dotted clock spans, Portuguese streets, amounts of money in millions, fractions and sizes of a measure, decimals
 * without their zero, US states after their town, and a hyphen set as a dash. Each family also reads a hostile line of a megabyte, built to make a rule that rescans what it rejected
 * take minutes; read in linear time, each takes about a second.
 */
import { toSpokenForm } from '../../core/speech/normalize';
import { HOSTILE_BUDGET_MS, megabyteOf, readsWhole } from './hostileAndHeldOut';

describe('acronyms and words in capitals in a heading', () => {
  it('keeps a short acronym that opens with a vowel, and gives a word that is also a numeral as a word', () => {
    expect(toSpokenForm('THE USA', 'en-GB', { isHeading: true })).toBe('The USA');
    expect(toSpokenForm('LA ONU Y LA UE', 'es', { isHeading: true })).toBe('La ONU Y La UE');
    expect(toSpokenForm('MI VIDA', 'es', { isHeading: true })).toBe('Mi Vida');
    expect(toSpokenForm('ERA UMA VEZ', 'pt-BR', { isHeading: true })).toBe('Era Uma Vez');
    // Words that open with a vowel stay words: function words, and those ending in a silent e or a consonant.
    expect(toSpokenForm('AN OLD INN ON THE ICE', 'en-GB', { isHeading: true })).toBe('An Old Inn On The Ice');
    expect(toSpokenForm('CHAPTER XIV', 'en-GB', { isHeading: true })).toBe('Chapter fourteen');
  });

  it(
    'reads a megabyte of heading capitals in linear time',
    async () => {
      await readsWhole([megabyteOf("THE USA'S "), megabyteOf('MI ONU ')], 'es', true);
      await readsWhole([megabyteOf('A USA OLD ')], 'en-GB', true);
    },
    HOSTILE_BUDGET_MS,
  );
});

describe('clock times written with a dot, in a span', () => {
  it('reads both ends as times, and leaves decimals and quantities', () => {
    expect(toSpokenForm('We were on the summit from 11.20 to 11.45, in which time', 'en-GB')).toBe(
      'We were on the summit from eleven twenty to eleven forty-five, in which time',
    );
    expect(toSpokenForm('from 6.00 to 7.00 o’clock', 'en-GB')).toBe("from six o'clock to seven o'clock");
    // Not later than the first, or a unit, a currency or a percentage after: decimals.
    expect(toSpokenForm('it fell from 18.42 to 18.40', 'en-GB')).toBe(
      'it fell from eighteen point four two to eighteen point four zero',
    );
    expect(toSpokenForm('from 1.20 to 1.45 per cent', 'en-GB')).toBe(
      'from one point two zero to one point four five per cent',
    );
    expect(toSpokenForm('de 1.20 a 1.45 metros', 'es')).toBe('de uno coma veinte a uno coma cuarenta y cinco metros');
  });

  it(
    'reads a megabyte of spans, their pieces and their gaps in linear time',
    async () => {
      await readsWhole(
        [
          `from ${megabyteOf('11.20 to ')}11.45`,
          megabyteOf('from 11.20 to 11.45 '),
          `from 11.20${megabyteOf(' ')}to 11.45`,
          `${megabyteOf('7.30-')}8.15 p.m.`,
          `7.30-8.15${megabyteOf(' ')}p.m.`,
        ],
        'en-GB',
      );
      await readsWhole([megabyteOf('entre 11.20 y '), megabyteOf('das 11.20 às 11.45 ')], 'pt-BR');
    },
    HOSTILE_BUDGET_MS,
  );
});

describe('Portuguese streets', () => {
  it('reads R. as rua before an address and the kinds of street no name shortens to before a place', () => {
    expect(toSpokenForm('agora R. da Quitanda, 48, e a Pça. da Sé', 'pt-PT')).toBe(
      'agora rua da Quitanda, quarenta e oito, e a praça da Sé',
    );
    expect(toSpokenForm('Trav. do Carmo e Pç. Tiradentes', 'pt-BR')).toBe('travessa do Carmo e praça Tiradentes');
    // An initial stays: no address follows, or a number that is an age.
    expect(toSpokenForm('R. Mendes disse; R. Mendes, 45 anos; J. R. da Costa, 12', 'pt-BR')).toBe(
      'R. Mendes disse; R. Mendes, quarenta e cinco anos; J. R. da Costa, doze',
    );
  });

  it(
    'reads a megabyte of initials, names and particles in linear time',
    async () => {
      await readsWhole(
        [
          `R. ${megabyteOf('Augusta ')}, 1`,
          megabyteOf('R. '),
          `R. ${megabyteOf('da ')}Sé, 1`,
          `${megabyteOf('R. da Sé, 1.')}5`,
          megabyteOf('Pça. '),
        ],
        'pt-BR',
      );
    },
    HOSTILE_BUDGET_MS,
  );
});

describe('money in millions, fractions and sizes of measures, bare decimals, US states, a hyphen set as a dash', () => {
  it('reads each as said', () => {
    expect(toSpokenForm('a $2.5 million deal', 'en-US')).toBe('a two point five million-dollar deal');
    expect(toSpokenForm('R$ 1 milhão', 'pt-BR')).toBe('um milhão de reais');
    expect(toSpokenForm('1/2 xícara e 1/2 parte', 'pt-BR')).toBe('meia xícara e meia parte');
    expect(toSpokenForm('2024 - Before', 'en-US')).toBe('twenty twenty-four, Before');
    expect(toSpokenForm('2 xícaras (chá) de fubá', 'pt-BR')).toBe('duas xícaras de chá de fubá');
    expect(toSpokenForm('hitting .311 in Tulsa, Okla.', 'en-US')).toBe(
      'hitting point three one one in Tulsa, Oklahoma.',
    );
  });

  it(
    'reads a megabyte of amounts, fractions and hyphens in linear time',
    async () => {
      await readsWhole([megabyteOf('$1 million '), `$1${megabyteOf(' ')}million`], 'en-US');
      await readsWhole([`a${megabyteOf(' - ')}b`, `a${megabyteOf(' ')}- b`, megabyteOf('x -')], 'en-US');
      await readsWhole([megabyteOf(' .5'), ` .${megabyteOf('3')}`, megabyteOf('.')], 'en-US');
      await readsWhole([`${megabyteOf('Tulsa, ')}Okla.`, megabyteOf('Okla. '), `T${megabyteOf('u')}, Okla.`], 'en-US');
      await readsWhole(
        [`${megabyteOf('xícara ')}(chá)`, `${megabyteOf('a')}(chá)`, megabyteOf('colher (sopa) ')],
        'pt-BR',
      );
      await readsWhole(
        [megabyteOf('1/2 parte '), `${megabyteOf('1 1/2 ')}xícara`, `R$ 1${megabyteOf(' ')}milhões`],
        'pt-BR',
      );
    },
    HOSTILE_BUDGET_MS,
  );
});
