/**
 * Dialogue turns inside one paragraph. Returns the start (relative to the paragraph) and kind of each piece; pieces
 * start at non-whitespace characters, and whitespace between pieces belongs to the piece before. The conventions
 * and the rules for each are described in docs/dialogue-and-attribution.md.
 */
import { readSpeechTag } from '../characters/attribution/speechTags';
import { speechVerbsOf } from '../characters/speechVerbs';
import type { HeuristicLanguage } from '../characters/vocabulary';
import { isBlankDashes } from './segmentation.blanks';
import { introducesWrittenNotice } from './segmentation.notices';
import { findClosing, isLetter, isOpeningQuote, isSpace, opensNoQuotation, QUOTE_PAIRS } from './segmentation.quotes';

export interface Piece {
  start: number;
  kind: 'narration' | 'dialogue';
}

export interface DialogueConventions {
  /** The chapter prints dialogue with a plain hyphen as the dash ("-Ya voy -dijo el ventero-"). */
  hyphenDashes: boolean;
  /** The chapter prints dialogue with dashes, so a dash glued to narration may open a turn ("voz:--Olá"). */
  dashDialogue: boolean;
  /** The book's language, whose speech verbs make tags; every known language's when absent. */
  language?: HeuristicLanguage;
}

const QUOTED_DIALOGUE: DialogueConventions = { hyphenDashes: false, dashDialogue: false };

/** A run of dashes: em dash, horizontal bar, en dash, two or more hyphens, and (by convention) a lone hyphen. */
const DASH_RUN = /[—―–]+|-{2,}/gu;
const HYPHEN_RUN = /[—―–]+|-{2,}|(?<![\p{L}\p{N}])-|-(?![\p{L}\p{N}])/gu;
/**
 * A dash opening a paragraph as a dialogue dash. A line of speech opens with a capital, a digit or punctuation; a
 * dash before a lower-case word sets an item of a list ("— pan de ayer,") or takes up a narrated sentence broken off
 * in the paragraph before ("—but the letter came").
 */
