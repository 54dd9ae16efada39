import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useSoundChanges } from '../../api/listening';
import type { Package } from '../../api/production';
import type { ChapterSummary } from '../../api/types';
import { Alert } from '../../ui/Alert';
import { chaptersChangedSinceAudio, chaptersChangedSincePackages } from '../deliveryState';

/**
 * What a producer must know before sending the book: the chapters that changed since the packages were built (or,
 * before any package, since their audio was made), those that would sound different now (a character's voice, a
 * pronunciation or the pauses changed: the server compares what their master was made with), and where to produce them.
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
  const sounds = useSoundChanges(
    projectId,
    chapters.some((chapter) => chapter.hasMaster),
  );
  const soundsDifferent = new Set(sounds.data?.chapterIds ?? []);
  const edited = new Set(
    (sincePackages ? chaptersChangedSincePackages(packages, chapters) : chaptersChangedSinceAudio(chapters)).map(
      (chapter) => chapter.id,
    ),
  );
  const changed = chapters.filter((chapter) => edited.has(chapter.id) || soundsDifferent.has(chapter.id));
  if (changed.length === 0) return null;
  return (
    <Alert tone="warning" title={t(sincePackages ? 'changes.sincePackages' : 'changes.sinceAudio')}>
      <ul className="plain-list" aria-label={t('changes.chapters')}>
        {changed.map((chapter) => (
          <li key={chapter.id}>
            {chapter.title}
            {!edited.has(chapter.id) && <span className="muted">: {t('changes.soundsDifferent')}</span>}
          </li>
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
