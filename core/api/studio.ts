import { z } from 'zod';
import type { SpeakingCastCounts } from '../casting/speakingCast';
import { emptyProductionFacts, type ProductionFacts } from '../projects/project';

/**
 * The counts the studio's navigation shows beside each workflow step (chapters found, characters voiced, lines
 * attributed, chapters mastered …), as the later steps keep them on the project. Numbers only: the browser words
 * them in the reader's language.
 */
export const ProjectFactsView = z
  .object({
    manuscriptStatus: z.enum(['none', 'processing', 'ready', 'failed']),
    chapterCount: z.number().int(),
    characterCount: z.number().int(),
    charactersWithVoice: z.number().int(),
    speakingCharacters: z
      .number()
      .int()
      .optional()
      .describe(
        'Characters production would ask a voice of (the narrator, anyone with a line found or planned); absent on a project whose characters were not recounted since this was kept',
      ),
    speakingCharactersWithVoice: z.number().int().optional().describe('Of the speaking characters, the ones cast'),
    segmentCount: z.number().int(),
    segmentsWithSpeaker: z.number().int(),
    segmentsFlagged: z
      .number()
      .int()
      .optional()
      .describe(
        'Lines the plan marks for review (unknown or unsure speaker, a revision note, flagged by hand); absent on a project whose plan was not recounted since this was kept',
      ),
    segmentsRendered: z.number().int(),
    chaptersMastered: z.number().int(),
    chaptersWithNothingToSpeak: z
      .number()
      .int()
      .describe(
        'Live chapters whose plan has nothing to say (only speaker labels, or no words): production leaves them out, so a book is produced whole when chaptersMastered reaches chapterCount minus these',
      ),
    packagesReady: z.number().int(),
    activeJobId: z.string().nullable().describe('The job running for the project, if any'),
  })
  .meta({ id: 'ProjectFacts' });
export type ProjectFactsView = z.infer<typeof ProjectFactsView>;

/** `cast`, when counted just now (the facts endpoint), replaces the speaking cast stored with the facts. */
export function toProjectFactsView(facts: ProductionFacts, cast?: SpeakingCastCounts): ProjectFactsView {
  return {
    speakingCharacters: cast?.speakingCharacters ?? facts.speakingCharacters,
    speakingCharactersWithVoice: cast?.speakingCharactersWithVoice ?? facts.speakingCharactersWithVoice,
    manuscriptStatus: facts.manuscriptStatus,
    chapterCount: facts.chapterCount,
    characterCount: facts.characterCount,
    charactersWithVoice: facts.charactersWithVoice,
    segmentCount: facts.segmentCount,
    segmentsWithSpeaker: facts.segmentsWithSpeaker,
    segmentsFlagged: facts.segmentsFlagged,
    segmentsRendered: facts.segmentsRendered,
    chaptersMastered: facts.chaptersMastered,
    chaptersWithNothingToSpeak: facts.chaptersWithNothingToSpeak ?? 0,
    packagesReady: facts.packagesReady,
    activeJobId: facts.activeJobId,
  };
}

/** A project's facts before anything is imported, as the studio reads them (the same value the domain starts from). */
export const emptyProjectFactsView: ProjectFactsView = toProjectFactsView(emptyProductionFacts);
