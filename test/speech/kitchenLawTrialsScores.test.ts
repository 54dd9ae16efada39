/**
 * The ninth held-out round: a US cookbook page, a Brazilian sports and economy page, a Spanish official resolution
 * and a British trial abstract, and the leftovers of the round before (points in a table, a range of hours in
 * Spanish, "a. m." and "p. m.").
 */
import { toSpokenForm } from '../../core/speech/normalize';
import { cpuMsSince } from '../support/jestBudget';
import { HOSTILE_BUDGET_MS, HOSTILE_CPU_BUDGET_MS, megabyteOf, spokenPage } from './hostileAndHeldOut';

describe('kitchen measures', () => {
  it('says spoons, quarts and gallons, and months and weeks with their period', () => {
    expect(toSpokenForm('Add 2-3 tbsp honey, 1 Tbsp fat, 1 tsp soda, 2 qt stock; keeps 3 mos. or 2 wks', 'en-US')).toBe(
      'Add two to three tablespoons honey, one tablespoon fat, one teaspoon soda, two quarts stock; keeps three months or two weeks',
    );
    // A unit's period before a lower-case word belongs to a measure before its noun.
    expect(toSpokenForm('a 1-gal. zip-top bag, a 3-mo. stay, a 5-in. nail, a 5-in nail', 'en-US')).toBe(
      'a one-gallon zip-top bag, a three-month stay, a five-inch nail, a five-in nail',
    );
  });

  it('says a fraction alone before its measure as one of it, and a mixed number with the measure in the plural', () => {
    expect(toSpokenForm('3/4 cup flour, 1/3 cup sugar, 1/2 tsp salt, ¼ tsp pepper, ½ cup cream, ¾ hour', 'en-US')).toBe(
      'three quarters of a cup flour, a third of a cup sugar, half a teaspoon salt, a quarter of a teaspoon pepper, half a cup cream, three quarters of an hour',
    );
    expect(toSpokenForm('1 1/2 cups cornmeal, 1 ¼ cups milk, 1 1/2 tsp yeast, 2 1/2 km', 'en-US')).toBe(
      'one and a half cups cornmeal, one and a quarter cups milk, one and a half teaspoons yeast, two and a half kilometers',
    );
    // A word that is no measure, or a measure already in the plural, stays where it is written.
    expect(toSpokenForm('½ a yard, ½ of it, 1/8 of the pan, ½ cups', 'en-US')).toBe(
      'half a yard, half of it, an eighth of the pan, a half cups',
    );
  });
});

describe('laboratory units and statistics', () => {
  it('says a rate per two units, micro and nano units, moles, mmHg and bpm', () => {
    expect(toSpokenForm('5 mg/kg/h, 1 µg/kg/min, 1.5 ng/mL, 50 μL, 135–145 mmol/L, 12 mmHg, 92 bpm', 'en-US')).toBe(
      'five milligrams per kilogram per hour, one microgram per kilogram per minute, one point five nanograms per milliliter, fifty microliters, one hundred thirty-five to one hundred forty-five millimoles per liter, twelve millimeters of mercury, ninety-two beats per minute',
    );
    expect(toSpokenForm('5 mg/kg/h y 2 mg/L', 'es-ES')).toBe(
      'cinco miligramos por kilogramo por hora y dos miligramos por litro',
    );
  });

  it('spells an odds ratio before its value, and reads a trial registry number digit by digit', () => {
    expect(toSpokenForm('(OR 2.14; p = 0.23) TEA OR 2 CUPS; ISRCTN 12345678; PMID 31415926', 'en-GB')).toBe(
      '(O R two point one four; p equals zero point two three) TEA OR two CUPS; ISRCTN one two three four five six seven eight; PMID three one four one five nine two six',
    );
  });
});

