import { toCardinal, toOrdinal } from 'n2words/pt-PT';
import { givenNameGender } from './givenNames';
import { digitsOneByOne, monthsAfter, nounPairs, type LanguageRules } from './normalize.rules';
import { cardinalOnScale, type NumberScale, type ScaleWords } from './normalize.scales';
import { PORTUGUESE_MEASURE_UNITS } from './normalize.measures';
import { PORTUGUESE_NUMBERED_ACTS } from './normalize.official';
import {
  BRAZILIAN_SCALE_LETTERS,
  PORTUGUESE_TRADE_ABBREVIATIONS,
  PORTUGUESE_TRADE_DOTTED_UNITS,
  PORTUGUESE_TRADE_UNITS,
  PORTUGUESE_TRADE_WORDS,
} from './normalize.trade';

/** Capitalised at a sentence start without being names ("Em", "E"); see LanguageRules.functionWords. */
const PORTUGUESE_FUNCTION_WORDS: ReadonlySet<string> = new Set([
  ...['o', 'a', 'os', 'as', 'um', 'uma', 'uns', 'umas', 'e', 'ou', 'nem', 'mas', 'porém', 'que', 'se', 'não'],
  ...['como', 'quando', 'onde', 'enquanto', 'porque', 'pois', 'ante', 'após', 'até', 'com', 'contra', 'de', 'do'],
  ...['da', 'dos', 'das', 'desde', 'em', 'no', 'na', 'nos', 'nas', 'entre', 'para', 'por', 'pelo', 'pela', 'sem'],
  ...['sob', 'sobre', 'eu', 'tu', 'ele', 'ela', 'nós', 'vós', 'eles', 'elas', 'meu', 'minha', 'seu', 'sua'],
  ...['este', 'esta', 'esse', 'essa', 'aquele', 'aquela', 'então', 'depois', 'já', 'sim', 'também', 'disse'],
  ...['adeus', 'ao', 'à', 'às', 'aos', 'era'],
]);

/** "D." is Dom before a man's name and Dona before a woman's; undecided, Dona, by far the commoner in novels. */
/** Words before "R." when it is a street ("na R. Direita", "da R. do Ouvidor"); elsewhere it is an initial. */
const BEFORE_A_STREET: ReadonlySet<string> = new Set(['a', 'à', 'na', 'da', 'pela', 'para', 'numa', 'duma', 'até']);
/** Words before "N. S." when it is Our Lady ("igreja de N. S. da Glória", "à N. S. do Carmo"). */
const BEFORE_OUR_LADY: ReadonlySet<string> = new Set(['a', 'à', 'de', 'da', 'na', 'pela', 'com', 'ante']);

const donaOrDom = (name: string | undefined) => (givenNameGender(name) === 'masculine' ? 'Dom' : 'Dona');

/**
 * "S." before a saint's name (or a place named after one): Santa for a woman, Santo before a vowel or h ("Santo
 * Antonio", "Santo Hilário"), São otherwise ("S. Paulo" → São Paulo, "S. Thomaz" → São Thomaz).
 */
function saint(name: string | undefined): string {
  if (givenNameGender(name) === 'feminine') return 'Santa';
  return name && /^[aeiouháéíóúâêô]/iu.test(name) ? 'Santo' : 'São';
}

/** n2words has European Portuguese only; Brazilian forms differ in a few teens. */
function brazilian(words: string): string {
  return words
    .replace(/\bdezasseis\b/g, 'dezesseis')
    .replace(/\bdezassete\b/g, 'dezessete')
    .replace(/\bdezanove\b/g, 'dezenove');
}

/** The end of the last name of a million or more ("milhões", "bilião"): these are masculine nouns. */
const SCALE_NAME_END = /(?:lh|li)(?:ão|ões)(?= |$)/gu;

/**
 * The feminine of a cardinal agrees in the part that counts the feminine noun, not in the millions, which are
 * masculine nouns themselves: "duas mil libras", "duzentas e uma casas", "dois milhões e duzentas mil libras".
 */
function feminine(words: string): string {
  let countedFrom = 0;
  for (const scaleName of words.matchAll(SCALE_NAME_END)) countedFrom = scaleName.index + scaleName[0].length;
  const counted = words
    .slice(countedFrom)
    .replace(/(?<!\p{L})um(?!\p{L})/gu, 'uma')
    .replace(/(?<!\p{L})dois(?!\p{L})/gu, 'duas')
    .replace(/entos(?!\p{L})/gu, 'entas');
  return words.slice(0, countedFrom) + counted;
}

