import { toCardinal, toOrdinal } from 'n2words/es-ES';
import { givenNameGender } from './givenNames';
import { digitsOneByOne, monthsAfter, nounPairs, type Abbreviation, type LanguageRules } from './normalize.rules';
import { SPANISH_NUMBERED_ACTS, SPANISH_OFFICIAL_ABBREVIATIONS } from './normalize.official';
import { cardinalOnScale, type ScaleWords } from './normalize.scales';
import { SPANISH_TRADE_UNITS, SPANISH_TRADE_WORDS } from './normalize.trade';

/** Capitalised at a sentence start without being names ("En", "Y"); see LanguageRules.functionWords. */
const SPANISH_FUNCTION_WORDS: ReadonlySet<string> = new Set([
  ...['el', 'la', 'lo', 'los', 'las', 'un', 'una', 'unos', 'unas', 'y', 'e', 'o', 'u', 'ni', 'pero', 'mas', 'sino'],
  ...['que', 'si', 'no', 'como', 'cuando', 'donde', 'mientras', 'porque', 'pues', 'a', 'ante', 'bajo', 'con'],
  ...['contra', 'de', 'del', 'al', 'desde', 'en', 'entre', 'hacia', 'hasta', 'para', 'por', 'según', 'sin', 'sobre'],
  ...['tras', 'yo', 'tú', 'él', 'ella', 'nosotros', 'vosotros', 'ellos', 'ellas', 'usted', 'ustedes', 'mi', 'tu'],
  ...[
    'su',
    'este',
    'esta',
    'ese',
    'esa',
    'aquel',
    'aquella',
    'entonces',
    'luego',
    'ya',
    'sí',
    'también',
    'dijo',
    'era',
  ],
]);

/** Saints Spanish calls "santo", not "san". */
/**
 * Mexico's states as its papers abbreviate them after a town ("Acapulco, Gro."). The ones that are also words ("Son.",
 * "Ver.", "Sin.", "Col.", also a colonia) are left out.
 */
const MEXICAN_STATES: ReadonlyArray<readonly [written: string, spoken: string]> = [
  ['Ags.', 'Aguascalientes'],
  ['B. C.', 'Baja California'],
  ['B. C. S.', 'Baja California Sur'],
  ['Camp.', 'Campeche'],
  ['Coah.', 'Coahuila'],
  ['Chis.', 'Chiapas'],
  ['Chih.', 'Chihuahua'],
  ['Dgo.', 'Durango'],
  ['Gto.', 'Guanajuato'],
  ['Gro.', 'Guerrero'],
  ['Hgo.', 'Hidalgo'],
  ['Jal.', 'Jalisco'],
  ['Méx.', 'México'],
  ['Mich.', 'Michoacán'],
  ['Nay.', 'Nayarit'],
  ['N. L.', 'Nuevo León'],
  ['Oax.', 'Oaxaca'],
  ['Pue.', 'Puebla'],
  ['Qro.', 'Querétaro'],
  ['Q. Roo', 'Quintana Roo'],
  ['S. L. P.', 'San Luis Potosí'],
  ['Tab.', 'Tabasco'],
  ['Tamps.', 'Tamaulipas'],
  ['Tlax.', 'Tlaxcala'],
  ['Yuc.', 'Yucatán'],
  ['Zac.', 'Zacatecas'],
];

const MEXICAN_PESO = { one: 'peso', many: 'pesos', centOne: 'centavo', centMany: 'centavos' };

const SANTO = new Set(['domingo', 'tomas', 'tomás', 'tomé', 'tome', 'toribio']);

/** "S." before a saint's name (or a place named after one): santa for a woman, santo or san for a man ("S. Pedro"). */
function saint(name: string | undefined): string {
  if (givenNameGender(name) === 'feminine') return 'santa';
  return name && SANTO.has(name.toLowerCase()) ? 'santo' : 'san';
}

const gender = (feminine?: boolean) => ({ gender: feminine ? ('feminine' as const) : ('masculine' as const) });

