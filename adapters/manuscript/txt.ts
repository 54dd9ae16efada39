import type { ParsedManuscript } from '../../core/manuscript/manuscript';
import { textOfPages } from '../../core/manuscript/pageFurniture';
import { decodeText } from './decode';
import { paragraphBlocks } from './textBlocks';

/** A form feed separates the pages of text extracted from a PDF (pdftotext and the like). */
const PAGE_BREAK = '\f';

export function parseTxt(bytes: Buffer): ParsedManuscript {
  const decoded = decodeText(bytes);
  // Paged text loses what the printed page added: running heads, page numbers, words hyphenated at line ends.
  const text = decoded.text.includes(PAGE_BREAK) ? textOfPages(decoded.text.split(PAGE_BREAK)) : decoded.text;
  return { format: 'txt', text, blocks: paragraphBlocks(text), detectedEncoding: decoded.encoding, notes: [] };
}
