import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { useSetDecision } from '../../api/reviews';
import type { ChapterReview } from '../../api/types';
import { Alert } from '../../ui/Alert';
import { Badge, type BadgeTone } from '../../ui/Badge';
import { Dialog } from '../../ui/Dialog';
import { useErrorText } from '../../ui/errorText';
import { useFormat } from '../../ui/format';
import { useToast } from '../../ui/Toasts';

const TONES: Record<ChapterReview['decision'], BadgeTone> = {
  pending: 'neutral',
  approved: 'success',
  changes_requested: 'warning',
};

/** A chapter's review decision, and for reviewers the buttons to approve it or request changes (with a note). */
export function DecisionBar({
  projectId,
  review,
  canApprove,
}: {
  projectId: string;
  review: ChapterReview;
  canApprove: boolean;
}) {
  const { t } = useTranslation(['review', 'common']);
  const format = useFormat();
  const errorText = useErrorText();
  const toast = useToast();
  const decide = useSetDecision(projectId);
  const [asking, setAsking] = useState(false);
  const [note, setNote] = useState('');
  const approval = review.approval;
  // 412: someone decided while this page was open; 428: a decision appeared that this page had not seen.
  const stale = decide.error instanceof ApiError && [412, 428].includes(decide.error.status);

  const send = (decision: ChapterReview['decision'], withNote?: string) =>
    decide.mutate(
      { chapterId: review.chapterId, decision, note: withNote, etag: approval?.etag },
      {
        onSuccess: () => {
          setAsking(false);
          setNote('');
          toast.show(t(`decision.saved.${decision}`, { title: review.title }));
        },
      },
    );

  return (
    <div className="decision-bar" aria-label={t('decision.label', { title: review.title })} role="group">
      <Badge tone={TONES[review.decision]}>{t(`decision.states.${review.decision}`)}</Badge>
      {approval && (
        <span className="small muted">
          {t('decision.by', { name: approval.decidedBy.name, time: format.dateTime(approval.decidedAt) })}
        </span>
      )}
      {review.approvalStale && <span className="small">{t('decision.stale')}</span>}
      {review.decision === 'changes_requested' && approval?.note && (
        <q className="decision-bar__note">{approval.note}</q>
      )}
      {canApprove && (
        <span className="button-row button-row--compact">
          {review.decision !== 'approved' && (
            <button
              type="button"
              className="button button--primary button--small"
              disabled={decide.isPending}
              onClick={() => send('approved')}
            >
              {t('decision.approve', { title: review.title })}
            </button>
          )}
          {review.decision !== 'changes_requested' && (
            <button
              type="button"
              className="button button--secondary button--small"
              disabled={decide.isPending}
              onClick={() => setAsking(true)}
            >
              {t('decision.requestChanges')}
            </button>
          )}
        </span>
      )}
      {decide.error && (
        <Alert tone={stale ? 'warning' : 'error'}>{stale ? t('decision.conflict') : errorText(decide.error)}</Alert>
      )}
      <Dialog
        open={asking}
        title={t('decision.requestTitle', { title: review.title })}
        onClose={() => setAsking(false)}
        actions={
          <>
            <button type="button" className="button button--secondary" onClick={() => setAsking(false)}>
              {t('common:actions.cancel')}
            </button>
            <button
              type="button"
              className="button button--primary"
              disabled={!note.trim() || decide.isPending}
              onClick={() => send('changes_requested', note.trim())}
            >
              {t('decision.requestChanges')}
            </button>
          </>
        }
      >
        <div className="field">
          <label htmlFor="decision-note">{t('decision.noteLabel')}</label>
          <textarea id="decision-note" rows={3} value={note} onChange={(event) => setNote(event.target.value)} />
        </div>
      </Dialog>
    </div>
  );
}
