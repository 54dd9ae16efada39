import { toCardinal, toOrdinal } from 'n2words/es-ES';
import { digitsOneByOne, type LanguageRules } from './normalize.rules';

const gender = (feminine?: boolean) => ({ gender: feminine ? ('feminine' as const) : ('masculine' as const) });
// n2words 4.0 writes "cienta" for feminine 101–199; the word is invariable "ciento".
const cardinal = (value: bigint, feminine?: boolean) =>
  toCardinal(value, gender(feminine)).replace(/\bcienta\b/g, 'ciento');

export const spanishRules: LanguageRules = {
  cardinal,
  ordinal: (value, feminine) => toOrdinal(value, gender(feminine)),
  beforeNoun(value, feminine) {
    const words = cardinal(value, feminine);
    if (feminine) return words;
    return words
      .replace(/veintiuno$/, 'veintiún')
      .replace(/\buno$/, 'un')
      .replace(/(mill[oó]n(?:es)?)$/, '$1 de');
  },
  fraction: (digits) => (digits.startsWith('0') ? digitsOneByOne(digits, spanishRules) : cardinal(BigInt(digits))),
  decimalWord: 'coma',
  minusWord: 'menos',
  percentWord: 'por ciento',
  rangeWord: 'a',
  andWord: 'con',
  thousandsSeparator: '.',
  currencies: {
    $: { one: 'dólar', many: 'dólares', centOne: 'centavo', centMany: 'centavos' },
    US$: { one: 'dólar estadounidense', many: 'dólares estadounidenses', centOne: 'centavo', centMany: 'centavos' },
    '€': { one: 'euro', many: 'euros', centOne: 'céntimo', centMany: 'céntimos' },
    '£': { one: 'libra', many: 'libras', centOne: 'penique', centMany: 'peniques', feminine: true },
    'S/': { one: 'sol', many: 'soles', centOne: 'céntimo', centMany: 'céntimos' },
    R$: { one: 'real', many: 'reales', centOne: 'centavo', centMany: 'centavos' },
  },
  units: {
    'km/h': ['kilómetro por hora', 'kilómetros por hora'],
    km: ['kilómetro', 'kilómetros'],
    cm: ['centímetro', 'centímetros'],
    mm: ['milímetro', 'milímetros'],
    m: ['metro', 'metros'],
    kg: ['kilogramo', 'kilogramos'],
    mg: ['miligramo', 'miligramos'],
    g: ['gramo', 'gramos'],
    ml: ['mililitro', 'mililitros'],
    l: ['litro', 'litros'],
    mph: ['milla por hora', 'millas por hora', true],
    lb: ['libra', 'libras', true],
    '°C': ['grado Celsius', 'grados Celsius'],
    '°F': ['grado Fahrenheit', 'grados Fahrenheit'],
    h: ['hora', 'horas', true],
    min: ['minuto', 'minutos'],
  },
  abbreviations: [
    { written: 'Srta.', spoken: 'señorita' },
    { written: 'Sra.', spoken: 'señora' },
    { written: 'Sr.', spoken: 'señor' },
    { written: 'Sras.', spoken: 'señoras' },
    { written: 'Sres.', spoken: 'señores' },
    { written: 'Dra.', spoken: 'doctora' },
    { written: 'Dr.', spoken: 'doctor' },
    { written: 'Dña.', spoken: 'doña' },
    { written: 'Dª', spoken: 'doña' },
    { written: 'D.', spoken: 'don', beforeName: true },
    { written: 'Ud.', spoken: 'usted' },
    { written: 'Uds.', spoken: 'ustedes' },
    { written: 'Lic.', spoken: 'licenciado' },
    { written: 'Ing.', spoken: 'ingeniero' },
    { written: 'Prof.', spoken: 'profesor' },
    { written: 'Sto.', spoken: 'santo' },
    { written: 'Sta.', spoken: 'santa' },
    { written: 'Av.', spoken: 'avenida' },
    { written: 'Avda.', spoken: 'avenida' },
    { written: 'pág.', spoken: 'página' },
    { written: 'núm.', spoken: 'número' },
    { written: 'n.º', spoken: 'número' },
    { written: 'EE. UU.', spoken: 'Estados Unidos' },
    { written: 'EE.UU.', spoken: 'Estados Unidos' },
    { written: 'etc.', spoken: 'etcétera' },
  ],
  ordinalPattern: /(?<![\p{L}\p{N}.,])(\d+)(\.?[ºª°]|\.er|\.os|\.as)(?![\p{L}\p{N}])/giu,
  isFeminineOrdinal: (suffix) => /[ªa]/.test(suffix),
};
