/**
 * The speakers of a play: every label that opens a speech in a script chapter is a character, matched to the person
 * detection already found under that name, and to the line of the list of persons (`MARGERY, his daughter`) that
 * says who they are and, by a noun of person, their gender (docs/characters.md).
 */
import { characterIdFor, type Character, type ChapterInput, type Gender, type Importance } from './character';
import { addVote, emptyVotes, genderOf as genderOfVotes, pronounAfter, type Votes } from './genderEvidence';
import {
  isInterviewRole,
  isScript,
  isStageDirection,
  labelAsName,
  labelKey,
  mayBeScript,
  scriptLabel,
} from './scriptLabels';
import { GENDERED_NOUNS, foldWord, heuristicLanguage } from './vocabulary';

interface Speaker {
  label: string;
  lines: number;
  chapterId: string;
  offset: number;
  description?: string;
  /** Pronouns after the speaker's name in stage directions: `[Enter MARGERY; she sets the table.]`. */
  pronouns: Votes;
}

function paragraphsOf(text: string): Array<{ text: string; offset: number }> {
  const result: Array<{ text: string; offset: number }> = [];
  for (const match of text.matchAll(/[^\r\n]*\S[^\r\n]*(?:(?:\r\n|\r|\n)[^\r\n]*\S[^\r\n]*)*/gu)) {
    result.push({ text: match[0].trim(), offset: match.index + match[0].length - match[0].trimStart().length });
  }
  return result;
}

function speakersOf(chapters: ChapterInput[]): Map<string, Speaker> {
  const speakers = new Map<string, Speaker>();
  for (const chapter of chapters) {
    if (!mayBeScript(chapter.text)) continue;
    const paragraphs = paragraphsOf(chapter.text);
    if (!isScript(paragraphs.map((paragraph) => paragraph.text))) continue;
    for (const paragraph of paragraphs) {
      const label = scriptLabel(paragraph.text);
      if (!label) continue;
      const key = labelKey(label.name);
      const known = speakers.get(key);
      if (known) known.lines++;
      else
        speakers.set(key, {
          label: label.name,
          lines: 1,
          chapterId: chapter.id,
          offset: paragraph.offset,
          pronouns: emptyVotes(),
        });
    }
    const language = heuristicLanguage(chapter.language);
    for (const direction of paragraphs.filter((paragraph) => isStageDirection(paragraph.text))) {
      for (const speaker of speakers.values()) {
        const at = direction.text.indexOf(speaker.label);
        if (at < 0) continue;
        const end = at + speaker.label.length;
        // The pronoun is this speaker's only before anyone else is named.
        const next = [...speakers.values()]
          .map((other) => (other === speaker ? -1 : direction.text.indexOf(other.label, end)))
          .filter((offset) => offset >= 0);
        addVote(
          speaker.pronouns,
          pronounAfter(direction.text, end, Math.min(direction.text.length, ...next), language),
        );
      }
    }
  }
  return speakers;
}

/** The lines of a list of persons naming a speaker: `TOBIAS, a lantern-maker`, `MARGERY, his daughter`. */
function describe(chapters: ChapterInput[], speakers: Map<string, Speaker>): void {
  for (const chapter of chapters) {
    for (const match of chapter.text.matchAll(/^[ \t]*([^,\r\n]{2,60}),[ \t]*([^\r\n]+)$/gmu)) {
      const speaker = speakers.get(labelKey(match[1]));
      if (speaker && speaker.description === undefined && match[1] === match[1].toUpperCase())
        speaker.description = match[2].trim();
    }
  }
}

/** Words ending in "man" that name no man. */
const NOT_COMPOUNDS = new Set(['human', 'german', 'roman', 'ottoman', 'shaman', 'talisman']);

function genderOf(speaker: Speaker, language: string): Gender {
  const nouns = GENDERED_NOUNS[heuristicLanguage(language)];
  const words = `${speaker.label} ${speaker.description ?? ''}`.split(/[^\p{L}'’]+/u).map(foldWord);
  for (const word of words.filter((w) => !NOT_COMPOUNDS.has(w))) {
    // Compounds of "man" and "woman" name people too: a ferryman, a washerwoman.
    if (nouns.female.has(word) || (nouns.female.has('woman') && /.woman$/u.test(word))) return 'female';
    if (nouns.male.has(word) || (nouns.male.has('man') && /.man$/u.test(word))) return 'male';
  }
  return genderOfVotes(speaker.pronouns);
}

/**
 * `characters` with the play's speakers: a speaker detection found by name gets the labelled lines (and a gender
 * when it had none); any other becomes a character. Books without script chapters come back unchanged.
 */
export function withScriptSpeakers(characters: Character[], chapters: ChapterInput[]): Character[] {
  const speakers = speakersOf(chapters);
  if (speakers.size === 0) return characters;
  describe(chapters, speakers);
  const language = chapters[0]?.language ?? 'en';
  const top = Math.max(...[...speakers.values()].map((speaker) => speaker.lines));
  const result = characters.map((character) => ({ ...character }));
  const ids = new Set(result.map((character) => character.id));
  for (const [key, speaker] of speakers) {
    const gender = genderOf(speaker, language);
    const known = result.find(
      (character) =>
        character.importance !== 'narrator' &&
        [character.name, ...character.aliases].some((name) => labelKey(name) === key),
    );
    if (known) {
      known.dialogueLineCount += speaker.lines;
      if (known.gender === 'unknown') known.gender = gender;
      continue;
    }
    const name = labelAsName(speaker.label);
    let id = characterIdFor(name);
    for (let suffix = 2; ids.has(id); suffix++) id = `${characterIdFor(name)}-${suffix}`;
    ids.add(id);
    const importance: Importance =
      speaker.lines >= top * 0.15 ? 'main' : speaker.lines >= top * 0.03 ? 'supporting' : 'minor';
    result.push({
      id,
      name,
      aliases: speaker.label === name ? [] : [speaker.label],
      gender,
      ageBand: 'adult',
      description:
        speaker.description ??
        `Speaks ${speaker.lines} labelled line(s) of the ${isInterviewRole(speaker.label) ? 'interview' : 'play'}.`,
      traits: [],
      speakingStyle: 'conversational',
      dialogueLineCount: speaker.lines,
      firstAppearance: { chapterId: speaker.chapterId, offset: speaker.offset },
      importance,
    });
  }
  return result;
}
