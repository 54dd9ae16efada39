import { BookMetadata as BookMetadataSchema } from '@core/api/projects';
import type { BookMetadata, FieldIssue } from '../api/types';
import { zodErrorMap } from '../ui/validation';

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

/**
 * Book languages the studio offers: the product reads English, Spanish and Portuguese books (spoken-form rules,
 * character detection, attribution), in these regional variants. A project created elsewhere with another tag
 * keeps it (the picker shows it too).
 */
export const SUPPORTED_BOOK_LANGUAGES = [
  'en-US',
  'en-GB',
  'en-AU',
  'en-CA',
  'en-IE',
  'en-IN',
  'es-PE',
  'es-ES',
  'es-MX',
  'es-AR',
  'es-CO',
  'es-CL',
  'es-US',
  'pt-BR',
  'pt-PT',
];

/** The reader's language as the default for a new book, when it is one the studio offers. */
export function defaultBookLanguage(uiLanguage: string): string {
  return SUPPORTED_BOOK_LANGUAGES.includes(uiLanguage) ? uiLanguage : 'en-US';
}

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

/**
 * The same rules the API applies (core's BookMetadata schema), checked before sending. Messages are translation
 * codes (see ui/validation.ts), shown beside the inputs.
 */
export function validateMetadata(values: MetadataFormValues): FieldErrors {
  const result = BookMetadataSchema.safeParse(toMetadata(values), { error: zodErrorMap });
  if (result.success) return {};
  return mapFieldIssues(
    result.error.issues.map((issue) => ({ field: issue.path.map(String).join('.'), message: issue.message })),
  ).fieldErrors;
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
