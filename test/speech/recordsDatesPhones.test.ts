/**
 * Rules from the round on a British family history and a Portuguese news digest (bench/data/normalization/heldout):
 * a season's record said with "and", money standing before its noun ("a five million-dollar contract"), a thousand
 * before a million's name ("mil milhões de euros"), a price per unit ("euros por litro"), a day before its month's
 * name ("the third of March"), a king's possessive, circa before an era mark, guineas, columns, law articles counted
 * as cardinals from the tenth, telephone numbers digit by digit and the point a wind blows from. Each family also reads a hostile line of a
 * megabyte; read in linear time, each takes about a second.
 */
import { toSpokenForm } from '../../core/speech/normalize';
import { HOSTILE_BUDGET_MS, megabyteOf, readsWhole, spokenPage } from './hostileAndHeldOut';

describe('a season record', () => {
  it('is said with "and" after the words that introduce a record, and joined records too', () => {
    expect(toSpokenForm('The Cardinals are 47-32 at home and 12-8 vs. left-handed starters.', 'en-US')).toBe(
      'The Cardinals are forty-seven and thirty-two at home and twelve and eight versus left-handed starters.',
    );
    expect(toSpokenForm('They went 10-6 in May, a 47-32 record; the Cubs fell to 81-74, 4 games back.', 'en-US')).toBe(
      'They went ten and six in May, a forty-seven and thirty-two record; the Cubs fell to eighty-one and seventy-four, four games back.',
    );
  });

  it('leaves scores and ranges with "to"', () => {
    expect(toSpokenForm('St. Louis beat Chicago 3-1 to move up.', 'en-US')).toBe(
      'Saint Louis beat Chicago three to one to move up.',
    );
    expect(toSpokenForm('The score was 2-1 at halftime.', 'en-US')).toBe('The score was two to one at halftime.');
    expect(toSpokenForm('The children are 5-10 years old.', 'en-US')).toBe('The children are five to ten years old.');
    expect(toSpokenForm('Prices are 10-15 mph.', 'en-US')).toBe('Prices are ten to fifteen miles per hour.');
  });

  it('stays a range where a verb that also leads a range comes before a rising pair, and odds keep "to"', () => {
    expect(toSpokenForm('The children were 5-7 when they left.', 'en-GB')).toBe(
      'The children were five to seven when they left.',
    );
    expect(toSpokenForm('His age was 40-45. Temperatures were 10-15 in the morning.', 'en-US')).toBe(
      'His age was forty to forty-five. Temperatures were ten to fifteen in the morning.',
    );
    expect(toSpokenForm('The odds were 5-1 against him.', 'en-GB')).toBe('The odds were five to one against him.');
    // A falling pair after the same verbs cannot be a range, and a record word makes a rising one a record.
    expect(
      toSpokenForm('The Cubs are 47-32 this season; the Reds are 32-47 this season, a 32-47 record.', 'en-US'),
    ).toBe(
      'The Cubs are forty-seven and thirty-two this season; the Reds are thirty-two to forty-seven this season, a thirty-two and forty-seven record.',
    );
  });

  it(
    'reads a megabyte of records and chains in linear time',
    async () => {
      await readsWhole(
        [
          ...[megabyteOf('are 47-32 and '), megabyteOf('1-2-3-'), megabyteOf('went 1-'), megabyteOf('record 1-2, ')],
          ...[megabyteOf('10-20% '), megabyteOf('1-2-3%'), megabyteOf('2.5-'), megabyteOf('were 5-7 ')],
        ],
        'en-US',
      );
    },
    HOSTILE_BUDGET_MS,
  );
});

describe('money', () => {
  it('before its noun after a determiner, as a modifier: the currency in the singular, joined by a hyphen', () => {
    expect(toSpokenForm('Hale signed a 5-year, $82.5 million contract in January.', 'en-US')).toBe(
      'Hale signed a five-year, eighty-two point five million-dollar contract in January.',
    );
    expect(toSpokenForm('an $8 million bonus, his £2 million transfer and a $5 bill', 'en-GB')).toBe(
      'an eight million-dollar bonus, his two million-pound transfer and a five-dollar bill',
    );
  });

  it('stays a sum where a function word or a participle follows, or no determiner stands before', () => {
    expect(toSpokenForm('the $2.5 million for the series; the $5 million raised', 'en-US')).toBe(
      'the two point five million dollars for the series; the five million dollars raised',
    );
    expect(toSpokenForm('paid a fine of $5 million today', 'en-US')).toBe('paid a fine of five million dollars today');
  });

  it('with a thousand before a million on the long scale, and per unit', () => {
    expect(toSpokenForm('um reforço de €2,5 mil milhões; 1,589 €/l', 'pt-PT')).toBe(
      'um reforço de dois vírgula cinco mil milhões de euros; um vírgula quinhentos e oitenta e nove euros por litro',
    );
    expect(toSpokenForm('€3 mil millones; $5/kg', 'es')).toBe(
      'tres mil millones de euros; cinco dólares por kilogramo',
    );
    expect(toSpokenForm('a subscription of 2 gns. to the bridge', 'en-GB')).toBe(
      'a subscription of two guineas to the bridge',
    );
  });

  it(
    'reads a megabyte of amounts before nouns, scales and rates in linear time',
    async () => {
      await readsWhole([megabyteOf('a 5-year, $1 million '), megabyteOf('$1/'), megabyteOf('1 €/1 $/l ')], 'en-US');
      await readsWhole([megabyteOf('€2,5 mil '), megabyteOf('€1 mil mil milhões '), megabyteOf('2 gns.')], 'pt-PT');
      await readsWhole([megabyteOf('2 gns '), megabyteOf('a b c $5 ')], 'en-GB');
    },
    HOSTILE_BUDGET_MS,
  );
});

