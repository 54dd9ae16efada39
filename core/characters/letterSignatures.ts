/**
 * The letters a chapter holds, read for who wrote them and to whom (docs/characters.md, *Letters*): a letter opens
 * with a salutation alone on its line ("Querido Julián:", "Dear Walter,", "Minha querida Encarna,") and closes with a
 * signature, the short blocks before its postscripts or its end: a name ("Julián"), a closing that says who the writer
 * is to the reader ("Tu madre, que no te olvida.", "Your affectionate brother, Walter", "Sempre tua, Encarna"), or a
 * closing over a name ("Tu hermana," then "Encarna"). Postscripts ("P.S.", "P. D.") follow the signature and never
 * sign. Only a letter with both ends is read; everything is read off short blocks, so the work is linear in the text.
 */
import { isSalutationLine } from '../manuscript/letters';
import type { Gender } from './character';
import { foldWord, type HeuristicLanguage } from './vocabulary';

/** A block of lines between blank lines: half-open offsets in its chapter and its text, trimmed. */
export interface TextBlock {
  from: number;
  to: number;
  text: string;
}

export interface LetterSigning {
  chapter: number;
  /** From the salutation to the end of the letter's last postscript, offsets in the chapter. */
  from: number;
  to: number;
  salutation: TextBlock;
  /** The block holding the writer's name, and the name's offsets in the chapter; null when the closing gives none. */
  name: { from: number; to: number } | null;
  /** What the writer is to the reader, as the closing writes it ("Tu madre", "your affectionate brother"). */
  kin: string | null;
  /** The writer's gender as the closing's words say it ("madre", "tua", "sister"); unknown when they do not. */
  gender: Gender;
}

/** A signature is a few words; a block longer than this is the letter's text. */
const MAX_SIGNATURE_WORDS = 10;
const MAX_SIGNATURE_CHARS = 80;

/** "P.S.", "P. S.", "PS:", "P. D." (Spanish "posdata"), "Post-scriptum": a postscript, never a signature. */
const POSTSCRIPT = /^(?:P\.[ \t]?[SD]\.|PS[.:,]|P[ \t]?S[ \t]*:|Post-?scriptum\b|Posdata\b)/iu;

/** A name alone: one to four capitalised words, particles between them ("Julián", "Maria da Glória", "W. H."). */
const NAME_ALONE = /^(\p{Lu}[\p{L}'’.-]*)(?:[ \t]+(?:\p{Lu}[\p{L}'’.-]*|de|da|do|das|dos|del|la|van|von)){0,3}[.,]?$/u;

const POSSESSIVES: Record<HeuristicLanguage, string> = {
  en: 'your|yours|thy',
  es: 'tu|su|vuestr[oa]|tuy[oa]|suy[oa]',
  pt: 'teu|tua|seu|sua|voss[oa]',
};

/** What a writer is to the reader, each word with the gender it says. */
const KIN: Record<HeuristicLanguage, Record<string, Gender>> = {
  en: kinWords(
    'mother daughter sister wife aunt niece grandmother',
    'father son brother husband uncle nephew grandfather',
    'friend cousin child servant',
  ),
  es: kinWords(
    'madre hija hermana esposa mujer tia sobrina abuela prima amiga novia',
    'padre hijo hermano esposo marido tio sobrino abuelo primo amigo novio',
    '',
  ),
  pt: kinWords(
    'mae filha irma esposa mulher tia sobrinha avo prima amiga noiva',
    'pai filho irmao esposo marido tio sobrinho primo amigo noivo',
    '',
  ),
};

/** Possessives that agree with the writer when they stand for the writer ("Sempre tua", "Siempre tuyo"). */
const AGREEING: Record<string, Gender> = {
  tua: 'female',
  teu: 'male',
  vossa: 'female',
  vosso: 'male',
  tuya: 'female',
  tuyo: 'male',
  suya: 'female',
  suyo: 'male',
};

function kinWords(female: string, male: string, either: string): Record<string, Gender> {
  const words: Record<string, Gender> = {};
  for (const word of female.split(' ')) words[word] ??= 'female';
  for (const word of male.split(' ')) words[word] ??= 'male';
  for (const word of either.split(' ').filter(Boolean)) words[word] ??= 'unknown';
  return words;
}

/** The chapter's blocks of lines, in order. One pass. */
export function blocksOf(text: string): TextBlock[] {
  const blocks: TextBlock[] = [];
  let start = -1;
  let end = 0;
  let at = 0;
  for (const line of text.split('\n')) {
    if (line.trim() === '') {
      if (start >= 0) blocks.push({ from: start, to: end, text: text.slice(start, end).trim() });
      start = -1;
    } else {
      if (start < 0) start = at;
      end = at + line.length;
    }
    at += line.length + 1;
  }
  if (start >= 0) blocks.push({ from: start, to: end, text: text.slice(start, end).trim() });
  return blocks;
}

function isShort(block: TextBlock | undefined): block is TextBlock {
  return (
    block !== undefined &&
    block.text.length <= MAX_SIGNATURE_CHARS &&
    !block.text.includes('\n') &&
    block.text.split(/\s+/u).length <= MAX_SIGNATURE_WORDS
  );
}

interface Closing {
  kin: string | null;
  gender: Gender;
  /** Where a name after the closing's last comma stands in the block ("…, Walter"), or null. */
  name: { from: number; to: number } | null;
}

