/**
 * Plays: a speech opens with its speaker's label (`TOBIAS. Another night…`, `A WATCHMAN: Ten o'clock…`) and stage
 * directions stand in brackets, parentheses or italics (`[Exit.]`, `_Enter Hamlet._`). Interviews are read the same
 * way: their `Q.`/`A.` (`P.`/`R.` in Spanish and Portuguese) label the interviewer's and the interviewee's turns.
 * Segmentation, attribution and detection read the same labels from here (docs/dialogue-and-attribution.md, "Plays").
 */
import { foldWord } from './vocabulary';

export interface ScriptLabel {
  /** The label as written, without its `.` or `:` (`A WATCHMAN`); an interview's letter gives its role (`INTERVIEWER`). */
  name: string;
  /** Where the speech starts, after the label, its punctuation and the spaces after them. */
  speechStart: number;
}

const UPPER_WORD = "[\\p{Lu}][\\p{Lu}'’\\-]*";
/** One to four upper-case words, then `.` or `:` and a space before the speech. */
const LABEL = new RegExp(`^(${UPPER_WORD}(?:[ \\t]+${UPPER_WORD}){0,3})[ \\t]*[.:][ \\t]+(?=\\S)`, 'u');
/** A heading's number ("ACT I.", "SCENE II.", "ESCENA III:") is no speaker. */
const NUMBERED = /(?:^|\s)[IVXLCDM]+$/u;
const STAGE_DIRECTION = /^(?:\[[^]*\][.,;:]?|\([^]*\)[.,;:]?|_[^_]+_[.,;:]?|\*[^*]+\*[.,;:]?)$/u;
/** An act's or a scene's heading read inside a chapter ("SCENE I. The workshop, at dawn.", "ACTO II"). */
const ACT_OR_SCENE_HEADING = /^(?:ACT|ACTE|ACTO|ATO|SCENE|SCÈNE|ESCENA|CENA)\s+(?:[IVXLCDM]+|\d+)\b/iu;
/** A short line with no lower-case letter that is no speech: a title or a closing line ("THE END", "CURTAIN", "FIM"). */
const UPPER_CASE_LINE = /^[^\p{Ll}]{1,60}$/u;

/**
 * A chapter is a script when at least this many of its paragraphs open with a label: a novel may open one paragraph
 * or two with an upper-case word (`NOTE. This edition…`, a shouted `STOP. He ran…`), a scene of a play has more.
 */
export const MIN_LABELLED_PARAGRAPHS = 3;
/**
 * …and the labelled paragraphs are at least this share of the paragraphs that are not stage directions: in a play
 * nearly every paragraph is a speech, in prose an upper-case opening is rare even when it recurs (a log's `NOON.`).
 */
export const MIN_LABELLED_SHARE = 0.6;

/**
 * An interview's turn labels: a question's letter and its answer's (`Q.`/`A.`, `Q:`/`A:`; `P.`/`R.` for pregunta or
 * pergunta and respuesta or resposta), each named by the role it stands for. The letter is no name, so the speaker is
 * the role.
 */
const INTERVIEW_ROLES: Readonly<Record<string, { role: string; asks: boolean; pair: string }>> = {
  Q: { role: 'INTERVIEWER', asks: true, pair: 'QA' },
  A: { role: 'INTERVIEWEE', asks: false, pair: 'QA' },
  P: { role: 'ENTREVISTADOR', asks: true, pair: 'PR' },
  R: { role: 'ENTREVISTADO', asks: false, pair: 'PR' },
};
/**
 * An interview's labels are single letters, which open prose too (`A. J. Cronin…`), so a chapter is an interview only
 * when its labels take turns, question and answer, nearly always (this share of its labels' successions)…
 */
const MIN_ALTERNATING_SHARE = 0.75;
/** …and label at least this share of its paragraphs: an answer may run over paragraphs of its own. */
const MIN_INTERVIEW_SHARE = 0.5;

/** The speaker label opening a paragraph, or null. */
export function scriptLabel(paragraph: string): ScriptLabel | null {
  const match = LABEL.exec(paragraph);
  if (!match) return null;
  const name = match[1];
  const interview = INTERVIEW_ROLES[name];
  if (interview) return { name: interview.role, speechStart: match[0].length };
  // At least one word of two letters ("A", "O" alone are articles or a shout), and no heading's number.
  if (!/\p{Lu}{2}/u.test(name) || NUMBERED.test(name)) return null;
  return { name, speechStart: match[0].length };
}