describe('Brazilian sports and economy pages', () => {
  it('says a score written with an x as a score, and keeps a size with its unit', () => {
    expect(toSpokenForm('venceu por 3 x 1; Flamengo 2x2 Vasco; uma sala de 3 x 4 m', 'pt-BR')).toBe(
      'venceu por três a um; Flamengo dois a dois Vasco; uma sala de três por quatro metros',
    );
  });

  it('says millions and billions written short, agreeing with the amount', () => {
    expect(toSpokenForm('lucrou R$ 32,6 bi; captou R$ 1,5 mi; vendeu 1,2 mi de unidades; mi bemol', 'pt-BR')).toBe(
      'lucrou trinta e dois vírgula seis bilhões de reais; captou um vírgula cinco milhão de reais; vendeu um vírgula dois milhão de unidades; mi bemol',
    );
  });

  it('says points in a table and the minute of a goal', () => {
    expect(toSpokenForm("14º com 39 pts., empatou aos 27' e virou aos 8'.", 'pt-BR')).toBe(
      'décimo quarto com trinta e nove pontos, empatou aos vinte e sete minutos e virou aos oito minutos.',
    );
    expect(toSpokenForm("marcó a los 90'.", 'es-ES')).toBe('marcó a los noventa minutos.');
    // An apostrophe that may close a quotation stays.
    expect(toSpokenForm("ele disse 'chegou aos 27' e saiu", 'pt-BR')).toBe(
      "ele disse 'chegou aos vinte e sete' e saiu",
    );
  });

  it('reads a month after a preposition of time, and leaves the words those abbreviations also are', () => {
    expect(toSpokenForm('criou vagas até set. e desde fev.; contou até dez.', 'pt-BR')).toBe(
      'criou vagas até setembro e desde fevereiro; contou até dez.',
    );
    expect(toSpokenForm('hasta sept. y en oct.; se hizo a la mar.', 'es-ES')).toBe(
      'hasta septiembre y en octubre; se hizo a la mar.',
    );
  });
});

describe('Spanish official texts', () => {
  it('joins a numbered act to its year, a department’s code said before the number', () => {
    expect(
      toSpokenForm('la Ley 39/2015; el Real Decreto 1065/2007; la Orden HAC/1234/2023; la orden 3/4', 'es-ES'),
    ).toBe(
      'la Ley treinta y nueve de dos mil quince; el Real Decreto mil sesenta y cinco de dos mil siete; la Orden HAC mil doscientos treinta y cuatro de dos mil veintitrés; la orden tres cuartos',
    );
    expect(toSpokenForm('Lei 8.078/1990; Portaria 12/2024', 'pt-BR')).toBe(
      'Lei oito mil e setenta e oito de mil novecentos e noventa; Portaria doze de dois mil e vinte e quatro',
    );
  });

  it('reads the abbreviated parts of a law, an annex’s numeral and the signature', () => {
    expect(
      toSpokenForm(
        'el apdo. 3 del art. 5, la disp. adic. 2.ª, el tít. IV, el anexo I y el apdo. 4.º b). Fdo.: Ana',
        'es-ES',
      ),
    ).toBe(
      'el apartado tres del artículo cinco, la disposición adicional segunda, el título cuatro, el anexo uno y el apartado cuarto b). firmado: Ana',
    );
  });
});

describe('the leftovers of the round before', () => {
  it('says points after a number in English', () => {
    expect(toSpokenForm('Celtic are 5 pts clear.', 'en-GB')).toBe('Celtic are five points clear.');
  });

  it('makes the first number of a range written with a word agree with a feminine unit', () => {
    expect(toSpokenForm('de 1 a 2 h; entre 21 y 22 h; de 1 a 2 km', 'es-ES')).toBe(
      'de una a dos horas; entre veintiuna y veintidós horas; de uno a dos kilómetros',
    );
    expect(toSpokenForm('de 1 a 2 h', 'pt-BR')).toBe('de uma a duas horas');
  });

  it('says the part of the day in place of a. m. and p. m.', () => {
    expect(
      toSpokenForm('de 8:30 a. m. a 3:30 p. m.; la 1:00 p. m.; a las 9 p. m.; a las 12 p.m. Luego; 5 am', 'es-PE'),
    ).toBe(
      'de ocho y media de la mañana a tres y media de la tarde; la una de la tarde; a las nueve de la noche; a las doce del mediodía. Luego; cinco de la madrugada',
    );
    expect(toSpokenForm('às 9:30 a.m. e às 8 p.m. em ponto', 'pt-BR')).toBe(
      'às nove e meia da manhã e às oito da noite em ponto',
    );
    // A time past noon written with the marker, and English, keep it.
    expect(toSpokenForm('a las 14:00 p. m.', 'es-ES')).toBe('a las catorce p. m.');
    expect(toSpokenForm('at 9:30 a.m. sharp', 'en-US')).toBe('at nine thirty a.m. sharp');
  });
});

