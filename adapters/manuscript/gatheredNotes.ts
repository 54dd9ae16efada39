/**
 * Notes taken out of the text where they stand (a PDF page's footnotes, Markdown footnote definitions) are gathered
 * where a reader looks them up: at the end of the book's own notes section when it has one, so a book never gets a
 * second one, and otherwise under a heading of their own at the book's end, named in the book's language. Chapter
 * detection reads either as back matter, not spoken.
 */
import { classifyHeadingLine, foldAccents } from '../../core/manuscript/headings';

const NOTES_HEADINGS: Record<string, string> = { en: 'Notes', es: 'Notas', pt: 'Notas', fr: 'Notes' };
/** The words a notes section is headed by, qualified or not ("Notes to the text", "Notas del autor", "Endnotes"). */
const NOTES_NAME = /^(?:end|foot)?notes?\b|^notas?\b/i;

/** The heading of gathered notes in the book's language (a BCP 47 tag; English when unknown). */
export function notesHeading(language: string | undefined): string {
  return NOTES_HEADINGS[(language ?? '').toLowerCase().split(/[-_]/)[0]] ?? NOTES_HEADINGS.en;
}

/** A heading naming the book's notes, not another kind of back matter (a glossary, an index). */
export function isNotesHeading(line: string): boolean {
  if (line.includes('\n') || classifyHeadingLine(line)?.type !== 'back_matter') return false;
  return NOTES_NAME.test(foldAccents(line).replace(/^[^\p{L}]+/u, ''));
}

/** A paragraph that starts another section: a heading line other than a bare numeral (a note may open with `1.`). */
const startsSection = (paragraph: string) => {
  if (paragraph.includes('\n')) return false;
  const heading = classifyHeadingLine(paragraph);
  return heading !== null && heading.family !== 'numeral';
};

/**
 * The book's paragraphs with the notes gathered in: after the last paragraph of the book's own notes section (the
 * last one it has), or at the end under a heading of their own.
 */
export function gatherNotes(paragraphs: string[], notes: string[], language: string | undefined): string[] {
  if (notes.length === 0) return paragraphs;
  const own = paragraphs.findLastIndex(isNotesHeading);
  if (own === -1) return [...paragraphs, notesHeading(language), ...notes];
  let end = own + 1;
  while (end < paragraphs.length && !startsSection(paragraphs[end])) end++;
  return [...paragraphs.slice(0, end), ...notes, ...paragraphs.slice(end)];
}
