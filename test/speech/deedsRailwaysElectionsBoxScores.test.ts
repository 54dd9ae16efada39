/**
 * The tenth held-out round: a Lisbon notary's deed, a British railway and road guide, a Mexican election and weather
 * page and a US basketball and business page, and the leftovers of the round before (a letter's "P. D.", a measure
 * before the things it describes, a recipe's pints). Each new rule family also reads a hostile megabyte in linear
 * time.
 */
import { toSpokenForm } from '../../core/speech/normalize';
import { HOSTILE_BUDGET_MS, megabyteOf, readsWhole, spokenPage } from './hostileAndHeldOut';

describe('a British railway and road guide', () => {
  it('reads platforms, parkways, weekday spans and the weekend days after a preposition', () => {
    expect(toSpokenForm('change at Didcot Pkwy for it; from platform 9 (Plat. 11 at weekends)', 'en-GB')).toBe(
      'change at Didcot Parkway for it; from platform nine (platform eleven at weekends)',
    );
    expect(toSpokenForm('Trains run Mon.–Sat., hourly on Sun.; open Tue.-Thu. and closed Sat.', 'en-GB')).toBe(
      'Trains run Monday to Saturday, hourly on Sunday; open Tuesday to Thursday and closed Saturday.',
    );
    // Alone, "Sun." may still be a newspaper and "Sat." a verb.
    expect(toSpokenForm('He read the Sun. It sat. Sat. was fine', 'en-GB')).toBe(
      'He read the Sun. It sat. Sat. was fine',
    );
  });

  it('reads a national telephone number with its trunk zero digit by digit', () => {
    expect(toSpokenForm('Tickets: 0345 600 7245. Call 020 7946 0958 or 01632 960123.', 'en-GB')).toBe(
      'Tickets: zero three four five, six zero zero, seven two four five. Call zero two zero, seven nine four six, zero nine five eight or zero one six three two, nine six zero one two three.',
    );
    // Too few or too many digits for a telephone number: a code and the numbers stay as the other rules read them.
    expect(toSpokenForm('room 012 300 and 0345 600 7245 1234', 'en-GB')).toBe(
      'room zero one two three hundred and zero three four five six hundred seven thousand two hundred and forty-five twelve thirty-four',
    );
  });

  it("says a recipe's pts as pints and a league table's as points", () => {
    expect(toSpokenForm('4 oz rice, 2 pts milk, 2 oz sugar', 'en-GB')).toBe(
      'four ounces rice, two pints milk, two ounces sugar',
    );
    expect(toSpokenForm('Take 3 pts of milk and 1 lb flour.', 'en-GB')).toBe(
      'Take three pints of milk and one pound flour.',
    );
    expect(toSpokenForm('Rovers are 5 pts clear of Hearts.', 'en-GB')).toBe('Rovers are five points clear of Hearts.');
  });
});

describe('a measure before the things it describes', () => {
  it('is said as a modifier before samples, tablets, vials and the like', () => {
    expect(toSpokenForm('in 50 µL samples, 5 mg tablets and 10 mL vials', 'en-GB')).toBe(
      'in fifty-microliter samples, five-milligram tablets and ten-milliliter vials',
    );
  });

  it('and as a count before anything else', () => {
    expect(toSpokenForm('12 g fat, 50 µL of serum, 5 mg daily, 2-5 mg tablets', 'en-GB')).toBe(
      'twelve grams fat, fifty microliters of serum, five milligrams daily, two to five milligrams tablets',
    );
  });
});

describe('a US basketball and business page', () => {
  it("reads a box score's abbreviations and a record after 'improve to'", () => {
    expect(toSpokenForm('finished with 31 pts., 8 reb. and 6 ast.; 2 blk, 3 stl', 'en-US')).toBe(
      'finished with thirty-one points, eight rebounds and six assists; two blocks, three steals',
    );
    expect(toSpokenForm('The Hawks improve to 12-7; they fall to 12-8.', 'en-US')).toBe(
      'The Hawks improve to twelve and seven; they fall to twelve and eight.',
    );
  });

  it('says year over year and year to date, and a court after its name', () => {
    expect(toSpokenForm('up 14% YoY and 22% YTD; 1 Center Ct., Suite 200', 'en-US')).toBe(
      'up fourteen percent year over year and twenty-two percent year to date; one Center Court, Suite two hundred',
    );
  });
});

describe('a Mexican election and weather page', () => {
  it('says pesos for "$" in Mexico and for "MXN$" anywhere', () => {
    expect(toSpokenForm('cerró en $20.35 por dólar; MXN$ 1,250 millones', 'es-MX')).toBe(
      'cerró en veinte pesos con treinta y cinco centavos por dólar; mil doscientos cincuenta millones de pesos',
    );
    expect(toSpokenForm('MXN$ 500', 'es-ES')).toBe('quinientos pesos');
    expect(toSpokenForm('$20.35', 'es-PE')).toBe('veinte dólares con treinta y cinco centavos');
  });

  it('reads 3er, the abbreviations of states and sections, and a point after a distance', () => {
    expect(
      toSpokenForm(
        'en 3er lugar, el 1er piso; en el Edo. de Méx.; a 350 km al S de Acapulco, Gro.; la secc. 1234',
        'es-MX',
      ),
    ).toBe(
      'en tercer lugar, el primer piso; en el Estado de México; a trescientos cincuenta kilómetros al sur de Acapulco, Guerrero; la sección mil doscientos treinta y cuatro',
    );
  });

  it('makes a number grouped in thousands agree with a noun of a feminine ending', () => {
    expect(toSpokenForm('se instalaron 20,531 casillas y 1,021 piezas', 'es-MX')).toBe(
      'se instalaron veinte mil quinientas treinta y una casillas y mil veintiuna piezas',
    );
    expect(toSpokenForm('20.001 ciudades', 'es-ES')).toBe('veinte mil una ciudades');
  });
});

