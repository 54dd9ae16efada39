/**
 * Numbers of a million and more, on the short scale (each name a thousand times the one before: Brazilian "um bilhão"
 * = 10⁹) or the long scale (each name a million times the one before: European Portuguese and Spanish "mil milhões",
 * "mil millones" = 10⁹, "um bilião", "un billón" = 10¹²). n2words reads the long scale's thousands of millions as a
 * class of their own ("mil millones quinientos millones" for 1.5 × 10⁹); here every part above a million is said as
 * a number under a million followed by its name ("mil quinientos millones").
 */

/** [singular, plural], from a million up: "milhão"/"milhões", "bilhão"/"bilhões", … */
type ScaleName = readonly [singular: string, plural: string];

export interface NumberScale {
  /** The names of a million and of each step above it. */
  names: readonly ScaleName[];
  /** How many times larger each name is than the one before: a thousand (short scale) or a million (long scale). */
  step: bigint;
}

const MILLION = 1_000_000n;

export interface ScaleWords {
  scale: NumberScale;
  /** The words for a number under a million, the language's own. */
  underAMillion(value: bigint): string;
  /** Words before the last part when the language joins it so (Portuguese "um bilhão e quinhentos milhões"). */
  joinLast?(part: bigint): string | undefined;
}

/**
 * A cardinal of any size up to the last name of the scale; `fallback` beyond it. Parts above a million take the
 * singular name only for one ("um milhão", "dos millones", "mil milhões").
 */
export function cardinalOnScale(value: bigint, words: ScaleWords, fallback: (value: bigint) => string): string {
  if (value < MILLION) return words.underAMillion(value);
  const parts: { value: bigint; words: string }[] = [];
  let rest = value / MILLION;
  for (const [singular, plural] of words.scale.names) {
    if (rest === 0n) break;
    const part = rest % words.scale.step;
    rest /= words.scale.step;
    if (part !== 0n)
      parts.unshift({ value: part, words: `${words.underAMillion(part)} ${part === 1n ? singular : plural}` });
  }
  if (rest !== 0n) return fallback(value);
  const low = value % MILLION;
  if (low !== 0n) parts.push({ value: low, words: words.underAMillion(low) });
  return parts
    .map((part, index) => {
      const joiner = index > 0 && index === parts.length - 1 ? words.joinLast?.(part.value) : undefined;
      return joiner ? `${joiner} ${part.words}` : part.words;
    })
    .join(' ');
}
