/** Unnamed visitors: someone the cast does not name who speaks, and says at last who they are. */
import { SOMEONE_ELSE } from '../attributeTurns';
import type { Cast } from './cast';
import type { TurnReading } from './chapterReading';
import { selfNamedIn } from './selfNaming';
import type { ChapterSegment, ChapterStructure } from './structure';

/** A claim for someone the cast does not name ("continued our strange visitor") is worth this much once identified. */
const IDENTIFIED_VISITOR = 0.8;
/** How far back (in characters of the chapter) a visitor who names himself is looked for: about a page. */
const VISITOR_SCENE_CHARS = 3000;

/**
 * Someone the scene has not named who says at last who they are ("I am the King.", "Me llamo Rosa"): that turn and
 * the turns before, within about a page and since the scene last named that person, whose evidence gave the line to
 * someone the cast does not name ("said our visitor", "continued a voice"). Read on the first reading, turn →
 * person.
 */
export function unnamedVisitors(
  ordered: ChapterSegment[],
  structure: ChapterStructure,
  cast: Cast,
  readings: TurnReading[],
): Map<number, string> {
  const startOf: number[] = [];
  ordered.reduce((at, segment, position) => {
    startOf[position] = at;
    return at + segment.text.length;
  }, 0);
  const visitors = new Map<number, string>();
  const claimBack = (person: string, from: number, namedAt: number) => {
    for (let k = from; k >= 0 && !readings[k].recent.includes(person); k--) {
      const { evidence } = readings[k];
      if (namedAt - startOf[structure.turns[k].positions[0]] > VISITOR_SCENE_CHARS) break;
      if (evidence.excluded.includes(person)) break;
      if (evidence.claims.some((claim) => claim.speakerId === SOMEONE_ELSE)) visitors.set(k, person);
    }
  };
  structure.turns.forEach((turn, t) => {
    const line = turn.positions.map((at) => ordered[at].text).join(' ');
    const namedAt = startOf[turn.positions[0]];
    const person = selfNamedIn(line, cast);
    // The line that names them too: its own "answered our visitor" is that person.
    if (person !== null && !readings[t].recent.includes(person)) claimBack(person, t, namedAt);
    // A newcomer the next line of the exchange greets by a name the scene had not used ("Sit down here, Mr Henchy,").
    if (t === 0 || structure.turns[t - 1].run !== turn.run) return;
    const greeted = readings[t].evidence.excluded.filter((id) => !readings[t].recent.includes(id));
    if (greeted.length === 1) claimBack(greeted[0], t - 1, namedAt);
  });
  return visitors;
}

/** The visitor's earlier lines are theirs: below a named tag's claim, as the likeliest person, not a certainty. */
export function identifyVisitors(readings: TurnReading[], visitors: ReadonlyMap<number, string>): void {
  for (const [t, person] of visitors) {
    const { evidence } = readings[t];
    evidence.claims = evidence.claims.map((claim) =>
      claim.speakerId === SOMEONE_ELSE ? { speakerId: person, confidence: IDENTIFIED_VISITOR } : claim,
    );
  }
}