describe("Spanish 'P. D.'", () => {
  it("is a letter's postscript after its close, and by delegation in a signature", () => {
    expect(toSpokenForm('Atentamente, Jorge.\n\nP. D. Felicito a todos.', 'es-MX')).toBe(
      'Atentamente, Jorge.\n\nposdata. Felicito a todos.',
    );
    expect(toSpokenForm('P.D. No olvides la llave.', 'es-ES')).toBe('posdata. No olvides la llave.');
    expect(toSpokenForm('El Director General, P. D. (Orden HAC/1234/2023)', 'es-ES')).toBe(
      'El Director General, por delegación (Orden HAC mil doscientos treinta y cuatro de dos mil veintitrés)',
    );
  });
});

describe("a Lisbon notary's deed", () => {
  it('reads identity numbers digit by digit, the books of deeds and the items of a tax table', () => {
    expect(
      toSpokenForm('cartão de cidadão n.º 12345678, a fls. 23 a 25 do Liv. 12-A, a verba 1.1 da Tabela', 'pt-PT'),
    ).toBe(
      'cartão de cidadão número um dois três quatro cinco seis sete oito, a folhas vinte e três a vinte e cinco do livro doze-A, a verba um ponto um da Tabela',
    );
  });

  it('says every article of a list as a cardinal from the tenth', () => {
    expect(toSpokenForm('dos arts. 875.º e 879.º do Código Civil; o art. 5.º e 6.º', 'pt-PT')).toBe(
      'dos artigos oitocentos e setenta e cinco e oitocentos e setenta e nove do Código Civil; o artigo quinto e sexto',
    );
    expect(toSpokenForm('los arts. 14.º, 15.º y 16.º', 'es-ES')).toBe('los artículos catorce, quince y dieciséis');
    // A list ends where other words come between: the ordinal there is an ordinal.
    expect(toSpokenForm('o art. 12.º e o 13.º andar', 'pt-PT')).toBe('o artigo doze e o décimo terceiro andar');
  });
});

describe('a megabyte of each new rule family', () => {
  const families: ReadonlyArray<[family: string, language: string, lines: string[]]> = [
    // Two families of two lines: the abbreviations' context is read at every weekday, so each line takes seconds.
    ['weekday spans', 'en-GB', ['Mon.–Sat. ', 'Mon.-']],
    ['weekend days after a word', 'en-GB', ['on Sun. ', 'Sat.–']],
    ['national telephone numbers', 'en-GB', ['0345 600 7245 ', '0345 6', '01 ', '0345 600 ']],
    ['pints, points and measured items', 'en-GB', ['2 pts milk, 4 oz ', '2 pts ', '50 µL samples ', '5 mg ']],
    ['box scores and records', 'en-US', ['8 reb. ', 'improve to 12-7 ', 'YoY ', '1 Center Ct., ']],
    ['pesos, states and points', 'es-MX', ['$20.35 ', 'MXN$ 1,250 millones ', 'Acapulco, Gro. ', '350 km al S de ']],
    ['ordinals, feminine counts and postscripts', 'es-MX', ['3er ', '20,531 casillas ', '1,', 'P. D. ', '. P. D.']],
    [
      'lists of articles and identity numbers',
      'pt-PT',
      ['arts. 875.º e 879.º e ', '10.º e ', 'cartão de cidadão n.º 1 '],
    ],
  ];
  it.each(families)(
    '%s are read in linear time (%s)',
    async (_family, language, lines) => {
      await readsWhole(lines.map(megabyteOf), language);
    },
    HOSTILE_BUDGET_MS,
  );
});

describe('held-out pages of this round', () => {
  it.each([
    [
      'en-GB-railway.txt',
      'en-GB',
      [
        'change at Didcot Parkway for the branch line',
        '(platform eleven at weekends)',
        'every fifteen minutes Monday to Saturday, hourly on Sunday;',
        'four ounces rice, two pints milk',
        'zero three four five, six zero zero, seven two four five',
      ],
    ],
    [
      'es-MX-news.txt',
      'es-MX',
      [
        'quedó en tercer lugar',
        'aprobó mil doscientos cincuenta millones de pesos',
        'en el Estado de México se instalaron veinte mil quinientas treinta y una casillas',
        'al sur de Acapulco, Guerrero,',
        'en veinte pesos con treinta y cinco centavos por dólar',
        'en la sección mil doscientos treinta y cuatro',
        'Puebla, Puebla.',
        'posdata. Felicito',
      ],
    ],
    [
      'en-US-finance.txt',
      'en-US',
      [
        'eight rebounds and six assists',
        'improve to twelve and seven',
        'up fourteen percent year over year',
        'twenty-two percent year to date',
        'one Center Court, Suite two hundred',
      ],
    ],
    [
      'pt-PT-deed.txt',
      'pt-PT',
      [
        'cartão de cidadão número um dois três quatro cinco seis sete oito',
        'dos artigos oitocentos e setenta e cinco e oitocentos e setenta e nove do Código Civil',
        'da verba um ponto um da Tabela Geral',
        'do livro doze-A',
      ],
    ],
  ])('reads %s as the narrator does', (file, language, readings) => {
    const spoken = spokenPage(file, language);
    for (const reading of readings) expect(spoken).toContain(reading);
  });

  it("reads the leftovers of the round before: the trial's samples and the resolution's delegation", () => {
    expect(spokenPage('en-GB-trial.txt', 'en-GB')).toContain('in fifty-microliter samples');
    expect(spokenPage('es-ES-legal.txt', 'es-ES')).toContain('El Director General, por delegación (Orden');
  });
});
