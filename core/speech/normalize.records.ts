/**
 * A season's record: wins and losses joined by a dash ("the Cardinals are 47-32", "went 10-6", "a 47-32 record"). It
 * is written like a range or a score ("won 3-1") and said differently: "forty-seven and thirty-two", where the other
 * two say "to". Only where the words around it say it is a record.
 */
import { perLanguage, type LanguageRules } from './normalize.rules';

const escapeRegex = (text: string) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
const alternation = (words: readonly string[]) =>
  [...words]
    .sort((a, b) => b.length - a.length)
    .map((word) => escapeRegex(word).replace(/ /g, String.raw`[ \t]+`))
    .join('|');

/** How far before a pair the words that make it a record (or a score) are looked for. */
const LOOK_BEFORE = 40;
/** A record joined to the one before it ("47-32 at home and 12-8 versus lefties") follows within this many characters. */
const JOINED_WITHIN = 30;

const recordPatterns = perLanguage((rules) => {
  const records = rules.seasonRecords;
  if (!records) return null;
  return {
    // Two numbers of up to three digits, not a longer chain ("1-2-3"), a decimal, a time or a date.
    pair: /(?<![\p{L}\p{N}.,:/–-])(\d{1,3})[–-](\d{1,3})(?![\p{L}\p{N}]|[.,:/–-]\d)/gu,
    after: new RegExp(String.raw`(?<![\p{L}])(?:${alternation(records.after)})[ \t]{1,3}$`, 'iu'),
    before: new RegExp(String.raw`^[ \t]{1,3}(?:${alternation(records.before)})(?![\p{L}])`, 'iu'),
    score: new RegExp(String.raw`(?<![\p{L}])(?:${alternation(records.scoreWords)})(?![\p{L}])`, 'iu'),
    nextWord: /^[ \t]{1,3}(\p{Ll}[\p{L}'’-]*)/u,
    joined: /^[^.!?;\n]*(?:,|(?<![\p{L}])and)[ \t]{1,3}$/u,
  };
});

/** "are 47-32 at home and 12-8 versus left-handers" → "are forty-seven and thirty-two … twelve and eight versus …". */
export function readSeasonRecords(text: string, rules: LanguageRules): string {
  const records = rules.seasonRecords;
  const patterns = recordPatterns(rules);
  if (!records || !patterns || !/\d[–-]\d/.test(text)) return text;
  let lastRecordEnd = -Infinity;
  return text.replace(patterns.pair, (match: string, wins: string, losses: string, offset: number, source: string) => {
    const end = offset + match.length;
    const before = source.slice(Math.max(0, offset - LOOK_BEFORE), offset);
    const after = source.slice(end, end + 24);
    const joinedToRecord =
      offset - lastRecordEnd <= JOINED_WITHIN && patterns.joined.test(source.slice(lastRecordEnd, offset));
    const lead = patterns.after.exec(before)?.[0].trim().replace(/\s+/g, ' ').toLowerCase();
    const rises = Number(wins) < Number(losses);
    const led = lead !== undefined && !(rises && records.rangeLeads.has(lead)) && !patterns.score.test(before);
    const isRecord = joinedToRecord || patterns.before.test(after) || led;
    if (!isRecord) return match;
    // A noun other than the record's own follows: "are 5-10 years old" is a range.
    const next = patterns.nextWord.exec(after)?.[1];
    if (next !== undefined && !records.followers.has(next.toLowerCase())) return match;
    lastRecordEnd = end;
    return `${wins} ${records.joiner} ${losses}`;
  });
}