/** Spanish counts on the long scale: mil millones = 10⁹, un billón = 10¹², un trillón = 10¹⁸ (normalize.scales.ts). */
const LONG_SCALE_WORDS: ScaleWords = {
  scale: {
    names: [
      ['millón', 'millones'],
      ['billón', 'billones'],
      ['trillón', 'trillones'],
    ],
    step: 1_000_000n,
  },
  // n2words 4.0 writes "dieciseis" without its accent.
  underAMillion: (value) => toCardinal(value).replace(/\bdieciseis\b/g, 'dieciséis'),
};

/** The end of the last name of a million or more ("millones", "billón"): these are masculine nouns. */
const SCALE_NAME_END = /ll(?:ón|ones)(?= |$)/gu;

/**
 * The feminine agrees in the part that counts the feminine noun, thousands included, not in the millions, which are
 * masculine nouns themselves: "veintiuna", "doscientas una", "doscientas mil pesetas", "dos millones doscientas mil".
 */
function feminine(words: string): string {
  let countedFrom = 0;
  for (const scaleName of words.matchAll(SCALE_NAME_END)) countedFrom = scaleName.index + scaleName[0].length;
  const counted = words
    .slice(countedFrom)
    .replace(/(?<!\p{L})(veinti)?(?:uno|ún|un)(?!\p{L})/gu, (_one: string, twenty?: string) => `${twenty ?? ''}una`)
    .replace(/ientos(?!\p{L})/gu, 'ientas');
  return words.slice(0, countedFrom) + counted;
}

/**
 * "Uno" loses its last vowel before a noun, and "mil", "millón" and the other names of numbers are nouns: "veintiún mil",
 * "ciento un mil", "un millón" (n2words 4.0 writes "veintiuno mil", "doscientos uno millones").
 */
const beforeNumberNoun = (words: string) =>
  words.replace(
    /(?<!\p{L})(veinti)?uno(?= (?:mil|millón|millones|billón|billones|trillón|trillones)(?!\p{L}))/gu,
    (_one: string, twenty?: string) => (twenty ? 'veintiún' : 'un'),
  );

const cardinal = (value: bigint, isFeminine?: boolean) => {
  const words = beforeNumberNoun(cardinalOnScale(value, LONG_SCALE_WORDS, (tooLarge) => toCardinal(tooLarge)));
  return isFeminine ? feminine(words) : words;
};

/** The parts a whole is divided into, as fractions name them; other denominators take "-avo" ("doceavo"). */
const SPANISH_FRACTION_PARTS: Record<number, string> = {
  2: 'medio',
  3: 'tercio',
  4: 'cuarto',
  5: 'quinto',
  6: 'sexto',
  7: 'séptimo',
  8: 'octavo',
  9: 'noveno',
  10: 'décimo',
  100: 'centésimo',
  1000: 'milésimo',
};

const MONTHS = [
  ...['enero', 'febrero', 'marzo', 'abril', 'mayo', 'junio', 'julio', 'agosto', 'septiembre', 'octubre'],
  ...['noviembre', 'diciembre'],
];

