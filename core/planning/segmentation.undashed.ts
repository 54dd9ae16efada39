/**
 * Words only a speaker uses in a book narrated in the third person: the first and second person singular (`yo`,
 * `me`, `mi`, `usted`, `V.`; `eu`, `meu`, `você`). A paragraph printed without its dash between dialogue lines
 * ("--Pero ¿qué tiene Usía?" ⏎ "Me he caído en el caz, y estoy hecho una sopa...") is a line when it speaks so and
 * the chapter's narration never does (docs/dialogue-and-attribution.md).
 */
import type { HeuristicLanguage } from '../characters/vocabulary';
import { dialoguePieces, MAX_UNDASHED_LINE, opensWithDash, type DialogueConventions } from './segmentation.dialogue';

const PERSONAL_WORDS: Partial<Record<HeuristicLanguage, string>> = {
  es: 'yo|me|mi|mis|mí|conmigo|te|ti|tú|contigo|usted|ustedes|Usía|V\\.|Vd\\.|Vds\\.',
  pt: 'eu|me|meu|meus|minha|minhas|mim|comigo|te|ti|tu|teu|teus|tua|tuas|contigo|você|vocês|V\\. Exa\\.',
};

const patterns = new Map<HeuristicLanguage | undefined, RegExp | null>();

function personalPattern(language?: HeuristicLanguage): RegExp | null {
  if (!patterns.has(language)) {
    const words = language ? PERSONAL_WORDS[language] : `${PERSONAL_WORDS.es}|${PERSONAL_WORDS.pt}`;
    patterns.set(language, words ? new RegExp(`(?<![\\p{L}\\p{N}])(?:${words})(?![\\p{L}\\p{N}])`, 'iu') : null);
  }
  return patterns.get(language) ?? null;
}

/** Whether the text speaks in the first or second person singular (Spanish and Portuguese; never for English). */
function speaksInPerson(text: string, language?: HeuristicLanguage): boolean {
  return personalPattern(language)?.test(text) ?? false;
}

/**
 * The paragraphs (by index) that are lines printed without their dash right after a dash line: short ones speaking
 * in the first or second person singular ("--Pero ¿qué tiene Usía?" ⏎ "Me he caído en el caz…"), in a chapter
 * whose dialogue is printed with dashes and whose narration never speaks so (no first-person narrator: `dije yo`,
 * `Abrió, y me hizo pasar`).
 */
export function undashedLinesBetweenDashLines(paragraphs: string[], conventions: DialogueConventions): Set<number> {
  const lines = new Set<number>();
  if (!conventions.dashDialogue) return lines;
  const dashed = paragraphs.map((paragraph) => opensWithDash(paragraph, conventions));
  for (const [at, paragraph] of paragraphs.entries()) {
    const pieces = dialoguePieces(paragraph, conventions);
    const narration = pieces
      .map((piece, p) => (piece.kind === 'narration' ? paragraph.slice(piece.start, pieces[p + 1]?.start) : ''))
      .join(' ');
    if (!speaksInPerson(narration, conventions.language)) continue;
    const undashedLine =
      !dashed[at] &&
      at > 0 &&
      dashed[at - 1] &&
      paragraph.length <= MAX_UNDASHED_LINE &&
      pieces[0].kind === 'narration';
    // Narration that speaks so anywhere else (a first-person narrator, an author's aside) makes none of them lines.
    if (!undashedLine) return new Set();
    lines.add(at);
  }
  return lines;
}
