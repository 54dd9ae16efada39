import { useTranslation } from 'react-i18next';

/** Numbers, dates, durations, money and language names in the reader's language, through `Intl`. */
export function useFormat() {
  const { i18n } = useTranslation();
  const locale = i18n.resolvedLanguage ?? i18n.language;
  const dateTime = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
  const date = new Intl.DateTimeFormat(locale, { dateStyle: 'medium' });
  const languages = new Intl.DisplayNames([locale], { type: 'language' });
  const integer = new Intl.NumberFormat(locale);
  const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 });
  const usd = new Intl.NumberFormat(locale, { style: 'currency', currency: 'USD', maximumFractionDigits: 2 });
  return {
    dateTime: (iso: string) => dateTime.format(new Date(iso)),
    date: (iso: string) => date.format(new Date(iso)),
    number: (value: number) => integer.format(value),
    percent: (fraction: number) => percent.format(fraction),
    usd: (value: number) => usd.format(value),
    /** "1 h 05 min", "3 min 20 s", "45 s" — units from Intl so each language spells them its way. */
    duration: (seconds: number) => {
      const total = Math.max(0, Math.round(seconds));
      const hours = Math.floor(total / 3600);
      const minutes = Math.floor((total % 3600) / 60);
      const secs = total % 60;
      const unit = (value: number, name: 'hour' | 'minute' | 'second') =>
        new Intl.NumberFormat(locale, { style: 'unit', unit: name, unitDisplay: 'short' }).format(value);
      if (hours > 0) return `${unit(hours, 'hour')} ${unit(minutes, 'minute')}`;
      if (minutes > 0) return secs > 0 ? `${unit(minutes, 'minute')} ${unit(secs, 'second')}` : unit(minutes, 'minute');
      return unit(secs, 'second');
    },
    bytes: (value: number) => {
      const units = ['byte', 'kilobyte', 'megabyte', 'gigabyte'] as const;
      let size = value;
      let index = 0;
      while (size >= 1024 && index < units.length - 1) {
        size /= 1024;
        index++;
      }
      return new Intl.NumberFormat(locale, {
        style: 'unit',
        unit: units[index],
        unitDisplay: 'short',
        maximumFractionDigits: index === 0 ? 0 : 1,
      }).format(size);
    },
    languageName: (tag: string) => {
      try {
        return languages.of(tag) ?? tag;
      } catch {
        return tag;
      }
    },
    list: (items: string[]) => new Intl.ListFormat(locale, { style: 'long', type: 'conjunction' }).format(items),
  };
}
