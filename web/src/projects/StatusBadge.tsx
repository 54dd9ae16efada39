import { useTranslation } from 'react-i18next';
import type { ProjectStatus } from '../api/types';

export function StatusBadge({ status }: { status: ProjectStatus }) {
  const { t } = useTranslation('projects');
  return <span className={`badge badge--${status}`}>{t(`status.${status}`)}</span>;
}
