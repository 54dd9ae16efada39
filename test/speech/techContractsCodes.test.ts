/**
 * Rules from the round on release notes and a product review (en-US) and a Brazilian consumer-credit contract (pt-BR)
 * (bench/data/normalization/heldout): programming languages written with signs, a variable compared with a number,
 * sizes with an "x", money with a letter for its scale, versions of three parts, marks out of ten, the units of
 * electronics, weekdays of opening hours, a town in capitals before its state, codes announced by their label,
 * telephone numbers without a plus, numbers with a leading zero, numbers written twice (digits and words), Portuguese
 * weekdays by ordinals, clauses numbered in Roman, acronyms joined by a slash and contracts' abbreviations. Each family
 * also reads a hostile line of a megabyte in linear time.
 */
import { toSpokenForm } from '../../core/speech/normalize';
import { HOSTILE_BUDGET_MS, megabyteOf, readsWhole, spokenPage } from './hostileAndHeldOut';

describe('technology pages', () => {
  it('say programming languages written with signs', () => {
    expect(toSpokenForm('Bindings for C++, C#, F# and .NET; a note C#5.', 'en-US')).toBe(
      'Bindings for C plus plus, C sharp, F sharp and dot net; a note C#five.',
    );
    expect(toSpokenForm('Ligações para C++ e .NET.', 'pt-BR')).toBe('Ligações para C mais mais e ponto net.');
  });

  it('say the sign between a variable and its number, and leave letters compared with letters', () => {
    expect(toSpokenForm('p<0.05, N = 1,250, x ≥ 3, a<b', 'en-US')).toBe(
      'p less than zero point zero five, N equals one thousand two hundred fifty, x greater than or equal to three, a<b',
    );
    expect(toSpokenForm('p<0,05 y n = 40', 'es-ES')).toBe('p menos de cero coma cero cinco y n igual a cuarenta');
  });

  it('read sizes with "by", and leave powers of ten and "3x faster"', () => {
    expect(toSpokenForm('4.7 x 2.9 x 0.8 in.; 1920x1080; a 2 × 4; 3 x 10⁴ copies; 3x faster', 'en-US')).toBe(
      'four point seven by two point nine by zero point eight inches; nineteen twenty by one thousand eighty; a two by four; three times ten to the fourth copies; three x faster',
    );
    expect(toSpokenForm('mide 30 x 40 cm', 'es-ES')).toBe('mide treinta por cuarenta centímetros');
  });

  it('read a Brazilian score written with an "x" as a score, and a size with its unit', () => {
    expect(toSpokenForm('venceu por 3 x 1; Flamengo 3x1 Vasco; uma sala de 3 x 4 m; 10 x 20 x 30', 'pt-BR')).toBe(
      'venceu por três a um; Flamengo três a um Vasco; uma sala de três por quatro metros; dez por vinte por trinta',
    );
  });

  it('read money with a letter for its scale', () => {
    expect(toSpokenForm('raised $1.2M, then $45K, then €3bn', 'en-US')).toBe(
      'raised one point two million dollars, then forty-five thousand dollars, then three billion euros',
    );
  });

  it('read a number of three parts as a version, not thousands nor a date', () => {
    expect(toSpokenForm('Python 3.11.2 and firmware 1.0.3', 'en-US')).toBe(
      'Python three point eleven point two and firmware one point zero point three',
    );
    expect(toSpokenForm('a versão 2.10.1 e 1.234.567 pessoas', 'pt-BR')).toBe(
      'a versão dois ponto dez ponto um e um milhão duzentas e trinta e quatro mil quinhentas e sessenta e sete pessoas',
    );
    for (const date of ['on 3.11.22', 'on 12.05.1890']) expect(toSpokenForm(date, 'en-US')).not.toContain('point');
  });

  it('read a mark out of ten after a word that gives one, and keep other fractions', () => {
    expect(toSpokenForm('Verdict: 8/10. Rated 4.5/5. A score of 7/10; 3/10 of a mile', 'en-US')).toBe(
      'Verdict: eight out of ten. Rated four point five out of five. A score of seven out of ten; three tenths of a mile',
    );
  });

  it('read the units of electronics and networks', () => {
    expect(toSpokenForm('60 Hz, 2.4 GHz, 100 W, 10 Gbps, 5000 mAh', 'en-US')).toBe(
      'sixty hertz, two point four gigahertz, one hundred watts, ten gigabits per second, five thousand milliamp-hours',
    );
    expect(toSpokenForm('60 Hz, 2,4 GHz, 100 W', 'es-ES')).toBe(
      'sesenta hercios, dos coma cuatro gigahercios, cien vatios',
    );
    expect(toSpokenForm('60 Hz e 100 W', 'pt-BR')).toBe('sessenta hertz e cem watts');
  });

  it('read weekdays of opening hours, a state after a town in capitals and a model year after "a"', () => {
    expect(toSpokenForm('Open Mon. to Fri. and Sat. and Sun. He sat. Sun. rose', 'en-US')).toBe(
      'Open Monday to Friday and Saturday and Sunday. He sat. Sun. rose',
    );
    expect(toSpokenForm('SAN JOSE, Calif., Oct. 14', 'en-US')).toBe('SAN JOSE, California, October fourteenth');
    expect(toSpokenForm('a 2021 laptop, a 1500 word essay, a 1500 horses', 'en-US')).toBe(
      'a twenty twenty-one laptop, a fifteen hundred word essay, a one thousand five hundred horses',
    );
  });
});

