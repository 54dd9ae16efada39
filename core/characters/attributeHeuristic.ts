/**
 * Label-only speaker attribution: a speaker id per segment id, never text. Per chapter: find the turns and the
 * exchanges they form (attribution/structure), read the evidence beside each turn (the readers attribution/evidence
 * lists: tags, introductions, beats, pronouns, names addressed), then settle each exchange by turn-taking
 * (attributeTurns), whose probabilities are the labels' confidences. Narration and headings belong to the narrator,
 * and so do a first-person narrator's own lines ("said I", "disse eu", "respondi"). See
 * docs/dialogue-and-attribution.md.
 */
import { foldDescriptionsAnsweringNames } from './attribution/answeringDescriptions';
import { Cast } from './attribution/cast';
import { castOfChapter } from './attribution/chapterCast';
import { readChapter } from './attribution/chapterReading';
import { speakerConfidence } from './attribution/confidence';
import { foldRolesIntoNames } from './attribution/coreference';
import { foldOwnDescriptions } from './attribution/ownDescriptions';
import { settleExchanges } from './attribution/exchanges';
import { firstPersonVoices } from './attribution/letters';
import { statedRoles } from './attribution/statedRoles';
import { LABELLED_CONFIDENCE, labelledSpeakers } from './attribution/scriptSpeakers';
import { chapterStructure } from './attribution/structure';
import { identifyVisitors, unnamedVisitors } from './attribution/visitors';
import { NARRATOR_ID, type Character } from './character';
import { heuristicLanguage } from './vocabulary';

export interface AttributableSegment {
  id: string;
  kind: 'narration' | 'dialogue' | 'heading';
  text: string;
  chapterId: string;
  index: number;
  /** When known, a paragraph boundary stops an attribution from reaching across it. */
  boundaryBefore?: string;
}

export interface SpeakerLabel {
  segmentId: string;
  speakerId: string | 'narrator' | 'unknown';
  confidence: number;
}

/** A first reading's speaker at least this likely is taken as known by the second reading. */
const SETTLED = 0.7;

/** `language`: the book's (BCP-47 or bare); speech tags are read with its verbs. */
export function attributeSpeakers(
  segments: AttributableSegment[],
  characters: Character[],
  language?: string,
): SpeakerLabel[] {
  const bookLanguage = language ? heuristicLanguage(language) : undefined;
  const byChapter = new Map<string, AttributableSegment[]>();
  for (const segment of segments) {
    if (!byChapter.has(segment.chapterId)) byChapter.set(segment.chapterId, []);
    byChapter.get(segment.chapterId)!.push(segment);
  }
  const labels = new Map<string, SpeakerLabel>();
  for (const [chapterId, chapterSegments] of byChapter) {
    const ordered = [...chapterSegments].sort((a, b) => a.index - b.index);
    // Only the people this chapter may name (a description of its own story's is its named newcomer); a role the
    // narration sets beside a name ("my mother, D. Gloria,") is that person: one record, not two.
    const text = ordered.map((segment) => segment.text).join('');
    const present = castOfChapter(foldOwnDescriptions(characters, chapterId, text), chapterId, text);
    const narration = ordered.filter((segment) => segment.kind === 'narration').map((segment) => segment.text);
    const folded = foldRolesIntoNames(present, narration, bookLanguage).characters;
    // A description first met here that answers to one person's name ("…, Mr. Hatherley," ⏎ said my patient) is him.
    const answering = foldDescriptionsAnsweringNames(ordered, folded, chapterId, bookLanguage);
    // A role the narration says one person holds ("Vasconcelos, o advogado,") is that person in its tags.
    const cast = new Cast(answering, bookLanguage, statedRoles(answering, narration, bookLanguage));
    const labelled = labelledSpeakers(ordered, characters);
    attributeChapter(ordered, cast).forEach((label, position) => {
      const speakerId = labelled.get(position);
      labels.set(
        ordered[position].id,
        speakerId ? { segmentId: label.segmentId, speakerId, confidence: LABELLED_CONFIDENCE } : label,
      );
    });
  }
  return segments.map((segment) => labels.get(segment.id)!);
}

function attributeChapter(ordered: AttributableSegment[], cast: Cast): SpeakerLabel[] {
  const structure = chapterStructure(ordered);
  // Inside a letter printed in the chapter, "I" is its writer.
  const voices = firstPersonVoices(ordered, cast);
  // Twice: the second reading knows who the first one found speaking, so "she added" after an untagged line by
  // Mrs. Bennet means Mrs. Bennet.
  const firstReading = readChapter(ordered, structure, cast, new Map(), voices);
  // Found on the first reading: on the second, the visitor settled as speaker is no longer new to the scene.
  const visitors = unnamedVisitors(ordered, structure, cast, firstReading);
  identifyVisitors(firstReading, visitors);
  let beliefs = settleExchanges(ordered, structure, cast, firstReading);
  const settled = new Map(
    [...beliefs].filter(([, belief]) => belief.probability >= SETTLED).map(([t, belief]) => [t, belief.speakerId]),
  );
  const readings = readChapter(ordered, structure, cast, settled, voices);
  identifyVisitors(readings, visitors);
  beliefs = settleExchanges(ordered, structure, cast, readings);

  return ordered.map((segment, at) => {
    if (segment.kind !== 'dialogue') return { segmentId: segment.id, speakerId: NARRATOR_ID, confidence: 1 };
    const t = structure.turnOf[at];
    const belief = t === undefined ? undefined : beliefs.get(t);
    if (t === undefined || !belief) return { segmentId: segment.id, speakerId: 'unknown', confidence: 0 };
    return {
      segmentId: segment.id,
      speakerId: belief.speakerId,
      confidence: speakerConfidence(belief, readings[t], cast),
    };
  });
}
