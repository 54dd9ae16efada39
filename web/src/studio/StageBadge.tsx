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

/** The book's real stage, from the work done (not the editorial status someone may have left at "Draft"). */
export function StageBadge({ project, facts, activeJob }: { project: Project; facts?: ProjectFacts; activeJob?: Job }) {
  const { t } = useTranslation('studio');
  const stage = projectStage(project, facts, activeJob);
  // A book produced in part says how far it got: the list is where a producer spots what is left to produce.
  const label =
    stage === 'partlyProduced' && facts
      ? t('stages.partlyProducedCount', { done: facts.chaptersMastered, total: chaptersToProduce(facts) })
      : t(`stages.${stage}`);
  return <Badge tone={TONES[stage]}>{label}</Badge>;
}
