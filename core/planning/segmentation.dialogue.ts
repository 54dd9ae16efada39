/**
 * Dialogue turns inside one paragraph. Returns the start (relative to the paragraph) and kind of each piece; pieces
 * start at non-whitespace characters, and whitespace between pieces belongs to the piece before.
 */
export interface Piece {
  start: number;
  kind: 'narration' | 'dialogue';
}

/** Dashes that open a turn: em dash (raya), horizontal bar, en dash, and the typewriter "--". */
const TURN_DASH = /^(?:--|[—―–])/;
const DASH_TOKEN = /--|[—―–]/g;
const CLOSING_PUNCTUATION = /^[.,;:!?…]*/;

const QUOTE_PAIRS: Record<string, string[]> = {
  '"': ['"', '”'],
  '“': ['”', '"'],
  '„': ['“', '”'],
  '«': ['»'],
  '‹': ['›'],
  '‘': ['’'],
  "'": ["'", '’'],
  '「': ['」'],
};

const isSpace = (ch: string | undefined) => ch === undefined || /\s/u.test(ch);
const isLetter = (ch: string | undefined) => ch !== undefined && /[\p{L}\p{N}]/u.test(ch);

function skipSpaces(text: string, from: number): number {
  let i = from;
  while (i < text.length && isSpace(text[i])) i++;
  return i;
}

/** Raya / "--" paragraphs: a dash opens the turn; a later dash after a space opens the attribution (inciso). */
function dashTurns(text: string): Piece[] {
  const pieces: Piece[] = [{ start: 0, kind: 'dialogue' }];
  let mode: 'dialogue' | 'narration' = 'dialogue';
  const firstDash = TURN_DASH.exec(text)?.[0].length ?? 0;
  DASH_TOKEN.lastIndex = firstDash;
  for (let match = DASH_TOKEN.exec(text); match !== null; match = DASH_TOKEN.exec(text)) {
    const at = match.index;
    const before = text[at - 1];
    const after = at + match[0].length;
    if (mode === 'dialogue') {
      if (isSpace(before) && after < text.length) {
        pieces.push({ start: at, kind: 'narration' });
        mode = 'narration';
      }
      continue;
    }
    const previousVisible = text.slice(0, at).trimEnd().slice(-1);
    if (isSpace(before) && /[.!?…]/u.test(previousVisible)) {
      // A new turn after the attribution sentence ended: "—dijo Rosa. —Y luego…"
      pieces.push({ start: at, kind: 'dialogue' });
      mode = 'dialogue';
      continue;
    }
    const next = skipSpaces(text, after);
    const closesInciso = !isSpace(before) || next >= text.length || /[.,;:]/.test(text[next]);
    if (!closesInciso) continue;
    // The inciso closes ("Rosa—." / "Capitu --."): the dash and its punctuation stay with the narration.
    const punctuation = CLOSING_PUNCTUATION.exec(text.slice(next))?.[0] ?? '';
    const resume = skipSpaces(text, punctuation.length > 0 ? next + punctuation.length : after);
    if (resume < text.length) {
      pieces.push({ start: resume, kind: 'dialogue' });
      mode = 'dialogue';
      DASH_TOKEN.lastIndex = resume;
    }
  }
  return pieces;
}

function isOpeningQuote(text: string, at: number): boolean {
  const ch = text[at];
  const before = text[at - 1];
  const after = text[at + 1];
  if (isSpace(after)) return false;
  if (ch === "'" || ch === '‘') return (isSpace(before) || /[([{—–-]/u.test(before)) && isLetter(after);
  if (ch === '"') return isSpace(before) || /[([{—–\-:]/u.test(before ?? '');
  return true;
}

function findClosing(text: string, open: number): number {
  const opener = text[open];
  const closers = QUOTE_PAIRS[opener];
  let depth = 0;
  for (let i = open + 1; i < text.length; i++) {
    const ch = text[i];
    if (opener === '«' && ch === '«') depth++;
    if (!closers.includes(ch)) continue;
    if ((opener === "'" || opener === '‘') && isLetter(text[i + 1])) continue; // an apostrophe inside a word
    if (depth > 0) {
      depth--;
      continue;
    }
    return i;
  }
  return -1;
}

function quoteTurns(text: string): Piece[] {
  const pieces: Piece[] = [];
  const push = (start: number, kind: Piece['kind']) => {
    if (start < text.length && !(pieces.length > 0 && pieces[pieces.length - 1].start === start))
      pieces.push({ start, kind });
  };
  let i = 0;
  let narrationFrom = 0;
  while (i < text.length) {
    const ch = text[i];
    if (!(ch in QUOTE_PAIRS) || !isOpeningQuote(text, i)) {
      i++;
      continue;
    }
    const close = findClosing(text, i);
    if (text.slice(narrationFrom, i).trim().length > 0) push(narrationFrom, 'narration');
    push(i, 'dialogue');
    if (close < 0) return pieces.length > 0 ? pieces : [{ start: 0, kind: 'dialogue' }];
    const end = close + 1 + (CLOSING_PUNCTUATION.exec(text.slice(close + 1))?.[0].length ?? 0);
    narrationFrom = skipSpaces(text, end);
    i = narrationFrom;
  }
  if (text.slice(narrationFrom).trim().length > 0) push(narrationFrom, 'narration');
  if (pieces.length === 0) return [{ start: 0, kind: 'narration' }];
  pieces[0] = { ...pieces[0], start: 0 };
  return pieces;
}

/** Splits a paragraph (without surrounding whitespace) into narration and dialogue pieces. */
export function dialoguePieces(paragraph: string): Piece[] {
  return TURN_DASH.test(paragraph) ? dashTurns(paragraph) : quoteTurns(paragraph);
}
