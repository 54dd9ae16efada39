import { useTranslation } from 'react-i18next';
import { useCreateThread, useReply, useSetThreadStatus } from '../../api/reviews';
import type { ReviewThread } from '../../api/types';
import { Alert } from '../../ui/Alert';
import { useErrorText } from '../../ui/errorText';
import { useStudio } from '../StudioContext';
import { CommentThread } from './CommentThread';
import { NewCommentForm } from './NewCommentForm';

/** Discussion about a whole chapter (not one line). */
export function ChapterThreads({
  projectId,
  chapterId,
  threads,
}: {
  projectId: string;
  chapterId: string;
  threads: ReviewThread[];
}) {
  const { access } = useStudio();
  const { t } = useTranslation('review');
  const errorText = useErrorText();
  const create = useCreateThread(projectId);
  const reply = useReply(projectId);
  const setStatus = useSetThreadStatus(projectId);
  const failure = create.error ?? reply.error ?? setStatus.error;
  return (
    <section className="chapter-threads" aria-labelledby={`chapter-threads-${chapterId}`}>
      <h3 id={`chapter-threads-${chapterId}`}>{t('chapterComments.title')}</h3>
      {threads.length === 0 && <p className="small muted">{t('chapterComments.none')}</p>}
      {threads.map((thread) => (
        <CommentThread
          key={thread.id}
          thread={thread}
          canComment={access.canComment}
          busy={reply.isPending || setStatus.isPending}
          onReply={(body) => reply.mutateAsync({ threadId: thread.id, body })}
          onSetStatus={(action) => setStatus.mutate({ threadId: thread.id, action })}
        />
      ))}
      {access.canComment && (
        <NewCommentForm
          id={`new-chapter-comment-${chapterId}`}
          label={t('chapterComments.add')}
          busy={create.isPending}
          onSubmit={(body) => create.mutateAsync({ chapterId, body })}
        />
      )}
      {failure && <Alert tone="error">{errorText(failure)}</Alert>}
    </section>
  );
}
