/**
 * What a file reader noticed about an uploaded file (a manuscript or a cover): something it removed, converted,
 * skipped or could not resolve. Each note the platform writes has a stable `code` and the `params` its sentence
 * needs, so a client can say it in the reader's language; `message` is the same note in English for API clients.
 * A message that comes from a library (e.g. the DOCX converter) keeps its own text under `library_message`.
 * The codes are listed in docs/manuscripts.md.
 */
export const fileNoteCodes = [
  'gutenberg_boilerplate_removed',
  'gutenberg_further_books_left_out',
  'html_without_text',
  'toc_entries_unresolved',
  'cover_color_space_converted',
  'cover_transparency_flattened',
  'library_message',
] as const;
export type FileNoteCode = (typeof fileNoteCodes)[number];

export interface FileNote {
  code: FileNoteCode;
  params: Record<string, string | number>;
  message: string;
}

/** Notes of the platform's own, each with its English sentence built from the same params a client translates. */
export const fileNotes = {
  gutenbergBoilerplateRemoved: (): FileNote => ({
    code: 'gutenberg_boilerplate_removed',
    params: {},
    message: 'Project Gutenberg header and license removed',
  }),
  gutenbergFurtherBooksLeftOut: (words: number): FileNote => ({
    code: 'gutenberg_further_books_left_out',
    params: { words },
    message: `the file holds more than one Project Gutenberg book: only the first was imported (${words} words of the others were left out)`,
  }),
  htmlWithoutText: (): FileNote => ({
    code: 'html_without_text',
    params: {},
    message: 'the HTML document has no text',
  }),
  tocEntriesUnresolved: (count: number): FileNote => ({
    code: 'toc_entries_unresolved',
    params: { count },
    message: `${count} TOC entries point nowhere`,
  }),
  coverColorSpaceConverted: (space: string): FileNote => ({
    code: 'cover_color_space_converted',
    params: { space },
    message: `converted from ${space} to sRGB`,
  }),
  coverTransparencyFlattened: (): FileNote => ({
    code: 'cover_transparency_flattened',
    params: {},
    message: 'transparency flattened onto white',
  }),
  /** A library's own message, passed through as it wrote it; `source` names the reader (e.g. 'docx'). */
  libraryMessage: (source: string, message: string): FileNote => ({
    code: 'library_message',
    params: { source },
    message,
  }),
};

/** Notes of records stored before notes had codes: their English text, under the generic code. */
export function notesFromMessages(messages: string[], source: string): FileNote[] {
  return messages.map((message) => fileNotes.libraryMessage(source, message));
}
