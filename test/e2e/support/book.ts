import fs from 'node:fs';
import path from 'node:path';
import { PRIDE_AND_PREJUDICE } from '../../support/corpus';

/**
 * The corpus book's first `count` chapters as a plain-text manuscript: from the line "Chapter 1" to the line before
 * "Chapter {count + 1}" (the Project Gutenberg header and the rest of the book left out).
 */
export function firstChapters(count: number, dir: string, fileName = 'pride-and-prejudice-opening.txt'): string {
  const lines = fs.readFileSync(PRIDE_AND_PREJUDICE, 'utf8').split(/\r?\n/);
  const start = lines.findIndex((line) => line.trim() === 'Chapter 1');
  const end = lines.findIndex((line) => line.trim() === `Chapter ${count + 1}`);
  if (start < 0 || end <= start) throw new Error('The corpus book does not have the expected chapter headings');
  const file = path.join(dir, fileName);
  fs.writeFileSync(file, `${lines.slice(start, end).join('\n').trim()}\n`);
  return file;
}
