/** Reading chapter numbers written as Roman numerals or spelled-out words (en, es, pt, fr, it). */

const ROMAN_VALUES: Record<string, number> = { I: 1, V: 5, X: 10, L: 50, C: 100, D: 500, M: 1000 };
const CANONICAL_ROMAN = /^M{0,4}(CM|CD|D?C{0,3})(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})$/;

/** Value of a well-formed Roman numeral (any case), or undefined. */
export function romanToNumber(token: string): number | undefined {
  const upper = token.toUpperCase();
  if (upper.length === 0 || !CANONICAL_ROMAN.test(upper)) return undefined;
  let total = 0;
  for (let i = 0; i < upper.length; i++) {
    const value = ROMAN_VALUES[upper[i]];
    const next = ROMAN_VALUES[upper[i + 1]] ?? 0;
    total += value < next ? -value : value;
  }
  return total;
}

const UNITS: Record<string, number> = {
  // English
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
  first: 1,
  second: 2,
  third: 3,
  fourth: 4,
  fifth: 5,
  sixth: 6,
  seventh: 7,
  eighth: 8,
  ninth: 9,
  tenth: 10,
  eleventh: 11,
  twelfth: 12,
  thirteenth: 13,
  fourteenth: 14,
  fifteenth: 15,
  sixteenth: 16,
  seventeenth: 17,
  eighteenth: 18,
  nineteenth: 19,
  twentieth: 20,
  thirtieth: 30,
  fortieth: 40,
  fiftieth: 50,
  // Spanish
  uno: 1,
  un: 1,
  una: 1,
  dos: 2,
  tres: 3,
  cuatro: 4,
  cinco: 5,
  seis: 6,
  siete: 7,
  ocho: 8,
  nueve: 9,
  diez: 10,
  once: 11,
  doce: 12,
  trece: 13,
  catorce: 14,
  quince: 15,
  dieciseis: 16,
  diecisiete: 17,
  dieciocho: 18,
  diecinueve: 19,
  veinte: 20,
  veintiuno: 21,
  veintidos: 22,
  veintitres: 23,
  veinticuatro: 24,
  veinticinco: 25,
  veintiseis: 26,
  veintisiete: 27,
  veintiocho: 28,
  veintinueve: 29,
  primero: 1,
  primer: 1,
  primera: 1,
  segundo: 2,
  segunda: 2,
  tercero: 3,
  tercer: 3,
  tercera: 3,
  cuarto: 4,
  cuarta: 4,
  quinto: 5,
  quinta: 5,
  sexto: 6,
  sexta: 6,
  septimo: 7,
  septima: 7,
  setimo: 7,
  octavo: 8,
  octava: 8,
  noveno: 9,
  novena: 9,
  decimo: 10,
  decima: 10,
  undecimo: 11,
  duodecimo: 12,
  // Portuguese
  um: 1,
  uma: 1,
  dois: 2,
  duas: 2,

  quatro: 4,
  sete: 7,
  oito: 8,
  nove: 9,
  dez: 10,
  onze: 11,
  doze: 12,
  treze: 13,
  catorze: 14,
  quatorze: 14,
  quinze: 15,
  dezesseis: 16,
  dezasseis: 16,
  dezessete: 17,
  dezassete: 17,
  dezoito: 18,
  dezenove: 19,
  dezanove: 19,
  vinte: 20,
  primeiro: 1,
  primeira: 1,
  terceiro: 3,
  terceira: 3,
  quarto: 4,
  quarta: 4,
  sesto: 6,
  oitavo: 8,
  nono: 9,
  nona: 9,
  // French
  une: 1,
  deux: 2,
  trois: 3,
  quatre: 4,
  cinq: 5,
  sept: 7,
  huit: 8,
  neuf: 9,
  douze: 12,
  treize: 13,
  seize: 16,
  premier: 1,
  premiere: 1,
  deuxieme: 2,
  seconde: 2,
  troisieme: 3,
  quatrieme: 4,
  cinquieme: 5,
  sixieme: 6,
  septieme: 7,
  huitieme: 8,
  neuvieme: 9,
  dixieme: 10,
  onzieme: 11,
  douzieme: 12,
  // Italian
  due: 2,
  tre: 3,
  quattro: 4,
  cinque: 5,
  sei: 6,
  sette: 7,
  otto: 8,
  dieci: 10,
  undici: 11,
  dodici: 12,
  primo: 1,
  prima: 1,
  secondo: 2,
  seconda: 2,
  terzo: 3,
  terza: 3,
  settimo: 7,
  settima: 7,
  ottavo: 8,
  ottava: 8,
  undicesimo: 11,
  dodicesimo: 12,
  tredicesimo: 13,
  quattordicesimo: 14,
  quindicesimo: 15,
  sedicesimo: 16,
  diciassettesimo: 17,
  diciottesimo: 18,
  diciannovesimo: 19,
  ventesimo: 20,
  // The only one of its kind ("CAPÍTULO ÚNICO", "Acto único", "Chapitre unique", "Capitolo unico") counts as the first.
  unico: 1,
  unica: 1,
  unique: 1,
  // Spanish and Portuguese ordinal tens written apart ("décimo quinto", "vigésimo primeiro")
  undecima: 11,
  duodecima: 12,
  oitava: 8,
  setima: 7,
};

