/**
 * Notes taken out of the text where they stand (a PDF page's footnotes, Markdown footnote definitions) are gathered
 * where a reader looks them up: at the end of the book's own notes section when it has one, so a book never gets a
 * second one, and otherwise under a heading of their own at the book's end, named in the book's language. Chapter
 * detection reads either as back matter, not spoken.
 */
import { classifyHeadingLine, foldAccents } from '../../core/manuscript/headings';
import type { Block, ParsedManuscript } from '../../core/manuscript/manuscript';

/** A parser's result with the notes it took out of the text, for the reader to gather once the book's body is known. */
export type WithFootnotes = ParsedManuscript & { footnotes?: string[] };

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
export const startsSection = (paragraph: string) => {
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

/**
 * The heading level gathered notes go under: the level the book's chapters use (the shallowest one holding two
 * headings or more), so the notes are a section beside the chapters, not a new level that would outrank them.
 */
export function chapterHeadingLevel(levels: number[]): number {
  const counts = new Map<number, number>();
  for (const level of levels) counts.set(level, (counts.get(level) ?? 0) + 1);
  const repeated = [...counts].filter(([, count]) => count >= 2).map(([level]) => level);
  if (repeated.length > 0) return Math.min(...repeated);
  // No level holds chapters: below every heading there is, so the notes alone make no level of two.
  return Math.min(6, Math.max(0, ...counts.keys()) + 1);
}

/**
 * The manuscript with notes taken out of its text gathered in, as `gatherNotes` places them: after the book's own
 * notes section, else at the end under a heading of their own (a heading block at the chapters' level when the book
 * has heading blocks, and an entry in its contents when it has one). Blocks and contents entries after the insertion
 * move with the text.
 */
export function withNotesGathered(
  parsed: ParsedManuscript,
  notes: string[],
  language: string | undefined,
): ParsedManuscript {
  if (notes.length === 0) return parsed;
  const { text, blocks } = parsed;
  const textOf = (block: Block) => text.slice(block.startOffset, block.endOffset);
  const own = blocks.findLastIndex((block) => isNotesHeading(textOf(block)));
  let insertAt = text.length;
  if (own >= 0) {
    const ownLevel = blocks[own].kind === 'heading' ? blocks[own].level! : undefined;
    const next = blocks.findIndex(
      (block, i) =>
        i > own &&
        (ownLevel === undefined
          ? block.kind === 'heading' || startsSection(textOf(block))
          : block.kind === 'heading' && block.level! <= ownLevel),
    );
    if (next >= 0) insertAt = blocks[next].startOffset;
  }
  const headingLevels = blocks.filter((block) => block.kind === 'heading').map((block) => block.level!);
  const added: Array<{ kind: Block['kind']; level?: number; text: string }> = [
    ...(own >= 0
      ? []
      : [
          headingLevels.length > 0
            ? { kind: 'heading' as const, level: chapterHeadingLevel(headingLevels), text: notesHeading(language) }
            : { kind: 'paragraph' as const, text: notesHeading(language) },
        ]),
    ...notes.map((note) => ({ kind: 'paragraph' as const, text: note })),
  ];
  const atEnd = insertAt === text.length;
  let inserted = atEnd && text.length > 0 ? '\n\n' : '';
  const newBlocks: Block[] = [];
  for (const [i, block] of added.entries()) {
    if (i > 0) inserted += '\n\n';
    const startOffset = insertAt + inserted.length;
    inserted += block.text;
    newBlocks.push({
      kind: block.kind,
      ...(block.level ? { level: block.level } : {}),
      startOffset,
      endOffset: insertAt + inserted.length,
    });
  }
  if (!atEnd) inserted += '\n\n';
  const shift = (offset: number) => (offset >= insertAt ? offset + inserted.length : offset);
  const before = blocks.filter((block) => block.startOffset < insertAt);
  const after = blocks
    .filter((block) => block.startOffset >= insertAt)
    .map((block) => ({ ...block, startOffset: shift(block.startOffset), endOffset: shift(block.endOffset) }));
  const tocEntries = parsed.tocEntries?.map((entry) => ({ ...entry, offset: shift(entry.offset) }));
  // A book read by its contents gets an entry for the notes' own heading: else they would run on in the last chapter.
  if (tocEntries && own < 0)
    tocEntries.push({
      title: notesHeading(language),
      offset: newBlocks[0].startOffset,
      depth: Math.min(1, ...tocEntries.map((entry) => entry.depth)),
    });
  return {
    ...parsed,
    text: text.slice(0, insertAt) + inserted + text.slice(insertAt),
    blocks: [...before, ...newBlocks, ...after],
    ...(tocEntries ? { tocEntries } : {}),
  };
}
