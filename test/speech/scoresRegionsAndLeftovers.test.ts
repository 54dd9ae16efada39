/**
 * The eighth held-out round: a British football report, a Lima council notice and a Lisbon owners' meeting's
 * minutes, and the leftovers of the round before (continental numbers with decimals in English, numeral lists with a
 * dash or after an abbreviation, dotted dates with a two-digit year, a weekday before its date).
 */
import { toSpokenForm } from '../../core/speech/normalize';
import { cpuMsSince } from '../support/jestBudget';
import { HOSTILE_BUDGET_MS, HOSTILE_CPU_BUDGET_MS, megabyteOf, spokenPage } from './hostileAndHeldOut';

describe('the leftovers of the round before', () => {
  it('reads a number grouped with the other language’s marks, decimals included, as one number', () => {
    expect(toSpokenForm('The total was 1.234.567,5 votes, or 1.234,5 a day.', 'en-US')).toBe(
      'The total was one million two hundred thirty-four thousand five hundred sixty-seven point five votes, or one thousand two hundred thirty-four point five a day.',
    );
    expect(toSpokenForm('Fueron 1,234,567.5 votos.', 'es-ES')).toBe(
      'Fueron un millón doscientos treinta y cuatro mil quinientos sesenta y siete coma cinco votos.',
    );
    // A single mark of either kind keeps its old reading.
    expect(toSpokenForm('1,234.5 and 1.234 and 3.50', 'en-US')).toBe(
      'one thousand two hundred thirty-four point five and one point two three four and three point five zero',
    );
  });

  it('reads a list of numerals joined by a dash as a range', () => {
    expect(toSpokenForm('Read Chapters IV–VI tonight, and Parts I-III.', 'en-GB')).toBe(
      'Read Chapters four to six tonight, and Parts one to three.',
    );
    expect(toSpokenForm('Lean los capítulos IV–VI.', 'es-ES')).toBe('Lean los capítulos cuatro a seis.');
  });

  it('reads a list of numerals after an abbreviated numbering word whole', () => {
    expect(toSpokenForm('nos termos dos incs. I, II e III do art. 5º', 'pt-BR')).toBe(
      'nos termos dos incisos um, dois e três do artigo quinto',
    );
    expect(toSpokenForm('See vols. I, II and III; No. IV and I went home.', 'en-GB')).toBe(
      'See volumes one, two and three; number four and I went home.',
    );
    expect(toSpokenForm('No. I think not.', 'en-GB')).toBe('No. I think not.');
  });

  it('reads a dotted date with a two-digit year after a word that says a date', () => {
    expect(toSpokenForm('Llegó el 3.11.22 por la tarde.', 'es-ES')).toBe(
      'Llegó el tres de noviembre del veintidós por la tarde.',
    );
    expect(toSpokenForm('Chegou em 3.11.22.', 'pt-BR')).toBe('Chegou em três de novembro de vinte e dois.');
    expect(toSpokenForm('He came on 3.11.22 at noon.', 'en-GB')).toBe(
      'He came on the third of November, twenty-two at noon.',
    );
    // Without such a word it may be a section or a version.
    expect(toSpokenForm('la sección 3.11.22 dice', 'es-ES')).toBe('la sección tres once veintidós dice');
    expect(toSpokenForm('Python 3.11.22 is out', 'en-US')).toBe('Python three eleven twenty-two is out');
  });

  it('reads a weekday before its date with no full stop, and "vs." with none', () => {
    expect(toSpokenForm('Wed. Oct. 2 was the day.', 'en-US')).toBe('Wednesday October second was the day.');
    expect(toSpokenForm('Manchester, Sat. 14 Dec. 2024 — Kick-off', 'en-GB')).toBe(
      'Manchester, Saturday the fourteenth of December twenty twenty-four, Kick-off',
    );
    expect(toSpokenForm('Arsenal vs. Chelsea ended level.', 'en-GB')).toBe('Arsenal versus Chelsea ended level.');
    // A verb is no weekday: "Sat." and "Wed." alone stay.
    expect(toSpokenForm('They wed. Then he sat. Then', 'en-GB')).toBe('They wed. Then he sat. Then');
  });
});