export const spanishRules: LanguageRules = {
  cardinal,
  ordinal: (value, feminine) => toOrdinal(value, gender(feminine)),
  beforeNoun(value, feminine) {
    // "un millón de pesetas", "dos billones de euros": a number ending in a name of a million or more takes "de".
    const words = cardinal(value, feminine).replace(/(ll(?:ón|ones))$/u, '$1 de');
    if (feminine) return words;
    return words.replace(/veintiuno$/, 'veintiún').replace(/\buno$/, 'un');
  },
  fraction: (digits) => (digits.startsWith('0') ? digitsOneByOne(digits, spanishRules) : cardinal(BigInt(digits))),
  clock(hours, minutes) {
    const hour = cardinal(BigInt(hours), true);
    if (minutes === 0) return `${hour} en punto`;
    // A quarter and a half past are said so; "menos cuarto" would need the next hour and its article ("la una").
    if (minutes === 15) return `${hour} y cuarto`;
    if (minutes === 30) return `${hour} y media`;
    return `${hour} y ${cardinal(BigInt(minutes))}`;
  },
  // Kings and popes take ordinals up to ten ("Felipe segundo", "Alfonso décimo"), cardinals after ("Luis catorce");
  // a queen's ordinal agrees with her ("Isabel segunda").
  regnal: (value, feminine) => (value <= 10 ? toOrdinal(value, gender(feminine)) : cardinal(BigInt(value))),
  loneIIsPronoun: false,
  centuryWords: new Set(['siglo', 'siglos']),
  vulgarFractions: {
    '½': { alone: 'medio', after: 'y medio', afterFeminine: 'y media', aloneFeminine: 'media' },
    '¼': { alone: 'un cuarto', after: 'y cuarto' },
    '¾': { alone: 'tres cuartos', after: 'y tres cuartos' },
    '⅓': { alone: 'un tercio', after: 'y un tercio' },
    '⅔': { alone: 'dos tercios', after: 'y dos tercios' },
    '⅛': { alone: 'un octavo', after: 'y un octavo' },
  },
  measureNouns: {
    feminine: [
      ['hora', 'horas'],
      ['libra', 'libras'],
      ['legua', 'leguas'],
      ['vara', 'varas'],
      ['milla', 'millas'],
      ['arroba', 'arrobas'],
      ['onza', 'onzas'],
      ['pulgada', 'pulgadas'],
      ['semana', 'semanas'],
      ['docena', 'docenas'],
      // The kitchen's measures, as recipes write them ("1/2 taza", "2 cucharadas").
      ['taza', 'tazas'],
      ['cucharada', 'cucharadas'],
      ['cucharadita', 'cucharaditas'],
      ['cuchara', 'cucharas'],
      ['lata', 'latas'],
      ['pizca', 'pizcas'],
    ],
    masculine: [
      ['kilo', 'kilos'],
      ['año', 'años'],
      ['mes', 'meses'],
      ['día', 'días'],
      ['segundo', 'segundos'],
      ['grado', 'grados'],
      ['pie', 'pies'],
      ['palmo', 'palmos'],
      ['paso', 'pasos'],
      ['quintal', 'quintales'],
      ['siglo', 'siglos'],
      ['vaso', 'vasos'],
      ['paquete', 'paquetes'],
    ],
    partOf: 'de',
  },
  feminineEndings: ['ción', 'ciones', 'sión', 'siones', 'dad', 'dades', 'tud', 'tudes', 'illa', 'illas', 'eza', 'ezas'],
  feminineNouns: nounPairs(
    'vez veces, persona personas, casa casas, cosa cosas, mujer mujeres, noche noches, mañana mañanas, ' +
      'tarde tardes, página páginas, hoja hojas, palabra palabras, línea líneas, carta cartas, calle calles, ' +
      'puerta puertas, ventana ventanas, mesa mesas, silla sillas, botella botellas, copa copas, taza tazas, ' +
      'moneda monedas, niña niñas, hija hijas, hermana hermanas, señora señoras, dama damas, vida vidas, ' +
      'parte partes, cabeza cabezas, ciudad ciudades, isla islas, montaña montañas, vaca vacas, oveja ovejas, ' +
      'cabra cabras, gallina gallinas, mula mulas, yegua yeguas, fanega fanegas, tonelada toneladas, ' +
      'yarda yardas, unidad unidades, lección lecciones, canción canciones, estrella estrellas, edad edades',
  ),
  hoursAndMinutesWord: 'y',
  clockLeadIns: ['las', 'la'],
  clockSpanWords: { opening: ['de', 'desde', 'entre'], joining: ['a', 'hasta', 'y'] },
  // Day first: "12/05/1890" → "doce de mayo de mil ochocientos noventa"; a two-digit year "del noventa".
  numericDates: {
    order: 'day-month',
    wordsBefore: new Set(['el', 'del', 'día', 'fecha', 'desde', 'hasta']),
    say: (day, month, year) =>
      `${cardinal(BigInt(day))} de ${MONTHS[month - 1]} ${year.twoDigits ? 'del' : 'de'} ${cardinal(BigInt(year.value))}`,
  },
  fractionName(numerator, denominator) {
    const part =
      SPANISH_FRACTION_PARTS[denominator] ??
      `${cardinal(BigInt(denominator)).normalize('NFD').replace(/\p{M}/gu, '').replace(/ /g, '')}avo`;
    return `${spanishRules.beforeNoun(BigInt(numerator), false)} ${part}${numerator === 1 ? '' : 's'}`;
  },
  // "o" becomes "u" before a word that starts with an o sound ("siete u ocho", "uno u otro", "mujer u hombre").
  or: (nextWord) => (/^h?[oóò]/iu.test(nextWord) ? 'u' : 'o'),
  // "y" is "e" before an i sound, not before a diphthong ("Pérez e Hijos", "agua y hielo").
  and: (nextWord) => (/^h?[iíì](?![aeoáéó])/iu.test(nextWord) ? 'e' : 'y'),
  // "el § 4" is "el párrafo cuatro", as law and older books read the sign.
  sectionSign: { one: 'párrafo', many: 'párrafos' },
  numberSign: 'número',
  plusOrMinus: 'más o menos',
  signWords: {
    plus: 'más',
    about: 'aproximadamente',
    atLeast: 'mayor o igual a',
    atMost: 'menor o igual a',
    moreThan: 'más de',
    lessThan: 'menos de',
    equals: 'igual a',
  },
  numberOfYearWord: 'de',
  numberedActs: SPANISH_NUMBERED_ACTS,
  matchMinutes: { after: new Set(['los']), words: ['minuto', 'minutos'] },
  dayPart(hour, afterNoon) {
    if (afterNoon) return hour === 12 ? 'del mediodía' : hour < 8 ? 'de la tarde' : 'de la noche';
    return hour === 12 ? 'de la noche' : hour < 6 ? 'de la madrugada' : 'de la mañana';
  },
  partsNoun: ['parte', 'partes'],
  webWords: { at: 'arroba', dot: 'punto', slash: 'barra' },
  perWord: 'por',
  powers: {
    times: 'por',
    raise: (base, exponent) => `${base} elevado a ${exponent < 0 ? 'menos ' : ''}${toCardinal(Math.abs(exponent))}`,
  },
  ratioWord: 'a',
  bloodPressureWords: { over: 'sobre', unit: 'milímetros de mercurio' },
  milestone: { after: new Set(['el', 'del', 'al']), word: 'kilómetro' },
  versionWords: { word: 'versión', point: 'punto' },
  perUnitsOnly: { s: ['segundo', 'segundos'] },
  splitJoiner: ' ',
  mixedNumberWord: 'y',
  feminineArticles: new Set(['la', 'las', 'una']),
  decimalWord: 'coma',
  minusWord: 'menos',
  percentWord: 'por ciento',
  perMilleWord: 'por mil',
  rangeWord: 'a',
  andWord: 'con',
  thousandsSeparator: '.',
  moneyScales: { mil: '', millón: 'de', millones: 'de', billón: 'de', billones: 'de' },
  // Laws number their articles with ordinals to the ninth and cardinals after ("art. 1.º", "artículo 14").
  cardinalOrdinalsAfter: { words: new Set(['artículo', 'artículos', 'párrafo', 'párrafos']), from: 10 },
  windPoints: {
    after: [
      ...['viento de', 'viento del', 'vientos de', 'vientos del', 'viento', 'vientos', 'rumbo al', 'rumbo a'],
      // A distance toward a point: "a 350 km al S de Acapulco".
      ...['km al', 'kilómetros al', 'millas al', 'metros al', 'm al'],
    ],
    points: {
      N: 'norte',
      S: 'sur',
      E: 'este',
      O: 'oeste',
      W: 'oeste',
      NE: 'nordeste',
      NO: 'noroeste',
      NW: 'noroeste',
      SE: 'sudeste',
      SO: 'suroeste',
      SW: 'suroeste',
    },
  },
  phoneWords: ['teléfono', 'teléfonos', 'móvil', 'celular', 'fax'],
  currencies: {
    $: { one: 'dólar', many: 'dólares', centOne: 'centavo', centMany: 'centavos' },
    US$: { one: 'dólar estadounidense', many: 'dólares estadounidenses', centOne: 'centavo', centMany: 'centavos' },
    '€': { one: 'euro', many: 'euros', centOne: 'céntimo', centMany: 'céntimos' },
    '£': { one: 'libra', many: 'libras', centOne: 'penique', centMany: 'peniques', feminine: true },
    'S/': { one: 'sol', many: 'soles', centOne: 'céntimo', centMany: 'céntimos' },
    R$: { one: 'real', many: 'reales', centOne: 'centavo', centMany: 'centavos' },
    MXN$: MEXICAN_PESO,
    MX$: MEXICAN_PESO,
  },
  degreesBefore: {
    words: [
      ...['de latitud', 'de longitud', 'latitud', 'longitud', 'norte', 'sur', 'este', 'oeste', 'a la sombra'],
      ...['al sol', 'de calor', 'de frío', 'de fiebre', 'centígrados', 'bajo cero', 'sobre cero'],
    ],
    unit: ['grado', 'grados'],
  },
  angles: {
    degree: ['grado', 'grados'],
    minute: ['minuto', 'minutos'],
    second: ['segundo', 'segundos'],
    compass: { N: 'norte', S: 'sur', E: 'este', O: 'oeste', W: 'oeste' },
  },
  ...SPANISH_TRADE_WORDS,
  units: {
    ...SPANISH_TRADE_UNITS,
    'km/h': ['kilómetro por hora', 'kilómetros por hora'],
    // Areas and volumes: the power is part of the unit ("1 km³", "300 m²").
    'km²': ['kilómetro cuadrado', 'kilómetros cuadrados'],
    'm²': ['metro cuadrado', 'metros cuadrados'],
    'cm²': ['centímetro cuadrado', 'centímetros cuadrados'],
    'km³': ['kilómetro cúbico', 'kilómetros cúbicos'],
    'm³': ['metro cúbico', 'metros cúbicos'],
    'cm³': ['centímetro cúbico', 'centímetros cúbicos'],
    km: ['kilómetro', 'kilómetros'],
    cm: ['centímetro', 'centímetros'],
    mm: ['milímetro', 'milímetros'],
    m: ['metro', 'metros'],
    kg: ['kilogramo', 'kilogramos'],
    // The tonne's symbol: "120 t de basura". English leaves it (a ton or a tonne?).
    t: ['tonelada', 'toneladas', true],
    kcal: ['kilocaloría', 'kilocalorías', true],
    mg: ['miligramo', 'miligramos'],
    g: ['gramo', 'gramos'],
    ml: ['mililitro', 'mililitros'],
    dL: ['decilitro', 'decilitros'],
    dl: ['decilitro', 'decilitros'],
    kB: ['kilobyte', 'kilobytes'],
    KB: ['kilobyte', 'kilobytes'],
    MB: ['megabyte', 'megabytes'],
    GB: ['gigabyte', 'gigabytes'],
    TB: ['terabyte', 'terabytes'],
    l: ['litro', 'litros'],
    mph: ['milla por hora', 'millas por hora', true],
    lb: ['libra', 'libras', true],
    '°C': ['grado Celsius', 'grados Celsius'],
    '°F': ['grado Fahrenheit', 'grados Fahrenheit'],
    h: ['hora', 'horas', true],
    min: ['minuto', 'minutos'],
  },
  // Old money after a number: pesetas and reales (de vellón).
  dottedUnits: {
    ptas: ['peseta', 'pesetas', true],
    pta: ['peseta', 'pesetas', true],
    pts: ['peseta', 'pesetas', true],
    'rs. vn': ['real de vellón', 'reales de vellón'],
    'rs. de vn': ['real de vellón', 'reales de vellón'],
    rs: ['real', 'reales'],
  },
  abbreviations: [
    { written: 'Srta.', spoken: 'señorita', title: true },
    { written: 'Sra.', spoken: 'señora', title: true },
    { written: 'Sr.', spoken: 'señor', title: true },
    { written: 'Sras.', spoken: 'señoras', title: true },
    { written: 'Sres.', spoken: 'señores', title: true },
    { written: 'Dra.', spoken: 'doctora', title: true },
    { written: 'Dr.', spoken: 'doctor', title: true },
    { written: 'Dña.', spoken: 'doña', title: true },
    { written: 'Dª', spoken: 'doña', title: true },
    { written: 'D.ª', spoken: 'doña', title: true },
    { written: 'D.', spoken: 'don', when: 'notAfterName', title: true },
    { written: 'S.', spoken: saint, when: 'beforeSaint', title: true },
    { written: 'Ud.', spoken: 'usted' },
    { written: 'Uds.', spoken: 'ustedes' },
    { written: 'Vd.', spoken: 'usted' },
    { written: 'Vds.', spoken: 'ustedes' },
    // Older prints write usted "V." and ustedes "VV."; a name after it makes "V." an initial.
    { written: 'V.', spoken: 'usted', when: 'amidWords' },
    { written: 'VV.', spoken: 'ustedes', when: 'amidWords' },
    { written: 'S. M.', spoken: 'Su Majestad' },
    { written: 'v. gr.', spoken: 'verbigracia' },
    { written: 'Excmo.', spoken: 'excelentísimo', title: true },
    { written: 'Excma.', spoken: 'excelentísima', title: true },
    { written: 'Ilmo.', spoken: 'ilustrísimo', title: true },
    { written: 'Ilma.', spoken: 'ilustrísima', title: true },
    { written: 'Lic.', spoken: 'licenciado', title: true },
    { written: 'Ing.', spoken: 'ingeniero', title: true },
    { written: 'Prof.', spoken: 'profesor', title: true },
    { written: 'Sto.', spoken: 'santo', title: true },
    { written: 'Sta.', spoken: 'santa', title: true },
    { written: 'Av.', spoken: 'avenida', title: true },
    { written: 'Avda.', spoken: 'avenida', title: true },
    { written: 'Pza.', spoken: 'plaza', title: true },
    // A letter's postscript follows its close; in an official signature ("El Director General, P. D.") the same
    // letters sign for another, by delegation.
    { written: 'P. D.', spoken: 'posdata', when: 'afterSentence' },
    { written: 'P.D.', spoken: 'posdata', when: 'afterSentence' },
    { written: 'P. D.', spoken: 'por delegación', title: true },
    { written: 'P.D.', spoken: 'por delegación', title: true },
    // Mexico's states and their abbreviations, after a town and a comma ("Acapulco, Gro.") or "Edo. de Méx.".
    { written: 'Edo.', spoken: 'Estado', when: 'beforeParticleName', title: true },
    { written: 'Méx.', spoken: 'México', after: new Set(['de']) },
    ...MEXICAN_STATES.map(([written, spoken]): Abbreviation => ({ written, spoken, when: 'afterPlace' })),
    { written: 'secc.', spoken: 'sección', when: 'beforeNumber', title: true },
    { written: 'Plza.', spoken: 'plaza', title: true },
    // Peruvian and other American addresses: "Jr. Independencia 512", "Psje. Los Olivos", "Mz. B Lt. 12 de la Urb.
    // San Antonio" (a block and a plot of a housing estate); "Jr." after a name is no street ("Luther King Jr.").
    { written: 'Jr.', spoken: 'jirón', when: 'beforePlaceName', title: true },
    { written: 'Psje.', spoken: 'pasaje', when: 'beforePlaceName', title: true },
    { written: 'Urb.', spoken: 'urbanización', when: 'beforePlaceName', title: true },
    { written: 'Mz.', spoken: 'manzana', when: 'beforeName', title: true },
    { written: 'Mz.', spoken: 'manzana', when: 'beforeNumber', title: true },
    { written: 'Lt.', spoken: 'lote', when: 'beforeNumber', title: true },
    { written: 'p. ej.', spoken: 'por ejemplo' },
    { written: 'p.ej.', spoken: 'por ejemplo' },
    // "Paseo del Tránsito, s/n": an address without a number.
    { written: 's/n', spoken: 'sin número' },
    // The era after a year: "el 192 a. C.", "el 711 d. C.".
    { written: 'a. C.', spoken: 'antes de Cristo', when: 'afterNumber' },
    { written: 'a.C.', spoken: 'antes de Cristo', when: 'afterNumber' },
    { written: 'd. C.', spoken: 'después de Cristo', when: 'afterNumber' },
    { written: 'd.C.', spoken: 'después de Cristo', when: 'afterNumber' },
    // Days of the week in opening hours ("de lun. a vie."); "mar." is also March and "dom." a title, so only after "a".
    { written: 'lun.', spoken: 'lunes' },
    { written: 'miér.', spoken: 'miércoles' },
    { written: 'mié.', spoken: 'miércoles' },
    { written: 'jue.', spoken: 'jueves' },
    { written: 'vie.', spoken: 'viernes' },
    { written: 'sáb.', spoken: 'sábado' },
    { written: 'dom.', spoken: 'domingo', after: new Set(['a', 'y']) },
    { written: 'fig.', spoken: 'figura', when: 'beforeNumber', title: true },
    { written: 'figs.', spoken: 'figuras', when: 'beforeNumber', title: true },
    { written: 'aprox.', spoken: 'aproximadamente' },
    // "c/ Mayor", "c/ de la Iglesia": a street; "c/c" and a "c/" with no name after it are something else.
    { written: 'c/', spoken: 'calle', when: 'beforePlaceName', title: true },
    { written: 'i. e.', spoken: 'es decir' },
    { written: 'i.e.', spoken: 'es decir' },
    // Numbering words before a number or a Roman numeral: "vol. II, pág. 23".
    { written: 'vol.', spoken: 'volumen', when: 'beforeNumber', title: true },
    { written: 'vols.', spoken: 'volúmenes', title: true },
    { written: 'cap.', spoken: 'capítulo', when: 'beforeNumber', title: true },
    // Before a name it is the rank: "a las órdenes del cap. Ruiz".
    { written: 'cap.', spoken: 'capitán', when: 'beforeName', title: true },
    { written: 'pág.', spoken: 'página', when: 'beforeNumber', title: true },
    { written: 'págs.', spoken: 'páginas', when: 'beforeNumber', title: true },
    { written: 'pp.', spoken: 'páginas', when: 'beforeNumber', title: true },
    // "s. XVIII": the century, only before a numeral.
    { written: 's.', spoken: 'siglo', when: 'beforeNumber', title: true },
    { written: 'pág.', spoken: 'página', title: true },
    { written: 'núm.', spoken: 'número', title: true },
    { written: 'n.º', spoken: 'número', title: true },
    // Typed with the degree sign, which keyboards offer where the ordinal's is missing: "Comunicado N.° 045".
    { written: 'n.°', spoken: 'número', title: true },
    { written: 'n.', spoken: 'número', when: 'beforeNumber', title: true },
    ...SPANISH_OFFICIAL_ABBREVIATIONS,
    { written: 'art.', spoken: 'artículo', when: 'beforeNumber', title: true },
    { written: 'arts.', spoken: 'artículos', when: 'beforeNumber', title: true },
    { written: 'tel.', spoken: 'teléfono', when: 'beforeNumber', title: true },
    { written: 'tfno.', spoken: 'teléfono', when: 'beforeNumber', title: true },
    { written: 'telf.', spoken: 'teléfono', when: 'beforeNumber', title: true },
    { written: 'tlf.', spoken: 'teléfono', when: 'beforeNumber', title: true },
    { written: 'telf.', spoken: 'teléfono', when: 'beforeNumber', title: true },
    { written: 'inc.', spoken: 'inciso', when: 'beforeNumber', title: true },
    { written: 'lat.', spoken: 'latitud', when: 'beforeNumber', title: true },
    { written: 'long.', spoken: 'longitud', when: 'beforeNumber', title: true },
    { written: 'Univ.', spoken: 'Universidad', when: 'beforeParticleName', title: true },
    // A woman's second given name, shortened as in "Ana Ma. Ruiz", "Ma. Luisa".
    { written: 'Ma.', spoken: 'María', when: 'beforeName', title: true },
    { written: 'EE. UU.', spoken: 'Estados Unidos' },
    { written: 'EE.UU.', spoken: 'Estados Unidos' },
    // Months abbreviated in dates, only next to a day or a year ("3 de ago. de 1857"): alone they may be words.
    { written: 'ene.', spoken: 'enero', when: 'inDate' },
    { written: 'feb.', spoken: 'febrero', when: 'inDate' },
    { written: 'mar.', spoken: 'marzo', when: 'inDate' },
    { written: 'abr.', spoken: 'abril', when: 'inDate' },
    { written: 'may.', spoken: 'mayo', when: 'inDate' },
    { written: 'jun.', spoken: 'junio', when: 'inDate' },
    { written: 'jul.', spoken: 'julio', when: 'inDate' },
    { written: 'ago.', spoken: 'agosto', when: 'inDate' },
    { written: 'sept.', spoken: 'septiembre', when: 'inDate' },
    { written: 'sep.', spoken: 'septiembre', when: 'inDate' },
    { written: 'set.', spoken: 'septiembre', when: 'inDate' },
    { written: 'oct.', spoken: 'octubre', when: 'inDate' },
    { written: 'nov.', spoken: 'noviembre', when: 'inDate' },
    { written: 'dic.', spoken: 'diciembre', when: 'inDate' },
    // After a preposition of time a month needs no day ("hasta sept."); "mar." (the sea) stays a word.
    ...monthsAfter(new Set(['hasta', 'desde', 'en']), [
      ['ene.', 'enero'],
      ['feb.', 'febrero'],
      ['abr.', 'abril'],
      ['jun.', 'junio'],
      ['jul.', 'julio'],
      ['ago.', 'agosto'],
      ['sept.', 'septiembre'],
      ['sep.', 'septiembre'],
      ['oct.', 'octubre'],
      ['nov.', 'noviembre'],
      ['dic.', 'diciembre'],
    ]),
    { written: 'etc.', spoken: 'etcétera' },
    { written: '&c.', spoken: 'etcétera' },
  ],
  titles: new Set([
    ...['señor', 'señora', 'señorita', 'don', 'doña', 'doctor', 'doctora', 'fray', 'sor', 'padre', 'madre', 'san'],
    ...['santo', 'santa', 'rey', 'reina', 'príncipe', 'princesa', 'conde', 'condesa', 'duque', 'duquesa'],
    ...['marqués', 'marquesa', 'capitán', 'general', 'coronel', 'excelentísimo', 'excelentísima', 'ilustrísimo'],
    ...['ilustrísima', 'licenciado', 'maese', 'micer', 'tío', 'tía'],
  ]),
  functionWords: SPANISH_FUNCTION_WORDS,
  headingLabels: {
    capitulo: 'Capítulo',
    'cap.': 'Capítulo',
    parte: 'Parte',
    libro: 'Libro',
    tomo: 'Tomo',
    volumen: 'Volumen',
    seccion: 'Sección',
    carta: 'Carta',
    canto: 'Canto',
    acto: 'Acto',
    escena: 'Escena',
    tratado: 'Tratado',
    aventura: 'Aventura',
  },
  ordinalPattern: /(?<![\p{L}\p{N}.,])(\d+)(\.?[ºª°]|\.?er|\.os|\.as)(?![\p{L}\p{N}])/giu,
  isFeminineOrdinal: (suffix) => /[ªa]/.test(suffix),
};

/**
 * Mexico, Central America, the Caribbean, Peru and the United States write a decimal point and group thousands with a
 * comma ("S/ 1,500.50", "9.62 km²"), and say the point "punto".
 */
export const POINT_DECIMAL_SPANISH_REGIONS: ReadonlySet<string> = new Set([
  'mx',
  'gt',
  'hn',
  'sv',
  'ni',
  'pa',
  'do',
  'pr',
  'pe',
  'us',
]);

export const pointDecimalSpanishRules: LanguageRules = {
  ...spanishRules,
  thousandsSeparator: ',',
  decimalWord: 'punto',
  decimalMarkWords: { point: 'punto', comma: 'coma' },
  pointBeforeThreeDigitsGroupsThousands: true,
};

/** In Mexico "$" is the peso, as "MXN$" writes it where dollars are near ("$20.35 por dólar"). */
export const mexicanSpanishRules: LanguageRules = {
  ...pointDecimalSpanishRules,
  currencies: { ...pointDecimalSpanishRules.currencies, $: MEXICAN_PESO },
};
