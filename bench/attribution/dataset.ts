/**
 * The labelled attribution excerpts. Each excerpt's text marks every dialogue turn with its true speaker: `⟦id⟧`
 * written immediately before the turn's opening quote or dash. Markers are stripped before segmentation and their
 * offsets say which segment each gold label belongs to.
 */
import { segmentChapter, type Segment } from '../../core/planning/segmentation';
import { NARRATOR_ID, type Character, type Gender } from '../../core/characters/character';

export type BenchLanguage = 'en' | 'es' | 'pt';

export interface BenchCharacter {
  id: string;
  name: string;
  aliases?: string[];
  gender: Gender;
}

export interface AttributionExcerpt {
  id: string;
  language: BenchLanguage;
  /** Dialogue convention, e.g. `curly quotes`, `raya`, `double hyphen`, `guillemets`. */
  convention: string;
  characters: BenchCharacter[];
  /**
   * The book is told in the first person: the narrator is a character, as character detection makes it (a name, a
   * gender, lines of its own), and `⟦narrator⟧` marks the narrator's own lines.
   */
  narrator?: { name: string; gender: Gender };
  /** Text with `⟦speakerId⟧` markers before each dialogue turn. */
  text: string;
}

export interface GoldSegment {
  segment: Segment;
  speakerId: string;
}

export interface PreparedExcerpt {
  excerpt: AttributionExcerpt;
  text: string;
  segments: Segment[];
  gold: GoldSegment[];
  problems: string[];
}

const MARKER = /⟦([\w-]+)⟧/gu;

export function prepareExcerpt(excerpt: AttributionExcerpt): PreparedExcerpt {
  const markers: { offset: number; speakerId: string }[] = [];
  let text = '';
  let from = 0;
  for (const match of excerpt.text.matchAll(MARKER)) {
    text += excerpt.text.slice(from, match.index);
    markers.push({ offset: text.length, speakerId: match[1] });
    from = match.index + match[0].length;
  }
  text += excerpt.text.slice(from);

  const segments = segmentChapter(text, { language: excerpt.language });
  const problems: string[] = [];
  const ids = new Set(excerpt.characters.map((character) => character.id));
  if (excerpt.narrator) ids.add(NARRATOR_ID);
  const goldBySegment = new Map<number, string>();
  for (const marker of markers) {
    if (!ids.has(marker.speakerId)) problems.push(`unknown speaker ${marker.speakerId}`);
    const segment = segments.find((s) => s.startOffset <= marker.offset && marker.offset < s.endOffset);
    const where = JSON.stringify(text.slice(marker.offset, marker.offset + 30));
    if (!segment) problems.push(`marker at ${where} is outside every segment`);
    else if (segment.kind !== 'dialogue') problems.push(`marker at ${where} is in a ${segment.kind} segment`);
    else if (goldBySegment.has(segment.index)) problems.push(`two markers in one segment at ${where}`);
    else goldBySegment.set(segment.index, marker.speakerId);
  }
  for (const segment of segments)
    if (segment.kind === 'dialogue' && !goldBySegment.has(segment.index))
      problems.push(`dialogue without a gold speaker: ${JSON.stringify(segment.text.slice(0, 40))}`);
  const gold = segments
    .filter((segment) => goldBySegment.has(segment.index))
    .map((segment) => ({ segment, speakerId: goldBySegment.get(segment.index)! }));
  return { excerpt, text, segments, gold, problems: problems.map((problem) => `${excerpt.id}: ${problem}`) };
}

/** The excerpt's characters as the engines see them, narrator first. */
export function benchCharacters(excerpt: AttributionExcerpt): Character[] {
  const base = {
    ageBand: 'adult' as const,
    description: '',
    traits: [],
    speakingStyle: 'neutral',
    firstAppearance: null,
  };
  return [
    {
      ...base,
      id: NARRATOR_ID,
      name: excerpt.narrator?.name ?? 'Narrator',
      aliases: [],
      gender: excerpt.narrator?.gender ?? 'unknown',
      dialogueLineCount: excerpt.narrator ? 1 : 0,
      importance: 'narrator',
    },
    ...excerpt.characters.map((character): Character => ({
      ...base,
      id: character.id,
      name: character.name,
      aliases: character.aliases ?? [],
      gender: character.gender,
      dialogueLineCount: 1,
      importance: 'main',
      traits: [],
    })),
  ];
}