describe('what the British football page found', () => {
  it('says a score that falls to nothing or stays level with nil and all, in British English', () => {
    expect(toSpokenForm('He won 3-0, drew 2–2 and 0–0, lost 1–3; the odds were 5-1.', 'en-GB')).toBe(
      'He won three-nil, drew two-all and nil-nil, lost one to three; the odds were five to one.',
    );
    expect(toSpokenForm('They tied 0-0.', 'en-US')).toBe('They tied zero to zero.');
  });

  it('says an age group as the number’s plural', () => {
    expect(toSpokenForm('the under-16s, the over-6s and the under-21s', 'en-GB')).toBe(
      'the under-sixteens, the over-sixes and the under-twenty-ones',
    );
  });

  it('says a half before an article without an article of its own', () => {
    expect(toSpokenForm('"½ a yard off", ½ of the cake, ¼ of the cake and ½.', 'en-GB')).toBe(
      '"half a yard off", half of the cake, a quarter of the cake and a half.',
    );
  });

  it('says a percent or per mille sign after a number with a fraction’s character', () => {
    expect(toSpokenForm('up 4½% and 3‰', 'en-GB')).toBe('up four and a half percent and three per mille');
    expect(toSpokenForm('somam 687,5‰ do valor', 'pt-PT')).toBe(
      'somam seiscentos e oitenta e sete vírgula cinco por mil do valor',
    );
    expect(toSpokenForm('un 2,5‰ de alcohol', 'es-ES')).toBe('un dos coma cinco por mil de alcohol');
  });
});

describe('what the Lima notice found', () => {
  it('reads numbers with a decimal point and thousands with a comma where Spanish is written so', () => {
    expect(toSpokenForm('S/ 1,500 y S/ 2,450,000.00; 9.62 km² y 99,337 habitantes', 'es-PE')).toBe(
      'mil quinientos soles y dos millones cuatrocientos cincuenta mil soles; nueve punto sesenta y dos kilómetros cuadrados y noventa y nueve mil trescientos treinta y siete habitantes',
    );
    expect(toSpokenForm('$1,250.50 y 3.5 kg', 'es-MX')).toBe(
      'mil doscientos cincuenta pesos con cincuenta centavos y tres punto cinco kilogramos',
    );
    // Spain keeps the comma.
    expect(toSpokenForm('1.500 habitantes y 9,62 km²', 'es-ES')).toBe(
      'mil quinientos habitantes y nueve coma sesenta y dos kilómetros cuadrados',
    );
  });

  it('reads both conventions where both are in print, and names the decimal mark as printed', () => {
    // Peruvian and Mexican books and press also group thousands with a point, as Spain does: a point before exactly
    // three final digits is a count, not a decimal.
    expect(toSpokenForm('Llegaron 1.500 personas; son 12.500 soles.', 'es-PE')).toBe(
      'Llegaron mil quinientas personas; son doce mil quinientos soles.',
    );
    expect(toSpokenForm('Pesa 2,5 kilos y mide 2.5 metros.', 'es-MX')).toBe(
      'Pesa dos coma cinco kilos y mide dos punto cinco metros.',
    );
  });

  it('says a whole hour before the part of the day, and the hour symbols of American timetables', () => {
    // Spanish now says the part of the day in place of the marker.
    expect(toSpokenForm('hasta la 1:00 p. m. y a las 9:00 p. m.', 'es-PE')).toBe(
      'hasta la una de la tarde y a las nueve de la noche.',
    );
    expect(toSpokenForm('at 7:00 p.m. sharp', 'en-US')).toBe('at seven p.m. sharp');
    expect(toSpokenForm('de 8:00 a 17:00 hrs. y a las 18:00 hs. Luego', 'es-AR')).toBe(
      'de ocho a diecisiete horas y a las dieciocho horas. Luego',
    );
  });

  it('reads Peruvian addresses, identity and tax numbers and telephones', () => {
    expect(toSpokenForm('en el Jr. Independencia 512, la Mz. B Lt. 12 de la Urb. San Antonio', 'es-PE')).toBe(
      'en el jirón Independencia quinientos doce, la manzana B lote doce de la urbanización San Antonio',
    );
    expect(toSpokenForm('Martin Luther King Jr. fue asesinado.', 'es-PE')).toBe(
      'Martin Luther King Jr. fue asesinado.',
    );
    expect(toSpokenForm('Comunicado N.° 12 (p. ej., RUC 20131377224)', 'es-PE')).toBe(
      'Comunicado número doce (por ejemplo, RUC dos cero uno tres uno tres siete siete dos dos cuatro)',
    );
    expect(toSpokenForm('Telf. (01) 617-7272', 'es-PE')).toBe('teléfono cero uno, seis uno siete, siete dos siete dos');
    expect(toSpokenForm('Resolución N.° 0123-2024-SUNAT', 'es-PE')).toBe(
      'Resolución número cero uno dos tres, dos mil veinticuatro-SUNAT',
    );
    expect(toSpokenForm('unas 120 t de basura y 21 t más', 'es-PE')).toBe(
      'unas ciento veinte toneladas de basura y veintiuna toneladas más',
    );
  });
});

