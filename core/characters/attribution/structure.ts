/**
 * The conversational structure of a chapter's segments: paragraphs, turns (one speaker's dialogue pieces in a
 * paragraph), speeches that run on across paragraphs, and runs of turns that make up one exchange.
 */

import { groupTagClause } from './groupTags';
import { readSpeechTag, speechVerbsIn } from './speechTags';

/** The parts of a segment attribution reads (structural, so this module imports nothing from the attributor). */
export interface ChapterSegment {
  id: string;
  kind: 'narration' | 'dialogue' | 'heading';
  text: string;
  boundaryBefore?: string;
}

export interface Paragraph {
  positions: number[];
  hasDialogue: boolean;
  text: string;
}

export interface Turn {
  /** Positions (in the chapter's ordered segments) of this turn's dialogue pieces. */
  positions: number[];
  paragraph: number;
  /** The first piece opens its paragraph. */
  opensParagraph: boolean;
  /** The previous paragraph's speech did not close and this one reopens it: the same person goes on speaking. */
  continuesPrevious: boolean;
  /** Opened by a dash after narration inside the paragraph ("…respondeu Virgilia. E depois:--Ando…"). */
  dashAfterNarration: boolean;
  /**
   * Opened by a dash glued to speech before it in the paragraph ("¡Qué majadería!--Ocúltate tú…"): most often a
   * pause in one speech, sometimes a reply ("—Já?--Já; virei amanhã.").
   */
  dashAfterSpeech: boolean;
  /**
   * The subject narration after another speaker's tag in the paragraph brings in to say this quotation ("the
   * others" in "…' Alice called; and the others all joined in chorus, '…"), or null.
   */
  broughtIn: string | null;
  /** Index of the run (one uninterrupted exchange) this turn belongs to. */
  run: number;
}

/** Words that open a clause before its subject ("…, for the White Rabbit cried out,", "so eagerly that the Gryphon said"). */
const CLAUSE_OPENER =
  /^.*(?<![\p{L}\p{N}])(?:and|but|for|when|while|as|then|so|that|whereupon|y|e|pero|mas|porque|pues|cuando|quando|entonces|então|que)\s+/isu;
/** Adverbs between a subject and its verb ("the Gryphon only answered", "Elizabeth quietly said"). */
const TRAILING_ADVERBS = /(?:\s+(?:only|then|also|just|again|now|at last|\p{L}+ly))+$/iu;
const PRONOUN_SUBJECT = /^(?:he|she|they|it|I|we|you|él|ella|ellos|ellas|ele|ela|elle|eles|elas|yo|eu|nós)$/iu;

/**
 * Narration between two quotations of one paragraph that tags the first and then brings someone else in to speak
 * ("'Stupid things!' Alice began in a loud voice, but she stopped, for the White Rabbit cried out, 'Silence!'",
 * "'Yes,' said Jane, and Elizabeth answered, 'No.'", "…' Alice replied, so eagerly that the Gryphon said, '…",
 * "…' Alice panted; but the Gryphon only answered '…", "…' said the King; and the White Rabbit blew the trumpet,
 * and called out, '…"): the quotation after it is another person's turn, and this returns that person's subject.
 * Someone brought in by a pronoun ("…, and then she added,") may be the same person and is left to the one turn.
 */
function bringsInAnother(narration: string): string | null {
  const tag = readSpeechTag(narration);
  if (!tag || tag.firstPerson) return null;
  const rest = narration.slice(tag.end);
  const verb = speechVerbsIn(rest).at(-1);
  // The narration leads into the quotation: it ends with a colon or comma, or with the speech verb itself.
  const endsWithVerb = verb !== undefined && verb.offset + verb.verb.length === rest.trimEnd().length;
  if (!/[,:]$/u.test(narration) && !endsWithVerb) return null;
  let subject: string | null;
  if (verb) {
    const clause =
      rest
        .slice(0, verb.offset)
        .split(/[,;:.!?]/u)
        .at(-1) ?? '';
    subject = clause.replace(CLAUSE_OPENER, '').replace(TRAILING_ADVERBS, '').trim();
    // "…; and the White Rabbit blew three blasts, and called out,": the verb shares the clause before's subject.
    if (subject.length === 0 && /(?<![\p{L}\p{N}])(?:and|y|e)\s*$/iu.test(clause))
      subject = subjectOfJoinedClause(rest.slice(0, verb.offset).replace(/[\s,]*(?:and|y|e)\s*$/iu, ''));
  } else subject = subjectOfJoinedClause(rest);
  if (subject === null || subject.length === 0 || subject.split(/\s+/u).length > 4) return null;
  if (PRONOUN_SUBJECT.test(subject) || !NOUN_PHRASE.test(subject)) return null;
  return subject.toLowerCase() !== tag.subject.toLowerCase() ? subject : null;
}

