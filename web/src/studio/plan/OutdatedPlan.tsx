import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChapterSummary } from '../../api/types';
import { Alert } from '../../ui/Alert';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { useFormat } from '../../ui/format';

/**
 * Chapters whose plan an earlier planner made (a play whose speaker labels it read aloud): what the producer hears
 * until they are planned again. Planning them again asks first, and says what of the producer's line edits it keeps.
 */
export function OutdatedPlan({
  chapters,
  canEdit,
  busy,
  onPlan,
}: {
  chapters: ChapterSummary[];
  canEdit: boolean;
  busy: boolean;
  onPlan(chapterIds: string[]): void;
}) {
  const { t } = useTranslation('plan');
  const format = useFormat();
  const [confirming, setConfirming] = useState(false);
  const outdated = chapters.filter((chapter) => !chapter.deleted && chapter.planOutdated);
  if (outdated.length === 0) return null;
  const edits = outdated.reduce((sum, chapter) => sum + chapter.lineEdits, 0);
  return (
    <>
      <Alert tone="warning" title={t('outdated.title', { count: outdated.length })}>
        <p>{t('outdated.body')}</p>
        <ul className="plain-list">
          {outdated.map((chapter) => (
            <li key={chapter.id}>{chapter.title}</li>
          ))}
        </ul>
        {canEdit && (
          <button
            type="button"
            className="button button--secondary button--small"
            disabled={busy}
            onClick={() => setConfirming(true)}
          >
            {t('outdated.planAgain', { count: outdated.length })}
          </button>
        )}
      </Alert>
      <ConfirmDialog
        open={confirming}
        title={t('outdated.confirmTitle', { count: outdated.length })}
        confirmLabel={t('outdated.confirm')}
        busy={busy}
        onConfirm={() => {
          setConfirming(false);
          onPlan(outdated.map((chapter) => chapter.id));
        }}
        onCancel={() => setConfirming(false)}
      >
        <p>
          {edits > 0 ? t('outdated.withEdits', { count: edits, edits: format.number(edits) }) : t('outdated.noEdits')}
        </p>
      </ConfirmDialog>
    </>
  );
}
