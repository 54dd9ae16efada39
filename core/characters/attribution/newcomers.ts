/**
 * Newcomers to an exchange: someone the chapter's narration names for the first time well after an exchange between
 * people it had already named began ("Alice and Robin walked up to the Grange." … thirty untagged lines … "Mrs. Pike
 * lived in the lodge by the gate.") says none of its lines before that paragraph. Turn-taking would otherwise share
 * the untagged lines between the newcomer, whom the later tags name again and again, and the people talking.
 */
import type { TurnEvidence } from '../attributeTurns';
import type { Cast } from './cast';
import type { ChapterSegment, ChapterStructure } from './structure';

/**
 * How far (in paragraphs) after an exchange's first line a newcomer may still have spoken before being named: the
 * window exchanges.ts looks ahead for a speaker the narration names just after ("‘Who is it?’ ⏎ ‘Only me.’ ⏎ It was
 * Tom."), so the two readings never disagree.
 */
export const NAMED_JUST_AFTER_PARAGRAPHS = 6;
/** The people named before an exchange who must already be in the scene: its two voices. */
const VOICES_ALREADY_NAMED = 2;

/**
 * The people the chapter brings in as newcomers, with the paragraph that does: someone whose first mention in the
 * chapter opens a paragraph of narration alone, by name ("Mrs. Pike lived in the lodge by the gate."). Someone the
 * lines before speak of or to, or first met in a tag, in the middle of a sentence or by a role ("said her father",
 * "the mother"), may have been in the scene all along.
 */
export function newcomerParagraphs(
  ordered: ChapterSegment[],
  structure: ChapterStructure,
  cast: Cast,
): Map<string, number> {
  const seen = new Set<string>();
  const newcomers = new Map<string, number>();
  structure.paragraphs.forEach((paragraph, index) => {
    for (const position of paragraph.positions) {
      const { kind, text } = ordered[position];
      const lead = text.length - text.trimStart().length;
      for (const mention of cast.mentions(text)) {
        if (seen.has(mention.id)) continue;
        seen.add(mention.id);
        const opensParagraph = position === paragraph.positions[0] && mention.offset === lead;
        if (kind === 'narration' && !paragraph.hasDialogue && opensParagraph && !mention.role && !mention.possessive)
          newcomers.set(mention.id, index);
      }
    }
  });
  return newcomers;
}

interface ExchangeEntry {
  turn: number | null;
  evidence: TurnEvidence;
  recent: string[];
}

/**
 * Marks, on each untagged line of an exchange before a newcomer's paragraph, the newcomer as not there (as someone
 * who has left is). Only when at least two people were named before the exchange (who talks is already known; a
 * chapter opening on lines by people named later keeps them all) and when the newcomer comes in beyond the look-ahead
 * window.
 */
export function markNewcomersAbsent(
  entries: ExchangeEntry[],
  candidates: readonly string[],
  structure: ChapterStructure,
  newcomers: ReadonlyMap<string, number>,
): void {
  const opening = entries[0]?.recent ?? [];
  const firstTurn = entries.find((entry) => entry.turn !== null)?.turn;
  if (opening.length < VOICES_ALREADY_NAMED || firstTurn === undefined || firstTurn === null) return;
  const start = structure.turns[firstTurn].paragraph;
  for (const id of candidates) {
    const named = newcomers.get(id);
    if (opening.includes(id) || named === undefined || named <= start + NAMED_JUST_AFTER_PARAGRAPHS) continue;
    for (const entry of entries) {
      if (entry.turn === null || structure.turns[entry.turn].paragraph >= named) continue;
      const { evidence } = entry;
      // A line with evidence of its own (a tag, a pronoun, a beat) is left to it.
      if (evidence.claims.length > 0 || evidence.gender !== null) continue;
      entry.evidence = { ...evidence, departed: [...evidence.departed, id] };
    }
  }
}