describe('the held-out pages of this round', () => {
  it('reads the cookbook page as the narrator does', () => {
    const spoken = spokenPage('en-US-cookbook.txt', 'en-US');
    for (const reading of [
      'three quarters of a cup all-purpose flour, two tablespoons sugar, one teaspoon baking soda and half a teaspoon kosher salt',
      'Add two to three tablespoons honey if you like it sweet; a third of a cup is too much.',
      'add one tablespoon bacon fat',
      'freeze up to three months in a one-gallon zip-top bag',
      'use a quarter of a teaspoon less baking soda and add one to two tablespoons more buttermilk',
    ]) {
      expect(spoken).toContain(reading);
    }
  });

  it('reads the Brazilian sports and economy page as the narrator does', () => {
    const spoken = spokenPage('pt-BR-esporte.txt', 'pt-BR');
    for (const reading of [
      'venceu o Grêmio por três a um',
      'décimo quarto com trinta e nove pontos',
      'empatou aos vinte e sete minutos',
      'aos oito minutos',
      'Flamengo dois a dois Vasco',
      'lucrou trinta e dois vírgula seis bilhões de reais',
      'vendeu um vírgula dois milhão de unidades',
      'até setembro.',
    ]) {
      expect(spoken).toContain(reading);
    }
  });

  it('reads the Spanish resolution as the narrator does', () => {
    const spoken = spokenPage('es-ES-legal.txt', 'es-ES');
    for (const reading of [
      'de la Ley treinta y nueve de dos mil quince, de uno de octubre',
      'el apartado tres del artículo cinco del Real Decreto mil sesenta y cinco de dos mil siete',
      'del anexo uno.',
      'la disposición adicional segunda y al capítulo dos del título cuatro',
      'Los plazos de dos a tres horas previstos en el apartado cuarto b)',
      '(Orden HAC mil doscientos treinta y cuatro de dos mil veintitrés, de cinco de diciembre), firmado:',
    ]) {
      expect(spoken).toContain(reading);
    }
  });

  it('reads the trial abstract as the narrator does', () => {
    const spoken = spokenPage('en-GB-trial.txt', 'en-GB');
    for (const reading of [
      'five milligrams per kilogram per hour',
      'one point five nanograms per milliliter',
      '(O R two point one four',
      'twelve millimeters of mercury; heart rate rose to ninety-two beats per minute',
      'one hundred and thirty-five to one hundred and forty-five millimoles per liter',
      'one microgram per kilogram per minute',
      'ISRCTN one two three four five six seven eight',
    ]) {
      expect(spoken).toContain(reading);
    }
  });
});

describe('a megabyte of each new rule family', () => {
  const families: ReadonlyArray<[family: string, language: string, lines: string[]]> = [
    ['fractions before a measure', 'en-US', ['3/4 cup ', '1 1/2 tsp ', '½ ', '1/2 a ']],
    ['rates per two units and ranges', 'en-GB', ['5 mg/kg/h ', '135–145 mmol/L ', 'mg/kg/', '1-2/']],
    ['measures before a noun', 'en-US', ['a 1-gal. bag ', 'a 5-in. ', '1-mo.']],
    ['acronyms before decimals', 'en-GB', ['OR 2.14 ', 'OR 2', 'OR ']],
    ['scores and short scales', 'pt-BR', ['3 x 1 ', 'R$ 32,6 bi ', '1,2 mi de ', '3x']],
    ['minutes of play', 'pt-BR', ["aos 27' ", "aos 27'", "'a 2' "]],
    ['acts and years', 'es-ES', ['Ley 39/2015 ', 'Orden HAC/1234/2023 ', 'ley 1/', 'HAC/']],
    ['parts of the day', 'es-PE', ['9:30 a. m. ', '9 p.m.', '1 am ', '12:']],
    ['ranges with a word before a unit', 'es-ES', ['de 1 a 2 h ', '1 y ', '1 a 1 a ']],
  ];
  it.each(families)(
    '%s are read in linear time (%s)',
    async (_family, language, lines) => {
      const start = process.cpuUsage();
      for (const line of lines) {
        expect(toSpokenForm(megabyteOf(line), language).length).toBeGreaterThan(0);
        expect(cpuMsSince(start)).toBeLessThan(HOSTILE_CPU_BUDGET_MS);
      }
    },
    HOSTILE_BUDGET_MS,
  );
});