/**
 * What a closing says of its writer: a possessive and a kin word ("Tu madre", "your loving sister"), a possessive
 * agreeing with the writer ("Sempre tua"), and a name after its last comma. Null when it is no closing.
 */
function readClosing(block: TextBlock, language: HeuristicLanguage): Closing | null {
  const words = [...block.text.matchAll(/\p{L}+/gu)];
  const possessives = new RegExp(`^(?:${POSSESSIVES[language]})$`, 'u');
  let kin: string | null = null;
  let gender: Gender = 'unknown';
  for (let index = 0; index < words.length && kin === null; index++) {
    const word = foldWord(words[index][0]);
    if (!possessives.test(word)) continue;
    if (AGREEING[word] !== undefined) gender = AGREEING[word];
    // The kin word comes within three words of its possessive ("your affectionate brother").
    for (let next = index + 1; next <= index + 3 && next < words.length; next++) {
      const kinGender = KIN[language][foldWord(words[next][0])];
      if (kinGender === undefined) continue;
      kin = block.text.slice(words[index].index, words[next].index + words[next][0].length);
      gender = kinGender === 'unknown' ? gender : kinGender;
      break;
    }
  }
  if (kin === null && gender === 'unknown') return null;
  const comma = block.text.lastIndexOf(',');
  const after = comma < 0 ? '' : block.text.slice(comma + 1).trim();
  const name =
    after !== '' && NAME_ALONE.test(after)
      ? {
          from: block.from + block.text.lastIndexOf(after),
          to: block.from + block.text.lastIndexOf(after) + after.length,
        }
      : null;
  return { kin, gender, name };
}

/** The signature closing the letter whose blocks after the salutation are `body`, or null when none signs it. */
function signatureOf(
  body: TextBlock[],
  language: HeuristicLanguage,
): Pick<LetterSigning, 'name' | 'kin' | 'gender'> | null {
  const postscript = body.findIndex((block) => POSTSCRIPT.test(block.text));
  const signed = postscript < 0 ? body : body.slice(0, postscript);
  const last = signed.at(-1);
  if (!isShort(last) || signed.length < 2) return null;
  if (NAME_ALONE.test(last.text)) {
    const before = signed.at(-2);
    const closing = isShort(before) && /,$/u.test(before.text) ? readClosing(before, language) : null;
    const name = last.text.replace(/[.,]$/u, '');
    return {
      name: { from: last.from + last.text.indexOf(name), to: last.from + last.text.indexOf(name) + name.length },
      kin: closing?.kin ?? null,
      gender: closing?.gender ?? 'unknown',
    };
  }
  const closing = readClosing(last, language);
  return closing === null ? null : closing;
}

/**
 * A signature standing in the middle of a chapter, where a letter read aloud in a scene ends ("Tu hermano que te
 * quiere," over "Tomás", in one block or two): only a closing that says who the writer is, over a name, ends a letter
 * there, since a name alone on its line may be anything. Null when the block at `index` is none.
 */
function closingOverNameAt(
  body: TextBlock[],
  index: number,
  language: HeuristicLanguage,
): Pick<LetterSigning, 'name' | 'kin' | 'gender'> | null {
  const block = body[index];
  const lines = block.text.split('\n');
  const closingBlock =
    lines.length === 2
      ? { from: block.from, to: block.from + lines[0].length, text: lines[0].trim() }
      : lines.length === 1 && isShort(block)
        ? body[index - 1]
        : undefined;
  const written = lines.at(-1)!.trim();
  if (!isShort(closingBlock) || !/,$/u.test(closingBlock.text) || written.length > MAX_SIGNATURE_CHARS) return null;
  if (!NAME_ALONE.test(written)) return null;
  const closing = readClosing(closingBlock, language);
  if (closing === null || closing.kin === null) return null;
  const name = written.replace(/[.,]$/u, '');
  const at = block.from + block.text.lastIndexOf(name);
  return { name: { from: at, to: at + name.length }, kin: closing.kin, gender: closing.gender };
}

/**
 * The chapter's signed letters, each from its salutation to its signature: the last short blocks before the next
 * salutation or the chapter's end, or else the first closing over a name in between (a letter read in a scene).
 */
export function signedLetters(text: string, chapter: number, language: HeuristicLanguage): LetterSigning[] {
  const blocks = blocksOf(text);
  const openings = blocks.flatMap((block, index) => (isShort(block) && isSalutationLine(block.text) ? [index] : []));
  return openings.flatMap((opening, nth) => {
    const next = openings[nth + 1];
    // The next letter's place and date line stands over its salutation.
    const end = next === undefined ? blocks.length : /\d/u.test(blocks[next - 1].text) ? next - 1 : next;
    let body = blocks.slice(opening + 1, end);
    let signature = signatureOf(body, language);
    if (signature === null) {
      const closes = body.findIndex((_, index) => closingOverNameAt(body, index, language) !== null);
      if (closes < 0) return [];
      signature = closingOverNameAt(body, closes, language);
      body = body.slice(0, closes + 1);
    }
    if (signature === null) return [];
    const salutation = blocks[opening];
    return [{ chapter, from: salutation.from, to: body.at(-1)!.to, salutation, ...signature }];
  });
}