const TENS: Record<string, number> = {
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
  treinta: 30,
  cuarenta: 40,
  cincuenta: 50,
  sesenta: 60,
  setenta: 70,
  ochenta: 80,
  noventa: 90,
  trinta: 30,
  quarenta: 40,
  cinquenta: 50,
  sessenta: 60,
  vigesimo: 20,
  vigesima: 20,
  trigesimo: 30,
  trigesima: 30,
  cuadragesimo: 40,
  quadragesimo: 40,
  decimo: 10,
  decima: 10,
  // French ("dix-sept", "trente et un")
  dix: 10,
  vingt: 20,
  trente: 30,
  quarante: 40,
  cinquante: 50,
  soixante: 60,
};

const CONNECTORS = new Set(['y', 'e', 'and', 'et']);

function foldAccents(word: string): string {
  return word.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

const isNumberWord = (word: string) => UNITS[word] !== undefined || TENS[word] !== undefined;
/** French ordinal stems that change before "-ième" ("cinquième", "neuvième"). */
const FRENCH_ORDINAL_STEMS: Record<string, string> = { cinqu: 'cinq', neuv: 'neuf' };
/** Spanish ordinal tens written as one word with their unit ("decimotercero", "vigesimoprimero"). */
const JOINED_ORDINAL = /^(decimo|decima|vigesimo|vigesima|trigesimo|trigesima)(\p{L}+)$/u;

/**
 * The words of a number as the tables spell them: a French ordinal by its cardinal ("treizième" → "treize",
 * "vingtième" → "vingt", "unième" → "un"), a Spanish ordinal ten joined to its unit split in two ("decimotercero").
 */
function numberWords(word: string): string[] {
  if (isNumberWord(word)) return [word];
  if (word.endsWith('ieme')) {
    const stem = word.slice(0, -4);
    const cardinal = [stem, `${stem}e`, FRENCH_ORDINAL_STEMS[stem] ?? ''].find(isNumberWord);
    if (cardinal) return [cardinal];
  }
  const joined = JOINED_ORDINAL.exec(word);
  if (joined && UNITS[joined[2]] !== undefined) return [joined[1], joined[2]];
  return [word];
}

/** Value of a spelled-out number from 1 to 99 ("Twelve", "twenty-first", "treinta y dos", "primeiro"), or undefined. */
export function wordsToNumber(phrase: string): number | undefined {
  const words = foldAccents(phrase)
    .split(/[\s-]+/)
    .filter((w) => w.length > 0 && !CONNECTORS.has(w))
    .flatMap(numberWords);
  if (words.length === 0 || words.length > 3) return undefined;
  let total = 0;
  let sawTens = false;
  for (const word of words) {
    const tens = TENS[word];
    const unit = UNITS[word];
    if (tens !== undefined && !sawTens && total === 0) {
      total = tens;
      sawTens = true;
    } else if (unit !== undefined && unit < 10 && (total === 0 || (sawTens && total % 10 === 0))) {
      total += unit;
    } else if (unit !== undefined && total === 0) {
      total = unit;
    } else {
      return undefined;
    }
  }
  return total > 0 ? total : undefined;
}
