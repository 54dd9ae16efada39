import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';
import errorsCatalog from '../i18n/locales/en-US/errors.json';
import { useFormat } from './format';

type ErrorCode = keyof typeof errorsCatalog.codes;
type Reason = keyof typeof errorsCatalog.reasons;
type Quota = keyof typeof errorsCatalog.quotas;
const isKnownCode = (code: string): code is ErrorCode => code in errorsCatalog.codes;
const isKnownReason = (reason: unknown): reason is Reason =>
  typeof reason === 'string' && reason in errorsCatalog.reasons;
const isKnownQuota = (quota: unknown): quota is Quota => typeof quota === 'string' && quota in errorsCatalog.quotas;
const numberIn = (details: Record<string, unknown>, key: string): number =>
  typeof details[key] === 'number' ? details[key] : 0;

/**
 * Server errors in the reader's language: the API's `code` picks the message (its English `message` is for logs and
 * integrators), made specific by what its `details` say: which quota was reached and how far, the `reason` a request
 * was refused, when a closed organization will be deleted. Pages pass `overrides` for codes that mean something
 * specific where they happen.
 */
export function useErrorText() {
  const { t } = useTranslation('errors');
  const format = useFormat();

  const specific = (error: ApiError): string | null => {
    const { details } = error;
    if (error.code === 'quota_exceeded' && isKnownQuota(details.quota)) {
      const limit = numberIn(details, 'limit');
      // Characters held by productions still running count against the month too; say so only when there are some.
      const reserved = numberIn(details, 'reserved');
      const key =
        details.quota === 'monthlyCharacters' && reserved > 0 ? 'monthlyCharactersWithReserved' : details.quota;
      return t(`quotas.${key}`, {
        limit: details.quota === 'storageBytes' ? format.bytes(limit) : format.number(limit),
        used: format.number(numberIn(details, 'used')),
        reserved: format.number(reserved),
        requested: format.number(numberIn(details, 'requested')),
        running: format.number(numberIn(details, 'running')),
        resetsAt: typeof details.resetsAt === 'string' ? format.date(details.resetsAt) : '',
      });
    }
    if (error.code === 'tenant_suspended' && typeof details.purgeAfter === 'string') {
      return t('tenantClosing', { date: format.date(details.purgeAfter) });
    }
    if (isKnownReason(details.reason)) return t(`reasons.${details.reason}`);
    return null;
  };

  return (error: unknown, overrides: Partial<Record<string, string>> = {}): string => {
    if (!error) return '';
    const code = error instanceof ApiError ? error.code : 'internal';
    const override = overrides[code];
    if (override) return override;
    const detailed = error instanceof ApiError ? specific(error) : null;
    if (detailed) return detailed;
    return isKnownCode(code) ? t(`codes.${code}`) : t('codes.internal');
  };
}
