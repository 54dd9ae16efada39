/**
 * One reading of a chapter: every turn's evidence in order, with the people the narration has named so far, and
 * who the line before addressed (who usually answers).
 */
import { SOMEONE_ELSE, type TurnEvidence } from '../attributeTurns';
import { addressedLast } from './answering';
import { presentedIn } from './presentations';
import type { Cast } from './cast';
import { CLAIM } from './evidence';
import { narratedInFirstPerson } from './firstPersonNarrator';
import { Recency } from './recency';
import type { ChapterSegment, ChapterStructure } from './structure';
import { readTurn } from './turnReading';
import { echoedNames } from './vocatives';

export interface TurnReading {
  evidence: TurnEvidence;
  /** The people named before the turn, most recent first. */
  recent: string[];
}

/**
 * Reads every turn's evidence in order, keeping track of who the narration names. `speakers` are turns already
 * settled (from a first pass): each such speaker becomes the person the scene is about, as a named tag would.
 * `firstPerson`: per segment, who "I" is there (letters.ts); the narrator where absent.
 */
export function readChapter(
  ordered: ChapterSegment[],
  structure: ChapterStructure,
  cast: Cast,
  speakers: ReadonlyMap<number, string>,
  firstPerson: readonly string[] = [],
): TurnReading[] {
  const { turns, paragraphs } = structure;
  const recency = new Recency();
  const readings: TurnReading[] = [];
  // Read once per chapter: turn by turn it would read the chapter's narration again at every line.
  const toldInFirstPerson = cast.firstPersonNarrator || narratedInFirstPerson(ordered);
  const note = (segment: ChapterSegment) =>
    segment.kind === 'dialogue' ? recency.pass(segment.text) : recency.rememberText(segment.text, cast);
  let position = 0;
  turns.forEach((turn, t) => {
    for (; position < turn.positions[0]; position++) note(ordered[position]);
    const recent = recency.snapshot();
    const evidence = readTurn(ordered, structure, t, cast, recency, {
      firstPerson: firstPerson[turn.positions[0]],
      toldInFirstPerson,
    });
    evidence.departed = recency.departed().filter((id) => !evidence.claims.some((claim) => claim.speakerId === id));
    // Whoever the line before addressed usually answers, if the scene has them (a name at a line's start is
    // sometimes its subject, "Mr. Darcy, you see, is the man!", not someone present).
    if (t > 0 && turns[t - 1].run === turn.run) {
      // Of several people the line before addressed, the one its last sentence addresses answers.
      const before = turns[t - 1].positions.map((at) => ordered[at].text).join(' ');
      const last = addressedLast(before, cast);
      // "And Mr. Crane." — "Mr. Crane? Why on earth Mr. Crane?": the name asked back is not the one who answers.
      const beforeThat = t > 1 ? turns[t - 2].positions.map((at) => ordered[at].text).join(' ') : '';
      const echoed = echoedNames(before, beforeThat, cast);
      const addressed = (last.length > 0 ? last : readings[t - 1].evidence.excluded).filter(
        (id) => !echoed.includes(id),
      );
      // Someone presented to another ("This is my friend, Dr. Watson.") was not the one spoken to.
      const presented = presentedIn(before, cast);
      evidence.answering = addressed.filter((id) => recent.includes(id) && !presented.includes(id));
      // "Entre, minha filha": with no name, words of address giving the gender point to the one of that gender
      // in the scene who did not say them.
      const previous = readings[t - 1].evidence;
      if (addressed.length === 0 && previous.addresseeGender) {
        const said = previous.claims.filter((claim) => claim.confidence >= CLAIM.namedIntro).map((c) => c.speakerId);
        const ofGender = recent.filter((id) => cast.genderOf(id) === previous.addresseeGender && !said.includes(id));
        if (ofGender.length === 1) evidence.answering = ofGender;
      }
    }
    readings.push({ evidence, recent });
    for (const id of evidence.excluded) recency.remember(id);
    const settled = speakers.get(t) ?? evidence.claims.find((claim) => claim.confidence >= CLAIM.namedIntro)?.speakerId;
    if (settled !== undefined && settled !== SOMEONE_ELSE) recency.rememberSpeaker(settled, cast);
    const lastOfParagraph = paragraphs[turn.paragraph].positions.at(-1)!;
    for (; position <= lastOfParagraph; position++) note(ordered[position]);
  });
  return readings;
}
