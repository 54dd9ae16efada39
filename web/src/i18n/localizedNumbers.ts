import type { FormatterModule } from 'i18next';

type NamedFormat = (value: unknown, language: string | undefined, options: Record<string, unknown>) => string;

/**
 * Every number put into a translated text is written the reader's way: "3,216 of 3,216 lines attributed" in English,
 * "3.216 de 3.216 falas atribuídas" in Portuguese. i18next leaves an interpolated value as it came unless the text
 * names a format; with `interpolation.alwaysFormat` it hands every value to this formatter, which localizes numbers
 * and leaves everything else (names, titles, sizes and dates a page has already formatted) alone. A text can still
 * name a format (`{{value, name}}`) registered with `add`.
 */
export function localizedNumbers(): FormatterModule {
  const named = new Map<string, NamedFormat>();
  const numberFormats = new Map<string, Intl.NumberFormat>();
  const numberFormat = (language: string) => {
    let format = numberFormats.get(language);
    if (!format) {
      format = new Intl.NumberFormat(language);
      numberFormats.set(language, format);
    }
    return format;
  };
  const key = (name: string) => name.toLowerCase().trim();
  return {
    type: 'formatter',
    init: () => undefined,
    add: (name, format) => named.set(key(name), format),
    addCached: (name, build) => named.set(key(name), (value, language, options) => build(language, options)(value)),
    format: (value: unknown, format, language, options) => {
      if (format) {
        const formatter = named.get(key(format));
        return formatter ? formatter(value, language, options ?? {}) : (value as string);
      }
      if (typeof value !== 'number' || !Number.isFinite(value) || !language) return value as string;
      return numberFormat(language).format(value);
    },
  };
}
