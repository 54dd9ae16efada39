import { useChapters } from '../api/chapters';
import { useCharacters } from '../api/characters';
import { useEstimateShown } from '../api/estimate';
import { useActiveJob, useProjectFacts } from '../api/jobs';
import { usePackages } from '../api/production';
import { useReviewSummary } from '../api/reviews';
import { useFlaggedSegments } from '../api/segments';
import type { Project } from '../api/types';
import type { StudioStatus } from './steps';

/** Everything the navigation words its steps from, kept live while the project is open. */
export function useStudioStatus(project: Project): StudioStatus {
  const facts = useProjectFacts(project.id);
  const { job } = useActiveJob(project.id);
  const review = useReviewSummary(project.id);
  const planned = (facts.data?.segmentCount ?? 0) > 0;
  // The facts keep the book's count of flagged lines, the one its stage badge gives ("687 lines to check"); the first
  // page of flagged lines ("100+") stands in only for a project whose facts were not recounted since that was kept.
  const counted = facts.data?.segmentsFlagged;
  const flagged = useFlaggedSegments(project.id, planned && counted === undefined);
  const estimated = useEstimateShown(project.id);
  // Only a book with audio can have packages; the chapters say which changed after them and after their plan.
  const hasAudio = (facts.data?.chaptersMastered ?? 0) > 0 || (facts.data?.packagesReady ?? 0) > 0;
  const packages = usePackages(project.id, hasAudio);
  const chapters = useChapters(project.id);
  const characters = useCharacters(project.id);
  return {
    project,
    facts: facts.data,
    activeJob: job,
    review: review.data,
    flagged: !planned
      ? undefined
      : counted !== undefined
        ? { count: counted, more: false }
        : flagged.data
          ? { count: flagged.data.items.length, more: flagged.data.continuationToken !== null }
          : undefined,
    estimated,
    packages: facts.data && !hasAudio ? [] : packages.data,
    chapters: chapters.data,
    characters: characters.data,
  };
}
