import { useTranslation } from 'react-i18next';
import type { Job, Project, ProjectFacts } from '../api/types';
import { Badge, type BadgeTone } from '../ui/Badge';
import { chaptersToProduce } from './deliveryState';
import { projectStage, type Stage } from './steps';

const TONES: Record<Stage, BadgeTone> = {
  archived: 'neutral',
  needsManuscript: 'neutral',
  importing: 'info',
  needsCharacters: 'info',
  casting: 'info',
  needsPlan: 'info',
  planning: 'info',
  inReview: 'warning',
  readyToProduce: 'brand',
  producing: 'info',
  partlyProduced: 'info',
  packagesNotReady: 'warning',
  produced: 'success',
};

/**
 * The book's real stage, from the work done (not the editorial status someone may have left at "Draft"). A book ready
 * to produce with lines the plan flagged says how many are left to check: they stop no production, yet each may be
 * read in the wrong voice. The stored count comes with the facts; `flaggedFallback` (the project page's first page of
 * flagged lines) stands in for a project whose facts were not recounted since that count was kept.
 */
export function StageBadge({
  project,
  facts,
  activeJob,
  flaggedFallback,
}: {
  project: Project;
  facts?: ProjectFacts;
  activeJob?: Job;
  flaggedFallback?: { count: number; more: boolean };
}) {
  const { t } = useTranslation('studio');
  const stage = projectStage(project, facts, activeJob);
  const flagged =
    facts?.segmentsFlagged !== undefined ? { count: facts.segmentsFlagged, more: false } : flaggedFallback;
  if (stage === 'readyToProduce' && flagged && flagged.count > 0)
    return (
      <Badge tone="warning">
        {t(flagged.more ? 'stages.readyWithFlaggedAtLeast' : 'stages.readyWithFlagged', { count: flagged.count })}
      </Badge>
    );
  // A book produced in part says how far it got: the list is where a producer spots what is left to produce.
  const label =
    stage === 'partlyProduced' && facts
      ? t('stages.partlyProducedCount', { done: facts.chaptersMastered, total: chaptersToProduce(facts) })
      : t(`stages.${stage}`);
  return <Badge tone={TONES[stage]}>{label}</Badge>;
}
