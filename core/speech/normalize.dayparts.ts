/**
 * The part of the day after a clock time, as Spanish and Portuguese say it: "a las 9:30 a. m." is "a las nueve y
 * media de la mañana", "la 1:00 p. m." "la una de la tarde". An engine spells "a. m." and "p. m." as letters, and
 * no narrator reads them so.
 */
import type { LanguageRules } from './normalize.rules';

/** An hour of the twelve-hour clock, its minutes if written, and the marker: "9:30 a. m.", "9 p.m.", "11 am". */
const TIME_WITH_DAY_PART =
  /(?<![\p{L}\p{N}:.,])(\d{1,2})(?::(\d{2}))?[ \t]?([aApP])(?:\.[ \t]?[mM](\.)?|([mM])(\.)?)(?![\p{L}\p{N}])/gu;

/** The marker's period may also end the sentence: then the spoken form keeps one stop. */
const SENTENCE_MAY_END = /^(?:[ \t]*(?:\n|$)|\s+["'(]?\p{Lu})/u;

/** "9:30 a. m." → "nueve y media de la mañana", "12 p. m." → "doce del mediodía"; hours past 12 stay as written. */
export function readDayParts(text: string, rules: LanguageRules): string {
  const dayPart = rules.dayPart;
  if (!dayPart || !/\d[ \t]?[aApP]\.?[ \t]?[mM]/.test(text)) return text;
  const feminine = rules.units.h?.[2] === true;
  return text.replace(TIME_WITH_DAY_PART, (...args: unknown[]) => {
    const [match, hours, minutes, marker, dottedPeriod, , gluedPeriod] = args as (string | undefined)[];
    const offset = args[args.length - 2] as number;
    const source = args[args.length - 1] as string;
    const h = Number(hours);
    const m = minutes === undefined ? 0 : Number(minutes);
    if (h < 1 || h > 12 || m > 59 || match === undefined || marker === undefined) return match ?? '';
    const time = m === 0 ? rules.cardinal(BigInt(h), feminine) : rules.clock(h, m);
    const hadPeriod = (dottedPeriod ?? gluedPeriod) !== undefined;
    const stop = hadPeriod && SENTENCE_MAY_END.test(source.slice(offset + match.length)) ? '.' : '';
    return `${time} ${dayPart(h, marker.toLowerCase() === 'p')}${stop}`;
  });
}
