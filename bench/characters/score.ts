/**
 * Scoring a detected cast against hand-written ground truth (bench/data/books/<slug>/characters.json). A detected
 * character is matched to the truth through its name and aliases, compared after normalisation (case, dots, curly
 * apostrophes, a leading article). A form the truth gives to several characters ("the Ghost" for three ghosts) is
 * ambiguous and matches nobody. Used by `npm run bench -- characters` and by the tests.
 */
import { z } from 'zod';
import { NARRATOR_ID, type Character } from '../../core/characters/character';

const GenderSchema = z.enum(['female', 'male', 'unknown']);

export const CharacterTruthSchema = z.strictObject({
  book: z.string(),
  language: z.string(),
  narrator: z.strictObject({
    firstPerson: z.boolean(),
    gender: GenderSchema,
    name: z.string().optional(),
    aliases: z.array(z.string()).optional(),
  }),
  characters: z.array(
    z.strictObject({ name: z.string(), aliases: z.array(z.string()), gender: GenderSchema, speaks: z.boolean() }),
  ),
});
export type CharacterTruth = z.output<typeof CharacterTruthSchema>;

/** Detected characters with fewer attributed lines than this are not counted as spurious (minor walk-ons). */
export const SPURIOUS_MIN_LINES = 3;

const ARTICLE = /^(?:the|o|a|os|as|el|la|los|las) /u;

export function normalizeForm(form: string): string {
  return form
    .normalize('NFC')
    .toLowerCase()
    .replace(/[’‘]/gu, "'")
    .replace(/\./gu, '')
    .replace(/\s+/gu, ' ')
    .trim()
    .replace(ARTICLE, '');
}

export interface CharacterScore {
  truth: number;
  detected: number;
  recalled: number;
  recall: number;
  speakers: number;
  speakersRecalled: number;
  /** Truth characters that came out as two or more detected characters. */
  split: string[];
  /** For each split truth character, the detected records it came out as. */
  splitRecords: { truth: string; detected: Character[] }[];
  /** Detected characters whose names and aliases belong to two or more truth characters. */
  merged: { detected: string; truth: string[] }[];
  genderChecked: number;
  genderRight: number;
  genderAccuracy: number;
  /** Truth characters found with the wrong (or unknown) gender. */
  genderWrong: string[];
  /** Detected characters matching no truth character, with at least SPURIOUS_MIN_LINES attributed lines. */
  spurious: string[];
  /** Detected characters matching no truth character, whatever their lines (places, titles, walk-ons). */
  unlisted: string[];
  /** The records behind `spurious`. */
  spuriousRecords: Character[];
  /** The narrator character has the truth's gender (unknown for a third-person narrator). */
  narratorGenderRight: boolean;
  missed: string[];
}

interface TruthEntry {
  name: string;
  gender: string;
  speaks: boolean;
  narrator: boolean;
}

export function scoreCast(detected: Character[], truth: CharacterTruth): CharacterScore {
  const entries: TruthEntry[] = truth.characters.map((character) => ({ ...character, narrator: false }));
  const formsOf: string[][] = truth.characters.map((character) => [character.name, ...character.aliases]);
  if (truth.narrator.firstPerson && truth.narrator.name) {
    entries.push({ name: truth.narrator.name, gender: truth.narrator.gender, speaks: true, narrator: true });
    formsOf.push([truth.narrator.name, ...(truth.narrator.aliases ?? [])]);
  }
  const owners = new Map<string, Set<number>>();
  formsOf.forEach((forms, index) => {
    for (const form of forms.map(normalizeForm)) {
      if (!owners.has(form)) owners.set(form, new Set());
      owners.get(form)!.add(index);
    }
  });
  const ownerOf = (form: string): number | undefined => {
    const found = owners.get(normalizeForm(form));
    return found && found.size === 1 ? [...found][0] : undefined;
  };
  const isAmbiguous = (form: string) => (owners.get(normalizeForm(form))?.size ?? 0) > 1;

  const primaryOf = new Map<number, Character[]>();
  const merged: CharacterScore['merged'] = [];
  const spuriousRecords: Character[] = [];
  const unlisted: string[] = [];
  const narratorIndex = entries.findIndex((entry) => entry.narrator);
  const cast = detected.filter((character) => character.id !== NARRATOR_ID);
  for (const character of cast) {
    const forms = [character.name, ...character.aliases];
    const matched = new Set(forms.map(ownerOf).filter((index): index is number => index !== undefined));
    if (matched.size >= 2) merged.push({ detected: character.name, truth: [...matched].map((i) => entries[i].name) });
    const primary = forms.map(ownerOf).find((index) => index !== undefined);
    if (primary === undefined) {
      if (!forms.some(isAmbiguous)) unlisted.push(character.name);
      if (!forms.some(isAmbiguous) && character.dialogueLineCount >= SPURIOUS_MIN_LINES)
        spuriousRecords.push(character);
      continue;
    }
    if (!primaryOf.has(primary)) primaryOf.set(primary, []);
    primaryOf.get(primary)!.push(character);
  }
  const narrator = detected.find((character) => character.id === NARRATOR_ID);
  if (narratorIndex >= 0 && narrator) primaryOf.set(narratorIndex, [narrator, ...(primaryOf.get(narratorIndex) ?? [])]);

  let genderChecked = 0;
  let genderRight = 0;
  const genderWrong: string[] = [];
  const missed: string[] = [];
  entries.forEach((entry, index) => {
    const found = primaryOf.get(index);
    if (!found) {
      missed.push(entry.name);
      return;
    }
    if (entry.gender === 'unknown') return;
    genderChecked++;
    if (found[0].gender === entry.gender) genderRight++;
    else genderWrong.push(`${entry.name} (${found[0].gender})`);
  });
  const speakerIndexes = entries.map((entry, index) => (entry.speaks ? index : -1)).filter((index) => index >= 0);
  const recalled = entries.length - missed.length;
  const splitRecords = [...primaryOf.entries()]
    .filter(([, found]) => found.length > 1)
    .map(([index, found]) => ({ truth: entries[index].name, detected: found }));
  return {
    truth: entries.length,
    detected: cast.length,
    recalled,
    recall: ratio(recalled, entries.length),
    speakers: speakerIndexes.length,
    speakersRecalled: speakerIndexes.filter((index) => primaryOf.has(index)).length,
    split: splitRecords.map((record) => record.truth),
    splitRecords,
    merged,
    genderChecked,
    genderRight,
    genderAccuracy: ratio(genderRight, genderChecked),
    genderWrong,
    spurious: spuriousRecords.map((character) => character.name),
    spuriousRecords,
    unlisted,
    narratorGenderRight: (narrator?.gender ?? 'unknown') === truth.narrator.gender,
    missed,
  };
}

function ratio(part: number, whole: number): number {
  return whole === 0 ? 1 : Math.round((part / whole) * 1000) / 1000;
}
