/**
 * Splitting a whole book into model-sized chunks. Token counts are estimated conservatively (3 characters per token;
 * real tokenizers give about 4 for English and 3.5–4 for Spanish and Portuguese), so a chunk never overflows the
 * context window whatever the language. Chapters stay whole when they fit; longer ones split at paragraphs, then at
 * sentences, then hard. The parts of a chapter, in order, concatenate back to its text exactly.
 */

export const CHARS_PER_TOKEN = 3;

export function estimateTokens(text: string): number {
  return Math.ceil(text.length / CHARS_PER_TOKEN);
}

export interface ChunkPart {
  chapterId: string;
  text: string;
}

export interface TextChunk {
  parts: ChunkPart[];
  estimatedTokens: number;
}

/** Cuts `text` into pieces of at most `maxChars`, preferring paragraph, then sentence, then word boundaries. */
export function splitText(text: string, maxChars: number): string[] {
  const pieces: string[] = [];
  let rest = text;
  while (rest.length > maxChars) {
    const window = rest.slice(0, maxChars);
    const cut =
      lastBoundary(window, /\n[ \t]*\n\s*/gu) ??
      lastBoundary(window, /[.!?…]["'”’»]?\s+/gu) ??
      lastBoundary(window, /\s+/gu) ??
      maxChars;
    pieces.push(rest.slice(0, cut));
    rest = rest.slice(cut);
  }
  if (rest.length > 0) pieces.push(rest);
  return pieces;
}

/** End of the last boundary match that leaves at least half the window in the piece. */
function lastBoundary(window: string, boundary: RegExp): number | undefined {
  let best: number | undefined;
  for (const match of window.matchAll(boundary)) {
    const end = match.index + match[0].length;
    if (end >= window.length / 2 && end < window.length) best = end;
  }
  return best;
}

export function chunkChapters(chapters: { id: string; text: string }[], maxTokens: number): TextChunk[] {
  const maxChars = Math.max(1, maxTokens * CHARS_PER_TOKEN);
  const chunks: TextChunk[] = [];
  let current: ChunkPart[] = [];
  let currentChars = 0;
  const flush = () => {
    if (current.length > 0) chunks.push({ parts: current, estimatedTokens: Math.ceil(currentChars / CHARS_PER_TOKEN) });
    current = [];
    currentChars = 0;
  };
  for (const chapter of chapters) {
    for (const piece of splitText(chapter.text, maxChars)) {
      // Whitespace-only tails carry nothing to analyse; they stay with the chunk so the chapter rebuilds exactly.
      const blank = piece.trim().length === 0;
      if (!blank && currentChars + piece.length > maxChars) flush();
      current.push({ chapterId: chapter.id, text: piece });
      currentChars += piece.length;
    }
  }
  flush();
  return chunks;
}
