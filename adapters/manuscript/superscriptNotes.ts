/**
 * Note marks set in superscript with no link (`lamp<sup>1</sup>`, `night.<sup>*</sup>`, `boat<sup>a</sup>`), the
 * notes standing at the end of a chapter or of the book as paragraphs opening with the same mark (`1. …`,
 * `<sup>*</sup> …`, `a) …`). The HTML reader wraps the text of each superscript between two private-use characters;
 * once a book's blocks are all read, `gatherSuperscriptNotes` decides what each one is and takes the wrapping away.
 */
import type { RawBlock } from './assemble';
import { startsSection } from './gatheredNotes';

export const MARK_OPEN = '\uE001';
export const MARK_CLOSE = '\uE002';
/** What a superscript holds to be taken for a mark: a number, a few asterisks or daggers, one small letter. */
const MARK_TEXT = /^(?:\d{1,3}|[*†‡§]{1,3}|\p{Ll})$/u;
const WRAPPED = /\uE001([^\uE002]*)\uE002/g;
const WRAPPERS = /[\uE001\uE002]/g;
const HAS_WRAPPER = /[\uE001\uE002]/;

/** A paragraph opening with a mark: raised, or written `1.`, `1)`, `(1)`, `[1]`, `1 `, `a)`, `a.`, `*`. */
const OPENERS = [
  /^\uE001([^\uE002]+)\uE002\s*(?=\S)/u,
  /^[[(](\d{1,3}|\p{Ll})[\])][.:]?\s+(?=\S)/u,
  /^(\d{1,3})[.)]?\s+(?=\S)/u,
  /^(\p{Ll})[.)]\s+(?=\S)/u,
  /^([*†‡§]{1,3})\s*(?=[\p{L}\p{N}"'“‘«¿¡(])/u,
];
/**
 * Paragraphs a note may run on over between two notes (none carrying a mark); more, and the marks were something
 * else (a list).
 */
const MAX_NOTE_CONTINUATION = 3;
const CLOSING_PUNCTUATION = /[.,;:!?"'”’»)\]]/u;
const isLetter = (char: string) => /\p{L}/u.test(char);

function opening(text: string): { mark: string; rest: string } | undefined {
  for (const opener of OPENERS) {
    const match = opener.exec(text);
    if (match && MARK_TEXT.test(match[1])) return { mark: match[1], rest: text.slice(match[0].length) };
  }
  return undefined;
}

/**
 * Whether a raised mark stands where a note's mark does: right after a word or closing punctuation. A number after
 * a word of one or two letters is a power (`m²`, `km²`, `x²`), and after a digit (`1<sup>st</sup>`) an ordinal.
 */
function standsAsMark(text: string, at: number, mark: string): boolean {
  if (!MARK_TEXT.test(mark)) return false;
  const before = text.charAt(at - 1);
  if (CLOSING_PUNCTUATION.test(before)) return true;
  if (!isLetter(before)) return false;
  if (!/^\d/.test(mark)) return true;
  let letters = 0;
  while (letters < 3 && at - 1 - letters >= 0 && isLetter(text.charAt(at - 1 - letters))) letters++;
  return letters >= 3;
}

/** The marks a block's text carries (not one it opens with), each where it stands as a note's mark. */
function marksIn(text: string): string[] {
  const marks: string[] = [];
  for (const match of text.matchAll(WRAPPED)) if (standsAsMark(text, match.index, match[1])) marks.push(match[1]);
  return marks;
}

export interface SuperscriptNotes {
  /** The blocks in the same order (a note's paragraphs emptied, so indexes into them still hold). */
  blocks: RawBlock[];
  /** Each note found, opening with its mark as gathered notes do (`[1] …`). */
  notes: string[];
}

/**
 * Finds the notes and settles every wrapped mark. A run of paragraphs is notes when each opens with a mark the text
 * before it carries (and not yet claimed by an earlier note), at most three paragraphs of a note's own between them,
 * and the run ends the chapter: a heading, a page break, a new document (`documentStarts`) or the book's end follows
 * it. Its paragraphs leave the text. A mark in the text then goes when a note has it or when it is a number or a
 * symbol standing after a word or punctuation; a letter without a note, and anything not standing after a word (an
 * ordinal's `st`, a power's `2`), is kept as written.
 */
export function gatherSuperscriptNotes(
  raw: RawBlock[],
  documentStarts: ReadonlySet<number> = new Set(),
): SuperscriptNotes {
  const blocks = raw.map((block) => ({ ...block }));
  const pending = new Map<string, number>();
  const noted = new Set<string>();
  const notes: string[] = [];
  const endsChapter = (index: number) => {
    const next = blocks[index];
    return (
      next === undefined ||
      next.kind === 'heading' ||
      next.pageBreakBefore === true ||
      documentStarts.has(index) ||
      startsSection(next.text.replace(WRAPPERS, ''))
    );
  };

  let scanned = 0;
  const addMarksUpTo = (end: number) => {
    for (; scanned < end; scanned++)
      for (const mark of marksIn(blocks[scanned].text)) pending.set(mark, (pending.get(mark) ?? 0) + 1);
  };

  let i = 0;
  while (i < blocks.length) {
    addMarksUpTo(i);
    const first = blocks[i].kind === 'paragraph' ? opening(blocks[i].text) : undefined;
    if (!first || !pending.get(first.mark)) {
      i++;
      continue;
    }
    // Read the run on: openers claiming marks still pending, with a few paragraphs of their notes between them.
    const claimed = new Map<string, number>();
    const claim = (mark: string) => {
      const left = (pending.get(mark) ?? 0) - (claimed.get(mark) ?? 0);
      if (left <= 0) return false;
      claimed.set(mark, (claimed.get(mark) ?? 0) + 1);
      return true;
    };
    claim(first.mark);
    let last = i;
    let j = i + 1;
    while (j < blocks.length && !endsChapter(j) && j - last <= MAX_NOTE_CONTINUATION) {
      const next = opening(blocks[j].text);
      if (next) {
        if (!claim(next.mark)) break;
        last = j;
      } else if (HAS_WRAPPER.test(blocks[j].text)) break; // a paragraph marking notes is the text's, not a note's
      j++;
    }
    if (!endsChapter(last + 1)) {
      // Not notes; a run starting inside this one ends where it did, so reading goes on from there. An opener right
      // after the run's last, with no mark left for it, makes the run a list: none of its items are notes.
      i = Math.max(j, i + 1);
      if (j === last + 1) while (i < blocks.length && !endsChapter(i) && opening(blocks[i].text)) i++;
      continue;
    }
    for (let k = i; k <= last; k++) {
      const note = opening(blocks[k].text);
      const text = (note ? note.rest : blocks[k].text).replace(WRAPPERS, '');
      if (note) {
        notes.push(`[${note.mark}] ${text}`);
        noted.add(note.mark);
      } else notes[notes.length - 1] += `\n${text}`;
      blocks[k].text = '';
    }
    for (const [mark, count] of claimed) pending.set(mark, (pending.get(mark) ?? 0) - count);
    scanned = Math.max(scanned, last + 1);
    i = last + 1;
  }

  for (const block of blocks)
    if (HAS_WRAPPER.test(block.text))
      block.text = block.text
        .replace(WRAPPED, (_, mark: string, at: number, text: string) => {
          const isMark = standsAsMark(text, at, mark) && (noted.has(mark) || !/^\p{Ll}$/u.test(mark));
          return isMark ? '' : mark;
        })
        // A superscript a block began or ended inside left half its wrapping.
        .replace(WRAPPERS, '');
  return { blocks, notes };
}
