import type { ReactNode } from 'react';

/** The ids an input names in `aria-describedby`, so screen readers read its hint and error. */
export function describedByIds(hintId: string, errorId: string, hint?: ReactNode, error?: string): string | undefined {
  return [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(' ') || undefined;
}

/** A field's hint and validation error, under the input they describe. */
export function FieldNotes({
  hintId,
  hint,
  errorId,
  error,
}: {
  hintId: string;
  hint?: ReactNode;
  errorId: string;
  error?: string;
}) {
  return (
    <>
      {hint && (
        <p id={hintId} className="field__hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={errorId} className="field__error">
          {error}
        </p>
      )}
    </>
  );
}
