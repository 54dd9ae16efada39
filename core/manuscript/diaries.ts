/**
 * Entries of a diary or a journal: each opens with a line that is a date and nothing more ("March 3rd.", "3 de
 * março.", "Monday, 14 May 1798.", "3 May. Bistritz."), alone in its block, with the day's text under it.
 *
 * The rule: dated entries are the book's chapters only when the book has no other chapter structure (no chapter
 * headings, no letters) and three entries or more open that way. Under chapter headings an entry is a paragraph of
 * the chapter, its date line a paragraph of its own, so it is read with a pause and cuts nothing: a journal kept in
 * chapters is cut by its chapters, and a novel's dated letter or a date quoted once in a chapter never becomes one.
 * A date line over a salutation opens a letter (letters.ts), not an entry.
 *
 * Many diaries run the date into the entry's first paragraph ("Monday, 3rd May. — We left Munich at …", "3 de
 * maio. Saímos …", "3 May. Bistritz.—Left Munich …"): the date, a stop or a dash, and the first sentence starting in
 * capitals. Such a paragraph opens an entry under the same rule; its date is the entry's title and heading.
 */
import { isSalutation, MONTHS } from './letters';
import type { LaidOutBlock } from './textLayout';

const WEEKDAYS = [
  'monday|tuesday|wednesday|thursday|friday|saturday|sunday',
  'lunes|martes|miércoles|miercoles|jueves|viernes|sábado|sabado|domingo',
  'segunda|terça|terca|quarta|quinta|sexta',
  'lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche',
].join('|');
const DAY = String.raw`\d{1,2}(?:st|nd|rd|th|d|º|°|er)?`;
const YEAR = String.raw`(?:,?\s+(?:de\s+)?1\d{3})?`;
// Portuguese weekdays are written whole ("segunda-feira") or short ("segunda"). English may put an article before the
// day, with or without a weekday ("Tuesday, the 3rd of March.", "The 9th of March.").
const DATE =
  String.raw`(?:(?:${WEEKDAYS})(?:-feira)?,?\s+)?(?:the\s+)?` +
  String.raw`(?:${DAY}\.?\s+(?:de\s+|of\s+)?(?:${MONTHS})(?!\p{L})\.?${YEAR}|(?:${MONTHS})(?!\p{L})\.?\s+${DAY}${YEAR})`;
/** The whole line: a weekday, the date in either order with its year, and at most a place of two words after it. */
const DIARY_DATE = new RegExp(String.raw`^${DATE}[.,;:]?(?:\s*[—–-]?\s*([\p{L}'’.-]+(?:\s+[\p{L}'’.-]+)?))?\s*$`, 'iu');
const DATE_START = new RegExp(`^${DATE}`, 'iu');
/**
 * What follows a date run into its entry: at most a place of one or two capitalised words before a dash, then a full
 * stop or a dash, then the first sentence in capitals. Without the stop ("10 de março de 1850 foi o dia …") the date
 * is the sentence's subject, not a heading. Case-sensitive: the capitals are the point.
 */
const AFTER_RUN_IN_DATE =
  /^((?:[.,]?\s+\p{Lu}[\p{L}'’-]*(?:\s+\p{Lu}[\p{L}'’-]*)?(?=\.?\s*[—–]))?\.?)(?:\s*[—–]+\s*|(?<=\.)\s+)(?=[\p{Lu}"“‘«—–])/u;
const MAX_DATE_LINE = 48;
/** A diary has entries enough that dated lines are its shape, not a date quoted here and there. */
const MIN_ENTRIES = 3;

function isDiaryDate(block: LaidOutBlock): boolean {
  if (block.lines.length !== 1) return false;
  const line = block.lines[0].trim();
  const match = line.length <= MAX_DATE_LINE ? DIARY_DATE.exec(line) : null;
  // The place after the date is a name ("Bistritz"), not the entry's first words ("We rode home").
  return match !== null && (match[1] === undefined || /^\p{Lu}[^\s]*\.?$|^\p{Lu}\S*\s+\p{Lu}\S*$/u.test(match[1]));
}

export interface DiaryEntry {
  block: LaidOutBlock;
  /** The entry's date as written: its title, and its heading (the date line, or the date opening the paragraph). */
  date: string;
}

/** The date a paragraph opens with, run into the entry's first sentence. */
function runInDate(block: LaidOutBlock): string | undefined {
  const line = block.lines[0].trimStart();
  const date = DATE_START.exec(line);
  if (!date) return undefined;
  // A stop after the month ("3 Mar.") is read with what follows, where it ends the date.
  const end = date[0].endsWith('.') ? date[0].length - 1 : date[0].length;
  const after = AFTER_RUN_IN_DATE.exec(line.slice(end));
  return after ? line.slice(0, end + after[1].length) : undefined;
}

/**
 * The blocks that open diary entries: a date line with the day's text under it, not a salutation, or a paragraph
 * opening with a date run into its first sentence.
 */
export function diaryEntries(blocks: LaidOutBlock[]): DiaryEntry[] {
  const entries: DiaryEntry[] = [];
  for (const block of blocks) {
    const next = blocks[block.index + 1];
    if (isDiaryDate(block)) {
      if (next !== undefined && !isSalutation(next) && !isDiaryDate(next))
        entries.push({ block, date: block.lines[0].trim() });
      continue;
    }
    const date = runInDate(block);
    if (date !== undefined) entries.push({ block, date });
  }
  return entries.length >= MIN_ENTRIES ? entries : [];
}

/**
 * The date lines of a book kept as a diary (three or more), wherever they stand: under a chapter heading such a line
 * is the first entry's date, not the chapter's title.
 */
export function diaryDateLines(blocks: LaidOutBlock[]): Set<number> {
  const dates = blocks.filter(isDiaryDate).map((block) => block.index);
  return new Set(dates.length >= MIN_ENTRIES ? dates : []);
}
