/**
 * What an element's markup says it is, beyond its words: a printed page's number (a place in the print edition, not
 * text), a note, a list of notes, or a note's reference mark. Publishers and e-text makers say so by class, by EPUB 3
 * structural semantics (`epub:type`) or by ARIA roles (DPUB-ARIA); each is read the same way.
 */
type Attributes = Record<string, string>;

const tokens = (value: string | undefined) => (value ?? '').toLowerCase().split(/\s+/).filter(Boolean);
const classes = (attributes: Attributes) => tokens(attributes.class);
const semantics = (attributes: Attributes) => [...tokens(attributes['epub:type']), ...tokens(attributes.role)];

/** Not `pagebreak`: books class headings so to start them on a new page. */
const PAGE_NUMBER_CLASSES = new Set(['pagenum', 'pagenumber', 'page-number', 'pageno', 'page-num']);
const PAGE_NUMBER_SEMANTICS = new Set(['pagebreak', 'doc-pagebreak']);
const NOTE_CLASSES = new Set(['footnote', 'endnote', 'fn']);
const NOTE_SEMANTICS = new Set(['footnote', 'endnote', 'rearnote', 'note', 'doc-footnote', 'doc-endnote']);
/** What the DOCX converter names a note it writes at the document's end (`<li id="footnote-1">`). */
const CONVERTED_NOTE_ID = /^(?:footnote|endnote)-\d+$/;
const NOTES_CLASSES = new Set(['footnotes', 'endnotes']);
const NOTES_SEMANTICS = new Set(['footnotes', 'endnotes', 'rearnotes', 'doc-endnotes']);
const NOTE_REFERENCE_CLASSES = new Set(['fnanchor', 'noteref', 'footnote-ref', 'footnoteref', 'fn-ref']);
const NOTE_REFERENCE_SEMANTICS = new Set(['noteref', 'doc-noteref']);
/** A link to a note by the id e-texts give notes: `#Footnote_1_1`, `#fn1`, `#endnote-3`, `#note12`. */
const NOTE_TARGET = /#(?:footnote|endnote|fn|note|nt)[-_]?\d/i;
/** The DOCX converter's link from a note's mark to the note, and a link from a note back to its mark. */
const CONVERTED_REFERENCE_ID = /^(?:footnote|endnote)-ref-\d+$/;

const hasAny = (values: string[], set: Set<string>) => values.some((value) => set.has(value));

export function isPageNumber(attributes: Attributes): boolean {
  return hasAny(classes(attributes), PAGE_NUMBER_CLASSES) || hasAny(semantics(attributes), PAGE_NUMBER_SEMANTICS);
}

export function isNote(name: string, attributes: Attributes): boolean {
  return (
    hasAny(classes(attributes), NOTE_CLASSES) ||
    hasAny(semantics(attributes), NOTE_SEMANTICS) ||
    (name === 'li' && CONVERTED_NOTE_ID.test(attributes.id ?? ''))
  );
}

export function isNotesList(attributes: Attributes): boolean {
  return hasAny(classes(attributes), NOTES_CLASSES) || hasAny(semantics(attributes), NOTES_SEMANTICS);
}

/** A note's mark in the text: a link to a note, or one marked as a note reference. */
export function isNoteReference(name: string, attributes: Attributes): boolean {
  if (hasAny(classes(attributes), NOTE_REFERENCE_CLASSES) || hasAny(semantics(attributes), NOTE_REFERENCE_SEMANTICS))
    return true;
  return name === 'a' && (NOTE_TARGET.test(attributes.href ?? '') || CONVERTED_REFERENCE_ID.test(attributes.id ?? ''));
}

/** A link from a note back to where it is marked ("↑", "↩"): the way back, not the note's words. */
export const BACK_LINK = /[\u2191\u21a9]\uFE0E?/g;
