import enCommon from './locales/en-US/common.json';
import enAuth from './locales/en-US/auth.json';
import enProjects from './locales/en-US/projects.json';
import esCommon from './locales/es-PE/common.json';
import esAuth from './locales/es-PE/auth.json';
import esProjects from './locales/es-PE/projects.json';
import ptCommon from './locales/pt-BR/common.json';
import ptAuth from './locales/pt-BR/auth.json';
import ptProjects from './locales/pt-BR/projects.json';

export const SUPPORTED_LANGUAGES = ['en-US', 'es-PE', 'pt-BR'] as const;
export type SupportedLanguage = (typeof SUPPORTED_LANGUAGES)[number];

/** English is the reference: the other languages must have exactly its shape (checked by the type below). */
export const referenceResources = { common: enCommon, auth: enAuth, projects: enProjects };
type Namespaces = typeof referenceResources;

export const resources: Record<SupportedLanguage, Namespaces> = {
  'en-US': referenceResources,
  'es-PE': { common: esCommon, auth: esAuth, projects: esProjects },
  'pt-BR': { common: ptCommon, auth: ptAuth, projects: ptProjects },
};
