import { useTranslation } from 'react-i18next';
import { useCoverImage } from '../api/projects';
import type { CoverVariant, Project } from '../api/types';

/** The project's cover fetched with the bearer token, or a typographic placeholder when there is none yet. */
export function CoverImage({
  project,
  variant,
  className,
}: {
  project: Project;
  variant: CoverVariant;
  className?: string;
}) {
  const { t } = useTranslation('projects');
  const url = useCoverImage(project, variant);
  const classes = `cover ${className ?? ''}`;
  if (!project.cover) {
    return (
      <div className={`${classes} cover--placeholder`} role="img" aria-label={t('cover.none')}>
        <span aria-hidden="true">{project.metadata.title.slice(0, 1).toUpperCase()}</span>
      </div>
    );
  }
  if (!url) return <div className={`${classes} cover--loading`} role="img" aria-label={t('cover.loading')} />;
  return <img className={classes} src={url} alt={t('cover.alt', { title: project.metadata.title })} />;
}
