/**
 * In a script the label before a speech names its speaker outright (`TOBIAS. Another night…`): segmentation cut the
 * label off as a narration piece of the paragraph, and the speech after it is that person's, whatever the turns
 * around it suggest (docs/dialogue-and-attribution.md, "Plays").
 */
import type { Character } from '../character';
import { isScript, labelKey, mayBeScript, scriptLabel } from '../scriptLabels';

/** A label is explicit: as sure as a named speech tag. */
export const LABELLED_CONFIDENCE = 0.95;

interface LabelledSegment {
  kind: 'narration' | 'dialogue' | 'heading';
  text: string;
  boundaryBefore?: string;
}

/** The characters by the keys of their names and aliases; a key two characters share names neither. */
function byLabelKey(characters: Character[]): Map<string, string | null> {
  const ids = new Map<string, string | null>();
  for (const character of characters) {
    for (const name of [character.name, ...character.aliases]) {
      const key = labelKey(name);
      const known = ids.get(key);
      ids.set(key, known === undefined || known === character.id ? character.id : null);
    }
  }
  return ids;
}

/** The text of the paragraph that opens at `at`, from the segments up to the next paragraph. */
function paragraphFrom(ordered: LabelledSegment[], at: number): string {
  let text = ordered[at].text.trimStart();
  for (let next = at + 1; next < ordered.length; next++) {
    const boundary = ordered[next].boundaryBefore;
    if (boundary !== 'dialogue_turn' && boundary !== 'sentence') break;
    text += ordered[next].text;
  }
  return text;
}

/**
 * The speaker each labelled speech of a script chapter has (by position in `ordered`), for the labels that name one
 * character of `characters`. Empty for a chapter that is not a script.
 */
export function labelledSpeakers(ordered: LabelledSegment[], characters: Character[]): Map<number, string> {
  const speakers = new Map<number, string>();
  const text = ordered.map((segment) => segment.text).join('');
  if (!mayBeScript(text)) return speakers;
  const paragraphs = text
    .split(/(?:\r\n|\r|\n)[ \t]*(?:\r\n|\r|\n)/u)
    .map((paragraph) => paragraph.trim())
    .filter(Boolean);
  if (!isScript(paragraphs)) return speakers;
  const ids = byLabelKey(characters);
  // The speaker of the paragraph's label, until the next paragraph: a direction inside the speech ("[Calling.]")
  // does not end it, nor does a long speech cut at its sentences.
  let speaker: string | undefined;
  ordered.forEach((segment, at) => {
    if (segment.boundaryBefore !== 'dialogue_turn' && segment.boundaryBefore !== 'sentence') {
      speaker = undefined;
      const label = segment.kind === 'narration' ? scriptLabel(paragraphFrom(ordered, at)) : null;
      if (label && label.speechStart <= segment.text.trimStart().length)
        speaker = ids.get(labelKey(label.name)) ?? undefined;
    }
    if (segment.kind === 'dialogue' && speaker) speakers.set(at, speaker);
  });
  return speakers;
}
