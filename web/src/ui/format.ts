import { useTranslation } from 'react-i18next';

/** Dates and language names in the reader's language, through `Intl` rather than hand-made formats. */
export function useFormat() {
  const { i18n } = useTranslation();
  const locale = i18n.resolvedLanguage ?? i18n.language;
  const dateTime = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
  const date = new Intl.DateTimeFormat(locale, { dateStyle: 'medium' });
  const languages = new Intl.DisplayNames([locale], { type: 'language' });
  return {
    dateTime: (iso: string) => dateTime.format(new Date(iso)),
    date: (iso: string) => date.format(new Date(iso)),
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
