import { useMemo } from 'react';
import { ApiError } from '../api/client';
import { useErrorText } from '../ui/errorText';
import { mapFieldIssues, type FieldErrors } from './formModel';

/**
 * A refused save as the form shows it: field issues beside their inputs (translated there by field), everything
 * else as one translated message. A 412 is not shown here: the page offers to reload instead.
 */
export function useServerFormErrors(error: unknown): { fieldErrors: FieldErrors; otherErrors: string[] } {
  const errorText = useErrorText();
  return useMemo(() => {
    if (!error) return { fieldErrors: {}, otherErrors: [] };
    if (error instanceof ApiError && error.status === 412) return { fieldErrors: {}, otherErrors: [] };
    if (error instanceof ApiError && error.fields.length > 0) {
      const mapped = mapFieldIssues(error.fields);
      return { fieldErrors: mapped.fieldErrors, otherErrors: mapped.otherErrors.length ? [errorText(error)] : [] };
    }
    return { fieldErrors: {}, otherErrors: [errorText(error)] };
  }, [error]);
}
