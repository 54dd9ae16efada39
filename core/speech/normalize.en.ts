import { toCardinal, toOrdinal } from 'n2words/en-US';
import { digitsOneByOne, type LanguageRules } from './normalize.rules';

function pairWords(value: number): string {
  return value < 10 ? `oh ${toCardinal(value)}` : toCardinal(value);
}

export const englishRules: LanguageRules = {
  cardinal: (value) => toCardinal(value),
  ordinal: (value) => toOrdinal(value),
  beforeNoun: (value) => toCardinal(value),
  fraction: (digits) => digitsOneByOne(digits, englishRules),
  year(value) {
    if (value < 1100 || value > 2099 || (value >= 2000 && value < 2010)) return undefined;
    const high = Math.floor(value / 100);
    const low = value % 100;
    return low === 0 ? `${toCardinal(high)} hundred` : `${toCardinal(high)} ${pairWords(low)}`;
  },
  decimalWord: 'point',
  minusWord: 'minus',
  percentWord: 'percent',
  rangeWord: 'to',
  andWord: 'and',
  thousandsSeparator: ',',
  currencies: {
    $: { one: 'dollar', many: 'dollars', centOne: 'cent', centMany: 'cents' },
    US$: { one: 'US dollar', many: 'US dollars', centOne: 'cent', centMany: 'cents' },
    '€': { one: 'euro', many: 'euros', centOne: 'cent', centMany: 'cents' },
    '£': { one: 'pound', many: 'pounds', centOne: 'penny', centMany: 'pence' },
    'S/': { one: 'sol', many: 'soles', centOne: 'céntimo', centMany: 'céntimos' },
    R$: { one: 'real', many: 'reais', centOne: 'centavo', centMany: 'centavos' },
  },
  units: {
    'km/h': ['kilometer per hour', 'kilometers per hour'],
    km: ['kilometer', 'kilometers'],
    cm: ['centimeter', 'centimeters'],
    mm: ['millimeter', 'millimeters'],
    m: ['meter', 'meters'],
    kg: ['kilogram', 'kilograms'],
    mg: ['milligram', 'milligrams'],
    g: ['gram', 'grams'],
    ml: ['milliliter', 'milliliters'],
    l: ['liter', 'liters'],
    mph: ['mile per hour', 'miles per hour'],
    lb: ['pound', 'pounds'],
    ft: ['foot', 'feet'],
    '°C': ['degree Celsius', 'degrees Celsius'],
    '°F': ['degree Fahrenheit', 'degrees Fahrenheit'],
    h: ['hour', 'hours'],
    min: ['minute', 'minutes'],
  },
  abbreviations: [
    { written: 'Mr.', spoken: 'Mister' },
    { written: 'Mrs.', spoken: 'Missus' },
    { written: 'Ms.', spoken: 'Miz' },
    { written: 'Dr.', spoken: 'Doctor', beforeName: true },
    { written: 'Prof.', spoken: 'Professor' },
    { written: 'St.', spoken: 'Saint', beforeName: true },
    { written: 'St.', spoken: 'Street', notBeforeName: true },
    { written: 'Mt.', spoken: 'Mount' },
    { written: 'Capt.', spoken: 'Captain' },
    { written: 'Col.', spoken: 'Colonel' },
    { written: 'Gen.', spoken: 'General' },
    { written: 'Lt.', spoken: 'Lieutenant' },
    { written: 'Sgt.', spoken: 'Sergeant' },
    { written: 'Rev.', spoken: 'Reverend' },
    { written: 'Jr.', spoken: 'Junior' },
    { written: 'Sr.', spoken: 'Senior' },
    { written: 'Ave.', spoken: 'Avenue' },
    { written: 'No.', spoken: 'number', beforeNumber: true },
    { written: 'vs.', spoken: 'versus' },
    { written: 'etc.', spoken: 'et cetera' },
    { written: 'e.g.', spoken: 'for example' },
    { written: 'i.e.', spoken: 'that is' },
    { written: 'approx.', spoken: 'approximately' },
  ],
  ordinalPattern: /(?<![\p{L}\p{N}.,])(\d+)(st|nd|rd|th)(?![\p{L}\p{N}])/giu,
  isFeminineOrdinal: () => false,
};
