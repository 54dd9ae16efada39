/**
 * Rules from the round on a science-desk report (en-US) and a Spanish travel guide (es-ES), and the known faults it
 * came with (bench/data/normalization/heldout, docs/spoken-form.md): a verb in -s after a year, British "and" after
 * the hundreds, international telephone numbers, English compass points, approximation and comparison signs,
 * powers, ratios, blood pressures, versions, units without a count, Spanish timetables, prices per person, milestones, law
 * subsections and the abbreviations of addresses, eras and weekdays. Each family also reads a hostile line of a
 * megabyte in linear time.
 */
import { toSpokenForm } from '../../core/speech/normalize';
import { HOSTILE_BUDGET_MS, megabyteOf, readsWhole, spokenPage } from './hostileAndHeldOut';

describe('a year before a verb in -s', () => {
  it('stays a year when the verb is one a dated record takes, or a possessive opens its object', () => {
    expect(toSpokenForm('His ledger for 1815 survives in the Guildhall.', 'en-GB')).toBe(
      'His ledger for eighteen fifteen survives in the Guildhall.',
    );
    expect(toSpokenForm('Her notebook for 2019 shows the first dose.', 'en-US')).toBe(
      'Her notebook for twenty nineteen shows the first dose.',
    );
    expect(toSpokenForm('The census for 1851 lists their servants.', 'en-US')).toBe(
      'The census for eighteen fifty-one lists their servants.',
    );
  });

  it('is still a count before a plural noun', () => {
    expect(toSpokenForm('He had 1813 soldiers; in 1500 ships; lost 1500 horses the first winter.', 'en-US')).toBe(
      'He had one thousand eight hundred thirteen soldiers; in one thousand five hundred ships; lost one thousand five hundred horses the first winter.',
    );
  });
});

describe('British English says "and" after the hundreds', () => {
  it('in cardinals, ordinals, money, years after 2000 and dates', () => {
    expect(toSpokenForm('312 men, the 101st day, £250, in 2005, 1,043 pages and 05/06/2005', 'en-GB')).toBe(
      'three hundred and twelve men, the one hundred and first day, two hundred and fifty pounds, in two thousand and five, one thousand and forty-three pages and the fifth of June, two thousand and five',
    );
  });

  it('and American English does not', () => {
    expect(toSpokenForm('312 men, the 101st day, £250, in 2005', 'en-US')).toBe(
      'three hundred twelve men, the one hundred first day, two hundred fifty pounds, in two thousand five',
    );
    expect(toSpokenForm('1,200 miles and 1815', 'en-GB')).toBe('one thousand two hundred miles and eighteen fifteen');
  });
});

describe('international telephone numbers', () => {
  it('are said digit by digit after "plus", a pause between the groups', () => {
    expect(toSpokenForm('Call +44 20 7946 0958 or +1 907-555-0142.', 'en-GB')).toBe(
      'Call plus four four, two zero, seven nine four six, zero nine five eight or plus one, nine zero seven, five five five, zero one four two.',
    );
    expect(toSpokenForm('+44 (0)20 7946 0958', 'en-GB')).toBe(
      'plus four four, two zero, seven nine four six, zero nine five eight',
    );
    expect(toSpokenForm('llame al +34 925 254 030', 'es-ES')).toBe(
      'llame al más tres cuatro, nueve dos cinco, dos cinco cuatro, cero tres cero',
    );
  });

  it('leave a plus before a short number alone', () => {
    expect(toSpokenForm('a score of +5 and +44 20', 'en-GB')).toBe('a score of +five and +forty-four twenty');
  });
});

describe('English compass points', () => {
  it('are said by name after a wind word or a distance, and before "of"', () => {
    expect(toSpokenForm('It sits 10 km NW of town; the wind blew NNE; from the SW; 20 miles SSE.', 'en-US')).toBe(
      'It sits ten kilometers northwest of town; the wind blew north-northeast; from the southwest; twenty miles south-southeast.',
    );
  });

  it('leave letters and acronyms elsewhere', () => {
    expect(toSpokenForm('Part E of the form; the NHS; SW London; winds W. H. Smith', 'en-GB')).toBe(
      'Part E of the form; the NHS; SW London; winds W. H. Smith',
    );
  });
});

describe('signs, powers, ratios, versions and units on a science page', () => {
  it('reads approximation and comparison signs before a number', () => {
    expect(toSpokenForm('~1 in 10; doses ≥ 5 mg/kg; ≤ 3 days; <5%; a<b; -> 5', 'en-US')).toBe(
      'about one in ten; doses greater than or equal to five milligrams per kilogram; less than or equal to three days; less than five percent; a<b; -> five',
    );
    expect(toSpokenForm('~10 km; ≥ 18 años', 'es-ES')).toBe(
      'aproximadamente diez kilómetros; mayor o igual a dieciocho años',
    );
  });

  it('reads powers of ten, ratios and versions', () => {
    expect(toSpokenForm('from 10^6 to 3 x 10⁴; 2.5×10^-3; diluted 1:1000; at 1:30 pm', 'en-US')).toBe(
      'from ten to the sixth to three times ten to the fourth; two point five times ten to the minus third; diluted one to one thousand; at one thirty pm',
    );
    expect(toSpokenForm('version v2.1.3, v10.0 and version 2.1.3', 'en-US')).toBe(
      'version two point one point three, version ten point zero and version two point one point three',
    );
    expect(toSpokenForm('3 x 10⁴ copias; escala 1:50.000; la versión 2.1.3', 'es-ES')).toBe(
      'tres por diez elevado a cuatro copias; escala uno a cincuenta mil; la versión dos punto uno punto tres',
    );
    expect(toSpokenForm('custou 1:500$000 réis', 'pt-BR')).toBe('custou um conto e quinhentos mil réis');
  });

  it('reads a blood pressure as one pressure over another, not a list', () => {
    expect(toSpokenForm('near 120/80 mm Hg; 140/90 mmHg; 12/5', 'en-US')).toBe(
      'near one hundred twenty over eighty millimeters of mercury; one hundred forty over ninety millimeters of mercury; twelve, five',
    );
    expect(toSpokenForm('tensión de 120/80 mmHg', 'es-ES')).toBe(
      'tensión de ciento veinte sobre ochenta milímetros de mercurio',
    );
  });

  it('reads units with no count, before their noun, in memory and in the plural after a decimal', () => {
    expect(toSpokenForm('a 70-kg adult; copies per mL; 16 GB; ± 0.2 mg/dL; 0.5-1.0 mm; 1 mm', 'en-US')).toBe(
      'a seventy-kilogram adult; copies per milliliter; sixteen gigabytes; plus or minus zero point two milligrams per deciliter; zero point five to one point zero millimeters; one millimeter',
    );
  });
});

