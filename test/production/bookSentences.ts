/**
 * Sentences of the development corpus's first novel, from its first chapter on, each with the boundary it is reached
 * across (a new paragraph, a paragraph that opens with a quote: a dialogue turn, or the next sentence of a paragraph),
 * for tests that need a chapter as long as a real one with the pauses the planner gives a real one.
 */
import fs from 'node:fs';
import type { SegmentBoundary } from '../../core/planning/segmentation';
import { PRIDE_AND_PREJUDICE } from '../support/corpus';

export interface BookSentence {
  text: string;
  boundaryBefore: Extract<SegmentBoundary, 'sentence' | 'paragraph' | 'dialogue_turn'>;
}

export function sentencesOfTheBook(count: number): BookSentence[] {
  const text = fs.readFileSync(PRIDE_AND_PREJUDICE, 'utf8').replace(/\r\n/g, '\n');
  // The second "Chapter 1": the first is the table of contents'.
  const body = text.slice(text.indexOf('Chapter 1', text.indexOf('Chapter 1') + 1));
  const paragraphs = body
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.replace(/\s+/g, ' ').replace(/_/g, '').trim())
    .filter((paragraph) => paragraph.length > 20 && !/^Chapter \d+$/.test(paragraph));
  const sentences: BookSentence[] = [];
  for (const paragraph of paragraphs) {
    for (const [position, sentence] of paragraph.split(/(?<=[.!?]["”]?) +(?=["“A-Z])/).entries()) {
      const opening = /^["“]/.test(sentence) ? 'dialogue_turn' : 'paragraph';
      sentences.push({ text: sentence, boundaryBefore: position > 0 ? 'sentence' : opening });
      if (sentences.length === count) return sentences;
    }
  }
  return sentences;
}
