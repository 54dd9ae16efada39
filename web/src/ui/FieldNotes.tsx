import type { ReactNode } from 'react';

/** The ids an input names in `aria-describedby`, so screen readers read its hint and error. */
export function describedByIds(hintId: string, errorId: string, hint?: ReactNode, error?: string): string | undefined {
  return [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(' ') || undefined;
}

/** A format or a value written with hyphens between capitals or digits: YYYY-MM-DD, AAAA-MM, 2025-03-14, an ISBN. */
const HYPHENATED_FORMAT = /([\p{Lu}\d]+(?:-[\p{Lu}\d]+)+)/u;

/**
 * The text with each hyphenated format kept on one line: a browser may break a line after a hyphen, and the Spanish
 * date hint read "AAAA-MM o AAAA-" at the end of a line and "MM-DD." under it.
 */
function keepFormatsWhole(text: ReactNode): ReactNode {
  if (typeof text !== 'string') return text;
  // Split on a capturing pattern: the formats are at the odd places.
  return text.split(HYPHENATED_FORMAT).map((part, index) =>
    index % 2 === 1 ? (
      <span key={index} className="nowrap">
        {part}
      </span>
    ) : (
      part
    ),
  );
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
          {keepFormatsWhole(hint)}
        </p>
      )}
      {error && (
        <p id={errorId} className="field__error">
          {keepFormatsWhole(error)}
        </p>
      )}
    </>
  );
}
