import { zodResolver } from '@hookform/resolvers/zod';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { AddCommentRequest } from '@core/api/reviews';
import { useValidationText, zodErrorMap } from '../../ui/validation';

/** Opens a thread: the first comment on a line or a chapter (the same rules as the API's). */
export function NewCommentForm({
  id,
  label,
  busy,
  onSubmit,
}: {
  id: string;
  label: string;
  busy?: boolean;
  onSubmit(body: string): Promise<unknown>;
}) {
  const { t } = useTranslation('review');
  const validationText = useValidationText();
  const form = useForm<{ body: string }>({
    resolver: zodResolver(AddCommentRequest, { error: zodErrorMap }),
    defaultValues: { body: '' },
  });
  const error = validationText(form.formState.errors.body?.message, 'body');
  const submit = form.handleSubmit(async ({ body }) => {
    await onSubmit(body);
    form.reset();
  });
  return (
    <form className="new-comment" noValidate onSubmit={(event) => void submit(event)}>
      <label htmlFor={id}>{label}</label>
      <textarea
        id={id}
        rows={3}
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
        {t('comment.submit')}
      </button>
    </form>
  );
}
