/**
 * Speaking roles that are someone already in the cast (docs/characters.md): a role written as a title and its bare
 * form ("the Hatter", "Hatter"), a shorter title of one longer one ("the Rabbit", "the White Rabbit"), a role the
 * narration names (roleNames.ts) and a role that is the title of the one person bearing it where it speaks.
 */
import type { PersonIndex, PlacedForm } from './clusters';
import { honorificOf } from './honorifics';
import { calledBackAt, husbandNamedAt, roleNamedAt } from './roleNames';
import { foldWivesRoles, type CalledBackNaming, type WifeNaming } from './rolesOfWives';
import { absorbOffice, absorbRole, absorbTally, genderOfTally, unique, type Tally } from './tally';
import { emptyVotes } from './genderEvidence';
import type { HeuristicLanguage } from './vocabulary';

/**
 * The key of a role's record: `role|the lady`, or `role|the lady@3` for the lady of the story in chapter index 3 of
 * a collection.
 */
export function roleTallyKey(phrase: string, story: number | null): string {
  return story === null ? `role|${phrase}` : `role|${phrase}@${story}`;
}

/** The role phrase of a role record's key, without its story ("the lady"). */
export function rolePhraseOf(key: string): string {
  return key.slice('role|'.length).replace(/@\d+$/u, '');
}

/** A mention as the folds need it: where it is written and whether in narration. */
export interface PlacedMention extends PlacedForm {
  chapterText: string;
  local: number;
  length: number;
  narrated: boolean;
}

/**
 * A speaking role the narration names ("Pero Pérez —que así se llamaba el cura—", "el barbero maese Nicolás", "la
 * señá Frasquita, la hermosa navarra,") is that person for the whole book, when every such naming names the same
 * person, that person is named in a chapter where the role speaks, and their genders agree. Without a naming, a role
 * that is a title ("the inspector") is the one person with that title named where it speaks. In a story collection
 * (`collection`) a naming counts only in the story where the role speaks: the miller named in one story is not the
 * miller of another. An office the book writes as a name (`offices`: record key → office, "el Alcalde" → "alcalde")
 * is named the same way ("El Sr. Juan López, que como particular y como Alcalde…"), present where the book names it.
 * Last, the feminine of a man's trade ("la molinera") is the woman named as his wife (rolesOfWives.ts).
 */
export function foldNamedRoles(
  tallies: Map<string, Tally>,
  placed: PlacedMention[],
  people: PersonIndex,
  language: HeuristicLanguage,
  collection: boolean,
  offices: Map<string, string>,
): void {
  const namings: { nouns: string[]; person: string; chapter: number }[] = [];
  const presentIn = new Map<string, Set<number>>();
  const mentioned: PersonMention[] = [];
  const wives: WifeNaming[] = [];
  const calledBack: CalledBackNaming[] = [];
  for (const mention of placed) {
    const person = people.resolve(mention.form, mention.at, mention.chapter);
    if (person === undefined || !tallies.has(person)) continue;
    if (!presentIn.has(person)) presentIn.set(person, new Set());
    presentIn.get(person)!.add(mention.chapter);
    mentioned.push({ person, chapter: mention.chapter, local: mention.local, chapterText: mention.chapterText });
    const end = mention.local + mention.length;
    const naming = roleNamedAt(mention.chapterText, mention.local, end, language, mention.narrated);
    if (naming !== null) namings.push({ ...naming, person, chapter: mention.chapter });
    const husband = husbandNamedAt(mention.chapterText, end, language, mention.narrated);
    if (husband !== null) wives.push({ ...husband, wife: person, chapter: mention.chapter });
    const back = calledBackAt(mention.chapterText, mention.local, language, mention.narrated);
    if (back !== null) calledBack.push({ ...back, person, chapter: mention.chapter });
  }
  for (const [key, role] of [...tallies]) {
    const isRole = key.startsWith('role|');
    const noun = isRole ? namedAsNoun(rolePhraseOf(key)) : (offices.get(key) ?? null);
    if (noun === null) continue;
    // Where the role is someone in the scene: where it speaks, or for an office where the book names it.
    const present = isRole ? role.speaksIn : (presentIn.get(key) ?? new Set<number>());
    // In a novel a naming anywhere names the role for the whole book ("la señá Frasquita, la … navarra," in the
    // chapter that describes the mill, "dijo la navarra" chapters later); in a collection only in the role's story.
    const namedAs = unique(
      namings
        .filter(
          (naming) =>
            naming.person !== key && naming.nouns.includes(noun) && (!collection || present.has(naming.chapter)),
        )
        .map((naming) => naming.person),
    );
    const holders = namedAs.length > 0 ? namedAs : titledAs(noun, role, tallies, presentIn);
    const named = holders.length > 1 ? lastNamedHolder(holders, role, mentioned) : holders;
    // The role is someone in the scene: the person is named in a chapter where the role speaks.
    if (named.length !== 1 || ![...present].some((chapter) => presentIn.get(named[0])!.has(chapter))) continue;
    const person = tallies.get(named[0])!;
    const [personGender, roleGender] = [genderOfTally(person), genderOfTally(role)];
    if (personGender !== 'unknown' && roleGender !== 'unknown' && personGender !== roleGender) continue;
    if (isRole) {
      absorbRole(person, role);
      if (person.roleGender === 'unknown') person.roleGender = role.roleGender;
    } else absorbOffice(person, role);
    tallies.delete(key);
  }
  // After the roles above, so a husband's trade ("el Molinero") is among his forms.
  const roleNounOf = (key: string): string | null => namedAsNoun(rolePhraseOf(key));
  foldWivesRoles(tallies, { wives, calledBack }, mentioned, { roleNounOf, offices }, collection);
}
const DEFINITE_ARTICLES = new Set(['the', 'el', 'la', 'o', 'a']);
const NARRATORS_OWN = new Set(['my', 'mi', 'minha', 'meu']);

