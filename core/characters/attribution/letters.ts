/**
 * Who "I" is in a chapter's tags and introductions: the first-person narrator, except inside a letter printed in the
 * chapter, whose "I" is its writer. There "—El mismo —le contesté yo—." and "Y le dije:" are the writer's lines, not
 * the narrator's.
 *
 * A letter opens with a salutation alone on its line ("Querida Rosa:", "Dear Walter,") and, in a scene, closes with
 * its signature, the first block after its text that is a name under a closing ending in a comma ("Tu hermano que te
 * quiere," then "Tomás", on two lines of one block or in two blocks) or a closing with the name after its comma
 * ("Your affectionate brother, Walter"); the narration goes on after it. The writer is the person of the cast the
 * name, else the closing, names. A book's letters as character detection reads them (letterSignatures.ts: each
 * letter up to the next salutation or the chapter's end, "Tu madre." signing) name their writers too, and win.
 * A writer the cast does not hold is someone it does not name, except in a chapter told in the first person (an
 * epistolary voice of one, or the narrator's own letter); in a chapter nobody tells in the first person, an unsigned
 * letter's "I" is someone the cast does not name up to the chapter's end.
 */
import { isSalutationLine } from '../../manuscript/letters';
import { SOMEONE_ELSE } from '../attributeTurns';
import { NARRATOR_ID } from '../character';
import { blocksOf, signedLetters, type LetterSigning } from '../letterSignatures';
import type { HeuristicLanguage } from '../vocabulary';
import type { Cast } from './cast';
import { narratedInFirstPerson } from './firstPersonNarrator';
import type { ChapterSegment } from './structure';

const LANGUAGES: HeuristicLanguage[] = ['en', 'es', 'pt'];

/** A name alone on its line: one to four capitalised words ("Tomás", "Maria da Glória", "W. H. Pell"). */
const NAME_LINE = /^\p{Lu}[\p{L}'’.-]*(?:[ \t]+(?:\p{Lu}[\p{L}'’.-]*|de|da|do|das|dos|del|la|van|von)){0,3}[.,]?$/u;
/** A closing over the name: a short line ending in a comma ("Tu hermano que te quiere,", "Yours truly,"). */
const MAX_CLOSING_CHARS = 80;
/** A closing and the name after its comma, on one line: "Your affectionate brother, Walter". */
const MAX_CLOSING_WORDS = 10;

interface Letter {
  from: number;
  to: number;
  /** The signature's name and the closing over it, as written; null where the letter is unsigned. */
  name: string | null;
  closing: string | null;
}

const isClosing = (line: string) => line.length <= MAX_CLOSING_CHARS && line.endsWith(',') && !/[.!?:;]/u.test(line);

/** The signature a block is, given the letter's block before it; null when it is the letter's text. */
function signatureIn(lines: string[], before: string[]): { name: string; closing: string | null } | null {
  if (lines.length === 2 && isClosing(lines[0]) && NAME_LINE.test(lines[1]))
    return { name: lines[1].replace(/[.,]$/u, ''), closing: lines[0].slice(0, -1) };
  if (lines.length !== 1) return null;
  const [line] = lines;
  if (NAME_LINE.test(line) && before.length === 1 && isClosing(before[0]))
    return { name: line.replace(/[.,]$/u, ''), closing: before[0].slice(0, -1) };
  const comma = line.lastIndexOf(',');
  const name = line.slice(comma + 1).trim();
  if (
    comma > 0 &&
    line.length <= MAX_CLOSING_CHARS &&
    line.split(/\s+/u).length <= MAX_CLOSING_WORDS &&
    NAME_LINE.test(name) &&
    isClosing(line.slice(0, comma + 1))
  )
    return { name: name.replace(/[.,]$/u, ''), closing: line.slice(0, comma) };
  return null;
}

/** The letters printed in the chapter's scenes, each from its salutation to its signature (or the chapter's end). */
function sceneLetters(text: string): Letter[] {
  const letters: Letter[] = [];
  let open: number | null = null;
  let before: string[] = [];
  let bodyBlocks = 0;
  for (const block of blocksOf(text)) {
    const lines = block.text.split('\n').map((line) => line.trim());
    if (lines.length === 1 && isSalutationLine(lines[0])) {
      if (open !== null) letters.push({ from: open, to: block.from, name: null, closing: null });
      open = block.from;
      bodyBlocks = 0;
    } else if (open !== null) {
      const signature = bodyBlocks > 0 ? signatureIn(lines, before) : null;
      bodyBlocks++;
      if (signature !== null) {
        letters.push({ from: open, to: block.to, ...signature });
        open = null;
      }
    }
    before = lines;
  }
  if (open !== null) letters.push({ from: open, to: text.length, name: null, closing: null });
  return letters;
}

/** The letters character detection reads, with their writers, read with the chapter's language or any of three. */
function signedBy(text: string, language: HeuristicLanguage | undefined): LetterSigning[] {
  for (const code of language ? [language] : LANGUAGES) {
    const found = signedLetters(text, 0, code);
    if (found.length > 0) return found;
  }
  return [];
}

interface Voice {
  from: number;
  to: number;
  speakerId: string;
}

/**
 * Per segment of the chapter (in order), who a first-person tag or introduction there names: the narrator, or the
 * writer of the letter holding the segment's start.
 */
export function firstPersonVoices(ordered: ChapterSegment[], cast: Cast): string[] {
  const text = ordered.map((segment) => segment.text).join('');
  const unknownWriter = cast.firstPersonNarrator || narratedInFirstPerson(ordered) ? NARRATOR_ID : SOMEONE_ELSE;
  const named = (...forms: (string | null)[]) => {
    for (const form of forms) {
      const id = form === null ? null : cast.subjectOf(form);
      if (id !== null) return id;
    }
    return null;
  };
  const signed: Voice[] = signedBy(text, cast.language).flatMap((letter) => {
    const writer = named(letter.name && text.slice(letter.name.from, letter.name.to), letter.kin);
    return writer === null ? [] : [{ from: letter.from, to: letter.to, speakerId: writer }];
  });
  const inScenes: Voice[] = sceneLetters(text).map((letter) => ({
    from: letter.from,
    to: letter.to,
    speakerId: named(letter.name, letter.closing) ?? unknownWriter,
  }));
  // Both lists come in order and never overlap within themselves; a letter detection signs wins over a scene's.
  let start = 0;
  const next = [0, 0];
  return ordered.map((segment) => {
    const at = start;
    start += segment.text.length;
    for (const [list, voices] of [signed, inScenes].entries()) {
      while (next[list] < voices.length && voices[next[list]].to <= at) next[list]++;
      const voice = voices[next[list]];
      if (voice !== undefined && voice.from <= at) return voice.speakerId;
    }
    return NARRATOR_ID;
  });
}
