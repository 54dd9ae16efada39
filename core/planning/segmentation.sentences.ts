/** Splitting over-long pieces at sentence boundaries, so no segment exceeds what one synthesis call handles well. */

const SENTENCE_END = /[.!?…]+["'”’»)\]]*(?=\s+\S)/gu;
const ABBREVIATION_BEFORE =
  /(?:^|[\s(])(?:Mr|Mrs|Ms|Dr|St|Sr|Sra|Srta|Dra|Jr|Prof|Sto|Sta|Ud|Uds|etc|vs|No|Nº|pág|núm|Av|Gen|Col|Capt|Lt|Rev|Hon|[A-Z])\.$/u;

function startOfNextWord(text: string, from: number): number {
  let i = from;
  while (i < text.length && /\s/u.test(text[i])) i++;
  return i;
}

/** Never cut between the two halves of a surrogate pair. */
function safeCut(text: string, at: number): number {
  const code = text.charCodeAt(at);
  return code >= 0xdc00 && code <= 0xdfff ? at - 1 : at;
}

function sentenceStarts(text: string): number[] {
  const starts: number[] = [];
  SENTENCE_END.lastIndex = 0;
  for (let match = SENTENCE_END.exec(text); match !== null; match = SENTENCE_END.exec(text)) {
    const end = match.index + match[0].length;
    if (match[0] === '.' && ABBREVIATION_BEFORE.test(text.slice(Math.max(0, end - 8), end))) continue;
    starts.push(startOfNextWord(text, end));
  }
  return starts;
}

/**
 * Cut positions (relative to `text`, excluding 0) so each piece is at most `maxChars` long where the text allows:
 * at the latest sentence start that fits, else the latest whitespace, else a hard cut.
 */
export function sentenceCuts(text: string, maxChars: number): number[] {
  if (text.length <= maxChars) return [];
  const starts = sentenceStarts(text);
  const cuts: number[] = [];
  let pieceStart = 0;
  while (text.length - pieceStart > maxChars) {
    const limit = pieceStart + maxChars;
    let cut = 0;
    for (const start of starts) {
      if (start > pieceStart && start <= limit) cut = start;
      if (start > limit) break;
    }
    if (cut === 0) {
      const window = text.slice(pieceStart, limit + 1);
      const lastSpace = window.search(/\s\S*$/u);
      cut = lastSpace > 0 ? startOfNextWord(text, pieceStart + lastSpace) : safeCut(text, limit);
      if (cut <= pieceStart || cut >= text.length) cut = safeCut(text, limit);
    }
    if (cut <= pieceStart) break;
    cuts.push(cut);
    pieceStart = cut;
  }
  return cuts;
}
