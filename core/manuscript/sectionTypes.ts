import type { ChapterType } from './manuscript';

/**
 * Sections imported but not produced (docs/manuscripts.md): the opening credits already say the title and the author,
 * a contents list read aloud is noise, an imprint or copyright page is not part of the work, and notes, a glossary or
 * an index are for looking things up on a page, not for listening. A person can restore any of them.
 */
const UNSPOKEN: ReadonlySet<ChapterType> = new Set<ChapterType>([
  'title_page',
  'half_title',
  'copyright',
  'contents',
  'also_by',
  'colophon',
  'back_matter',
]);

export function isSpokenByDefault(type: ChapterType): boolean {
  return !UNSPOKEN.has(type);
}

/** Types named by their first line when they have no heading: no listener should hear "Front matter". */
type NamedByFirstLine = 'chapter' | 'part' | 'front_matter' | 'back_matter';
type GenericTitled = Exclude<ChapterType, NamedByFirstLine>;
export type TitleLanguage = 'en' | 'es' | 'pt' | 'fr' | 'it';

/** Names for sections that have no heading of their own, in the book's language (English when unknown). */
const GENERIC_TITLES: Record<GenericTitled, Record<TitleLanguage, string>> = {
  title_page: { en: 'Title page', es: 'Portada', pt: 'Folha de rosto', fr: 'Page de titre', it: 'Frontespizio' },
  half_title: { en: 'Half title', es: 'Anteportada', pt: 'Falsa folha de rosto', fr: 'Faux-titre', it: 'Occhiello' },
  copyright: {
    en: 'Copyright',
    es: 'Derechos de autor',
    pt: 'Direitos autorais',
    fr: "Droits d'auteur",
    it: "Diritti d'autore",
  },
  dedication: { en: 'Dedication', es: 'Dedicatoria', pt: 'Dedicatória', fr: 'Dédicace', it: 'Dedica' },
  epigraph: { en: 'Epigraph', es: 'Epígrafe', pt: 'Epígrafe', fr: 'Épigraphe', it: 'Epigrafe' },
  contents: { en: 'Contents', es: 'Índice', pt: 'Sumário', fr: 'Table des matières', it: 'Indice' },
  also_by: {
    en: 'By the same author',
    es: 'Del mismo autor',
    pt: 'Do mesmo autor',
    fr: 'Du même auteur',
    it: 'Dello stesso autore',
  },
  colophon: { en: 'Imprint', es: 'Pie de imprenta', pt: 'Colofão', fr: 'Achevé d’imprimer', it: 'Colophon' },
  preface: { en: 'Preface', es: 'Prefacio', pt: 'Prefácio', fr: 'Préface', it: 'Prefazione' },
  introduction: { en: 'Introduction', es: 'Introducción', pt: 'Introdução', fr: 'Introduction', it: 'Introduzione' },
  prologue: { en: 'Prologue', es: 'Prólogo', pt: 'Prólogo', fr: 'Prologue', it: 'Prologo' },
  epilogue: { en: 'Epilogue', es: 'Epílogo', pt: 'Epílogo', fr: 'Épilogue', it: 'Epilogo' },
  afterword: { en: 'Afterword', es: 'Epílogo del autor', pt: 'Posfácio', fr: 'Postface', it: 'Postfazione' },
  acknowledgments: {
    en: 'Acknowledgments',
    es: 'Agradecimientos',
    pt: 'Agradecimentos',
    fr: 'Remerciements',
    it: 'Ringraziamenti',
  },
  about_the_author: {
    en: 'About the author',
    es: 'Sobre el autor',
    pt: 'Sobre o autor',
    fr: 'À propos de l’auteur',
    it: 'L’autore',
  },
  credits: { en: 'Credits', es: 'Créditos', pt: 'Créditos', fr: 'Crédits', it: 'Crediti' },
};

/** The language sections are named in: the book's when it is one of these, else English. */
export function titleLanguage(language: string | undefined): TitleLanguage {
  const primary = (language ?? '').toLowerCase().split(/[-_]/)[0];
  return primary === 'es' || primary === 'pt' || primary === 'fr' || primary === 'it' ? primary : 'en';
}

/** The name of a section without a heading; `fallback` (e.g. its first line) for types without a generic name. */
export function genericTitle(type: ChapterType, language: string | undefined, fallback: string): string {
  if (type === 'chapter' || type === 'part' || type === 'front_matter' || type === 'back_matter') return fallback;
  return GENERIC_TITLES[type][titleLanguage(language)];
}
