/**
 * Before a production job spends anything: is the plan complete (every chapter planned, every line with a speaker,
 * every speaking character with a voice)? Pure; the pipeline reads the documents and acts on the findings.
 */
import type { ChapterRecord, CharacterRecord } from '../book/records';
import { UNKNOWN_SPEAKER } from '../book/records';
import { NARRATOR_ID } from '../characters/character';
import { DomainError } from '../errors';

export interface ChapterPlanSummary {
  chapter: Pick<ChapterRecord, 'id' | 'title' | 'planStatus' | 'deleted'>;
  segmentCount: number;
  unknownSpeakerSegments: number;
  /** Speaker ids of dialogue segments in the chapter. */
  speakerIds: string[];
}

export interface PreflightProblem {
  code: 'no_chapters' | 'chapter_not_planned' | 'chapter_empty' | 'unknown_speakers' | 'voice_missing';
  message: string;
  chapterId?: string;
  characterId?: string;
}

export interface PreflightOptions {
  /** Let lines without a known speaker be read by the narrator. */
  allowUnknownSpeakers?: boolean;
}

export function findPlanProblems(
  chapters: ChapterPlanSummary[],
  characters: Pick<CharacterRecord, 'characterId' | 'name' | 'voice'>[],
  options: PreflightOptions = {},
): PreflightProblem[] {
  const problems: PreflightProblem[] = [];
  const live = chapters.filter((c) => !c.chapter.deleted);
  if (live.length === 0) problems.push({ code: 'no_chapters', message: 'The project has no chapters to produce' });
  const speakers = new Set<string>([NARRATOR_ID]);
  for (const { chapter, segmentCount, unknownSpeakerSegments, speakerIds } of live) {
    if (chapter.planStatus !== 'planned') {
      problems.push({
        code: 'chapter_not_planned',
        chapterId: chapter.id,
        message: `Chapter "${chapter.title}" is ${chapter.planStatus === 'stale' ? 'out of date' : 'not planned'}; plan it first`,
      });
    } else if (segmentCount === 0) {
      problems.push({
        code: 'chapter_empty',
        chapterId: chapter.id,
        message: `Chapter "${chapter.title}" has no segments`,
      });
    }
    if (unknownSpeakerSegments > 0 && !options.allowUnknownSpeakers) {
      problems.push({
        code: 'unknown_speakers',
        chapterId: chapter.id,
        message: `Chapter "${chapter.title}" has ${unknownSpeakerSegments} line(s) without a known speaker`,
      });
    }
    for (const id of speakerIds) if (id !== UNKNOWN_SPEAKER) speakers.add(id);
  }
  const byId = new Map(characters.map((c) => [c.characterId, c]));
  for (const id of [...speakers].sort()) {
    const character = byId.get(id);
    if (!character?.voice) {
      problems.push({
        code: 'voice_missing',
        characterId: id,
        message: `${character?.name ?? id} has no voice; cast voices first`,
      });
    }
  }
  return problems;
}

export class PlanIncompleteError extends DomainError {
  constructor(problems: PreflightProblem[]) {
    super(
      'unprocessable',
      `The plan is not ready for production: ${problems
        .slice(0, 3)
        .map((p) => p.message)
        .join('; ')}${problems.length > 3 ? ` (and ${problems.length - 3} more)` : ''}`,
      { reason: 'plan_incomplete', problems: problems.slice(0, 50) },
    );
  }
}
