/**
 * The development books for character detection: each corpus book read the way production reads an upload (the
 * manuscript parser, then chapter detection), with its hand-written ground truth.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseManuscript } from '../../adapters/manuscript';
import type { ChapterInput } from '../../core/characters/character';
import { detectChapters } from '../../core/manuscript/chapters';
import { CORPUS_DIR } from '../../test/support/corpus';
import { CharacterTruthSchema, type CharacterTruth } from './score';

export const BOOK_SLUGS = [
  'pride-and-prejudice',
  'a-christmas-carol',
  'dubliners',
  'memorias-postumas-de-bras-cubas',
] as const;
export type BookSlug = (typeof BOOK_SLUGS)[number];

const TRUTH_DIR = path.join(__dirname, '..', 'data', 'books');

export function characterTruth(slug: BookSlug): CharacterTruth {
  const raw: unknown = JSON.parse(readFileSync(path.join(TRUTH_DIR, slug, 'characters.json'), 'utf8'));
  return CharacterTruthSchema.parse(raw);
}

export async function bookChapters(slug: BookSlug, language: string): Promise<ChapterInput[]> {
  const fileName = `${slug}.txt`;
  const parsed = await parseManuscript(readFileSync(path.join(CORPUS_DIR, fileName)), { fileName });
  return detectChapters(parsed).map((chapter, index) => ({
    id: `ch${index}`,
    text: parsed.text.slice(chapter.startOffset, chapter.endOffset),
    language,
  }));
}