/** Whether a speaker's label is an interview's role (`INTERVIEWER`) rather than a play's character. */
export function isInterviewRole(label: string): boolean {
  return Object.values(INTERVIEW_ROLES).some((entry) => entry.role === label);
}

/** The interview letter opening a paragraph (`Q. When…` → `Q`), or undefined. */
function interviewLetter(paragraph: string): string | undefined {
  const letter = LABEL.exec(paragraph)?.[1];
  return letter !== undefined && letter in INTERVIEW_ROLES ? letter : undefined;
}

/**
 * Whether paragraphs are an interview, by the whole exchange: questions and answers of one convention taking turns
 * (`Q.` then `A.` then `Q.`), never by one paragraph opening with a letter.
 */
function isInterview(speeches: string[]): boolean {
  const letters = speeches.map(interviewLetter).filter((letter) => letter !== undefined);
  if (letters.length < MIN_LABELLED_PARAGRAPHS || letters.length < speeches.length * MIN_INTERVIEW_SHARE) return false;
  if (new Set(letters.map((letter) => INTERVIEW_ROLES[letter].pair)).size !== 1) return false;
  let turns = 0;
  for (let i = 1; i < letters.length; i++) {
    if (INTERVIEW_ROLES[letters[i]].asks !== INTERVIEW_ROLES[letters[i - 1]].asks) turns++;
  }
  return turns >= MIN_LABELLED_PARAGRAPHS - 1 && turns >= (letters.length - 1) * MIN_ALTERNATING_SHARE;
}

/** What of a script's paragraph is said: the speech after its label (a label is shown, never spoken). */
export function withoutLabel(paragraph: string): string {
  const label = scriptLabel(paragraph);
  return label ? paragraph.slice(label.speechStart) : paragraph;
}

/** A paragraph that is only a stage direction: `[Exit.]`, `(Aside)`, `_Enter Hamlet._`. */
export function isStageDirection(paragraph: string): boolean {
  return STAGE_DIRECTION.test(paragraph.trim());
}

/** A label opening a paragraph anywhere in a text (a blank line before it), as a quick first look. */
const LABEL_AT_PARAGRAPH = new RegExp(
  `(?:^|(?:\\r\\n|\\r|\\n)[ \\t]*(?:\\r\\n|\\r|\\n))[ \\t]*${UPPER_WORD}(?:[ \\t]+${UPPER_WORD}){0,3}[ \\t]*[.:][ \\t]`,
  'gu',
);

/**
 * Whether a whole chapter's text may be a script: it has at least the minimum of paragraphs opening like a label.
 * Cheaper than cutting it into paragraphs, which most chapters (prose) never need.
 */
export function mayBeScript(text: string): boolean {
  let found = 0;
  for (const _match of text.matchAll(LABEL_AT_PARAGRAPH)) if (++found >= MIN_LABELLED_PARAGRAPHS) return true;
  return false;
}

/**
 * A heading or closing line inside a script: neither a speech nor prose, so it counts on neither side of the share (a
 * short act of three speeches under its act's and scene's headings, closed by "THE END", is still a script).
 */
function isHeadingLine(paragraph: string): boolean {
  const line = paragraph.trim();
  return scriptLabel(line) === null && (ACT_OR_SCENE_HEADING.test(line) || UPPER_CASE_LINE.test(line));
}

/** Whether a chapter, by its paragraphs, is written as a script or an interview (the thresholds above). */
export function isScript(paragraphs: string[]): boolean {
  const speeches = paragraphs.filter((paragraph) => !isStageDirection(paragraph) && !isHeadingLine(paragraph));
  const labelled = speeches.filter(
    (paragraph) => scriptLabel(paragraph) !== null && interviewLetter(paragraph) === undefined,
  ).length;
  return (
    (labelled >= MIN_LABELLED_PARAGRAPHS && labelled >= speeches.length * MIN_LABELLED_SHARE) || isInterview(speeches)
  );
}

/** A label as a name: `A WATCHMAN` → `A Watchman`, `JOÃO DA SILVA` → `João Da Silva`. */
export function labelAsName(label: string): string {
  return label
    .toLowerCase()
    .split(/\s+/u)
    .map((word) => word.replace(/^\p{Ll}/u, (first) => first.toUpperCase()))
    .join(' ');
}

/** The key a label and a character's name or alias share when they name the same person. */
export function labelKey(name: string): string {
  return foldWord(name).replace(/\s+/gu, ' ').trim();
}