function feminineOrdinal(words: string): string {
  return words.replace(/o\b/g, 'a');
}

/** The parts a whole is divided into, as fractions name them; other denominators take "avos" ("doze avos"). */
const PORTUGUESE_FRACTION_PARTS: Record<number, string> = {
  2: 'meio',
  3: 'terço',
  4: 'quarto',
  5: 'quinto',
  6: 'sexto',
  7: 'sétimo',
  8: 'oitavo',
  9: 'nono',
  10: 'décimo',
  100: 'centésimo',
  1000: 'milésimo',
};

/** Brazil counts on the short scale, Portugal (like the rest of Europe) on the long one (normalize.scales.ts). */
const SHORT_SCALE: NumberScale = {
  names: [
    ['milhão', 'milhões'],
    ['bilhão', 'bilhões'],
    ['trilhão', 'trilhões'],
    ['quatrilhão', 'quatrilhões'],
    ['quintilhão', 'quintilhões'],
  ],
  step: 1000n,
};
const LONG_SCALE: NumberScale = {
  names: [
    ['milhão', 'milhões'],
    ['bilião', 'biliões'],
    ['trilião', 'triliões'],
  ],
  step: 1_000_000n,
};

/**
 * Whether Portuguese says "e" before this part of a number: the part is the last one that is not zero and holds a
 * single class (of three digits) that is under a hundred or a round hundred ("três milhões e duzentos mil", "um
 * milhão e cinquenta", "mil milhões e duzentos mil", but "dois mil quinhentos e cinquenta").
 */
function takesAnd(part: bigint): boolean {
  if (part <= 0n) return false;
  let scale = 1n;
  while (part % (scale * 1000n) === 0n) scale *= 1000n;
  const lastClass = part / scale;
  return lastClass < 1000n && (lastClass < 100n || lastClass % 100n === 0n);
}

/** Under a million: n2words' words, with the "e" before a round hundred that n2words leaves out (takesAnd). */
function underAMillion(value: bigint): string {
  const words = toCardinal(value);
  const thousands = value / 1000n;
  const units = value % 1000n;
  if (thousands === 0n || units === 0n || !takesAnd(units)) return words;
  const head = toCardinal(thousands * 1000n);
  const tail = toCardinal(units);
  return words === `${head} ${tail}` ? `${head} e ${tail}` : words;
}

const MONTHS = [
  ...['janeiro', 'fevereiro', 'março', 'abril', 'maio', 'junho', 'julho', 'agosto', 'setembro', 'outubro'],
  ...['novembro', 'dezembro'],
];

