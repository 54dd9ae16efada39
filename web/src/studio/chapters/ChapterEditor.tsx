import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useRef, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { chapterTypes, UpdateChapterRequest } from '@core/api/chapters';
import { ApiError } from '../../api/client';
import { useChapterAction, useSpokenPreview, useSplitChapter, useUpdateChapter } from '../../api/chapters';
import type { Chapter } from '../../api/types';
import { Alert } from '../../ui/Alert';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { useErrorText } from '../../ui/errorText';
import { useFormat } from '../../ui/format';
import { Loading } from '../../ui/Loading';
import { nextValues } from '../../ui/useTextDraft';
import { useValidationText, zodErrorMap } from '../../ui/validation';
import { useChapterToasts } from '../plan/useChapterToasts';
import { useStudio } from '../StudioContext';

type Pending = { kind: 'merge' } | { kind: 'delete' } | { kind: 'split'; offset: number; preview: string } | null;

/** One chapter: rename and retype (checked with the API's own schema), merge, split, delete; text beside its spoken form. */
export function ChapterEditor({
  chapter,
  canEdit,
  isLast,
  onGone,
}: {
  chapter: Chapter;
  canEdit: boolean;
  isLast: boolean;
  onGone(): void;
}) {
  const { project } = useStudio();
  const { t } = useTranslation('chapters');
  const format = useFormat();
  const errorText = useErrorText();
  const validationText = useValidationText();
  // The editor is one chapter's (the page keys it by chapter), so its toasts go when another chapter opens.
  const toasts = useChapterToasts(chapter.id);
  const update = useUpdateChapter(project.id);
  const action = useChapterAction(project.id);
  const split = useSplitChapter(project.id);
  const [pending, setPending] = useState<Pending>(null);
  const form = useForm({
    resolver: zodResolver(UpdateChapterRequest, { error: zodErrorMap }),
    defaultValues: { title: chapter.title, chapterType: chapter.chapterType },
  });
  // The form takes the chapter's title and type as the server has them whenever they change (a save of this form
  // coming back, a refetch after someone else's edit or a job), keeping what is being typed: a field with unsaved
  // typing keeps it when the server's value is the one saved from here, and otherwise shows theirs with the notice.
  const taken = useRef({ title: chapter.title, chapterType: chapter.chapterType });
  const sent = useRef<typeof taken.current | null>(null);
  const [overruled, setOverruled] = useState(false);
  useEffect(() => {
    const server = { title: chapter.title, chapterType: chapter.chapterType };
    if (server.title === taken.current.title && server.chapterType === taken.current.chapterType) return;
    const typed = form.getValues();
    const next = nextValues(
      { title: typed.title ?? '', chapterType: typed.chapterType ?? server.chapterType },
      taken.current,
      sent.current,
      server,
    );
    taken.current = server;
    form.reset(server, { keepErrors: true });
    if (next.values.title !== server.title) form.setValue('title', next.values.title, { shouldDirty: true });
    if (next.values.chapterType !== server.chapterType)
      form.setValue('chapterType', next.values.chapterType, { shouldDirty: true });
    if (next.overruled) setOverruled(true);
    // Only a change of the server's values is news: the form is the same one across renders.
  }, [chapter.title, chapter.chapterType]);
  const titleError = validationText(form.formState.errors.title?.message, 'title');
  const failure = update.error ?? action.error ?? split.error;
  const conflict = (failure instanceof ApiError && failure.status === 412) || overruled;

  const save = form.handleSubmit((values) => {
    sent.current = { title: values.title ?? chapter.title, chapterType: values.chapterType ?? chapter.chapterType };
    setOverruled(false);
    // mutateAsync, not mutate's callbacks: those are dropped once the producer opened another chapter, and the save
    // answered then is still news, said with the chapter's name.
    update.mutateAsync({ chapterId: chapter.id, etag: chapter.etag, patch: values }).then(
      (saved) =>
        toasts.show({
          chapterId: chapter.id,
          message: t('editor.saved'),
          elsewhere: t('editor.savedElsewhere', { title: saved.title }),
        }),
      // A refused save shows on the form (update.error) while the chapter is open.
      () => undefined,
    );
  });
  const confirm = () => {
    if (!pending) return;
    const done = () => setPending(null);
    if (pending.kind === 'merge')
      action.mutate({ chapterId: chapter.id, action: 'merge-next', etag: chapter.etag }, { onSettled: done });
    if (pending.kind === 'delete')
      action.mutate(
        { chapterId: chapter.id, action: 'delete', etag: chapter.etag },
        { onSettled: done, onSuccess: onGone },
      );
    if (pending.kind === 'split')
      split.mutate({ chapterId: chapter.id, offset: pending.offset, etag: chapter.etag }, { onSettled: done });
  };

  return (
    <article className="chapter-editor" aria-labelledby="chapter-editor-title">
      <header className="chapter-editor__header">
        <h2 id="chapter-editor-title">{chapter.title}</h2>
        <p className="muted small">
          {t('editor.stats', {
            count: chapter.stats.words,
            duration: format.duration(chapter.stats.estimatedMinutes * 60),
          })}
        </p>
      </header>
      {(failure ?? conflict) && (
        <Alert tone={conflict ? 'warning' : 'error'}>{conflict ? t('editor.conflict') : errorText(failure)}</Alert>
      )}
      {canEdit && (
        <form className="form form--inline" onSubmit={(event) => void save(event)} noValidate>
          <div className={`field${titleError ? ' field--invalid' : ''}`}>
            <label htmlFor="chapter-title">{t('editor.titleLabel')}</label>
            <input
              id="chapter-title"
              {...form.register('title')}
              aria-invalid={titleError ? true : undefined}
              aria-describedby={titleError ? 'chapter-title-error' : undefined}
            />
            {titleError && (
              <p id="chapter-title-error" className="field__error">
                {titleError}
              </p>
            )}
          </div>
          <div className="field">
            <label htmlFor="chapter-type">{t('editor.typeLabel')}</label>
            <select id="chapter-type" {...form.register('chapterType')}>
              {chapterTypes.map((type) => (
                <option key={type} value={type}>
                  {t(`types.${type}`)}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" className="button button--primary" disabled={update.isPending}>
            {t('editor.save')}
          </button>
        </form>
      )}
      {canEdit && (
        <div className="button-row">
          <button
            type="button"
            className="button button--secondary"
            disabled={isLast}
            onClick={() => setPending({ kind: 'merge' })}
          >
            {t('editor.mergeNext')}
          </button>
          <button
            type="button"
            className="button button--danger-outline"
            onClick={() => setPending({ kind: 'delete' })}
          >
            {t('editor.delete')}
          </button>
        </div>
      )}
      <SpokenComparison
        chapter={chapter}
        onSplitAt={canEdit ? (offset, preview) => setPending({ kind: 'split', offset, preview }) : undefined}
      />
      <ConfirmDialog
        open={pending !== null}
        title={pending ? t(`confirm.${pending.kind}.title`) : ''}
        confirmLabel={pending ? t(`confirm.${pending.kind}.action`) : ''}
        tone={pending?.kind === 'delete' ? 'danger' : 'primary'}
        busy={action.isPending || split.isPending}
        onCancel={() => setPending(null)}
        onConfirm={confirm}
      >
        <p>
          {pending?.kind === 'split'
            ? t('confirm.split.body', { preview: pending.preview })
            : pending
              ? t(`confirm.${pending.kind}.body`, { title: chapter.title })
              : null}
        </p>
      </ConfirmDialog>
    </article>
  );
}

/** Paragraph by paragraph: the text as written and what will be spoken (numbers, abbreviations, Roman numerals). */
function SpokenComparison({
  chapter,
  onSplitAt,
}: {
  chapter: Chapter;
  onSplitAt?(offset: number, preview: string): void;
}) {
  const { project } = useStudio();
  const { t } = useTranslation('chapters');
  const errorText = useErrorText();
  const spoken = useSpokenPreview(project.id, chapter);
  if (spoken.isPending) return <Loading />;
  if (spoken.isError) return <Alert tone="error">{errorText(spoken.error)}</Alert>;
  const { heading, paragraphs, totalParagraphs } = spoken.data;
  return (
    <section aria-labelledby="spoken-title" className="spoken">
      <h3 id="spoken-title">{t('spoken.title')}</h3>
      <p className="muted small">{t('spoken.intro')}</p>
      <table className="spoken__table">
        <caption className="visually-hidden">{t('spoken.caption', { title: chapter.title })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('spoken.written')}</th>
            <th scope="col">{t('spoken.spoken')}</th>
          </tr>
        </thead>
        <tbody>
          {heading && (
            <tr className="spoken__heading">
              <td>{heading.text}</td>
              <td>{heading.spoken}</td>
            </tr>
          )}
          {paragraphs.map((paragraph, index) => (
            <tr
              key={paragraph.index}
              className={paragraph.spoken !== paragraph.text ? 'spoken__row--changed' : undefined}
            >
              <td>
                {paragraph.text}
                {onSplitAt && index > 0 && (
                  <button
                    type="button"
                    className="link-button small"
                    onClick={() => onSplitAt(paragraph.offset, paragraph.text.slice(0, 80))}
                  >
                    {t('spoken.splitHere')}
                  </button>
                )}
              </td>
              <td>
                {paragraph.spoken}
                {paragraph.spoken !== paragraph.text && (
                  <span className="visually-hidden"> ({t('spoken.changed')})</span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {totalParagraphs > paragraphs.length && (
        <p className="muted small">{t('spoken.more', { count: totalParagraphs - paragraphs.length })}</p>
      )}
    </section>
  );
}