describe('codes, telephone numbers and numbers written twice', () => {
  it('read a code after its label digit by digit, a pause between its groups', () => {
    expect(toSpokenForm('CPF 123.456.789-00, CEP 01310-100, CNPJ sob o nº 12.345.678/0001-90, RG 12', 'pt-BR')).toBe(
      'CPF um dois três, quatro cinco seis, sete oito nove, zero zero, CEP zero um três um zero, um zero zero, CNPJ sob o número um dois, três quatro cinco, seis sete oito, zero zero zero um, nove zero, RG doze',
    );
    expect(toSpokenForm('ZIP code 90210; SSN: 123-45-6789', 'en-US')).toBe(
      'ZIP code nine zero two one zero; SSN: one two three, four five, six seven eight nine',
    );
  });

  it('read telephone numbers without a plus, and leave ranges', () => {
    expect(toSpokenForm('Call 1-800-555-0199 or (907) 555-0142; pages 100-200; 1990-1995', 'en-US')).toBe(
      'Call one, eight zero zero, five five five, zero one nine nine or nine zero seven, five five five, zero one four two; pages one hundred to two hundred; nineteen ninety to nineteen ninety-five',
    );
    expect(toSpokenForm('tel. (11) 3456-7890 ou (21) 98765-4321', 'pt-BR')).toBe(
      'telefone onze, três quatro cinco seis, sete oito nove zero ou vinte e um, nove oito sete seis cinco, quatro três dois um',
    );
  });

  it('read a number with a leading zero digit by digit, and leave decimals and times', () => {
    expect(toSpokenForm('Agent 007, code 0187, 0.5 mm, 0 errors, at 10:05', 'en-US')).toBe(
      'Agent zero zero seven, code zero one eight seven, zero point five millimeters, zero errors, at ten oh five',
    );
  });

  it('say a number written in digits and words once, in the words, only when they agree', () => {
    expect(
      toSpokenForm(
        'aviso de 30 (trinta) dias, em 2 (duas) vias, R$ 1.234,56 (mil duzentos e trinta e quatro reais e cinquenta e seis centavos), 3 (cinco) dias',
        'pt-BR',
      ),
    ).toBe(
      'aviso de trinta dias, em duas vias, mil duzentos e trinta e quatro reais e cinquenta e seis centavos, três (cinco) dias',
    );
    expect(toSpokenForm('within thirty (30) days and twenty-five (25) copies; 3 (three) men; three (4)', 'en-US')).toBe(
      'within thirty days and twenty-five copies; three men; three (four)',
    );
    expect(toSpokenForm('plazo de 15 (quince) días', 'es-ES')).toBe('plazo de quince días');
  });
});

describe('a Brazilian contract', () => {
  it('names weekdays by their ordinals, numbers clauses in Roman and reads its abbreviations', () => {
    expect(toSpokenForm('uma 3ª feira, de 2ª a 6ª feira, na 4.ª-feira, a 3ª edição', 'pt-BR')).toBe(
      'uma terça-feira, de segunda a sexta-feira, na quarta-feira, a terceira edição',
    );
    expect(toSpokenForm('inciso I do art. 5º e o inciso IV', 'pt-BR')).toBe(
      'inciso um do artigo quinto e o inciso quatro',
    );
    expect(toSpokenForm('Comércio Ltda., apto. 32, 0,5 p.p. ao mês', 'pt-BR')).toBe(
      'Comércio limitada, apartamento trinta e dois, zero vírgula cinco ponto percentual ao mês',
    );
  });

  it('says acronyms joined by a slash side by side, and words so joined as alternatives', () => {
    expect(toSpokenForm('OAB/SP e/ou TCP/IP', 'pt-BR')).toBe('OAB SP e ou TCP IP');
    expect(toSpokenForm('TCP/IP and AC/DC, his/her, YES/NO', 'en-US')).toBe('TCP IP and AC DC, his or her, yes or NO');
  });
});