describe('dates, kings, circa, columns, law articles and telephone numbers', () => {
  it('says a day before its month with the article and "of"', () => {
    expect(toSpokenForm('He died on 3 March 1871; the 7th of May; 5th Sept. 1855; 3–5 June', 'en-GB')).toBe(
      'He died on the third of March eighteen seventy-one; the seventh of May; the fifth of September eighteen fifty-five; three to five June',
    );
  });

  it("reads a king's possessive, circa before an era mark and a column", () => {
    expect(toSpokenForm("George III's illness and Charles I's head; Then I'd go", 'en-GB')).toBe(
      "George the Third's illness and Charles the First's head; Then I'd go",
    );
    expect(toSpokenForm('founded c. AD 43; p. 9, col. 4', 'en-GB')).toBe(
      'founded circa AD forty-three; page nine, column four',
    );
  });

  it('counts law articles with cardinals from the tenth, and reads a telephone number digit by digit', () => {
    expect(toSpokenForm('o art.º 64.º e o art. 5.º', 'pt-PT')).toBe('o artigo sessenta e quatro e o artigo quinto');
    expect(toSpokenForm('el art. 14.º', 'es')).toBe('el artículo catorce');
    expect(toSpokenForm('pelo tel. 213 447 000', 'pt-PT')).toBe(
      'pelo telefone dois um três, quatro quatro sete, zero zero zero',
    );
    expect(toSpokenForm('phone 0171 930 4832; tel. 12', 'en-GB')).toBe(
      'phone zero one seven one, nine three zero, four eight three two; telephone twelve',
    );
  });

  it('says the point a wind blows from by its name, not as a word in capitals', () => {
    expect(toSpokenForm('Vento de NO, até 40 km/h; ventos do quadrante N. O vento no mar.', 'pt-PT')).toBe(
      'Vento de noroeste, até quarenta quilómetros por hora; ventos do quadrante norte. O vento no mar.',
    );
    expect(toSpokenForm('vento de E', 'pt-BR')).toBe('vento de leste');
    expect(toSpokenForm('viento del NO y vientos del SE; el viento no sopla', 'es')).toBe(
      'viento del noroeste y vientos del sudeste; el viento no sopla',
    );
  });

  it(
    'reads a megabyte of each in linear time',
    async () => {
      await readsWhole(
        [megabyteOf('3 '), megabyteOf('1–3 March '), megabyteOf('3rd of '), megabyteOf("George III's ")],
        'en-GB',
      );
      await readsWhole(
        [megabyteOf("Abc I'"), megabyteOf('c. AD '), megabyteOf('col. 4 '), megabyteOf('phone 1 ')],
        'en-GB',
      );
      await readsWhole([megabyteOf('tel. 12 345 '), megabyteOf('telefone 1-'), megabyteOf('artigo 64.º ')], 'pt-PT');
      await readsWhole([megabyteOf('vento de NO '), megabyteOf('vento '), megabyteOf('ventos do N. ')], 'pt-PT');
    },
    HOSTILE_BUDGET_MS,
  );
});

describe('held-out pages of this round', () => {
  it('reads the British family history as the narrator does', () => {
    const spoken = spokenPage('en-GB-history.txt', 'en-GB');
    for (const reading of [
      'His ledger for eighteen fifteen survives',
      'two hundred and fifty pounds',
      'circa AD forty-three',
      'two guineas',
      "George the Third's illness",
      "William the Fourth's godson",
      'on the fifth of September eighteen fifty-five',
      'on the third of March eighteen seventy-one',
      'the seventh of March eighteen seventy-one',
      'page nine, column four',
    ]) {
      expect(spoken).toContain(reading);
    }
  });

  it('reads the Portuguese news digest as the narrator does', () => {
    const spoken = spokenPage('pt-PT-news.txt', 'pt-PT');
    for (const reading of [
      'dois vírgula cinco mil milhões de euros',
      'o artigo sessenta e quatro da Constituição',
      'um vírgula quinhentos e oitenta e nove euros por litro',
      'um vírgula setecentos e quarenta e dois euros por litro',
      'pelo telefone dois um três, quatro quatro sete, zero zero zero',
      'Vento de noroeste',
    ]) {
      expect(spoken).toContain(reading);
    }
  });
});