/**
 * What a naming must say for a role phrase (roleNames.ts): its noun after an article ("la navarra" → "navarra"), the
 * whole phrase after the narrator's possessive ("minha mae", also "a minha mae"); null for any other phrase.
 */
function namedAsNoun(phrase: string): string | null {
  const words = phrase.split(' ');
  const own = DEFINITE_ARTICLES.has(words[0]) && words.length === 3 ? words.slice(1) : words;
  if (own.length === 2 && NARRATORS_OWN.has(own[0])) return own.join(' ');
  return words.length === 2 && DEFINITE_ARTICLES.has(words[0]) ? words[1] : null;
}

/**
 * "said the inspector" where the only person named with that title in the chapters the role speaks in is
 * "Inspector Bradstreet": the people bearing the role's noun as their title there (none when it is no title).
 */
function titledAs(
  noun: string,
  role: Tally,
  tallies: Map<string, Tally>,
  presentIn: Map<string, Set<number>>,
): string[] {
  // The key folds accents ("o capitao"); the title is looked up as the book writes it ("o capitão").
  const written = [...role.forms.keys()][0]?.split(' ').at(-1) ?? noun;
  const title = honorificOf(written) ?? honorificOf(noun);
  if (title === undefined) return [];
  return [...tallies.entries()]
    .filter(
      ([key, tally]) =>
        !key.startsWith('role|') &&
        [...tally.forms.keys()].some((form) => honorificOf(form.split(' ')[0])?.cls === title.cls) &&
        [...role.speaksIn].some((chapter) => presentIn.get(key)?.has(chapter)),
    )
    .map(([key]) => key);
}

/** A named person's mention, where it stands in its chapter. */
interface PersonMention {
  person: string;
  chapter: number;
  local: number;
  chapterText: string;
}

/**
 * "said the inspector" where two inspectors are named where the role speaks: a definite role points back to the
 * holder named last before its tag ("Inspector Barton had charge of the case." … "Who is on duty?" "Inspector
 * Bradstreet, sir." … "said the inspector" is Bradstreet). Only when every tag points to the same holder and, before
 * each, that holder was named in a paragraph after the other holder's last mention: "Inspector Hale and Inspector
 * Grey met us" leaves "said the inspector" to neither.
 */