describe('held-out pages of this round', () => {
  it('reads the release notes and review as the narrator does', () => {
    const spoken = spokenPage('en-US-tech.txt', 'en-US');
    for (const reading of [
      'SAN JOSE, California, October fourteenth',
      'Python three point eleven point two or later',
      'bindings for C plus plus, C sharp and dot net',
      'p less than zero point zero five, across N equals one thousand two hundred fifty installs',
      'outputs at sixty hertz and a two point four gigahertz radio',
      'raised one point two million dollars from',
      'with a twenty twenty-one laptop',
      'over the ten gigabits per second port',
      'firmware, one point zero point three,',
      'one, eight zero zero, five five five, zero one nine nine, is open Monday to Friday',
      'four point seven by two point nine by zero point eight inches',
      'one hundred watts charging',
      'Verdict: eight out of ten.',
    ]) {
      expect(spoken).toContain(reading);
    }
  });

  it('reads the contract as the narrator does', () => {
    const spoken = spokenPage('pt-BR-contract.txt', 'pt-BR');
    for (const reading of [
      'número dois mil e vinte e quatro, zero um oito sete',
      'CEP zero um três um zero, um zero zero',
      'CNPJ sob o número um dois, três quatro cinco, seis sete oito, zero zero zero um, nove zero',
      'CPF um dois três, quatro cinco seis, sete oito nove, zero zero',
      'apartamento trinta e dois',
      'crédito no valor de mil duzentos e trinta e quatro reais e cinquenta e seis centavos, a ser pago',
      'zero vírgula cinco ponto percentual por mês',
      'Comércio limitada',
      'processo número zero zero zero um dois três quatro, cinco seis, dois zero dois quatro, oito, dois seis, zero um zero zero',
      'inciso dois',
      'antecedência mínima de trinta dias',
      'pelo telefone onze, três quatro cinco seis, sete oito nove zero ou',
      'uma terça-feira',
      'em duas vias',
      'OAB SP número',
    ]) {
      expect(spoken).toContain(reading);
    }
  });
});

describe('a megabyte of each new rule family', () => {
  const families: ReadonlyArray<[family: string, language: string, lines: string[]]> = [
    ['programming languages', 'en-US', ['C++', 'C# ', '.NET', 'C+', '#']],
    ['variables compared with numbers', 'en-US', ['p<0.05 ', 'N = 1 ', 'p<', 'a<b<']],
    ['sizes', 'en-US', ['4.7 x 2.9 x ', '1x', '1 x 1 x 1 x 1', 'x1']],
    ['sizes and scores', 'pt-BR', ['3 x 1 ', '3 x 4 m ', '3x1x']],
    ['money with a scale letter', 'en-US', ['$1.2M ', '$1.2', '$1M$1K']],
    ['versions of three parts', 'en-US', ['3.11.2 ', '1.', '1.1.1.1.1', '12.05.']],
    ['marks out of ten', 'en-US', ['Verdict: 8/10 ', 'rated 8/', 'score 1/1/1']],
    ['codes after their label', 'pt-BR', ['CPF 123.456.789-00 ', 'CEP sob o nº ', 'CPF 1.', 'CPF 1-1-1-1-1-1-1-1-1-1']],
    ['telephone numbers without a plus', 'en-US', ['1-800-555-0199 ', '(11) 3456-', '555-', '(1']],
    ['numbers with a leading zero', 'en-US', ['0187 ', '00', '0.0']],
    ['numbers written twice', 'pt-BR', ['30 (trinta) ', '30 (trinta', 'R$ 1 (mil ', 'trinta (30) ', '(1']],
    ['weekdays by ordinals and clauses in Roman', 'pt-BR', ['3ª feira ', '3ª', 'inciso II ', 'inciso ']],
    ['acronyms joined by a slash', 'pt-BR', ['OAB/SP ', 'OAB/', 'A/B/']],
  ];
  it.each(families)(
    '%s are read in linear time',
    async (_family, language, lines) => {
      await readsWhole(lines.map(megabyteOf), language);
    },
    HOSTILE_BUDGET_MS,
  );
});
