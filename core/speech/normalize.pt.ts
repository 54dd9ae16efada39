import { toCardinal, toOrdinal } from 'n2words/pt-PT';
import { digitsOneByOne, type LanguageRules } from './normalize.rules';

/** n2words has European Portuguese only; Brazilian forms differ in a few teens. */
function brazilian(words: string): string {
  return words
    .replace(/\bdezasseis\b/g, 'dezesseis')
    .replace(/\bdezassete\b/g, 'dezessete')
    .replace(/\bdezanove\b/g, 'dezenove');
}

function feminine(words: string): string {
  return words
    .replace(/\bum$/, 'uma')
    .replace(/\bdois$/, 'duas')
    .replace(/entos\b/g, 'entas');
}

function feminineOrdinal(words: string): string {
  return words.replace(/o\b/g, 'a');
}

export function portugueseRules(variant: 'BR' | 'PT'): LanguageRules {
  const localize = variant === 'BR' ? brazilian : (words: string) => words;
  const cardinal = (value: bigint, isFeminine?: boolean) => {
    const words = localize(toCardinal(value));
    return isFeminine ? feminine(words) : words;
  };
  const rules: LanguageRules = {
    cardinal,
    ordinal: (value, isFeminine) => (isFeminine ? feminineOrdinal(toOrdinal(value)) : toOrdinal(value)),
    beforeNoun: (value, isFeminine) => cardinal(value, isFeminine).replace(/(milh(?:ão|ões))$/, '$1 de'),
    fraction: (digits) => (digits.startsWith('0') ? digitsOneByOne(digits, rules) : cardinal(BigInt(digits))),
    decimalWord: 'vírgula',
    minusWord: 'menos',
    percentWord: 'por cento',
    rangeWord: 'a',
    andWord: 'e',
    thousandsSeparator: '.',
    currencies: {
      $: { one: 'dólar', many: 'dólares', centOne: 'centavo', centMany: 'centavos' },
      US$: { one: 'dólar americano', many: 'dólares americanos', centOne: 'centavo', centMany: 'centavos' },
      '€': { one: 'euro', many: 'euros', centOne: 'cêntimo', centMany: 'cêntimos' },
      '£': { one: 'libra', many: 'libras', centOne: 'pêni', centMany: 'pence', feminine: true },
      'S/': { one: 'sol', many: 'soles', centOne: 'cêntimo', centMany: 'cêntimos' },
      R$: { one: 'real', many: 'reais', centOne: 'centavo', centMany: 'centavos' },
    },
    units: {
      'km/h': [
        variant === 'BR' ? 'quilômetro por hora' : 'quilómetro por hora',
        variant === 'BR' ? 'quilômetros por hora' : 'quilómetros por hora',
      ],
      km: [variant === 'BR' ? 'quilômetro' : 'quilómetro', variant === 'BR' ? 'quilômetros' : 'quilómetros'],
      cm: ['centímetro', 'centímetros'],
      mm: ['milímetro', 'milímetros'],
      m: ['metro', 'metros'],
      kg: ['quilograma', 'quilogramas'],
      mg: ['miligrama', 'miligramas'],
      g: ['grama', 'gramas'],
      ml: ['mililitro', 'mililitros'],
      l: ['litro', 'litros'],
      mph: ['milha por hora', 'milhas por hora', true],
      lb: ['libra', 'libras', true],
      '°C': ['grau Celsius', 'graus Celsius'],
      '°F': ['grau Fahrenheit', 'graus Fahrenheit'],
      h: ['hora', 'horas', true],
      min: ['minuto', 'minutos'],
    },
    abbreviations: [
      { written: 'Srta.', spoken: 'senhorita' },
      { written: 'Sra.', spoken: 'senhora' },
      { written: 'Sr.', spoken: 'senhor' },
      { written: 'Dra.', spoken: 'doutora' },
      { written: 'Dr.', spoken: 'doutor' },
      { written: 'Profa.', spoken: 'professora' },
      { written: 'Prof.', spoken: 'professor' },
      { written: 'V. Exa.', spoken: 'Vossa Excelência' },
      { written: 'Av.', spoken: 'avenida' },
      { written: 'pág.', spoken: 'página' },
      { written: 'nº', spoken: 'número' },
      { written: 'n.º', spoken: 'número' },
      { written: 'etc.', spoken: 'etcétera' },
    ],
    ordinalPattern: /(?<![\p{L}\p{N}.,])(\d+)(\.?[ºª°])(?![\p{L}\p{N}])/giu,
    isFeminineOrdinal: (suffix) => suffix.includes('ª'),
  };
  return rules;
}
