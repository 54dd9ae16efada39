/**
 * The units of kitchens, laboratories and league tables, kept apart from the languages' main tables, which hold the
 * units of books: spoons and gallons in recipes, micro and nano units and moles in clinical papers, points in a table.
 */
import type { UnitWords } from './normalize.rules';

/** Both spellings of micro: the micro sign (U+00B5) and the Greek letter mu (U+03BC). */
const micro = (symbol: string, words: UnitWords): Record<string, UnitWords> => ({
  [`µ${symbol}`]: words,
  [`μ${symbol}`]: words,
});

export const ENGLISH_MEASURE_UNITS: Record<string, UnitWords> = {
  tbsp: ['tablespoon', 'tablespoons'],
  Tbsp: ['tablespoon', 'tablespoons'],
  tbsps: ['tablespoon', 'tablespoons'],
  tsp: ['teaspoon', 'teaspoons'],
  tsps: ['teaspoon', 'teaspoons'],
  qt: ['quart', 'quarts'],
  gal: ['gallon', 'gallons'],
  yrs: ['year', 'years'],
  wks: ['week', 'weeks'],
  // A league table's points; pints are written "pt" or in full in the recipes that count them.
  pts: ['point', 'points'],
  // A box score's rebounds, assists, blocks and steals ("31 pts., 8 reb. and 6 ast.").
  reb: ['rebound', 'rebounds'],
  ast: ['assist', 'assists'],
  blk: ['block', 'blocks'],
  stl: ['steal', 'steals'],
  ...micro('L', ['microliter', 'microliters']),
  ...micro('l', ['microliter', 'microliters']),
  ...micro('g', ['microgram', 'micrograms']),
  ...micro('m', ['micrometer', 'micrometers']),
  ...micro('mol', ['micromole', 'micromoles']),
  ng: ['nanogram', 'nanograms'],
  nm: ['nanometer', 'nanometers'],
  mmol: ['millimole', 'millimoles'],
  mol: ['mole', 'moles'],
  mmHg: ['millimeter of mercury', 'millimeters of mercury'],
  bpm: ['beat per minute', 'beats per minute'],
};

/**
 * A recipe's pints, written as a league table writes its points: another kitchen measure, with its number, stands
 * within a few words ("4 oz rice, 2 pts milk, 2 oz sugar").
 */
export const ENGLISH_RECIPE_UNITS = {
  units: { pts: ['pint', 'pints'] } satisfies Record<string, UnitWords>,
  kitchenMeasure:
    /(?<![\p{L}\p{N}])\d+(?:[./]\d+)?[ \t]?(?:oz|lbs?|tsps?|tbsps?|Tbsp|cups?|gills?|qts?|pints?|quarts?|ounces?|pounds?|teaspoons?|tablespoons?)(?![\p{L}])/u,
};

/** Things a measure before them describes: a sample of fifty microlitres, not fifty microlitres of samples. */
export const ENGLISH_MEASURED_ITEMS: ReadonlySet<string> = new Set([
  ...['samples', 'aliquots', 'tablets', 'capsules', 'doses', 'injections', 'vials', 'ampoules', 'syringes', 'tubes'],
  ...['bottles', 'cans', 'tins', 'jars', 'bags', 'sacks', 'packs', 'packets', 'cartons', 'pellets', 'portions'],
]);

/** Bare, these are words or too short to trust ("mo" of a name): only with their period ("3 mos.", "2 wk."). */
export const ENGLISH_DOTTED_MEASURE_UNITS: Record<string, UnitWords> = {
  mo: ['month', 'months'],
  mos: ['month', 'months'],
  wk: ['week', 'weeks'],
  yr: ['year', 'years'],
};

/** A league table's points ("39 pts."); Spanish "pts." is pesetas and stays with the old money. */
export const PORTUGUESE_MEASURE_UNITS: Record<string, UnitWords> = {
  pts: ['ponto', 'pontos'],
};
