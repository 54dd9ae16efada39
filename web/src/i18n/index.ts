import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { localizedNumbers } from './localizedNumbers';
import { withZeroAsPlural } from './zeroAsPlural';
import { NAMESPACES, resources, SUPPORTED_LANGUAGES, type SupportedLanguage } from './resources';

const STORAGE_KEY = 'khipu.language';
export const DEFAULT_LANGUAGE: SupportedLanguage = 'en-US';

function isSupported(language: string | null | undefined): language is SupportedLanguage {
  return SUPPORTED_LANGUAGES.includes(language as SupportedLanguage);
}

/** The saved choice first, then the browser's preferences (exact, then by base language), then English. */
export function initialLanguage(): SupportedLanguage {
  const saved = localStorage.getItem(STORAGE_KEY);
  if (isSupported(saved)) return saved;
  for (const preferred of navigator.languages ?? []) {
    if (isSupported(preferred)) return preferred;
    const base = preferred.split('-')[0];
    const sameBase = SUPPORTED_LANGUAGES.find((language) => language.split('-')[0] === base);
    if (sameBase) return sameBase;
  }
  return DEFAULT_LANGUAGE;
}

export async function changeLanguage(language: SupportedLanguage): Promise<void> {
  localStorage.setItem(STORAGE_KEY, language);
  await i18n.changeLanguage(language);
}

i18n.on('languageChanged', (language) => {
  document.documentElement.lang = language;
});

void i18n
  .use(initReactI18next)
  .use(localizedNumbers())
  .init({
    resources: { ...resources, 'pt-BR': withZeroAsPlural(resources['pt-BR']) },
    lng: initialLanguage(),
    fallbackLng: DEFAULT_LANGUAGE,
    supportedLngs: [...SUPPORTED_LANGUAGES],
    // Region-specific codes are the resource keys themselves; do not fall back to the bare language.
    load: 'currentOnly',
    ns: NAMESPACES,
    defaultNS: 'common',
    // Numbers in every text are grouped and punctuated in the reader's language (localizedNumbers.ts).
    interpolation: { escapeValue: false, alwaysFormat: true },
    returnNull: false,
  });

export { SUPPORTED_LANGUAGES, type SupportedLanguage };
export default i18n;
