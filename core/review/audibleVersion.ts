/**
 * A chapter's audible version: a digest of everything that decides what a listener hears in it, so an approval given
 * on one version holds only while the chapter still sounds that way (docs/studio.md, review). It covers:
 *
 * - the words and the plan: the chapter's text version, its committed plan generation and the count of segment edits
 *   that changed a speaker or words (`audibleEdits`);
 * - the casting: the narrator's voice (narration, headings and unattributed lines) and the voice of every character
 *   who speaks a line of dialogue in the chapter, with its style and prosody;
 * - the pronunciation lexicon: the entries that match somewhere in the chapter's text.
 *
 * What changes none of these (a flag, a revision note, a comment, an entry for a word the chapter never uses, another
 * character's voice) leaves the version, and the approval, as they were.
 */
import { createHash } from 'node:crypto';
import type { ChapterRecord, CharacterRecord } from '../book/records';
import { NARRATOR_ID } from '../characters/character';
import { segmentsAffectedBy, type LexiconEntry } from '../lexicon/lexicon';
import { committedGeneration } from '../planning/planGenerations';

export interface AudibleInputs {
  chapter: Pick<ChapterRecord, 'id' | 'text' | 'textVersion' | 'planGeneration' | 'audibleEdits'>;
  /** Who speaks the chapter's dialogue lines (speaker ids of its committed plan). */
  dialogueSpeakers: Iterable<string>;
  characters: readonly Pick<CharacterRecord, 'characterId' | 'voice'>[];
  lexicon: readonly LexiconEntry[];
  /** The book's language: lexicon entries of another language are not applied to it. */
  language: string;
}

export function audibleVersion(inputs: AudibleInputs): string {
  const { chapter } = inputs;
  const voiceOf = new Map(inputs.characters.map((character) => [character.characterId, character.voice]));
  const castFor = (speakerId: string) => {
    const voice = voiceOf.get(speakerId);
    return voice
      ? [voice.voiceName, voice.locale, voice.style, voice.styleDegree, voice.ratePercent, voice.pitchPercent]
      : null;
  };
  const speakers = [...new Set([NARRATOR_ID, ...inputs.dialogueSpeakers])].sort();
  const lexicon = inputs.lexicon
    .filter(
      (entry) =>
        segmentsAffectedBy(entry, [{ id: chapter.id, text: chapter.text, locale: inputs.language }]).length > 0,
    )
    .map((entry) => [entry.grapheme, entry.locale, entry.kind, entry.value, entry.wholeWord, entry.caseSensitive])
    .sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1));
  const heard = [
    chapter.textVersion,
    committedGeneration(chapter),
    chapter.audibleEdits ?? 0,
    speakers.map((speakerId) => [speakerId, castFor(speakerId)]),
    lexicon,
  ];
  return createHash('sha256').update(JSON.stringify(heard), 'utf8').digest('hex').slice(0, 32);
}
