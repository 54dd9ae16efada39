/** Reading statistics used for chapter lists and production estimates (an audiobook narrator reads about 155 words a minute). */
export const WORDS_PER_MINUTE = 155;

export interface TextStats {
  words: number;
  characters: number;
  estimatedMinutes: number;
}

const WORD = /[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu;

export function countWords(text: string): number {
  let count = 0;
  WORD.lastIndex = 0;
  while (WORD.exec(text) !== null) count++;
  return count;
}

/** True when the text holds a word at all (what countWords(text) > 0 tells, without reading the rest). */
export function hasWords(text: string): boolean {
  return /[\p{L}\p{N}]/u.test(text);
}

export function textStats(text: string): TextStats {
  const words = countWords(text);
  // Characters are counted as code points of the text without surrounding whitespace, as a reader would.
  const characters = [...text.trim()].length;
  return { words, characters, estimatedMinutes: Math.round((words / WORDS_PER_MINUTE) * 10) / 10 };
}
