import { withoutNavigationLines } from '../../core/manuscript/navigationLines';
import { textOfPages } from '../../core/manuscript/pageFurniture';
import { decodeText } from './decode';
import type { WithFootnotes } from './gatheredNotes';
import { separateTextFootnotes } from './textFootnotes';
import { removePageMarkers } from './textPageMarkers';
import { paragraphBlocks } from './textBlocks';

/** A form feed separates the pages of text extracted from a PDF (pdftotext and the like). */
const PAGE_BREAK = '\f';

export function parseTxt(bytes: Buffer): WithFootnotes {
  const decoded = decodeText(bytes);
  // Paged text loses what the printed page added: running heads, page numbers, words hyphenated at line ends.
  const paged = decoded.text.includes(PAGE_BREAK) ? textOfPages(decoded.text.split(PAGE_BREAK)) : decoded.text;
  // Notes first: their marks are bracketed numbers too, which the print's page numbers must not be taken for.
  const { text: withoutNotes, notes: footnotes } = separateTextFootnotes(paged);
  // A web library's navigation around each chapter ("← Previous | Contents | Next →") is not the book's text.
  const text = withoutNavigationLines(removePageMarkers(withoutNotes));
  return {
    format: 'txt',
    text,
    blocks: paragraphBlocks(text),
    detectedEncoding: decoded.encoding,
    notes: [],
    ...(footnotes.length ? { footnotes } : {}),
  };
}
