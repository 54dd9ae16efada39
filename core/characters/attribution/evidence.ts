/**
 * What evidence about a line's speaker is: a claim for a person with how reliable its kind is (CLAIM), or a gender
 * and the people that fit it, for turn-taking to settle (docs/dialogue-and-attribution.md). The readers of each kind
 * share this vocabulary: speech tags (tagEvidence.ts), introductions and beats (introductions.ts), the names a line
 * addresses (vocatives.ts), a line naming its own speaker (selfNaming.ts); the scene they read against is kept by
 * recency.ts. "he"/"she" give a claim when the scene makes the referent clear (the only person of that gender there,
 * or the one the narration was just about), else a gender.
 */
import { SOMEONE_ELSE } from '../attributeTurns';
import { NARRATOR_ID, type Gender } from '../character';
import type { Cast } from './cast';

/** How often each kind of evidence names the right speaker. */
export const CLAIM = {
  namedTag: 0.985,
  unnamedTag: 0.9,
  firstPersonTag: 0.985,
  pronounOnlyCandidate: 0.9,
  pronounFocus: 0.8,
  relationBySurname: 0.9,
  namedIntro: 0.92,
  subjectIntro: 0.75,
  beat: 0.65,
  precedingNarration: 0.6,
  silentBeat: 0.9,
  silentPronounBeat: 0.7,
  selfNamed: 0.9,
} as const;

/** How many of the most recently named people count as "in the scene" for a pronoun. */
export const SCENE_WINDOW = 4;

export interface Finding {
  claim?: { speakerId: string; confidence: number };
  gender?: 'female' | 'male';
  preference?: string[];
  excluded?: string[];
  /** The speaker is spoken of in the third person ("he said", "cried his wife"): not a first-person narrator. */
  thirdPerson?: boolean;
}

/** What is known around a line when its evidence is read. */
export interface Scene {
  cast: Cast;
  /** People named lately, most recent first. */
  recent: string[];
  /** People named earlier in the chapter, since someone the cast does not name last came in, most recent first. */
  earlier: string[];
  /** People named just before the line (within a few sentences), most recent first. */
  fresh: string[];
  /** People the line addresses: never its speaker. */
  excluded: ReadonlySet<string>;
  /** Genders whose latest antecedent is someone the cast does not name. */
  unnamedLatest: ReadonlySet<Gender>;
  /** Per gender, who the last narrated sentence was about when it opened with no one (recency.ts). */
  aboutLastSentence?: ReadonlyMap<Gender, string>;
  /** Who "I" is at the line: the narrator, or inside a letter its writer (letters.ts). The narrator when absent. */
  firstPerson?: string;
}

/**
 * A first-person tag or introduction ("said I", "le contesté yo", "Y añadí:"): the narrator, or inside a letter its
 * writer; a writer the cast does not hold is someone it does not name, as sure as a tag naming nobody.
 */
export function firstPersonClaim(scene: Scene, confidence: number): { speakerId: string; confidence: number } {
  const speakerId = scene.firstPerson ?? NARRATOR_ID;
  return { speakerId, confidence: speakerId === SOMEONE_ELSE ? Math.min(confidence, CLAIM.unnamedTag) : confidence };
}

function genderedReading(gender: 'female' | 'male', scene: Scene, exclude: readonly string[] = []): Finding {
  const { cast, recent, excluded, fresh } = scene;
  // "he" and "she" never mean a first-person narrator, who is "I".
  const fits = (id: string) =>
    id !== NARRATOR_ID && cast.genderOf(id) === gender && !excluded.has(id) && !exclude.includes(id);
  const candidates = recent.filter(fits);
  // Someone the cast does not name, brought in after everyone of that gender it does name, comes first.
  if (scene.unnamedLatest.has(gender))
    return {
      claim: { speakerId: SOMEONE_ELSE, confidence: CLAIM.pronounFocus },
      gender,
      preference: candidates.slice(0, 3),
    };
  const inScene = recent.slice(0, SCENE_WINDOW).filter(fits);
  if (candidates.length > 0 && inScene.length === 1 && inScene[0] === candidates[0])
    return { claim: { speakerId: candidates[0], confidence: CLAIM.pronounOnlyCandidate }, gender };
  // Of the people named in the last few sentences, the one a sentence opening with no one was about comes first:
  // "…, and Harold took out the watch, which Mr. Pell had given him." — "he said" is Harold.
  const about = scene.aboutLastSentence?.get(gender);
  const antecedent = about !== undefined && fresh.includes(about) && fits(about) ? about : fresh.find(fits);
  if (antecedent) return { claim: { speakerId: antecedent, confidence: CLAIM.pronounFocus }, gender };
  return { gender, preference: candidates.slice(0, 3) };
}

/**
 * "he"/"she": a claim for the only person of that gender in the scene, or for the one the narration was just about;
 * otherwise the gender, with the people of that gender in the scene, most recent first. Either way the speaker is
 * spoken of in the third person, so a first-person narrator is not them.
 */
export function gendered(gender: 'female' | 'male', scene: Scene, exclude: readonly string[] = []): Finding {
  return { ...genderedReading(gender, scene, exclude), thirdPerson: true };
}

/** "the girl", "a voice", "o capitão": a subject phrase naming nobody the cast knows by name. */
export const UNNAMED_SUBJECT =
  /^(?:the|a|an|one|some|o|um|uma|el|la|un|una|os|as|los|las)\s+(?:\p{L}+\s+)??(\p{L}+)(?=\s|$)/iu;