const NOUN_PHRASE = /^(?:\p{Lu}|(?:the|a|an|el|la|los|las|o|os|as|un|una|um|uma)\s+\p{L})/u;
/** Where a clause of its own is joined on: a semicolon, or "and", "then" (after a comma or not). */
const CLAUSE_JOINTS =
  /;\s*(?:(?:and|then|y|e|entonces|luego|então|depois)\s+)*|(?<![\p{L}\p{N}])(?:(?:and|then|y|e|entonces|luego|então|depois)\s+)+/giu;
const ARTICLE = /^(?:the|a|an|el|la|los|las|o|os|as|un|una|um|uma)$/iu;
/** A joined clause no longer than this, in words, is a short action leading into the quotation. */
const JOINED_CLAUSE_WORDS = 12;

/**
 * Narration after a tag that goes on with a clause of its own, joined by "and", "then" or a semicolon, whose
 * subject is a noun ("'Come back!' Alice called; and the others all joined in chorus, 'Yes!'", "…, y el
 * Corregidor se levantó:"): that subject (a name, or an article and its noun), or null when the clause opens
 * otherwise ("y volviéndose a su mujer:", "as the Queen frowned,": the tagged speaker's own action or a clause of
 * time, after which the same person goes on).
 */
function subjectOfJoinedClause(rest: string): string | null {
  const joints = [...rest.matchAll(CLAUSE_JOINTS)];
  const joint = joints.at(-1);
  if (!joint) return null;
  const clause = rest
    .slice(joint.index + joint[0].length)
    .replace(/[\s,:]+$/u, '')
    .trim();
  const clauseWords = (clause.split(',')[0] ?? '').trim().split(/\s+/u);
  if (clauseWords.length > JOINED_CLAUSE_WORDS) return null;
  const head = ARTICLE.test(clauseWords[0]) ? 2 : 1;
  let length = head;
  while (length < clauseWords.length && /^\p{Lu}/u.test(clauseWords[length])) length++;
  // The subject needs a verb after it, not a preposition ("and the paper on his knee,": no clause).
  if (length >= clauseWords.length || (head === 1 && !/^\p{Lu}/u.test(clauseWords[0]))) return null;
  if (PREPOSITION.test(clauseWords[length])) return null;
  // "with his pipe lit and the lamp burning,": the joint goes on with a phrase of manner, not a clause.
  const before = rest.slice(0, joint.index).split(/[,;:]/u).at(-1) ?? '';
  if (MANNER_PHRASE.test(before)) return null;
  return clauseWords.slice(0, length).join(' ');
}

const PREPOSITION =
  /^(?:on|in|at|by|with|without|of|to|from|upon|under|over|behind|beside|near|en|con|sin|de|del|a|al|sobre|bajo|tras|em|no|na|nos|nas|com|sem|do|da|ao|sob)$/iu;
const MANNER_PHRASE = /^\s*(?:with|without|con|sin|com|sem)\s/iu;

export interface Interlude {
  /** A short narrated paragraph between two turns of a run ("Mr. Darcy bowed."). */
  paragraph: number;
  /** Position of the turn it follows in the turn list (-1 when it comes before the first turn of its run). */
  afterTurn: number;
}

export interface ChapterStructure {
  paragraphs: Paragraph[];
  paragraphOf: number[];
  turns: Turn[];
  turnOf: (number | undefined)[];
  interludes: Interlude[];
}

