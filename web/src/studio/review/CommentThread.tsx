import { zodResolver } from '@hookform/resolvers/zod';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { AddCommentRequest } from '@core/api/reviews';
import type { ReviewThread } from '../../api/types';
import { useFormat } from '../../ui/format';
import { useValidationText, zodErrorMap } from '../../ui/validation';

export interface CommentThreadProps {
  thread: ReviewThread;
  canComment: boolean;
  busy?: boolean;
  onReply(body: string): Promise<unknown> | void;
  onSetStatus(action: 'resolve' | 'reopen'): void;
}

/** A discussion about one line or chapter: comments in order, a reply box, resolve (or reopen). */
export function CommentThread({ thread, canComment, busy, onReply, onSetStatus }: CommentThreadProps) {
  const { t } = useTranslation('review');
  const format = useFormat();
  const resolved = thread.status === 'resolved';
  const headingId = `thread-${thread.id}`;
  return (
    <article className={`thread${resolved ? ' thread--resolved' : ''}`} aria-labelledby={headingId}>
      <h4 id={headingId} className="thread__title">
        {resolved ? t('thread.resolvedTitle') : t('thread.openTitle')}
        {thread.quote && <q className="thread__quote">{thread.quote}</q>}
      </h4>
      <ol className="thread__comments">
        {thread.comments.map((comment) => (
          <li key={comment.id} className="comment">
            <p className="comment__meta small">
              <strong>{comment.author.name}</strong> ·{' '}
              <time dateTime={comment.createdAt}>{format.dateTime(comment.createdAt)}</time>
            </p>
            <p className="comment__body">{comment.body}</p>
          </li>
        ))}
      </ol>
      {resolved && thread.resolvedBy && thread.resolvedAt && (
        <p className="small muted">
          {t('thread.resolvedBy', { name: thread.resolvedBy.name, time: format.dateTime(thread.resolvedAt) })}
        </p>
      )}
      {canComment && !resolved && <ReplyForm threadId={thread.id} busy={busy} onReply={onReply} />}
      {canComment && (
        <button
          type="button"
          className="button button--secondary button--small"
          disabled={busy}
          onClick={() => onSetStatus(resolved ? 'reopen' : 'resolve')}
        >
          {resolved ? t('thread.reopen') : t('thread.resolve')}
        </button>
      )}
    </article>
  );
}

function ReplyForm({
  threadId,
  busy,
  onReply,
}: {
  threadId: string;
  busy?: boolean;
  onReply(body: string): Promise<unknown> | void;
}) {
  const { t } = useTranslation('review');
  const validationText = useValidationText();
  const form = useForm<{ body: string }>({
    resolver: zodResolver(AddCommentRequest, { error: zodErrorMap }),
    defaultValues: { body: '' },
  });
  const error = validationText(form.formState.errors.body?.message, 'body');
  const id = `reply-${threadId}`;
  const submit = form.handleSubmit(async ({ body }) => {
    await onReply(body);
    form.reset();
  });
  return (
    <form className="thread__reply" noValidate onSubmit={(event) => void submit(event)}>
      <label htmlFor={id} className="visually-hidden">
        {t('thread.replyLabel')}
      </label>
      <textarea
        id={id}
        rows={2}
        placeholder={t('thread.replyPlaceholder')}
        {...form.register('body')}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
      />
      {error && (
        <p id={`${id}-error`} className="field__error">
          {error}
        </p>
      )}
      <button type="submit" className="button button--primary button--small" disabled={busy}>
        {t('thread.reply')}
      </button>
    </form>
  );
}
