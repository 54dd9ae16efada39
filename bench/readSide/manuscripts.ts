/**
 * The read-side benchmark's manuscripts: chapters of the English corpus books (the novel's chapters, the carol's
 * staves, the collection's stories) taken in turn, each under a plain "Chapter N" heading so detection finds every
 * one, until the wanted size is reached. The small book is the first chapters of the same sequence, so the two books
 * differ in length, not in the shape of their chapters.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { CORPUS_DIR } from '../../test/support/corpus';

interface Source {
  file: string;
  /** A line that opens a chapter in that book. */
  heading: RegExp;
}

const SOURCES: Source[] = [
  { file: 'pride-and-prejudice.txt', heading: /^Chapter \d+[ \t]*$/gm },
  { file: 'a-christmas-carol.txt', heading: /^STAVE [IVX]+:.*$/gm },
  // Stories open with an upper-case title line; the book's own title repeats before them.
  { file: 'dubliners.txt', heading: /^(?!DUBLINERS)[A-Z][A-Z' ]{3,}[ \t]*$/gm },
];

/**
 * The text between Project Gutenberg's start marker and its closing lines ("End of the Project Gutenberg EBook…",
 * which import rightly takes for the end of the book), with Unix line ends.
 */
function bodyOf(file: string): string {
  const text = readFileSync(path.join(CORPUS_DIR, file), 'utf8')
    .replace(/^\uFEFF/, '')
    .replace(/\r\n/g, '\n');
  const start = text.search(/^\*\*\* START OF .*$/m);
  const end = text.search(/^(\*\*\* END OF |End of (the )?Project Gutenberg).*$/im);
  return text.slice(text.indexOf('\n', start) + 1, end);
}

/** Each chapter's text without its heading line. */
function chaptersOf(source: Source): string[] {
  const body = bodyOf(source.file);
  const starts = [...body.matchAll(source.heading)].map((match) => ({
    at: match.index,
    after: match.index + match[0].length,
  }));
  return starts.map((start, i) => body.slice(start.after, starts[i + 1]?.at ?? body.length).trim());
}

/** A manuscript of about `bytes` bytes (UTF-8), whole chapters only, headed `Chapter 1`, `Chapter 2`, … */
export function corpusManuscript(bytes: number): { text: string; chapters: number } {
  const pool = SOURCES.flatMap(chaptersOf);
  const parts: string[] = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const part = `Chapter ${i + 1}\n\n${pool[i % pool.length]}\n\n\n`;
    parts.push(part);
    size += Buffer.byteLength(part, 'utf8');
  }
  return { text: parts.join(''), chapters: parts.length };
}
