import type { BookMetadata, FieldIssue } from '../api/types';

/** What the metadata form edits: every input holds text; conversion to the API shape happens once, on submit. */
export interface MetadataFormValues {
  title: string;
  subtitle: string;
  authors: string[];
  narrators: string[];
  translators: string[];
  adaptors: string[];
  language: string;
  description: string;
  keywords: string[];
  categories: string[];
  publisher: string;
  publicationDate: string;
  rights: string;
  seriesName: string;
  seriesNumber: string;
  isbn: string;
  digitalVoiceDisclosure: string;
}

export type FormField = keyof MetadataFormValues;
export type FieldErrors = Partial<Record<FormField, string>>;

/** Retail stores want the disclosure in the book's language; these match core's English default. */
const DISCLOSURES: Record<string, string> = {
  en: 'This audiobook is narrated by a digital voice.',
  es: 'Este audiolibro está narrado por una voz digital.',
  pt: 'Este audiolivro é narrado por uma voz digital.',
};

export function defaultDisclosure(bookLanguage: string): string {
  return DISCLOSURES[bookLanguage.split('-')[0].toLowerCase()] ?? DISCLOSURES.en;
}

export function isDefaultDisclosure(text: string): boolean {
  return Object.values(DISCLOSURES).includes(text.trim());
}

/** Book languages offered first; any other BCP 47 tag may be typed. */
export const SUGGESTED_BOOK_LANGUAGES = [
  'en-US',
  'en-GB',
  'es-PE',
  'es-ES',
  'es-MX',
  'es-AR',
  'es-CO',
  'es-CL',
  'pt-BR',
  'pt-PT',
  'qu-PE',
  'fr-FR',
  'de-DE',
  'it-IT',
];

export function emptyFormValues(bookLanguage = 'en-US'): MetadataFormValues {
  return {
    title: '',
    subtitle: '',
    authors: [],
    narrators: [],
    translators: [],
    adaptors: [],
    language: bookLanguage,
    description: '',
    keywords: [],
    categories: [],
    publisher: '',
    publicationDate: '',
    rights: '',
    seriesName: '',
    seriesNumber: '',
    isbn: '',
    digitalVoiceDisclosure: defaultDisclosure(bookLanguage),
  };
}

export function toFormValues(metadata: BookMetadata): MetadataFormValues {
  return {
    title: metadata.title,
    subtitle: metadata.subtitle ?? '',
    authors: [...metadata.authors],
    narrators: [...metadata.narrators],
    translators: [...metadata.translators],
    adaptors: [...metadata.adaptors],
    language: metadata.language,
    description: metadata.description ?? '',
    keywords: [...metadata.keywords],
    categories: [...metadata.categories],
    publisher: metadata.publisher ?? '',
    publicationDate: metadata.publicationDate ?? '',
    rights: metadata.rights ?? '',
    seriesName: metadata.series?.name ?? '',
    seriesNumber: metadata.series?.number == null ? '' : String(metadata.series.number),
    isbn: metadata.isbn ?? '',
    digitalVoiceDisclosure: metadata.digitalVoiceDisclosure,
  };
}

const orNull = (value: string) => (value.trim() === '' ? null : value.trim());

export function toMetadata(values: MetadataFormValues): BookMetadata {
  const seriesNumber = values.seriesNumber.trim() === '' ? null : Number(values.seriesNumber);
  return {
    title: values.title.trim(),
    subtitle: orNull(values.subtitle),
    authors: values.authors,
    narrators: values.narrators,
    translators: values.translators,
    adaptors: values.adaptors,
    language: values.language.trim(),
    description: orNull(values.description),
    keywords: values.keywords,
    categories: values.categories,
    publisher: orNull(values.publisher),
    publicationDate: orNull(values.publicationDate),
    rights: orNull(values.rights),
    series: values.seriesName.trim() === '' ? null : { name: values.seriesName.trim(), number: seriesNumber },
    isbn: orNull(values.isbn),
    digitalVoiceDisclosure: values.digitalVoiceDisclosure.trim(),
  };
}

/** API field paths (`metadata.series.number`, `metadata.authors.2`) to the form input that shows the message. */
export function formFieldFor(apiField: string): FormField | null {
  const path = apiField.replace(/^metadata\./, '').split('.');
  if (path[0] === 'series') return path[1] === 'number' ? 'seriesNumber' : 'seriesName';
  const known: FormField[] = [
    'title',
    'subtitle',
    'authors',
    'narrators',
    'translators',
    'adaptors',
    'language',
    'description',
    'keywords',
    'categories',
    'publisher',
    'publicationDate',
    'rights',
    'isbn',
    'digitalVoiceDisclosure',
  ];
  return known.find((field) => field === path[0]) ?? null;
}

/** Splits API issues into messages shown beside inputs and ones with no input to sit next to. */
export function mapFieldIssues(issues: FieldIssue[]): { fieldErrors: FieldErrors; otherErrors: string[] } {
  const fieldErrors: FieldErrors = {};
  const otherErrors: string[] = [];
  for (const issue of issues) {
    const field = formFieldFor(issue.field);
    if (field) fieldErrors[field] ??= issue.message;
    else otherErrors.push(`${issue.field}: ${issue.message}`);
  }
  return { fieldErrors, otherErrors };
}
