/**
 * Who a speech tag names ("said Elizabeth", "—dijo Rosa—", "he replied", "disse eu", "cried his wife", "said our
 * visitor", "replied the girl"): a character, the first-person narrator, or, by pronoun, relation or an unnamed
 * noun, someone in the scene or someone the cast does not name.
 */
import { SOMEONE_ELSE } from '../attributeTurns';
import { NARRATOR_ID } from '../character';
import { nounGender } from './cast';
import { CLAIM, firstPersonClaim, gendered, SCENE_WINDOW, UNNAMED_SUBJECT, type Finding, type Scene } from './evidence';
import { formerOrLatter } from './formerLatter';
import { relativeBySurname, SPOUSE_OR_PARENT } from './relatives';
import { pronounGender, type SpeechTag } from './speechTags';

/**
 * A relation instead of a name ("cried his wife", "said her father", "disse meu pae"): someone of the noun's gender
 * other than the possessor (someone the line addresses, else the person of the possessive's gender named last, or
 * the narrator for "my"); a spouse or parent shares the family name ("his wife" of Mr. Bennet is Mrs. Bennet).
 */
function relation(subject: string, scene: Scene): Finding | null {
  const match = /^(his|her|their|my|seu|sua|meu|minha|su|mi)\s+(\p{L}+)/iu.exec(subject.trim());
  if (!match) return null;
  const gender = nounGender(match[2]);
  if (gender === 'unknown') return null;
  const possessive = match[1].toLowerCase();
  const possessorGender = possessive === 'his' ? 'male' : possessive === 'her' ? 'female' : null;
  const possessors = /^(?:my|meu|minha|mi)$/u.test(possessive)
    ? [NARRATOR_ID]
    : possessorGender === null
      ? []
      : [...scene.excluded, ...scene.recent].filter((id) => scene.cast.genderOf(id) === possessorGender);
  const possessor = possessors[0];
  if (SPOUSE_OR_PARENT.test(match[2])) {
    // The possessor is whichever person near the line has a spouse or parent of that family in the cast.
    for (const candidate of possessors.slice(0, SCENE_WINDOW)) {
      const relative = relativeBySurname(candidate, gender, scene.cast);
      if (relative && !scene.excluded.has(relative))
        return { claim: { speakerId: relative, confidence: CLAIM.relationBySurname }, gender };
    }
  }
  // No relative of that family in the cast: only the gender is known (the relative may well be outside the cast).
  const others = possessor ? [possessor] : [];
  const found = gendered(gender, scene, others);
  return {
    gender,
    preference: found.claim ? [found.claim.speakerId, ...(found.preference ?? [])] : found.preference,
    excluded: others,
  };
}

