/**
 * Whether a book is a collection of independent stories (docs/characters.md, "Story collections"), read from its
 * people alone: in a novel the people who speak come back chapter after chapter; in a collection almost every
 * story brings speakers of its own, who are never named in another story. Only the text decides, never a title.
 */

/** A named person of the book as the rule needs it: how many chapters name them, and whether they speak. */
export interface NamedSpeaker {
  chapters: number;
  lines: number;
}

/** At least this share of the named speakers is named in one chapter only… */
const MIN_ONE_STORY_SHARE = 0.7;
/** …and there are at least as many of them as chapters (this many per chapter): each story has people of its own. */
const MIN_ONE_STORY_SPEAKERS_PER_CHAPTER = 1;
/** Fewer chapters than this are too few to tell. */
const MIN_CHAPTERS = 4;

export function isStoryCollection(people: NamedSpeaker[], chapterCount: number): boolean {
  if (chapterCount < MIN_CHAPTERS) return false;
  const speakers = people.filter((person) => person.lines >= 1);
  const ofOneStory = speakers.filter((person) => person.chapters === 1).length;
  return (
    speakers.length > 0 &&
    ofOneStory >= speakers.length * MIN_ONE_STORY_SHARE &&
    ofOneStory >= chapterCount * MIN_ONE_STORY_SPEAKERS_PER_CHAPTER
  );
}
