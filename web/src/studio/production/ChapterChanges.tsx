import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { Package } from '../../api/production';
import type { ChapterSummary } from '../../api/types';
import { Alert } from '../../ui/Alert';
import { chaptersChangedSinceAudio, chaptersChangedSincePackages } from '../deliveryState';

/**
 * What a producer must know before sending the book: the chapters that changed since the packages were built (or,
 * before any package, since their audio was made), and where to produce them again.
 */
export function ChangedChapters({
  projectId,
  chapters,
  packages,
  linkToProduction,
}: {
  projectId: string;
  chapters: ChapterSummary[];
  packages: Package[];
  linkToProduction: boolean;
}) {
  const { t } = useTranslation('production');
  const sincePackages = packages.length > 0;
  const changed = sincePackages
    ? chaptersChangedSincePackages(packages, chapters)
    : chaptersChangedSinceAudio(chapters);
  if (changed.length === 0) return null;
  return (
    <Alert tone="warning" title={t(sincePackages ? 'changes.sincePackages' : 'changes.sinceAudio')}>
      <ul className="plain-list" aria-label={t('changes.chapters')}>
        {changed.map((chapter) => (
          <li key={chapter.id}>{chapter.title}</li>
        ))}
      </ul>
      {linkToProduction && (
        <p>
          <Link to={`/projects/${encodeURIComponent(projectId)}/production`}>{t('changes.toProduction')}</Link>
        </p>
      )}
    </Alert>
  );
}

/** The chapters production leaves out, each with why: a producer should not wait for audio that will never come. */
export function ChaptersLeftOut({ chapters }: { chapters: ChapterSummary[] }) {
  const { t } = useTranslation('production');
  const silent = chapters.filter((chapter) => !chapter.deleted && chapter.nothingToSpeak);
  if (silent.length === 0) return null;
  return (
    <Alert tone="info" title={t('leftOut.title', { count: silent.length })}>
      <ul className="plain-list">
        {silent.map((chapter) => (
          <li key={chapter.id}>
            <strong>{chapter.title}</strong>: {t(`leftOut.reasons.${chapter.nothingToSpeak!}`)}
          </li>
        ))}
      </ul>
    </Alert>
  );
}