/** "Cratchit's wife", "la mujer de Pedro", "a mulher do Cotrim": a relation of a person named by name. */
const ENGLISH_OWNED = /^(.+?)['’]s\s+(\p{L}+)$/u;
const ROMANCE_OWNED = /^(?:la|el|a|o)\s+(\p{L}+)\s+(?:de|del|do|da)\s+(.+)$/iu;

/**
 * A relation of someone the tag names ("said Cratchit's wife"): a spouse or parent of that family in the cast, else
 * someone of the noun's gender other than the possessor.
 */
function namedPossessor(subject: string, scene: Scene): { finding: Finding; possessor: string } | null {
  const trimmed = subject.trim();
  const english = ENGLISH_OWNED.exec(trimmed);
  const romance = english ? null : ROMANCE_OWNED.exec(trimmed);
  const [noun, owner] = english ? [english[2], english[1]] : romance ? [romance[1], romance[2]] : [];
  if (noun === undefined || owner === undefined || !KINSHIP.test(noun)) return null;
  const gender = nounGender(noun);
  const possessor = scene.cast.subjectOf(owner);
  if (gender === 'unknown' || !possessor) return null;
  const relative = SPOUSE_OR_PARENT.test(noun) ? relativeBySurname(possessor, gender, scene.cast) : null;
  if (relative && !scene.excluded.has(relative))
    return {
      finding: { claim: { speakerId: relative, confidence: CLAIM.relationBySurname }, gender, thirdPerson: true },
      possessor,
    };
  const found = gendered(gender, scene, [possessor]);
  const preference = found.claim ? [found.claim.speakerId, ...(found.preference ?? [])] : found.preference;
  return { finding: { gender, preference, excluded: [possessor], thirdPerson: true }, possessor };
}

/** Who a speech tag names: a character, the narrator ("said I"), or by pronoun or relation someone in the scene. */
export function fromTag(tag: SpeechTag, scene: Scene): Finding | null {
  if (tag.firstPerson) return { claim: firstPersonClaim(scene, CLAIM.firstPersonTag) };
  const named = scene.cast.subjectOf(tag.subject);
  // "a mulher do Cotrim" names Cotrim's wife, not Cotrim.
  const owned = namedPossessor(tag.subject, scene);
  if (owned && (named === null || named === owned.possessor)) return owned.finding;
  if (named) return { claim: { speakerId: named, confidence: CLAIM.namedTag } };
  const gender = pronounGender(tag.pronoun);
  if (gender) return gendered(gender, scene);
  const related = relation(tag.subject, scene);
  if (related) return related;
  const guest = ourGuest(tag.subject, scene) ?? formerOrLatter(tag.subject, scene);
  if (guest) return guest;
  const head = UNNAMED_SUBJECT.exec(tag.subject.trim());
  // "perguntou-me no fim", "respondió": a verb in the third person, with no subject, is someone other than "I".
  if (!head) return tag.thirdPersonVerb ? { thirdPerson: true } : null;
  // "retrucou a irmã", "said the nephew": a relative, of the noun's gender, of the person just named.
  const kinGender = KINSHIP.test(head[1]) ? nounGender(head[1]) : 'unknown';
  const relativeOf = scene.fresh[0] ?? scene.recent[0];
  if (kinGender !== 'unknown') return gendered(kinGender, scene, relativeOf ? [relativeOf] : []);
  // "replied the girl", "said a voice": someone the cast does not name.
  return { claim: { speakerId: SOMEONE_ELSE, confidence: CLAIM.unnamedTag }, thirdPerson: true };
}

/**
 * "our visitor", "our strange client", "o nosso hospede", "nuestro visitante": someone "we" (the narrator's side)
 * receive; with the narrator's "my", only a noun of receiving ("answered my visitor", "said my client", "my patient"),
 * since "my friend" is the narrator's own.
 */
const OUR_SUBJECT =
  /^(?:(?:o|a|el|la)\s+)?(?:(?:our|nosso|nossa|nuestro|nuestra)\s+(?:\p{L}+\s+)??\p{L}+|(?:my|meu|minha|mi)\s+(?:\p{L}+\s+)??(?:visitor|guest|client|caller|patient|visita|visitante|hóspede|huésped|cliente))$/iu;
/** A character the narration calls by the narrator's "my" ("my friend", "my companion", "meu amigo"). */
const NARRATORS_OWN = /^(?:my|meu|minha|mi)\s/iu;

/**
 * "said our visitor", "continued our client", in a book its narrator tells in the first person: the person "we"
 * receive is neither the narrator nor the narrator's own people ("my friend", "my companion"), but the latest other
 * person of the scene, else of the chapter since a stranger last came in (a client whose story ran for pages); when
 * nobody else is named, someone the cast does not name (a visitor not yet introduced).
 */
function ourGuest(subject: string, scene: Scene): Finding | null {
  // In a book a third person narrates, "our knight" is the story's hero, whom narrator and reader share.
  const { cast } = scene;
  if (!cast.firstPersonNarrator || !OUR_SUBJECT.test(subject.trim())) return null;
  // "my patient", "my client" is someone received, not one of the narrator's own.
  const ours = (id: string) =>
    id === NARRATOR_ID ||
    cast.formsOf(id).some((form) => NARRATORS_OWN.test(form.trim()) && !OUR_SUBJECT.test(form.trim()));
  const guest =
    scene.recent.find((id) => !ours(id) && !scene.excluded.has(id)) ??
    scene.earlier.find((id) => !ours(id) && !scene.excluded.has(id));
  return { claim: { speakerId: guest ?? SOMEONE_ELSE, confidence: guest ? CLAIM.pronounFocus : CLAIM.unnamedTag } };
}

export const KINSHIP =
  /^(?:sister|brother|mother|father|aunt|uncle|wife|husband|daughter|son|nephew|niece|cousin|irmã|irmão|mãe|pae|pai|tia|tio|filha|filho|sobrinha|sobrinho|prima|primo|mulher|marido|hermana|hermano|madre|padre|hija|hijo|sobrina|sobrino|esposa|esposo)$/iu;