describe('what the Lisbon minutes found', () => {
  it('reads the hour without minutes, professions, the ground floor and a company', () => {
    expect(toSpokenForm('pelas 21h00, o Eng.º Rui Almeida (r/c Dto.) e a Arq.ª Sofia Nunes', 'pt-PT')).toBe(
      'pelas vinte e uma horas, o engenheiro Rui Almeida (rés-do-chão direito) e a arquiteta Sofia Nunes',
    );
    expect(toSpokenForm('da Lopes & Filhos, Lda., com sede', 'pt-PT')).toBe('da Lopes e Filhos, limitada, com sede');
  });

  it('reads a postal code, tax numbers in groups of three and a plus sign', () => {
    expect(toSpokenForm('Rua Actor Taborda, 1000-009 Lisboa; 4700-320 Braga', 'pt-PT')).toBe(
      'Rua Actor Taborda, mil, zero zero nove Lisboa; quatro mil e setecentos, trezentos e vinte Braga',
    );
    expect(toSpokenForm('(NIF 213 456 789) é de € 38.500 + IVA', 'pt-PT')).toBe(
      '(NIF dois um três, quatro cinco seis, sete oito nove) é de trinta e oito mil e quinhentos euros mais IVA',
    );
  });

  it('makes a number agree with a noun of a feminine ending, and joins a decree to a two-digit year', () => {
    expect(toSpokenForm('1 contra e 1 abstenção; 2 sessões', 'pt-PT')).toBe('um contra e uma abstenção; duas sessões');
    expect(toSpokenForm('1 abstención y 21 ciudades', 'es-ES')).toBe('una abstención y veintiuna ciudades');
    expect(toSpokenForm('o Decreto-Lei n.º 268/94 e o n.º 3/4', 'pt-PT')).toBe(
      'o Decreto-Lei número duzentos e sessenta e oito de noventa e quatro e o número três quartos',
    );
  });
});