function lastNamedHolder(holders: string[], role: Tally, mentioned: PersonMention[]): string[] {
  const holderMentions = mentioned.filter((mention) => holders.includes(mention.person));
  const pointedTo = new Set<string>();
  for (const tag of role.tagsAt) {
    const before = holderMentions.filter((mention) => mention.chapter === tag.chapter && mention.local < tag.local);
    const last = before.at(-1);
    if (last === undefined) continue;
    const lastOther = before.findLast((mention) => mention.person !== last.person);
    if (lastOther !== undefined) {
      const namedAgain = before.find((mention) => mention.local > lastOther.local && mention.person === last.person)!;
      if (!PARAGRAPH_BREAK.test(last.chapterText.slice(lastOther.local, namedAgain.local))) return [];
    }
    pointedTo.add(last.person);
  }
  return pointedTo.size === 1 ? [...pointedTo] : [];
}
const PARAGRAPH_BREAK = /\n[ \t]*\n/u;

/**
 * A role written as a title ("the Hatter", "the Mock Turtle") is a creature's name: the same words written without
 * the article ("Hatter, …", "Mock Turtle") are that creature, and a shorter title that ends exactly one longer one
 * ("the Rabbit", "the White Rabbit") is it too. A lower-case role never folds ("the man", "the old man" are often
 * two people); neither does a shorter title that ends two longer ones.
 */
export function foldTitleRoles(tallies: Map<string, Tally>): void {
  // Titles per story: in a collection the Rabbit of one story is not the White Rabbit of another.
  const byTitle = new Map<string, string>();
  const keysOfTitle = new Map<string, string[]>();
  for (const [key, tally] of tallies) {
    const title = key.startsWith('role|') ? titleOfRole(tally) : null;
    if (title === null) continue;
    byTitle.set(storyTitle(title, tally), key);
    keysOfTitle.set(title, [...(keysOfTitle.get(title) ?? []), key]);
  }
  const target = new Map<string, string>();
  for (const [title, key] of byTitle) {
    const story = tallies.get(key)!.story;
    const longer = [...byTitle.entries()].filter(
      ([other, otherKey]) => tallies.get(otherKey)!.story === story && other.endsWith(` ${title}`),
    );
    target.set(title, longer.length === 1 ? longer[0][1] : key);
  }
  const finalKey = (key: string): string => {
    let current = key;
    for (let title = titleOfRoleKey(current, tallies); title !== null; title = titleOfRoleKey(current, tallies)) {
      const next = target.get(title);
      if (next === undefined || next === current) break;
      current = next;
    }
    return current;
  };
  for (const [key, tally] of [...tallies]) {
    if (!tallies.has(key)) continue;
    if (key.startsWith('role|')) {
      const into = finalKey(key);
      if (into !== key) {
        absorbTally(tallies.get(into)!, tally);
        tallies.delete(key);
      }
      continue;
    }
    // A bare "Hatter" is the creature only when one record bears that title (not one per story).
    const keys = unique([...tally.forms.keys()].flatMap((form) => keysOfTitle.get(form) ?? [undefined]));
    if (keys.length !== 1 || keys[0] === undefined) continue;
    // Its gender stays the role's: the bare form is mostly a vocative, where the next pronoun is someone else's.
    absorbTally(tallies.get(finalKey(keys[0]))!, { ...tally, votes: emptyVotes(), pronounVotes: emptyVotes() });
    tallies.delete(key);
  }
}

/** The capitalised words after a role's article ("the Mock Turtle" → "Mock Turtle"), or null for a common noun. */
function titleOfRole(tally: Tally): string | null {
  const phrase = [...tally.forms.keys()][0] ?? '';
  const words = phrase.split(' ').slice(1);
  return words.length > 0 && words.every((word) => /^\p{Lu}/u.test(word)) ? words.join(' ') : null;
}

function titleOfRoleKey(key: string, tallies: Map<string, Tally>): string | null {
  const tally = tallies.get(key);
  const title = tally && key.startsWith('role|') ? titleOfRole(tally) : null;
  return title === null ? null : storyTitle(title, tally!);
}

/** A role's title with its story, when it has one ("Rabbit@3"). */
function storyTitle(title: string, tally: Tally): string {
  return tally.story === null ? title : `${title}@${tally.story}`;
}
