/**
 * A small hand-written chapter run the way planning runs it: split into segments, then every segment given a speaker
 * by the offline engine. The rule tests build a cast of people and read who says each line.
 */
import { attributeSpeakers } from '../../core/characters/attributeHeuristic';
import { narratorCharacter, type Character, type Gender } from '../../core/characters/character';
import { segmentChapter, type SegmentKind } from '../../core/planning/segmentation';

export function person(id: string, name: string, gender: Gender, aliases: string[] = []): Character {
  return { ...narratorCharacter(null), id, name, aliases, gender, importance: 'main', description: '' };
}

export interface AttributedSegment {
  kind: SegmentKind;
  /** The segment's text, trimmed. */
  text: string;
  speakerId: string;
  confidence: number;
}

/** Every segment of the chapter, in order, with its speaker. */
export function attributeChapter(text: string, cast: Character[], language: string): AttributedSegment[] {
  const segments = segmentChapter(text, { language });
  const labels = attributeSpeakers(
    segments.map((segment) => ({ ...segment, id: `s${segment.index}`, chapterId: 'c' })),
    cast,
    language,
  );
  return segments.map((segment, i) => ({
    kind: segment.kind,
    text: segment.text.trim(),
    speakerId: labels[i].speakerId,
    confidence: labels[i].confidence,
  }));
}

/** The chapter's lines of dialogue, in order, with their speakers. */
export function attributedDialogue(text: string, cast: Character[], language: string): AttributedSegment[] {
  return attributeChapter(text, cast, language).filter((segment) => segment.kind === 'dialogue');
}
