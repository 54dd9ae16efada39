import { useTranslation } from 'react-i18next';

/** Keeps a number with its unit ("294.7 kB", "6 s") and the pieces of a date together when a column wraps. */
const NO_BREAK_SPACE = '\u00a0';
const TIME_FIELDS = new Set<Intl.DateTimeFormatPartTypes>([
  'hour',
  'minute',
  'second',
  'dayPeriod',
  'fractionalSecond',
]);

/**
 * A date and time that may wrap only between the date and the time: a narrow table column otherwise breaks
 * "11:00 p. m." after "p." or "6 de dez." after "de", which reads as two broken halves. Every space inside the date
 * or inside the time (Spanish writes its day period "p. m." with one) becomes a no-break space; the words that join
 * the two halves (", ", " a las ") keep theirs.
 */
export function breakableOnlyBetweenDateAndTime(parts: Intl.DateTimeFormatPart[]): string {
  const isTime = parts.map((part) => TIME_FIELDS.has(part.type));
  const fields = parts.map((part, index) => (part.type === 'literal' ? -1 : index)).filter((index) => index >= 0);
  const boundary = fields.findIndex((index, at) => at > 0 && isTime[index] !== isTime[fields[at - 1]]);
  const joinerFrom = boundary > 0 ? fields[boundary - 1] + 1 : parts.length;
  const joinerTo = boundary > 0 ? fields[boundary] : parts.length;
  return parts
    .map((part, index) =>
      index >= joinerFrom && index < joinerTo ? part.value : part.value.replace(/ /g, NO_BREAK_SPACE),
    )
    .join('');
}

/** A size in the largest unit under 1,024 of it: "163 bytes", "294.7 kB", "1.2 GB". */
export function formatBytes(locale: string, value: number): string {
  const units = ['byte', 'kilobyte', 'megabyte', 'gigabyte'] as const;
  let size = value;
  let index = 0;
  while (size >= 1024 && index < units.length - 1) {
    size /= 1024;
    index++;
  }
  // A count of bytes is spelled out: CLDR's short form leaves it singular ("163 byte") in English and Spanish.
  return new Intl.NumberFormat(locale, {
    style: 'unit',
    unit: units[index],
    unitDisplay: index === 0 ? 'long' : 'short',
    maximumFractionDigits: index === 0 ? 0 : 1,
  })
    .format(size)
    .replace(/ /g, NO_BREAK_SPACE);
}

/**
 * A length of time in hours and minutes or minutes and seconds, in one piece: every space in it is a no-break one, so
 * a table column or a figure never puts "3 min" on one line and "20 s" on the next.
 */
export function formatDuration(locale: string, seconds: number): string {
  const total = Math.max(0, Math.round(seconds));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const secs = total % 60;
  const unit = (value: number, name: 'hour' | 'minute' | 'second') =>
    new Intl.NumberFormat(locale, { style: 'unit', unit: name, unitDisplay: 'short' }).format(value);
  const parts =
    hours > 0
      ? [unit(hours, 'hour'), unit(minutes, 'minute')]
      : minutes > 0
        ? secs > 0
          ? [unit(minutes, 'minute'), unit(secs, 'second')]
          : [unit(minutes, 'minute')]
        : [unit(secs, 'second')];
  return parts.join(' ').replace(/ /g, NO_BREAK_SPACE);
}

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
    dateTime: (iso: string) => breakableOnlyBetweenDateAndTime(dateTime.formatToParts(new Date(iso))),
    date: (iso: string) => breakableOnlyBetweenDateAndTime(date.formatToParts(new Date(iso))),
    number: (value: number) => integer.format(value),
    percent: (fraction: number) => percent.format(fraction),
    usd: (value: number) => usd.format(value),
    /** "1 h 05 min", "3 min 20 s", "45 s" — units from Intl so each language spells them its way. */
    duration: (seconds: number) => formatDuration(locale, seconds),
    bytes: (value: number) => formatBytes(locale, value),
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