const OPENING_DASH = /^(?:[—―–]|--)(?![—―–-]*[ \t]*\p{Ll})/u;
/** A hyphen opening a paragraph as a dialogue dash: glued to the first word ("-Ya voy"), not a list bullet ("- a"). */
const OPENING_HYPHEN = /^-(?=[\p{Lu}\p{Lt}\p{Lo}\p{N}¿¡«"“'‘])/u;
const CLOSING_PUNCTUATION = /^[.,;:!?…)]*/u;
const SENTENCE_END = /[.!?…]/u;

function skipSpaces(text: string, from: number): number {
  let i = from;
  while (i < text.length && isSpace(text[i])) i++;
  return i;
}

function lastVisible(text: string, before: number): string {
  return text.slice(0, before).trimEnd().slice(-1);
}

/**
 * How a chapter prints dialogue: with plain hyphens when at least two paragraphs open with a glued hyphen, with
 * dashes when at least two paragraphs open with one (an English novel's "--" inside narration is no turn).
 */
export function detectConventions(paragraphs: string[], language?: HeuristicLanguage): DialogueConventions {
  const hyphenDashes = paragraphs.filter((paragraph) => OPENING_HYPHEN.test(paragraph)).length >= 2;
  const dashed = paragraphs.filter((paragraph) => opensWithDash(paragraph, { hyphenDashes, dashDialogue: false }));
  return { hyphenDashes, dashDialogue: dashed.length >= 2, language };
}

export function opensWithDash(paragraph: string, conventions: DialogueConventions = QUOTED_DIALOGUE): boolean {
  return OPENING_DASH.test(paragraph) || (conventions.hyphenDashes && OPENING_HYPHEN.test(paragraph));
}

/**
 * Words that, opening the clause after a speech tag, continue the narration rather than resume the speech: a
 * gerund ("perguntei eu, enterrando as unhas"), a preposition or subordinator starting an adverbial ("disse ella, no
 * fim de algum tempo", "he said, with a smile").
 */
const NARRATION_CONTINUES =
  /^(?:\p{L}+(?:ando|endo|indo|ondo|ing)|\p{L}{2,}(?:ado|ada|ados|adas|ido|ida|idos|idas)(?=[\s.,;:!?…]|$)|\p{L}{3,}ed(?=[\s.,;:!?…]|$)|with|without|in|at|after|before|as|while|when|looking|com|sem|no|na|nos|nas|n['’]um|n['’]uma|num|numa|ao|aos|à|á|às|pela|pelo|pelas|pelos|emquanto|enquanto|quando|depois|antes|con|sin|en|al|tras|mientras|cuando)(?![\p{L}\p{N}])/iu;
/** After a semicolon, "and" starts a narrated clause ("respondeu elle; e, para que…"). */
const NARRATED_CONJUNCTION = /^(?:and|e|y)(?![\p{L}\p{N}])/iu;

interface Scan {
  text: string;
  pieces: Piece[];
  dashes: RegExp;
  language?: HeuristicLanguage;
  /** The last dash found and where its search started: the next search from before it finds it again. */
  lastDash?: { from: number; found: { at: number; end: number } | null };
}

function push(scan: Scan, start: number, kind: Piece['kind']): void {
  const { pieces, text } = scan;
  if (start >= text.length) return;
  const last = pieces[pieces.length - 1];
  if (last && last.start === start) {
    last.kind = kind;
    return;
  }
  if (last && last.kind === kind && kind === 'narration') return;
  pieces.push({ start, kind });
}

const DASH_CHARACTER = /[—―–-]/u;

/**
 * The next dash from `from`, passing over runs that stand for a name or a word (segmentation.blanks). The last
 * search's answer holds for any later start up to the dash it found, unless the start falls inside a run of dashes
 * (whose tail may be a dash of its own): searching again from each place read a paragraph with no dash left in it
 * to its end at every tag (1 MB of English quoted lines after an opening dash: 14 s to segment).
 */
function nextDash(scan: Scan, from: number): { at: number; end: number } | null {
  const { text, lastDash } = scan;
  const insideRun = from > 0 && DASH_CHARACTER.test(text[from - 1]) && DASH_CHARACTER.test(text[from] ?? '');
  if (lastDash && lastDash.from <= from && !insideRun && (lastDash.found === null || lastDash.found.at >= from))
    return lastDash.found;
  const found = dashAfter(text, from, scan.dashes, scan.language);
  scan.lastDash = { from, found };
  return found;
}

function dashAfter(
  text: string,
  from: number,
  dashes: RegExp,
  language?: HeuristicLanguage,
): { at: number; end: number } | null {
  dashes.lastIndex = from;
  for (let match = dashes.exec(text); match !== null; match = dashes.exec(text)) {
    const end = match.index + match[0].length;
    if (!isBlankDashes(text, match.index, end, language)) return { at: match.index, end };
  }
  return null;
}

/** The first inline speech tag (no dash around it) after clause punctuation in [from, to), if any. */
function nextInlineTag(
  text: string,
  from: number,
  to: number,
  language?: HeuristicLanguage,
): { at: number; end: number } | null {
  const pattern = /[,;.!?…]+["'”’»]?\s+/gu;
  pattern.lastIndex = from;
  for (let match = pattern.exec(text); match !== null && match.index < to; match = pattern.exec(text)) {
    const at = match.index + match[0].length;
    if (at >= to) break;
    const tag = readSpeechTag(text.slice(at, to), language);
    if (tag) return { at, end: at + tag.end };
  }
  return null;
}

/**
 * After an inline tag ends at `tagEnd`, where the speech resumes, or -1 when the rest (up to `limit`) is narration.
 * A comma or semicolon resumes the speech unless the next clause extends the narration; a full stop resumes it
 * unless the stretch introduces the next turn (ends with a colon).
 */
function resumeAfterTag(text: string, tagEnd: number, limit: number): number {
  let end = tagEnd;
  for (let guard = 0; guard < 8 && end < limit; guard++) {
    const terminator = text[end] === '-' || /[—―–]/u.test(text[end]) ? 'dash' : text[end];
    const afterPunctuation = end + (terminator === 'dash' ? 1 : 0);
    const punctuation = CLOSING_PUNCTUATION.exec(text.slice(afterPunctuation))?.[0] ?? '';
    const next = skipSpaces(text, afterPunctuation + punctuation.length);
    if (next >= limit) return -1;
    const rest = text.slice(next, limit);
    if (terminator === ':') return -1;
    if (terminator === 'dash') return next;
    if (SENTENCE_END.test(terminator)) return endsWithColon(text, next, limit) ? -1 : next;
    const narrated = NARRATION_CONTINUES.test(rest) || (terminator === ';' && NARRATED_CONJUNCTION.test(rest));
    if (!narrated) return next;
    // The narration goes on to the end of its sentence ("perguntei eu, enterrando as unhas…, como para…").
    const stop = rest.search(/[.!?…](?=\s|$)/u);
    if (stop < 0) return -1;
    end = next + stop;
  }
  return -1;
}

/** Whether `text[from, limit)` ends with a colon and spaces: read back from `limit`, not through the whole stretch. */
function endsWithColon(text: string, from: number, limit: number): boolean {
  let last = limit - 1;
  while (last >= from && /\s/u.test(text[last])) last--;
  return last >= from && text[last] === ':';
}

/** After a parenthesised tag closing at `after`: the speech resumes past its punctuation, or -1 when none is left. */
function resumeAfterParenthesis(text: string, after: number, limit: number): number {
  const punctuation = CLOSING_PUNCTUATION.exec(text.slice(after))?.[0] ?? '';
  const next = skipSpaces(text, after + punctuation.length);
  return next < limit ? next : -1;
}

/**
 * Dash paragraphs (raya, "--", a hyphen by convention): a dash opens the turn; a later dash after a space opens an
 * inserted attribution (inciso) that a following dash closes; a dash glued to sentence punctuation opens a new turn;
 * a speech tag with no dash around it ("—Who? said I.", "--Não sei, retorqui; o doente…") is cut out as narration.
 */
function dashTurns(text: string, conventions: DialogueConventions): Piece[] {
  const scan: Scan = {
    text,
    pieces: [{ start: 0, kind: 'dialogue' }],
    dashes: conventions.hyphenDashes ? HYPHEN_RUN : DASH_RUN,
    language: conventions.language,
  };
  let mode: 'dialogue' | 'inciso' | 'narration' = 'dialogue';
  let i = nextDash(scan, 0)?.end ?? 0;
  while (i < text.length) {
    const dash = nextDash(scan, i);
    if (mode === 'dialogue') {
      const tag = nextInlineTag(text, i, dash ? dash.at : text.length, conventions.language);
      if (tag) {
        push(scan, tag.at, 'narration');
        const limit = dash ? dash.at : text.length;
        // A tag in parentheses is narration up to its closing parenthesis, however the clause after the verb goes
        // on ("(exclamó el viejo, poniéndose más pálido de lo que ya era).--Y tú…").
        const closing = text[tag.at] === '(' ? text.indexOf(')', tag.end) : -1;
        const tagEnd = closing >= 0 && closing < limit ? closing + 1 : tag.end;
        const resume =
          tagEnd === tag.end ? resumeAfterTag(text, tag.end, limit) : resumeAfterParenthesis(text, tagEnd, limit);
        if (resume >= 0) push(scan, resume, 'dialogue');
        mode = resume >= 0 ? 'dialogue' : 'narration';
        i = resume >= 0 ? resume : tagEnd;
        continue;
      }
      if (!dash) break;
      const before = text[dash.at - 1];
      const tagFollows = readSpeechTag(text.slice(dash.end), conventions.language) !== null;
      if ((isSpace(before) || tagFollows) && dash.end < text.length) {
        // " —dijo Rosa", " -- José Dias baixou a voz." open an inserted narration (inciso), and so does a dash glued
        // to the line when a speech tag follows it ("¡Pues es verdad!--respondieron las madres", "voy—dijo").
        push(scan, dash.at, 'narration');
        mode = 'inciso';
      } else if (/[.!?…:]/u.test(before ?? '')) {
        push(scan, dash.at, 'dialogue'); // "—Já?--Já; virei amanhã."
      }
      i = dash.end;
      continue;
    }
    if (!dash) break;
    const before = text[dash.at - 1];
    const previous = lastVisible(text, dash.at);
    // A tag's parenthesis may hold its full stop: "(siguió pensando Rosa.)--Pues…".
    const closedSentence = previous === ')' && SENTENCE_END.test(lastVisible(text, text.lastIndexOf(')', dash.at)));
    if (SENTENCE_END.test(previous) || previous === ':' || closedSentence) {
      // A new turn after the attribution's sentence: "—dijo Rosa. —Y luego…", "eu.--Ora, defuntos!", "mãos:--Ando".
      push(scan, dash.at, 'dialogue');
      mode = 'dialogue';
      i = dash.end;
      continue;
    }
    const next = skipSpaces(text, dash.end);
    const closesInciso =
      mode === 'inciso' && (!isSpace(before) || next >= text.length || /[.,;:]/u.test(text[next] ?? ''));
    if (!closesInciso) {
      i = dash.end;
      continue;
    }
    // The inciso closes ("Rosa—." / "Capitu --."): the dash and its punctuation stay with the narration.
    const punctuation = CLOSING_PUNCTUATION.exec(text.slice(next))?.[0] ?? '';
    const resume = skipSpaces(text, punctuation.length > 0 ? next + punctuation.length : dash.end);
    if (resume < text.length) push(scan, resume, 'dialogue');
    mode = 'dialogue';
    i = Math.max(resume, dash.end);
  }
  return scan.pieces;
}

/** How far back the word before a quotation is looked for. */
const MENTION_WINDOW = 200;

/**
 * A short quotation inside a narrated sentence ("what the knowing ones call "nuts" to Scrooge", "at the word
 * "liberality," Scrooge frowned") is a word mentioned, not a line spoken: it follows a word that is not a speech
 * verb and is not set off by punctuation. A verb of reading aloud tags a line after it ("read Mr. Pell") but before
 * a quotation it takes a title ("He had read "The Raven" twice").
 */
function isMention(text: string, open: number, close: number, language?: HeuristicLanguage): boolean {
  // The word before is all that is read: a window, so a long paragraph of quotations is not read once per quotation.
  const before = text.slice(Math.max(0, open - MENTION_WINDOW), open).trimEnd();
  if (before.length === 0 || !isLetter(before[before.length - 1])) return false;
  const quoted = text.slice(open + 1, close);
  if ((quoted.match(/[\p{L}\p{N}]+/gu) ?? []).length > 4) return false;
  const previousWord = /[\p{L}'’-]+$/u.exec(before)?.[0] ?? '';
  return (
    (readSpeechTag(previousWord, language) === null ||
      speechVerbsOf(language).reading.includes(previousWord.toLowerCase())) &&
    !/^(?:say|says|saying|cry|cries|crying|ask|asking)$/iu.test(previousWord)
  );
}

function quoteTurns(text: string, language?: HeuristicLanguage): Piece[] {
  const scan: Scan = { text, pieces: [], dashes: DASH_RUN, language };
  let i = 0;
  let narrationFrom = 0;
  while (i < text.length) {
    const ch = text[i];
    if (!(ch in QUOTE_PAIRS) || !isOpeningQuote(text, i, language)) {
      i++;
      continue;
    }
    const afterTag = narrationFrom > 0 && readSpeechTag(text.slice(narrationFrom, i), language) !== null;
    const close = findClosing(text, i, { language, resumesLine: afterTag });
    if (opensNoQuotation(text, i, close)) {
      i++;
      continue;
    }
    const notice = close >= 0 && introducesWrittenNotice(text, narrationFrom, i, language);
    if (close >= 0 && (notice || isMention(text, i, close, language))) {
      i = close + 1;
      continue;
    }
    if (text.slice(narrationFrom, i).trim().length > 0) push(scan, narrationFrom, 'narration');
    if (ch === '«' || ch === '‹') {
      for (const piece of exchangeTurns(text, i, close < 0 ? text.length : close, language))
        push(scan, piece.start, piece.kind);
    } else push(scan, i, 'dialogue');
    if (close < 0) return finish(scan, 'dialogue');
    const end = close + 1 + (CLOSING_PUNCTUATION.exec(text.slice(close + 1))?.[0].length ?? 0);
    narrationFrom = skipSpaces(text, end);
    i = narrationFrom;
  }
  if (text.slice(narrationFrom).trim().length > 0) push(scan, narrationFrom, 'narration');
  return finish(scan, 'narration');
}

const TURN_OPENING = /[\p{Lu}\p{N}¿¡«"“]/u;

/**
 * The turns of a guillemet quotation up to `end` (its closing mark, or the paragraph's end), which may hold a whole
 * exchange in the French way: a dash opening a line inside it, or following a sentence's end, before a capital starts
 * the next speaker's turn (`« Tu viens ?⏎— Non, je reste. — Pourquoi ? »`). A dash after a space before a speech tag
 * opens the tag as narration (`«Vens comigo? — perguntou o Paulo.⏎— Não…`, `«Mañana —dijo— iremos.»`), which the
 * next dash closes or the next turn ends.
 */
/**
 * A tag ending in a colon before a quotation opens speech the line reports (`«O meu pai — disse-me: “Se fores, não
 * voltes.” E eu fiquei.»`): the speaker's own words, not an inserted tag.
 */
function reportsSpeech(text: string, tagEnd: number): boolean {
  return text[tagEnd] === ':' && /["“‘'«]/u.test(text[skipSpaces(text, tagEnd + 1)] ?? '');
}

function exchangeTurns(text: string, open: number, end: number, language?: HeuristicLanguage): Piece[] {
  const pieces: Piece[] = [{ start: open, kind: 'dialogue' }];
  let inTag = false;
  for (const match of text.slice(open + 1, end).matchAll(/[—―–]+|-{2,}/gu)) {
    const at = open + 1 + match.index;
    const dashEnd = at + match[0].length;
    if (isBlankDashes(text, at, dashEnd, language)) continue; // "en casa del Sr. ——, que"
    const next = skipSpaces(text, dashEnd);
    const opensLine = opensLineAfter(text, open, at);
    const spacedBefore = isSpace(text[at - 1]);
    const tag = spacedBefore ? readSpeechTag(text.slice(next, end), language) : null;
    if (tag && !reportsSpeech(text, next + tag.end)) {
      pieces.push({ start: at, kind: 'narration' });
      inTag = true;
    } else if ((opensLine || followsSentenceEnd(text, open, at)) && TURN_OPENING.test(text[next] ?? '')) {
      pieces.push({ start: at, kind: 'dialogue' });
      inTag = false;
    } else if (inTag) {
      // The tag's closing dash: the line goes on after the punctuation that follows it ("—dijo—, iremos").
      const punctuation = CLOSING_PUNCTUATION.exec(text.slice(dashEnd))?.[0] ?? '';
      const resume = skipSpaces(text, dashEnd + punctuation.length);
      if (resume < end) pieces.push({ start: resume, kind: 'dialogue' });
      inTag = false;
    }
  }
  return pieces;
}

/*
 * The two readings below look back from a dash over the spaces before it only: looking back to the quotation's
 * opening or the last line break at every dash made one huge «…» paragraph full of dashes take time growing with the
 * square of its length (400 kB: 4 s, 1 MB: 38 s to segment).
 */

/** Whether the dash at `at` opens a line inside the quotation opened at `open`: a line break, then spaces or tabs. */
function opensLineAfter(text: string, open: number, at: number): boolean {
  let before = at - 1;
  while (before > open && (text[before] === ' ' || text[before] === '\t')) before--;
  return before > open && text[before] === '\n';
}

const SPACES_AFTER_SENTENCE = new Set([' ', '\t', '\u00a0', '\u202f']);

/** Whether a sentence's end, then spaces, stands right before the dash at `at`: `pleut. —`, `comigo? —`. */
function followsSentenceEnd(text: string, from: number, at: number): boolean {
  let before = at - 1;
  while (before >= from && SPACES_AFTER_SENTENCE.has(text[before])) before--;
  return before < at - 1 && before >= from && SENTENCE_END.test(text[before]);
}

function finish(scan: Scan, fallback: Piece['kind']): Piece[] {
  if (scan.pieces.length === 0) return [{ start: 0, kind: fallback }];
  scan.pieces[0] = { ...scan.pieces[0], start: 0 };
  return scan.pieces;
}

/**
 * A dash turn that starts inside a narrated paragraph, glued to the narration's closing punctuation: "ouço uma
 * voz:--Olá, meu rapaz", "animaram-se um pouco.--Talvez aceite, disse elle", "sacudiu-m'os na cara;--Vês".
 */
function embeddedTurn(paragraph: string, conventions: DialogueConventions): number {
  const dash = conventions.hyphenDashes ? '(?:--|[—―–]|-)' : '(?:--|[—―–])';
  const match = new RegExp(`(?:[.!?…;]|:\\s?)(${dash})(?=[\\p{L}\\p{N}¿¡])`, 'u').exec(paragraph);
  return match ? match.index + match[0].length - match[1].length : -1;
}

/** Longest line read as speech that a book printed without its opening dash. */
export const MAX_UNDASHED_LINE = 300;

/**
 * A line printed without its opening dash, its speech tag after a dash glued to it ("Dios te guarde,
 * Frasquita...--dijo el Corregidor a media voz", a chapter's first line set without the dash): a tag follows speech,
 * so what stands before it is a line, not narration. Only in a chapter whose dialogue is printed with dashes, and
 * when that dash is the paragraph's first, with no quotation before it.
 */
function opensWithUndashedLine(paragraph: string, conventions: DialogueConventions): boolean {
  if (!conventions.dashDialogue) return false;
  if (opensWithUndashedParenthesisedLine(paragraph, conventions)) return true;
  const dash = dashAfter(paragraph, 0, conventions.hyphenDashes ? HYPHEN_RUN : DASH_RUN, conventions.language);
  if (!dash || dash.at === 0 || dash.at > MAX_UNDASHED_LINE) return false;
  const line = paragraph.slice(0, dash.at);
  // The line ends with its own punctuation before the tag ("Frasquita...--dijo", "¡Basta!--gritó"); a dash glued to
  // a word ("que Virgilia--chamava-se Virgilia--entrou") sets off an aside in the narration.
  if (!/[.,;!?…]$/u.test(line) || !/\p{L}/u.test(line) || /["“”«»]/u.test(line)) return false;
  return readSpeechTag(paragraph.slice(dash.end), conventions.language) !== null;
}

/**
 * The same with the tag in parentheses after the line's own punctuation ("¡Mercedes! (exclamó el Corregidor al
 * entrar). Necesito saber…"): a parenthesis opening with a speech tag follows speech, so the paragraph is a line
 * printed without its dash.
 */
function opensWithUndashedParenthesisedLine(paragraph: string, conventions: DialogueConventions): boolean {
  const open = paragraph.indexOf('(');
  if (open <= 0 || open > MAX_UNDASHED_LINE) return false;
  const line = paragraph.slice(0, open).trimEnd();
  if (!/[.,;!?…]$/u.test(line) || !/\p{L}/u.test(line) || /["“”«»]/u.test(line)) return false;
  if (line.length === open) return false; // "palabra(dijo…": no space before the parenthesis
  if (/[—―–]|--/u.test(line)) return false;
  return readSpeechTag(paragraph.slice(open + 1), conventions.language) !== null;
}

/**
 * A speech tag in parentheses inside a line ("--Y si no, vamos a ver (preguntó el cabrero): ¿qué…", "(observó en
 * esto el padre del novio)") is narration: the parenthesis and the punctuation after it are cut out and the line
 * resumes after them.
 */
function withParentheticalTags(paragraph: string, pieces: Piece[], language?: HeuristicLanguage): Piece[] {
  const scan: Scan = { text: paragraph, pieces: [], dashes: DASH_RUN, language };
  pieces.forEach((piece, p) => {
    push(scan, piece.start, piece.kind);
    if (piece.kind !== 'dialogue') return;
    const end = p + 1 < pieces.length ? pieces[p + 1].start : paragraph.length;
    // A tag's parenthesis may go on to describe the speaker over a few lines ("(contestó el rústico; hombre de unos
    // treinta años, cuyo rostro…)").
    for (const match of paragraph.slice(piece.start, end).matchAll(/\(([^()]{2,300})\)/gu)) {
      const inner = match[1];
      const tag = readSpeechTag(inner, language);
      // The parenthesis is the tag, and the clause it goes on with ("(preguntó ella, riendo)"), not a remark.
      if (!tag || /[\p{L}\p{N}]/u.test(inner.slice(tag.end).replace(/^[,;][^]*$/u, ''))) continue;
      const open = piece.start + match.index;
      const close = open + match[0].length;
      const punctuation = CLOSING_PUNCTUATION.exec(paragraph.slice(close))?.[0] ?? '';
      push(scan, open, 'narration');
      const resume = skipSpaces(paragraph, close + punctuation.length);
      if (resume < end) push(scan, resume, 'dialogue');
    }
  });
  return scan.pieces;
}

/**
 * Where, inside a block of lines, a new paragraph begins in a book that prints dialogue with dashes and does not
 * leave blank lines between paragraphs: a line opening with a dialogue dash after a line that ends a sentence
 * ("…sobre nuestras espaldas?⏎— Aun las tuyas, Sancho —replicó…"). A dash opening a speech tag on its own line
 * ("¡Hola!⏎—dijo Pedro—.") goes on with the line before. Offsets are into `block`.
 */
export function dashLineBreaks(block: string, conventions: DialogueConventions): number[] {
  if (!conventions.dashDialogue) return [];
  const dash = conventions.hyphenDashes ? '(?:--|[—―–]|-)' : '(?:--|[—―–])';
  const pattern = new RegExp(`[.!?…:»"”')][ \\t]*(?:\\r\\n|\\r|\\n)[ \\t]*(?=${dash})`, 'gu');
  const starts: number[] = [];
  for (const match of block.matchAll(pattern)) {
    const at = match.index + match[0].length;
    const run = /^(?:[—―–]+|-+)/u.exec(block.slice(at))?.[0] ?? '';
    if (isBlankDashes(block, at, at + run.length, conventions.language)) continue; // "el Sr.⏎—— en persona"
    const afterDash = block.slice(at).replace(/^(?:--|[—―–-])\s*/u, '');
    if (readSpeechTag(afterDash, conventions.language) !== null) continue;
    starts.push(at);
  }
  return starts;
}

/** What the paragraphs around a paragraph say about it. */
export interface ParagraphContext {
  /** The paragraph before is narration ending with a colon. */
  introducedByColon?: boolean;
  /** The paragraph is a line printed without its dash between dialogue lines (undashedLinesBetweenDashLines). */
  undashedLine?: boolean;
}

/** Splits a paragraph (without surrounding whitespace) into narration and dialogue pieces. */
export function dialoguePieces(
  paragraph: string,
  conventions: DialogueConventions = QUOTED_DIALOGUE,
  context: ParagraphContext = {},
): Piece[] {
  if (context.introducedByColon && isIntroducedUndashedLine(paragraph, conventions))
    return [{ start: 0, kind: 'dialogue' }];
  return withParentheticalTags(
    paragraph,
    context.undashedLine ? asDashed(paragraph, conventions) : turnPieces(paragraph, conventions),
    conventions.language,
  );
}

/** The paragraph read as if it opened with a dash. */
function asDashed(paragraph: string, conventions: DialogueConventions): Piece[] {
  // The dash added before the paragraph is taken off the offsets again.
  return dashTurns(`—${paragraph}`, conventions).map((piece) => ({ ...piece, start: Math.max(0, piece.start - 1) }));
}

/**
 * A line printed without its dash after narration that introduces it with a colon ("…diciéndose esta frase:" ⏎
 * "¡También la Corregidora es guapa!"): in a chapter whose dialogue is printed with dashes, a short paragraph of
 * exclamations or questions only, with no dash or quotation of its own.
 */
function isIntroducedUndashedLine(paragraph: string, conventions: DialogueConventions): boolean {
  if (!conventions.dashDialogue || paragraph.length > MAX_UNDASHED_LINE) return false;
  if (/[—―–"“”«»(]|--/u.test(paragraph)) return false;
  return /^(?:[¡¿][^¡!¿?]+[!?][.…]*\s*)+$/u.test(paragraph);
}

function turnPieces(paragraph: string, conventions: DialogueConventions): Piece[] {
  if (opensWithDash(paragraph, conventions)) return dashTurns(paragraph, conventions);
  if (opensWithUndashedLine(paragraph, conventions)) return asDashed(paragraph, conventions);
  const quoted = quoteTurns(paragraph, conventions.language);
  if (!conventions.dashDialogue) return quoted;
  // Only narration can hold a dash turn: inside a quotation "--" is the speaker's own dash.
  for (let p = 0; p < quoted.length; p++) {
    if (quoted[p].kind !== 'narration') continue;
    const end = p + 1 < quoted.length ? quoted[p + 1].start : paragraph.length;
    const at = embeddedTurn(paragraph.slice(quoted[p].start, end), conventions);
    if (at <= 0) continue;
    const turn = quoted[p].start + at;
    const after = dashTurns(paragraph.slice(turn), conventions).map((piece) => ({
      ...piece,
      start: piece.start + turn,
    }));
    return [...quoted.slice(0, p + 1), ...after];
  }
  return quoted;
}
