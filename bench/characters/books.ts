/**
 * The books character detection is measured on, each read the way production reads an upload (the manuscript
 * parser, then chapter detection), with its hand-written ground truth: the development corpus books, and short
 * stories written for the benchmark (bench/data/stories/) that no rule was tuned on, each holding the shapes an
 * unseen book brings (a family sharing a surname, a person known by a role then a name, a nickname, a stranger who
 * speaks, places named like people), in English, Portuguese and Spanish.
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

export const STORY_SLUGS = [
  'the-marlowes-of-lowell',
  'a-casa-dos-andrades',
  'los-ortega-de-san-clemente',
  'the-ashbys-of-millbrook',
  'the-pryors-of-hadley-green',
  'o-sobrado-dos-sampaios',
  'the-treshams-of-carrow-end',
  'la-hacienda-de-santa-clara',
  'o-quincas-da-leopoldina',
  'os-meireles-de-cedofeita',
  'the-whitcombs-of-fairhaven',
  'the-carews-of-saltmarsh',
  'las-cartas-de-villaseca',
  'a-quermesse-do-largo-do-rosario',
  'the-fenwicks-of-ashcombe',
  'o-afilhado-do-seu-juvencio',
  'los-de-la-calle-del-alamo',
  'los-quispe-de-barranco',
  'the-lodgers-of-quarry-lane',
  'a-febre-do-toninho',
  'o-quintal-dos-tavares',
  'the-haddons-of-cedar-falls',
  'los-aranda-de-valdecierzo',
  'the-pennocks-of-tanners-yard',
] as const;
export type StorySlug = (typeof STORY_SLUGS)[number];

const TRUTH_DIR = path.join(__dirname, '..', 'data', 'books');
const STORIES_DIR = path.join(__dirname, '..', 'data', 'stories');

function isStory(slug: BookSlug | StorySlug): slug is StorySlug {
  return (STORY_SLUGS as readonly string[]).includes(slug);
}

export function characterTruth(slug: BookSlug | StorySlug): CharacterTruth {
  const dir = isStory(slug) ? STORIES_DIR : TRUTH_DIR;
  const raw: unknown = JSON.parse(readFileSync(path.join(dir, slug, 'characters.json'), 'utf8'));
  return CharacterTruthSchema.parse(raw);
}

export async function bookChapters(slug: BookSlug | StorySlug, language: string): Promise<ChapterInput[]> {
  const fileName = `${slug}.txt`;
  const file = isStory(slug) ? path.join(STORIES_DIR, slug, 'story.txt') : path.join(CORPUS_DIR, fileName);
  const parsed = await parseManuscript(readFileSync(file), { fileName });
  return detectChapters(parsed).map((chapter, index) => ({
    id: `ch${index}`,
    text: parsed.text.slice(chapter.startOffset, chapter.endOffset),
    language,
  }));
}
