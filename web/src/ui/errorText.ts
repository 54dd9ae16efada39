import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';
import errorsCatalog from '../i18n/locales/en-US/errors.json';

type ErrorCode = keyof typeof errorsCatalog.codes;
const isKnownCode = (code: string): code is ErrorCode => code in errorsCatalog.codes;

/**
 * Server errors in the reader's language: the API's `code` picks the message (its English `message` is for logs and
 * integrators). Pages pass `overrides` for codes that mean something specific where they happen.
 */
export function useErrorText() {
  const { t } = useTranslation('errors');
  return (error: unknown, overrides: Partial<Record<string, string>> = {}): string => {
    if (!error) return '';
    const code = error instanceof ApiError ? error.code : 'internal';
    const override = overrides[code];
    if (override) return override;
    return isKnownCode(code) ? t(`codes.${code}`) : t('codes.internal');
  };
}
