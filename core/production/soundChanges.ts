/**
 * Which produced chapters would sound different if produced now. A master is named by everything that decides it
 * (chapterMastering.ts, masterAddress): the audio of each line, itself named by its words, voice with style and
 * prosody, and pronunciations, then the pauses, room tone and target. So a chapter whose plan as it is now names
 * another master than the one it has sounds different now: a character's voice changed, a lexicon entry that matches
 * one of its lines, the pause policy, or a line's words or speaker. Nothing is rendered to find out.
 */
import { readCommittedPlan } from '../planning/planGenerations';
import { masterAddress } from './chapterMastering';
import { planSegments, type SpeechPlanSources } from './chapterSpeechPlan';
import { chaptersOf, type ProductionBook } from './productionBook';

export interface SoundChangesDeps {
  book: Pick<ProductionBook, 'chapters' | 'segments'>;
  speechPlan: SpeechPlanSources;
}

/** The ids of the book's live chapters with audio whose master would be another if they were produced now. */
export async function chaptersSoundingDifferent(
  deps: SoundChangesDeps,
  tenantId: string,
  projectId: string,
): Promise<string[]> {
  const changed: string[] = [];
  for (const found of await chaptersOf(deps.book, tenantId, projectId)) {
    if (found.deleted || !found.master) continue;
    const { chapter, segments } = await readCommittedPlan(deps.book.chapters, deps.book.segments, found);
    const plan = await planSegments(deps.speechPlan, chapter.tenantId, chapter.projectId, segments);
    // A chapter left with nothing to say is left out of the next production, not re-made.
    if (plan.items.length === 0) continue;
    const wanted = masterAddress(plan, chapter.tenantId, chapter.projectId, chapter.id).blobName;
    if (wanted !== found.master.blobName) changed.push(chapter.id);
  }
  return changed;
}
