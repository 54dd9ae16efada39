import { useTranslation } from 'react-i18next';

/**
 * Dollars as a cost page needs them: cents for ordinary amounts, up to four decimals below a dollar (an offline book's
 * compute costs fractions of a cent, which would otherwise all read "$0.00"), and a compact form for chart axes.
 */
export function useMoney() {
  const { i18n } = useTranslation();
  const locale = i18n.resolvedLanguage ?? i18n.language;
  const cents = new Intl.NumberFormat(locale, { style: 'currency', currency: 'USD', maximumFractionDigits: 2 });
  const small = new Intl.NumberFormat(locale, {
    style: 'currency',
    currency: 'USD',
    minimumFractionDigits: 2,
    maximumFractionDigits: 4,
  });
  const compact = new Intl.NumberFormat(locale, {
    style: 'currency',
    currency: 'USD',
    notation: 'compact',
    maximumSignificantDigits: 3,
  });
  return {
    amount: (usd: number) => (usd !== 0 && Math.abs(usd) < 1 ? small.format(usd) : cents.format(usd)),
    axis: (usd: number) => compact.format(usd),
  };
}
