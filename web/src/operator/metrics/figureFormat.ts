import { useTranslation } from 'react-i18next';
import { useFormat } from '../../ui/format';

/** How the metrics page writes its numbers: counts, shares with a decimal, milliseconds; a dash when there is none. */
export function useFigureFormat() {
  const { t, i18n } = useTranslation('operatorMetrics');
  const format = useFormat();
  const locale = i18n.resolvedLanguage ?? i18n.language;
  const share = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 });
  const decimal = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
  const none = t('none');
  return {
    count: (value: number) => format.number(value),
    share: (value: number | null) => (value === null ? none : share.format(value)),
    decimal: (value: number | null) => (value === null ? none : decimal.format(value)),
    ms: (value: number | null) => (value === null ? none : t('milliseconds', { value: decimal.format(value) })),
    seconds: (value: number | null) => (value === null ? none : format.duration(value)),
    day: (day: string) => format.date(`${day}T12:00:00Z`),
  };
}
