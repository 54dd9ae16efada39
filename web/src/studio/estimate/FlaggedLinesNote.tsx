import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { Alert } from '../../ui/Alert';
import { useStudio } from '../StudioContext';

/**
 * Lines the planner was unsure of stand in no production's way (the server does not count them as problems), yet each
 * may be read in the wrong voice: said where the cost is weighed and the production started, with the way to them.
 */
export function FlaggedLinesNote() {
  const { project, status } = useStudio();
  const { t } = useTranslation('estimate');
  const flagged = status.flagged;
  if (!flagged || flagged.count === 0) return null;
  // The way to them opens the first chapter holding one, on its flagged lines: the plan alone opens on the book's
  // first chapter (a preface, often nothing to check) with every line shown.
  const first = status.chapters?.find((chapter) => (chapter.review?.flagged ?? 0) > 0);
  const plan = `/projects/${encodeURIComponent(project.id)}/plan`;
  return (
    <Alert tone="warning">
      {t(flagged.more ? 'flaggedLines.atLeast' : 'flaggedLines.exact', { count: flagged.count })}{' '}
      <Link to={first ? `${plan}/${encodeURIComponent(first.id)}?show=flagged` : plan}>{t('flaggedLines.check')}</Link>
    </Alert>
  );
}