const WITHIN_PARAGRAPH = new Set(['dialogue_turn', 'sentence']);
const OPENING_QUOTES = /^["“„«‹‘'「]/u;
/** The marks that close a quotation opened by each mark. */
const CLOSERS: Record<string, string> = {
  '"': '"”',
  '“': '”"',
  '„': '“”',
  '«': '»',
  '‹': '›',
  '‘': '’',
  "'": "'’",
  '「': '」',
};
const OPENING_DASH = /^(?:--|[—―–-])/u;
/** A narrated paragraph longer than this ends an exchange; shorter ones are beats inside it. */
const INTERLUDE_MAX_CHARS = 300;

function opensParagraph(segment: ChapterSegment, position: number): boolean {
  return position === 0 || segment.boundaryBefore === undefined || !WITHIN_PARAGRAPH.has(segment.boundaryBefore);
}

/** Whether the narration after a quotation, in its paragraph, is a tag naming one speaker ("said Alice"). */
function taggedBy(after: ChapterSegment | undefined, sameParagraph: boolean): boolean {
  return (
    sameParagraph &&
    after?.kind === 'narration' &&
    readSpeechTag(after.text) !== null &&
    groupTagClause(after.text) === null
  );
}

export function chapterStructure(ordered: ChapterSegment[]): ChapterStructure {
  const paragraphs: Paragraph[] = [];
  const paragraphOf: number[] = [];
  ordered.forEach((segment, position) => {
    if (opensParagraph(segment, position) || paragraphs.length === 0)
      paragraphs.push({ positions: [], hasDialogue: false, text: '' });
    const paragraph = paragraphs[paragraphs.length - 1];
    paragraph.positions.push(position);
    paragraph.hasDialogue ||= segment.kind === 'dialogue';
    paragraph.text += segment.text;
    paragraphOf.push(paragraphs.length - 1);
  });

  const turns: Turn[] = [];
  const turnOf: (number | undefined)[] = ordered.map(() => undefined);
  paragraphs.forEach((paragraph, index) => {
    let current: Turn | null = null;
    let previousKind: ChapterSegment['kind'] | null = null;
    let previousText = '';
    for (const position of paragraph.positions) {
      const segment = ordered[position];
      const text = segment.text.trim();
      if (segment.kind === 'dialogue') {
        const dashTurn: boolean =
          current !== null &&
          OPENING_DASH.test(text) &&
          (previousKind === 'narration' || /[.!?…:]$/u.test(previousText));
        const broughtIn: string | null =
          current !== null && previousKind === 'narration' ? bringsInAnother(previousText) : null;
        // "'No room!' they cried out when they saw Alice coming. 'Plenty of room!' said Alice": a group spoke, and a
        // quotation after it with a tag of its own is that person's turn ("…' they both cried. 'Wake up!'" goes on).
        const afterGroup =
          current !== null &&
          previousKind === 'narration' &&
          groupTagClause(previousText) !== null &&
          taggedBy(ordered[position + 1], paragraph.positions.includes(position + 1));
        if (current === null || dashTurn || broughtIn !== null || afterGroup) {
          current = {
            positions: [],
            paragraph: index,
            opensParagraph: current === null && position === paragraph.positions[0],
            continuesPrevious: false,
            dashAfterNarration: dashTurn && previousKind === 'narration',
            dashAfterSpeech: dashTurn && previousKind === 'dialogue',
            broughtIn,
            run: 0,
          };
          turns.push(current);
        }
        current.positions.push(position);
        turnOf[position] = turns.length - 1;
      }
      previousKind = segment.kind;
      previousText = text;
    }
  });

  // A speech running on: the previous paragraph ends inside an open quotation and this one reopens it.
  turns.forEach((turn, t) => {
    if (!turn.opensParagraph || t === 0) return;
    const before = turns[t - 1];
    if (before.paragraph !== turn.paragraph - 1) return;
    const lastOfParagraph = paragraphs[before.paragraph].positions.at(-1)!;
    if (before.positions.at(-1) !== lastOfParagraph) return;
    const opening = ordered[before.positions[0]].text.trim();
    const ending = ordered[lastOfParagraph].text.trim();
    const reopening = ordered[turn.positions[0]].text.trim();
    // The paragraph's own quotation is still open: it does not end with that quotation's closing mark (a quotation
    // inside it, as in a letter read aloud, may close there).
    const closers = CLOSERS[opening[0]] ?? '';
    const closed =
      closers.includes(ending.replace(/[\s.,;:!?…)]+$/u, '').slice(-1)) || closers.includes(ending.slice(-1));
    turn.continuesPrevious = OPENING_QUOTES.test(opening) && OPENING_QUOTES.test(reopening) && !closed;
  });

  const interludes: Interlude[] = [];
  let run = 0;
  let lastTurnParagraph = -1;
  turns.forEach((turn, t) => {
    if (t > 0) {
      const between = paragraphs.slice(lastTurnParagraph + 1, turn.paragraph);
      const breaks = between.some(
        (paragraph) =>
          paragraph.text.trim().length > INTERLUDE_MAX_CHARS ||
          paragraph.positions.some((position) => ordered[position].kind === 'heading') ||
          ordered[paragraph.positions[0]].boundaryBefore === 'scene_break',
      );
      if (breaks || ordered[turn.positions[0]].boundaryBefore === 'scene_break') run++;
      else
        between.forEach((_, offset) =>
          interludes.push({ paragraph: lastTurnParagraph + 1 + offset, afterTurn: t - 1 }),
        );
    }
    turn.run = run;
    lastTurnParagraph = turn.paragraph;
  });
  return { paragraphs, paragraphOf, turns, turnOf, interludes };
}