describe('a Spanish travel guide', () => {
  it('reads addresses, eras, weekdays and figures', () => {
    expect(
      toSpokenForm('en la Pza. del Consistorio, s/n, de lun. a vie.; desde el 192 a. C.; ver fig. 3', 'es-ES'),
    ).toBe(
      'en la plaza del Consistorio, sin número, de lunes a viernes; desde el ciento noventa y dos antes de Cristo; ver figura tres',
    );
    expect(toSpokenForm('Rua Direita, s/n, em 711 d.C.', 'pt-BR')).toBe(
      'Rua Direita, sem número, em setecentos e onze depois de Cristo.',
    );
  });

  it('reads a timetable with the hour symbol, prices per person, milestones and subsections', () => {
    expect(toSpokenForm('de 10:00 a 18:00 h; a las 8:30 h la plaza; a la 1:00 h.', 'es-ES')).toBe(
      'de diez a dieciocho horas; a las ocho y media la plaza; a la una.',
    );
    expect(toSpokenForm('12,50 €/persona; en el km 23; el art. 3.2 de la ley', 'es-ES')).toBe(
      'doce euros con cincuenta céntimos por persona; en el kilómetro veintitrés; el artículo tres punto dos de la ley',
    );
  });
});

describe('a megabyte of each new rule family', () => {
  const families: ReadonlyArray<[family: string, language: string, lines: string[]]> = [
    ['years before a verb and British numbers', 'en-GB', ['for 1815 survives ', '1815 lists their ', '312 ', '101st ']],
    ['international telephone numbers', 'en-GB', ['+44 20 ', '+1 (0)2 ', '+', '+44 1-2-3-4-5-6-7-8 ']],
    ['compass points', 'en-US', ['wind NNE ', '10 km NW ', 'NW of ', 'wind ']],
    ['approximation and comparison signs', 'en-US', ['~1 ', '≥≥', '<5 ', '~']],
    [
      'powers, ratios and blood pressures',
      'en-US',
      ['10^6 ', '3 x 10⁴', '10⁴⁴⁴', '1:1000:', '1:', '120/80 mmHg/', '1/1 mm Hg '],
    ],
    ['versions', 'en-US', ['v2.1.3.', 'version 1.2.3 ', '1.1.']],
    ['units without a count', 'en-US', ['70-kg adult ', 'per mL ', '1.0 mm ']],
    ['timetables and prices per person', 'es-ES', ['10:00 a 18:00 h ', '1:00 h', '12,50 €/persona ', '€/a']],
    ['milestones and subsections', 'es-ES', ['el km 23 ', 'art. 3.2.', 'artículo 1.', 's/n ']],
    ['eras, weekdays and squares', 'es-ES', ['192 a. C. ', 'de lun. a dom. ', 'Pza. ']],
  ];
  it.each(families)(
    '%s are read in linear time',
    async (_family, language, lines) => {
      await readsWhole(lines.map(megabyteOf), language);
    },
    HOSTILE_BUDGET_MS,
  );
});

describe('held-out pages of this round', () => {
  it('reads the science-desk report as the narrator does', () => {
    const spoken = spokenPage('en-US-medicine.txt', 'en-US');
    for (const reading of [
      'ten kilometers northwest of town',
      'the wind blew north-northeast',
      'a seventy-kilogram adult',
      'ten to the sixth copies per milliliter to three times ten to the fourth',
      'Her notebook for twenty nineteen shows',
      'nausea in about one in ten',
      'Doses greater than or equal to five milligrams per kilogram',
      'plus or minus zero point two milligrams per deciliter',
      'one hundred twenty over eighty millimeters of mercury',
      'diluted one to one thousand',
      'see figure three b',
      'zero point five to one point zero millimeters across',
      'version two point one point three of',
      'sixteen gigabytes of memory',
      'plus one, nine zero seven, five five five, zero one four two',
      'plus four four, two zero, seven nine four six, zero nine five eight',
    ]) {
      expect(spoken).toContain(reading);
    }
  });

  it('reads the Spanish travel guide as the narrator does', () => {
    const spoken = spokenPage('es-ES-travel.txt', 'es-ES');
    for (const reading of [
      'en la plaza del Consistorio, sin número',
      'de diez a dieciocho horas; los domingos, de diez a catorce horas.',
      'doce euros con cincuenta céntimos por persona',
      'desde el ciento noventa y dos antes de Cristo',
      'A las ocho y media la plaza de Zocodover',
      'en el kilómetro veintitrés',
      'por el artículo tres punto dos de la Ordenanza',
      'de nueve a catorce horas, de lunes a viernes.',
    ]) {
      expect(spoken).toContain(reading);
    }
  });
});
