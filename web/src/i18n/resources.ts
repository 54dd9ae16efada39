import enCommon from './locales/en-US/common.json';
import enAuth from './locales/en-US/auth.json';
import enProjects from './locales/en-US/projects.json';
import enErrors from './locales/en-US/errors.json';
import enStudio from './locales/en-US/studio.json';
import enManuscript from './locales/en-US/manuscript.json';
import enChapters from './locales/en-US/chapters.json';
import enCharacters from './locales/en-US/characters.json';
import enCasting from './locales/en-US/casting.json';
import enPlan from './locales/en-US/plan.json';
import enPronunciation from './locales/en-US/pronunciation.json';
import enReview from './locales/en-US/review.json';
import enEstimate from './locales/en-US/estimate.json';
import esCommon from './locales/es-PE/common.json';
import esAuth from './locales/es-PE/auth.json';
import esProjects from './locales/es-PE/projects.json';
import esErrors from './locales/es-PE/errors.json';
import esStudio from './locales/es-PE/studio.json';
import esManuscript from './locales/es-PE/manuscript.json';
import esChapters from './locales/es-PE/chapters.json';
import esCharacters from './locales/es-PE/characters.json';
import esCasting from './locales/es-PE/casting.json';
import esPlan from './locales/es-PE/plan.json';
import esPronunciation from './locales/es-PE/pronunciation.json';
import esReview from './locales/es-PE/review.json';
import esEstimate from './locales/es-PE/estimate.json';
import ptCommon from './locales/pt-BR/common.json';
import ptAuth from './locales/pt-BR/auth.json';
import ptProjects from './locales/pt-BR/projects.json';
import ptErrors from './locales/pt-BR/errors.json';
import ptStudio from './locales/pt-BR/studio.json';
import ptManuscript from './locales/pt-BR/manuscript.json';
import ptChapters from './locales/pt-BR/chapters.json';
import ptCharacters from './locales/pt-BR/characters.json';
import ptCasting from './locales/pt-BR/casting.json';
import ptPlan from './locales/pt-BR/plan.json';
import ptPronunciation from './locales/pt-BR/pronunciation.json';
import ptReview from './locales/pt-BR/review.json';
import ptEstimate from './locales/pt-BR/estimate.json';
import enProduction from './locales/en-US/production.json';
import enListen from './locales/en-US/listen.json';
import enDelivery from './locales/en-US/delivery.json';
import esProduction from './locales/es-PE/production.json';
import esListen from './locales/es-PE/listen.json';
import esDelivery from './locales/es-PE/delivery.json';
import ptProduction from './locales/pt-BR/production.json';
import ptListen from './locales/pt-BR/listen.json';
import ptDelivery from './locales/pt-BR/delivery.json';
import enOperator from './locales/en-US/operator.json';
import enSignup from './locales/en-US/signup.json';
import esOperator from './locales/es-PE/operator.json';
import esSignup from './locales/es-PE/signup.json';
import ptOperator from './locales/pt-BR/operator.json';
import ptSignup from './locales/pt-BR/signup.json';
import enOperatorMetrics from './locales/en-US/operatorMetrics.json';
import esOperatorMetrics from './locales/es-PE/operatorMetrics.json';
import ptOperatorMetrics from './locales/pt-BR/operatorMetrics.json';
import enCosts from './locales/en-US/costs.json';
import enAdmin from './locales/en-US/admin.json';
import esCosts from './locales/es-PE/costs.json';
import esAdmin from './locales/es-PE/admin.json';
import ptCosts from './locales/pt-BR/costs.json';
import ptAdmin from './locales/pt-BR/admin.json';
import enPrivacy from './locales/en-US/privacy.json';
import esPrivacy from './locales/es-PE/privacy.json';
import ptPrivacy from './locales/pt-BR/privacy.json';

export const SUPPORTED_LANGUAGES = ['en-US', 'es-PE', 'pt-BR'] as const;
export type SupportedLanguage = (typeof SUPPORTED_LANGUAGES)[number];

/**
 * One namespace per feature area, one JSON file per namespace and language, so people working on different areas
 * never edit the same file. English is the reference: the other languages must have exactly its shape (checked by
 * the type below and by i18n/catalogs.test.ts).
 */
export const referenceResources = {
  common: enCommon,
  auth: enAuth,
  projects: enProjects,
  errors: enErrors,
  studio: enStudio,
  manuscript: enManuscript,
  chapters: enChapters,
  characters: enCharacters,
  casting: enCasting,
  plan: enPlan,
  pronunciation: enPronunciation,
  review: enReview,
  estimate: enEstimate,
  production: enProduction,
  listen: enListen,
  delivery: enDelivery,
  operator: enOperator,
  operatorMetrics: enOperatorMetrics,
  signup: enSignup,
  privacy: enPrivacy,
  costs: enCosts,
  admin: enAdmin,
};
type Namespaces = typeof referenceResources;
export const NAMESPACES = Object.keys(referenceResources) as (keyof Namespaces)[];

export const resources: Record<SupportedLanguage, Namespaces> = {
  'en-US': referenceResources,
  'es-PE': {
    common: esCommon,
    auth: esAuth,
    projects: esProjects,
    errors: esErrors,
    studio: esStudio,
    manuscript: esManuscript,
    chapters: esChapters,
    characters: esCharacters,
    casting: esCasting,
    plan: esPlan,
    pronunciation: esPronunciation,
    review: esReview,
    estimate: esEstimate,
    production: esProduction,
    listen: esListen,
    delivery: esDelivery,
    operator: esOperator,
    operatorMetrics: esOperatorMetrics,
    signup: esSignup,
    privacy: esPrivacy,
    costs: esCosts,
    admin: esAdmin,
  },
  'pt-BR': {
    common: ptCommon,
    auth: ptAuth,
    projects: ptProjects,
    errors: ptErrors,
    studio: ptStudio,
    manuscript: ptManuscript,
    chapters: ptChapters,
    characters: ptCharacters,
    casting: ptCasting,
    plan: ptPlan,
    pronunciation: ptPronunciation,
    review: ptReview,
    estimate: ptEstimate,
    production: ptProduction,
    listen: ptListen,
    delivery: ptDelivery,
    operator: ptOperator,
    operatorMetrics: ptOperatorMetrics,
    signup: ptSignup,
    privacy: ptPrivacy,
    costs: ptCosts,
    admin: ptAdmin,
  },
};