describe('the eighth round’s held-out pages', () => {
  it('reads the British football report as the narrator does', () => {
    const spoken = spokenPage('en-GB-football.txt', 'en-GB');
    for (const reading of [
      'Manchester, Saturday the fourteenth of December twenty twenty-four,',
      '"half a yard off the pace',
      'take nil-nil at Saint Mirren on Wednesday and',
      'by four and a half percent to one thousand one hundred and fifty pounds',
      'fifty-five pounds for under-sixteens',
      'Arsenal versus Chelsea, nil-nil; Spurs two-all Aston Villa',
    ]) {
      expect(spoken).toContain(reading);
    }
  });

  it('reads the Lima council notice as the narrator does', () => {
    const spoken = spokenPage('es-PE-notice.txt', 'es-PE');
    for (const reading of [
      'Comunicado número cero cuatro cinco, dos mil veinticuatro-MDM',
      'hasta la una de la tarde en la agencia del jirón Independencia quinientos doce',
      '(por ejemplo, DNI cuatro cinco seis siete ocho nueve uno dos)',
      'RUC dos cero uno tres uno tres siete siete dos dos cuatro',
      'a las nueve de la noche en toda la zona tres',
      'nueve punto sesenta y dos kilómetros cuadrados y noventa y nueve mil trescientos treinta y siete habitantes',
      'costará dos millones cuatrocientos cincuenta mil soles',
      'la manzana B lote doce de la urbanización San Antonio',
      'con un premio de mil quinientos soles',
      'teléfono cero uno, seis uno siete, siete dos siete dos',
      'de ocho a diecisiete horas.',
      'unas ciento veinte toneladas de basura',
    ]) {
      expect(spoken).toContain(reading);
    }
  });

  it('reads the Lisbon owners’ minutes as the narrator does', () => {
    const spoken = spokenPage('pt-PT-minutes.txt', 'pt-PT');
    for (const reading of [
      'pelas vinte e uma horas, reuniu',
      'número quarenta e cinco, mil, zero zero nove Lisboa',
      'seiscentos e oitenta e sete vírgula cinco por mil',
      'pelo engenheiro Rui Almeida (rés-do-chão direito). A administradora, arquiteta Sofia Nunes',
      'número duzentos e sessenta e oito de noventa e quatro',
      'um contra e uma abstenção',
      '(NIF dois um três, quatro cinco seis, sete oito nove)',
      'Lopes e Filhos, limitada',
      '(NIPC cinco zero nove, oito sete seis, cinco quatro três)',
      'trinta e oito mil e quinhentos euros mais IVA',
    ]) {
      expect(spoken).toContain(reading);
    }
  });
});

describe('a megabyte of each new rule family', () => {
  const families: ReadonlyArray<[family: string, language: string, lines: string[]]> = [
    ['numbers written the other way', 'en-US', ['1.234.567,5 ', '1.234,', '1.2.3,4,5.', '1.234.567,5,']],
    ['numeral lists after an abbreviation', 'pt-BR', ['incs. I, II e III ', 'incs. I–', 'vols. I, II, ']],
    ['numeral lists with a dash', 'en-GB', ['Chapters IV–VI ', 'Chapters IV–', 'I–V–']],
    ['dotted dates with a two-digit year', 'es-ES', ['el 3.11.22 ', 'el 3.11.', '1.1.22.1.']],
    ['weekdays before a date', 'en-GB', ['Wed. Oct. 2 ', 'Sat. ', 'Wed. 14 Dec. ']],
    ['British scores and age groups', 'en-GB', ['won 3-0, ', '2–2 ', '0-', 'under-16s ', 'a-1s-']],
    ['halves and signs after fractions', 'en-GB', ['½ a ', '4½% ', '½‰', '3‰ ']],
    ['point decimals and hour symbols', 'es-PE', ['S/ 1,500.50 ', '1,2,3.4.', '9:00 p. m. ', '17:00 hrs. ']],
    ['Peruvian addresses and codes', 'es-PE', ['Jr. Independencia 512 ', 'Mz. B Lt. 12 ', 'RUC 20131377224 ', '(01) ']],
    ['postal codes, tax numbers and plus signs', 'pt-PT', ['1000-009 Lisboa ', 'NIF 213 456 789 ', '213 ', '5 + IVA ']],
    ['feminine endings and decree years', 'pt-PT', ['1 abstenção ', '1 ', 'n.º 268/94 ', '21h00 ', 'r/c Dto. ']],
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