export function portugueseRules(variant: 'BR' | 'PT'): LanguageRules {
  const localize = variant === 'BR' ? brazilian : (words: string) => words;
  // "dois bilhões e quinhentos milhões" (pt-BR), "dois mil e quinhentos milhões" (pt-PT) for 2.5 × 10⁹.
  const scaleWords: ScaleWords = {
    scale: variant === 'BR' ? SHORT_SCALE : LONG_SCALE,
    underAMillion,
    joinLast: (part) => (takesAnd(part) ? 'e' : undefined),
  };
  const cardinal = (value: bigint, isFeminine?: boolean) => {
    const words = localize(cardinalOnScale(value, scaleWords, toCardinal));
    return isFeminine ? feminine(words) : words;
  };
  const rules: LanguageRules = {
    cardinal,
    singularBelowTwo: variant === 'BR',
    ordinal: (value, isFeminine) => (isFeminine ? feminineOrdinal(toOrdinal(value)) : toOrdinal(value)),
    // "um milhão de reais", "dois bilhões de pessoas": a number ending in a name of a million or more takes "de".
    beforeNoun: (value, isFeminine) => cardinal(value, isFeminine).replace(/((?:lh|li)(?:ão|ões))$/u, '$1 de'),
    fraction: (digits) => (digits.startsWith('0') ? digitsOneByOne(digits, rules) : cardinal(BigInt(digits))),
    clock(hours, minutes) {
      if (minutes === 0) return hours === 1 ? 'uma hora' : `${cardinal(BigInt(hours), true)} horas`;
      // Half past is "e meia" in Brazil and Portugal alike ("três e meia"); other minutes are counted.
      if (minutes === 30) return `${cardinal(BigInt(hours), true)} e meia`;
      return `${cardinal(BigInt(hours), true)} e ${cardinal(BigInt(minutes))}`;
    },
    // Kings and popes take ordinals up to ten ("D. Pedro segundo", "Pio nono"), cardinals after ("Luís catorze"); a
    // queen's ordinal agrees with her ("D. Maria primeira").
    regnal: (value, isFeminine) => (value <= 10 ? rules.ordinal(value, isFeminine === true) : cardinal(BigInt(value))),
    loneIIsPronoun: false,
    centuryWords: new Set(['século', 'séculos', 'seculo', 'seculos']),
    vulgarFractions: {
      '½': { alone: 'meio', after: 'e meio', afterFeminine: 'e meia', aloneFeminine: 'meia' },
      '¼': { alone: 'um quarto', after: 'e um quarto' },
      '¾': { alone: 'três quartos', after: 'e três quartos' },
      '⅓': { alone: 'um terço', after: 'e um terço' },
      '⅔': { alone: 'dois terços', after: 'e dois terços' },
      '⅛': { alone: 'um oitavo', after: 'e um oitavo' },
    },
    measureNouns: {
      feminine: [
        ['hora', 'horas'],
        ['libra', 'libras'],
        ['légua', 'léguas'],
        ['vara', 'varas'],
        ['milha', 'milhas'],
        ['arroba', 'arrobas'],
        ['onça', 'onças'],
        ['polegada', 'polegadas'],
        ['semana', 'semanas'],
        ['dúzia', 'dúzias'],
        // The kitchen's measures, as recipes write them ("1/2 xícara", "2 colheres").
        ['xícara', 'xícaras'],
        ['chávena', 'chávenas'],
        ['colher', 'colheres'],
        ['colherinha', 'colherinhas'],
        ['lata', 'latas'],
        ['pitada', 'pitadas'],
      ],
      masculine: [
        ['quilo', 'quilos'],
        ['ano', 'anos'],
        ['mês', 'meses'],
        ['dia', 'dias'],
        ['segundo', 'segundos'],
        ['grau', 'graus'],
        ['pé', 'pés'],
        ['palmo', 'palmos'],
        ['passo', 'passos'],
        ['alqueire', 'alqueires'],
        ['século', 'séculos'],
        ['copo', 'copos'],
        ['pacote', 'pacotes'],
      ],
      partOf: 'de',
      sizes: ['chá', 'sopa', 'café', 'sobremesa'],
    },
    feminineEndings: ['ção', 'ções', 'são', 'sões', 'dade', 'dades', 'tude', 'tudes'],
    feminineNouns: nounPairs(
      'vez vezes, pessoa pessoas, casa casas, coisa coisas, mulher mulheres, noite noites, manhã manhãs, ' +
        'tarde tardes, página páginas, folha folhas, palavra palavras, linha linhas, carta cartas, rua ruas, ' +
        'porta portas, janela janelas, mesa mesas, cadeira cadeiras, garrafa garrafas, moeda moedas, ' +
        'pataca patacas, menina meninas, filha filhas, irmã irmãs, senhora senhoras, dama damas, vida vidas, ' +
        'parte partes, cabeça cabeças, cidade cidades, ilha ilhas, montanha montanhas, vaca vacas, ' +
        'ovelha ovelhas, cabra cabras, galinha galinhas, mula mulas, égua éguas, tonelada toneladas, ' +
        'jarda jardas, unidade unidades, lição lições, canção canções, estrela estrelas, alma almas',
    ),
    hoursAndMinutesWord: 'e',
    clockLeadIns: ['às', 'as', 'das', 'pelas', 'à'],
    clockSpanWords: { opening: ['de', 'desde', 'entre'], joining: ['a', 'até', 'e'] },
    // Day first: "12/05/1890" → "doze de maio de mil oitocentos e noventa"; the first day is "primeiro".
    numericDates: {
      order: 'day-month',
      wordsBefore: new Set(['em', 'no', 'de', 'dia', 'data', 'desde', 'até']),
      say: (day, month, year) =>
        `${day === 1 ? 'primeiro' : cardinal(BigInt(day))} de ${MONTHS[month - 1]} de ${cardinal(BigInt(year.value))}`,
    },
    fractionName(numerator, denominator) {
      const count = cardinal(BigInt(numerator));
      const part = PORTUGUESE_FRACTION_PARTS[denominator];
      if (!part) return `${count} ${cardinal(BigInt(denominator))} avos`;
      return `${count} ${part}${numerator === 1 ? '' : 's'}`;
    },
    or: () => 'ou',
    and: () => 'e',
    // "o § 2" is "o parágrafo dois", as law and older books read the sign.
    sectionSign: { one: 'parágrafo', many: 'parágrafos' },
    numberSign: 'número',
    plusOrMinus: 'mais ou menos',
    signWords: {
      plus: 'mais',
      about: 'aproximadamente',
      atLeast: 'maior ou igual a',
      atMost: 'menor ou igual a',
      moreThan: 'mais de',
      lessThan: 'menos de',
      equals: 'igual a',
    },
    numberOfYearWord: 'de',
    numberedActs: PORTUGUESE_NUMBERED_ACTS,
    matchMinutes: { after: new Set(['aos']), words: ['minuto', 'minutos'] },
    dayPart(hour, afterNoon) {
      if (afterNoon) return hour === 12 ? 'do meio-dia' : hour < 7 ? 'da tarde' : 'da noite';
      return hour === 12 ? 'da noite' : hour < 6 ? 'da madrugada' : 'da manhã';
    },
    partsNoun: ['parte', 'partes'],
    webWords: { at: 'arroba', dot: 'ponto', slash: 'barra' },
    perWord: 'por',
    powers: {
      times: 'vezes',
      raise: (base, exponent) =>
        `${base} elevado a ${exponent < 0 ? 'menos ' : ''}${cardinal(BigInt(Math.abs(exponent)))}`,
    },
    ratioWord: 'para',
    bloodPressureWords: { over: 'por', unit: 'milímetros de mercúrio' },
    milestone: { after: new Set(['o', 'no', 'do', 'ao']), word: variant === 'BR' ? 'quilômetro' : 'quilómetro' },
    versionWords: { word: 'versão', point: 'ponto' },
    perUnitsOnly: { s: ['segundo', 'segundos'] },
    splitJoiner: ' ',
    mixedNumberWord: 'e',
    feminineArticles: new Set(['a', 'as', 'à', 'às', 'uma']),
    decimalWord: 'vírgula',
    minusWord: 'menos',
    percentWord: 'por cento',
    perMilleWord: 'por mil',
    rangeWord: 'a',
    andWord: 'e',
    thousandsSeparator: '.',
    // Laws number their articles and paragraphs with ordinals to the ninth and cardinals after ("art. 5.º" is
    // "artigo quinto", "art.º 64.º" "artigo sessenta e quatro").
    cardinalOrdinalsAfter: {
      words: new Set(['artigo', 'artigos', 'parágrafo', 'parágrafos', 'verba', 'verbas']),
      from: 10,
    },
    windPoints: {
      after: ['vento de', 'vento do', 'ventos de', 'ventos do', 'vento', 'ventos', 'rumo a', 'rumo ao', 'quadrante'],
      points: {
        N: 'norte',
        S: 'sul',
        E: variant === 'BR' ? 'leste' : 'este',
        O: 'oeste',
        W: 'oeste',
        NE: 'nordeste',
        NO: 'noroeste',
        NW: 'noroeste',
        SE: 'sudeste',
        SO: 'sudoeste',
        SW: 'sudoeste',
      },
    },
    phoneWords: ['telefone', 'telefones', 'telemóvel', 'celular', 'fone', 'fax'],
    moneyScales: {
      mil: '',
      milhão: 'de',
      milhões: 'de',
      bilhão: 'de',
      bilhões: 'de',
      bilião: 'de',
      biliões: 'de',
      trilhão: 'de',
      trilhões: 'de',
    },
    currencies: {
      $: { one: 'dólar', many: 'dólares', centOne: 'centavo', centMany: 'centavos' },
      US$: { one: 'dólar americano', many: 'dólares americanos', centOne: 'centavo', centMany: 'centavos' },
      '€': { one: 'euro', many: 'euros', centOne: 'cêntimo', centMany: 'cêntimos' },
      '£': { one: 'libra', many: 'libras', centOne: 'pêni', centMany: 'pence', feminine: true },
      'S/': { one: 'sol', many: 'soles', centOne: 'cêntimo', centMany: 'cêntimos' },
      R$: { one: 'real', many: 'reais', centOne: 'centavo', centMany: 'centavos' },
    },
    ...PORTUGUESE_TRADE_WORDS,
    // Brazilian papers shorten the names of millions and billions after an amount ("R$ 32,6 bi", "1,2 mi de").
    ...(variant === 'BR' ? { moneyScaleLetters: BRAZILIAN_SCALE_LETTERS } : {}),
    units: {
      ...PORTUGUESE_TRADE_UNITS,
      ...PORTUGUESE_MEASURE_UNITS,
      'km/h': [
        variant === 'BR' ? 'quilômetro por hora' : 'quilómetro por hora',
        variant === 'BR' ? 'quilômetros por hora' : 'quilómetros por hora',
      ],
      // Areas and volumes: the power is part of the unit ("1 km³", "300 m²").
      'km²': [
        variant === 'BR' ? 'quilômetro quadrado' : 'quilómetro quadrado',
        variant === 'BR' ? 'quilômetros quadrados' : 'quilómetros quadrados',
      ],
      'm²': ['metro quadrado', 'metros quadrados'],
      'cm²': ['centímetro quadrado', 'centímetros quadrados'],
      'km³': [
        variant === 'BR' ? 'quilômetro cúbico' : 'quilómetro cúbico',
        variant === 'BR' ? 'quilômetros cúbicos' : 'quilómetros cúbicos',
      ],
      'm³': ['metro cúbico', 'metros cúbicos'],
      'cm³': ['centímetro cúbico', 'centímetros cúbicos'],
      km: [variant === 'BR' ? 'quilômetro' : 'quilómetro', variant === 'BR' ? 'quilômetros' : 'quilómetros'],
      cm: ['centímetro', 'centímetros'],
      mm: ['milímetro', 'milímetros'],
      m: ['metro', 'metros'],
      kg: ['quilograma', 'quilogramas'],
      t: ['tonelada', 'toneladas', true],
      kcal: ['quilocaloria', 'quilocalorias', true],
      mg: ['miligrama', 'miligramas'],
      g: ['grama', 'gramas'],
      ml: ['mililitro', 'mililitros'],
      dL: ['decilitro', 'decilitros'],
      dl: ['decilitro', 'decilitros'],
      kB: ['kilobyte', 'kilobytes'],
      KB: ['kilobyte', 'kilobytes'],
      MB: ['megabyte', 'megabytes'],
      GB: ['gigabyte', 'gigabytes'],
      TB: ['terabyte', 'terabytes'],
      l: ['litro', 'litros'],
      mph: ['milha por hora', 'milhas por hora', true],
      lb: ['libra', 'libras', true],
      '°C': ['grau Celsius', 'graus Celsius'],
      '°F': ['grau Fahrenheit', 'graus Fahrenheit'],
      h: ['hora', 'horas', true],
      min: ['minuto', 'minutos'],
    },
    reis: { conto: ['conto', 'contos'], reis: 'réis' },
    escudos: { escudo: ['escudo', 'escudos'], centavo: ['centavo', 'centavos'] },
    // Brazil counted in mil-réis until 1942; Portugal's "20$" is twenty escudos (or the same sum in réis, before 1911).
    bareCifrao: variant === 'BR' ? 'reis' : 'escudos',
    angles: {
      degree: ['grau', 'graus'],
      minute: ['minuto', 'minutos'],
      second: ['segundo', 'segundos'],
      compass: { N: 'norte', S: 'sul', E: variant === 'BR' ? 'leste' : 'este', O: 'oeste', W: 'oeste' },
    },
    degreesBefore: {
      words: [
        ...['de latitude', 'de longitude', 'latitude', 'longitude', 'norte', 'sul', 'leste', 'este', 'oeste'],
        ...['à sombra', 'ao sol', 'de calor', 'de frio', 'de febre', 'centígrados', 'acima de zero', 'abaixo de zero'],
      ],
      unit: ['grau', 'graus'],
    },
    // Old money after a number ("30 rs." réis).
    dottedUnits: { rs: ['real', 'réis'], ...PORTUGUESE_TRADE_DOTTED_UNITS },
    abbreviations: [
      ...PORTUGUESE_TRADE_ABBREVIATIONS,
      { written: 'Srta.', spoken: 'senhorita', title: true },
      { written: 'Sra.', spoken: 'senhora', title: true },
      { written: 'Sr.', spoken: 'senhor', title: true },
      { written: 'Srs.', spoken: 'senhores', title: true },
      { written: 'Sras.', spoken: 'senhoras', title: true },
      { written: 'Dr.ª', spoken: 'doutora', title: true },
      { written: 'Dra.', spoken: 'doutora', title: true },
      { written: 'Dr.', spoken: 'doutor', title: true },
      { written: 'Dª', spoken: 'Dona', title: true },
      { written: 'D.ª', spoken: 'Dona', title: true },
      { written: 'D.', spoken: donaOrDom, when: 'notAfterName', title: true },
      { written: 'S.', spoken: saint, when: 'beforeSaint', title: true },
      { written: 'Sto.', spoken: 'Santo', title: true },
      { written: 'Sta.', spoken: 'Santa', title: true },
      // Older Portuguese prints raise the abbreviation's last letters after a period: "S.ta", "Sr.ª", "P.e".
      { written: 'S.to', spoken: 'Santo', title: true },
      { written: 'S.ta', spoken: 'Santa', title: true },
      { written: 'Sr.ª', spoken: 'senhora', title: true },
      { written: 'Sr.a', spoken: 'senhora', title: true },
      { written: 'P.e', spoken: 'padre', when: 'beforeName', title: true },
      { written: 'N. S.', spoken: 'Nossa Senhora', when: 'beforeParticleName', after: BEFORE_OUR_LADY, title: true },
      { written: 'N. Sra.', spoken: 'Nossa Senhora', title: true },
      { written: 'R.', spoken: 'rua', when: 'beforePlaceName', after: BEFORE_A_STREET, title: true },
      // Without a word that stands before a street, a name and its number tell an address: "agora R. da Quitanda, 48".
      { written: 'R.', spoken: 'rua', when: 'beforeAddress', title: true },
      // Streets' kinds no first name shortens to: before a place's name they are the street.
      { written: 'Pça.', spoken: 'praça', when: 'beforePlaceName', title: true },
      { written: 'Pç.', spoken: 'praça', when: 'beforePlaceName', title: true },
      { written: 'Trav.', spoken: 'travessa', when: 'beforePlaceName', title: true },
      { written: 'E.U.A.', spoken: 'Estados Unidos' },
      { written: 'E. U. A.', spoken: 'Estados Unidos' },
      { written: 'i. e.', spoken: 'isto é' },
      { written: 'i.e.', spoken: 'isto é' },
      { written: 'S. M.', spoken: 'Sua Majestade', when: 'amongWords', title: true },
      { written: 'Profa.', spoken: 'professora', title: true },
      { written: 'Prof.', spoken: 'professor', title: true },
      { written: 'Snr.', spoken: 'senhor', title: true },
      { written: 'Snra.', spoken: 'senhora', title: true },
      { written: 'Fr.', spoken: 'frei', when: 'beforeName', title: true },
      { written: 'Pe.', spoken: 'padre', when: 'beforeName', title: true },
      { written: 'Cons.', spoken: 'conselheiro', when: 'beforeName', title: true },
      { written: 'Des.', spoken: 'desembargador', when: 'beforeName', title: true },
      { written: 'Ill.mo', spoken: 'ilustríssimo', title: true },
      { written: 'Ill.ma', spoken: 'ilustríssima', title: true },
      { written: 'Illmo.', spoken: 'ilustríssimo', title: true },
      { written: 'Illma.', spoken: 'ilustríssima', title: true },
      { written: 'Ex.mo', spoken: 'excelentíssimo', title: true },
      { written: 'Ex.ma', spoken: 'excelentíssima', title: true },
      { written: 'Vm.ce', spoken: 'vossemecê' },
      { written: 'Vmce.', spoken: 'vossemecê' },
      { written: 'Vmcê', spoken: 'vossemecê' },
      { written: 'V. M.', spoken: 'Vossa Majestade', when: 'amongWords', title: true },
      { written: 'V. A.', spoken: 'Vossa Alteza', when: 'amongWords', title: true },
      { written: 'Mme.', spoken: 'madame', title: true },
      { written: 'Mlle.', spoken: 'mademoiselle', title: true },
      { written: 'V. Exa.', spoken: 'Vossa Excelência', title: true },
      { written: 'V. Exª', spoken: 'Vossa Excelência', title: true },
      { written: 'V. Ex.ª', spoken: 'Vossa Excelência', title: true },
      { written: 'S. Exa.', spoken: 'Sua Excelência', title: true },
      { written: 'S. Exª', spoken: 'Sua Excelência', title: true },
      { written: 'S. Ex.ª', spoken: 'Sua Excelência', title: true },
      { written: 'V. Sa.', spoken: 'Vossa Senhoria', title: true },
      { written: 'V. Sª', spoken: 'Vossa Senhoria', title: true },
      { written: 'V. S.ª', spoken: 'Vossa Senhoria', title: true },
      { written: 'Exa.', spoken: 'Excelência', title: true },
      { written: 'Exª', spoken: 'Excelência', title: true },
      { written: 'Ex.ª', spoken: 'Excelência', title: true },
      { written: 'Exmo.', spoken: 'excelentíssimo', title: true },
      { written: 'Exma.', spoken: 'excelentíssima', title: true },
      { written: 'Ilmo.', spoken: 'ilustríssimo', title: true },
      { written: 'Ilma.', spoken: 'ilustríssima', title: true },
      { written: 'Av.', spoken: 'avenida', title: true },
      { written: 'aprox.', spoken: 'aproximadamente' },
      // "Rua Direita, s/n": an address without a number.
      { written: 's/n', spoken: 'sem número' },
      // The era after a year: "em 192 a.C.", "no ano 711 d.C.".
      { written: 'a. C.', spoken: 'antes de Cristo', when: 'afterNumber' },
      { written: 'a.C.', spoken: 'antes de Cristo', when: 'afterNumber' },
      { written: 'd. C.', spoken: 'depois de Cristo', when: 'afterNumber' },
      { written: 'd.C.', spoken: 'depois de Cristo', when: 'afterNumber' },
      { written: 'fig.', spoken: 'figura', when: 'beforeNumber', title: true },
      { written: 'figs.', spoken: 'figuras', when: 'beforeNumber', title: true },
      // Numbering words before a number or a Roman numeral: "vol. II, pág. 23".
      { written: 'vol.', spoken: 'volume', when: 'beforeNumber', title: true },
      { written: 'vols.', spoken: 'volumes', title: true },
      { written: 'cap.', spoken: 'capítulo', when: 'beforeNumber', title: true },
      // Before a name it is the rank: "sob o cap. Ruas".
      { written: 'cap.', spoken: 'capitão', when: 'beforeName', title: true },
      { written: 'pág.', spoken: 'página', when: 'beforeNumber', title: true },
      { written: 'págs.', spoken: 'páginas', when: 'beforeNumber', title: true },
      { written: 'p.', spoken: 'página', when: 'beforeNumber', title: true },
      { written: 'pp.', spoken: 'páginas', when: 'beforeNumber', title: true },
      // "v." (ver) is an initial elsewhere; before a page reference it sends the reader there: "(v. pp. 40-52)".
      { written: 'v. pp.', spoken: 'ver páginas', when: 'beforeNumber', title: true },
      { written: 'v. p.', spoken: 'ver página', when: 'beforeNumber', title: true },
      { written: 'v. pág.', spoken: 'ver página', when: 'beforeNumber', title: true },
      { written: 'fl.', spoken: 'folha', when: 'beforeNumber', title: true },
      { written: 'fls.', spoken: 'folhas', when: 'beforeNumber', title: true },
      { written: 'liv.', spoken: 'livro', when: 'beforeNumber', title: true },
      { written: 'séc.', spoken: 'século', when: 'beforeNumber', title: true },
      { written: 'sécs.', spoken: 'séculos', when: 'beforeNumber', title: true },
      { written: 'pág.', spoken: 'página', title: true },
      // Laws and coordinates: "o art. 5.º, inc. III" (a Roman numeral after a numbering word is a cardinal), "lat. 23°".
      { written: 'art.', spoken: 'artigo', when: 'beforeNumber', title: true },
      { written: 'arts.', spoken: 'artigos', when: 'beforeNumber', title: true },
      // Portugal's raised ending: "o art.º 64.º".
      { written: 'art.º', spoken: 'artigo', when: 'beforeNumber', title: true },
      { written: 'arts.º', spoken: 'artigos', when: 'beforeNumber', title: true },
      { written: 'tel.', spoken: 'telefone', when: 'beforeNumber', title: true },
      { written: 'tlf.', spoken: 'telefone', when: 'beforeNumber', title: true },
      { written: 'tlm.', spoken: 'telemóvel', when: 'beforeNumber', title: true },
      { written: 'inc.', spoken: 'inciso', when: 'beforeNumber', title: true },
      { written: 'incs.', spoken: 'incisos', when: 'beforeNumber', title: true },
      { written: 'lat.', spoken: 'latitude', when: 'beforeNumber', title: true },
      { written: 'long.', spoken: 'longitude', when: 'beforeNumber', title: true },
      // The side of the landing after an address's floor: "R. das Flores, 87, 1.º esq.", "2.º dt.º".
      { written: 'esq.', spoken: 'esquerdo', when: 'afterNumber' },
      { written: 'dt.º', spoken: 'direito', when: 'afterNumber' },
      { written: 'dto.', spoken: 'direito', when: 'afterNumber' },
      { written: 'Univ.', spoken: 'Universidade', when: 'beforeParticleName', title: true },
      // The closing of older letters: "Att.º venerador e criado".
      { written: 'Att.º', spoken: 'atento' },
      { written: 'Att.ª', spoken: 'atenta' },
      { written: 'nº', spoken: 'número', title: true },
      { written: 'n.º', spoken: 'número', title: true },
      { written: 'n.°', spoken: 'número', title: true },
      // Professions before a name, as Portugal writes them with a raised ending: "Eng.º Rui Almeida", "Arq.ª Nunes".
      { written: 'Eng.º', spoken: 'engenheiro', when: 'beforeName', title: true },
      { written: 'Eng.ª', spoken: 'engenheira', when: 'beforeName', title: true },
      { written: 'Eng.', spoken: 'engenheiro', when: 'beforeName', title: true },
      { written: 'Arq.º', spoken: 'arquiteto', when: 'beforeName', title: true },
      { written: 'Arq.ª', spoken: 'arquiteta', when: 'beforeName', title: true },
      { written: 'Arq.', spoken: 'arquiteto', when: 'beforeName', title: true },
      // The ground floor of a Portuguese address ("r/c Dto."), a floor like "1.º" for the side of the landing after it.
      { written: 'r/c', spoken: 'rés-do-chão' },
      { written: 'n.', spoken: 'número', when: 'beforeNumber', title: true },
      // Months abbreviated in dates, only next to a day or a year ("3 de ago. de 1857"): alone they may be words.
      { written: 'jan.', spoken: 'janeiro', when: 'inDate' },
      { written: 'fev.', spoken: 'fevereiro', when: 'inDate' },
      { written: 'mar.', spoken: 'março', when: 'inDate' },
      { written: 'abr.', spoken: 'abril', when: 'inDate' },
      { written: 'mai.', spoken: 'maio', when: 'inDate' },
      { written: 'jun.', spoken: 'junho', when: 'inDate' },
      { written: 'jul.', spoken: 'julho', when: 'inDate' },
      { written: 'ago.', spoken: 'agosto', when: 'inDate' },
      { written: 'set.', spoken: 'setembro', when: 'inDate' },
      { written: 'out.', spoken: 'outubro', when: 'inDate' },
      { written: 'nov.', spoken: 'novembro', when: 'inDate' },
      { written: 'dez.', spoken: 'dezembro', when: 'inDate' },
      // After a preposition of time a month needs no day ("até set."); "mar." (the sea) and "dez." (ten) stay words.
      ...monthsAfter(new Set(['até', 'desde', 'em']), [
        ['jan.', 'janeiro'],
        ['fev.', 'fevereiro'],
        ['abr.', 'abril'],
        ['jun.', 'junho'],
        ['jul.', 'julho'],
        ['ago.', 'agosto'],
        ['set.', 'setembro'],
        ['out.', 'outubro'],
        ['nov.', 'novembro'],
      ]),
      { written: 'etc.', spoken: 'etcétera' },
      { written: '&c.', spoken: 'etcétera' },
    ],
    titles: new Set([
      ...['senhor', 'senhora', 'senhorita', 'dom', 'dona', 'doutor', 'doutora', 'frei', 'padre', 'madre', 'são'],
      ...['santo', 'santa', 'rei', 'rainha', 'el-rei', 'príncipe', 'princesa', 'infante', 'infanta', 'conde'],
      ...['condessa', 'duque', 'duquesa', 'marquês', 'marquesa', 'barão', 'baronesa', 'visconde', 'viscondessa'],
      ...['capitão', 'coronel', 'general', 'excelentíssimo', 'excelentíssima', 'excellentissimo'],
      ...['excellentissima', 'ilustríssimo', 'ilustríssima', 'illustrissimo', 'illustrissima', 'excelência'],
      ...['tio', 'tia', 'mestre', 'nhô', 'nhá', 'sinhá', 'sinhô', 'iaiá', 'ioiô'],
    ]),
    functionWords: PORTUGUESE_FUNCTION_WORDS,
    headingLabels: {
      capitulo: 'Capítulo',
      'cap.': 'Capítulo',
      parte: 'Parte',
      livro: 'Livro',
      tomo: 'Tomo',
      volume: 'Volume',
      secao: variant === 'BR' ? 'Seção' : 'Secção',
      seccao: variant === 'BR' ? 'Seção' : 'Secção',
      carta: 'Carta',
      canto: 'Canto',
      acto: variant === 'BR' ? 'Ato' : 'Acto',
      ato: variant === 'BR' ? 'Ato' : 'Acto',
      cena: 'Cena',
      aventura: 'Aventura',
    },
    ordinalPattern: /(?<![\p{L}\p{N}.,])(\d+)(\.?[ºª°])(?![\p{L}\p{N}])/giu,
    isFeminineOrdinal: (suffix) => suffix.includes('ª'),
  };
  return rules;
}
