/**
 * The cast as attribution reads it: where characters are named in a text, who a tag's subject names ("said Mr.
 * Bennet", "said my aunt", "replicou o animal"), and each character's gender. Forms that could name two characters
 * are left out rather than guessed, as are bare honorifics ("Mr") that detection sometimes keeps as aliases.
 */
import { NARRATOR_ID, type Character, type Gender } from '../character';
import { titledSurnameFolds } from './titledSurnames';
import { titleRoles } from './titleRoles';
import type { HeuristicLanguage } from '../vocabulary';

export interface Mention {
  id: string;
  offset: number;
  length: number;
  /** Followed by a possessive "'s": "Scrooge's nephew" names the nephew, not Scrooge. */
  possessive: boolean;
  /** Named by a role noun ("the nephew", "o capitão") rather than a name. */
  role?: boolean;
}

const DETERMINERS =
  'the|my|his|her|their|our|your|its|this|that|o|a|os|as|el|la|los|las|meu|minha|meus|minhas|seu|sua|nosso|nossa|mi|su|este|esta|aquele|aquella|aquela';
const LEADING_DETERMINER = new RegExp(`^(?:${DETERMINERS})\\s+`, 'iu');
/** A role's possessive preposition right before where its possessor's name starts ("wife of ", "mulher de "). */
const POSSESSOR_BEFORE = /(?:^|\s)(?:of|de|del|do|da|dos|das)\s$/u;
/** Words that cannot describe the noun after them: prepositions, conjunctions, articles. */
const NOT_AN_ADJECTIVE =
  /^(?:of|to|and|with|from|for|de|del|do|da|dos|das|al|ao|a|en|em|con|com|y|e|que|who|the|el|la|los|las|o|os|as|un|una|um|uma)$/u;
/** Words that address or mention someone in a tag without naming the speaker: "said Mrs. Bennet to her husband". */
const ADDRESSEE_BEFORE = /(?:^|\s)(?:to|at|with|a|ao|à|á|para|com|con)\s+$/iu;
/**
 * In Portuguese a bare "a" opening a tag's subject is the article before a name ("perguntou a Rosa": Rosa asked);
 * after another subject it is the preposition ("disse elle a Marcella": he said to her).
 */
const PORTUGUESE_ARTICLE_BEFORE = /^a\s+$/iu;
const HONORIFIC_ONLY =
  /^(?:mr|mrs|ms|miss|dr|sir|lady|lord|madam|master|d|dom|dona|don|doña|sr|sra|srta|senhor|senhora|señor|señora)\.?$/iu;
const FEMALE_NOUNS =
  /^(?:waitress|nurse|criada|ama|camareira|moça|criadita|wife|mother|mamma|mama|sister|aunt|niece|daughter|lady|woman|girl|widow|queen|maid|mistress|landlady|housekeeper|grandmother|mulher|mãe|mae|irmã|tia|sobrinha|filha|senhora|moça|menina|rapariga|viúva|rainha|criada|esposa|madre|hermana|sobrina|hija|señora|muchacha|niña|viuda|reina|countess|duchess|princess|baroness|marchioness|empress|condesa|condessa|duquesa|marquesa|baronesa|princesa|emperatriz|imperatriz)$/iu;
const MALE_NOUNS =
  /^(?:captain|capitão|capitan|capitán|clerk|priest|cura|sailor|marinheiro|marinero|soldier|soldado|officer|oficial|coachman|cocheiro|cochero|waiter|barber|barbeiro|barbero|curate|stranger|fellow|youth|porter|landlord|innkeeper|estalajadeiro|ventero|almocreve|arriero|husband|father|papa|brother|uncle|nephew|son|lord|man|gentleman|boy|widower|king|master|landlord|grandfather|priest|marido|pae|pai|irmão|tio|sobrinho|filho|senhor|homem|rapaz|menino|rei|padre|esposo|hermano|hijo|señor|hombre|muchacho|niño|count|duke|earl|baron|prince|emperor|marquis|marquess|viscount|conde|duque|marqués|marquês|barão|barón|visconde|vizconde|príncipe|emperador|imperador)$/iu;

/**
 * A name that names a place: followed by a street's or a building's noun ("Baker Street", "Briony Lodge", "James's
 * Hall"), or after one in Spanish and Portuguese ("rua do Senado", "calle de Alcalá"), or a saint's name ("St.
 * James's", "São João", "San Pedro": a church, a feast, a place). Such a naming is no person's.
 */
const PLACE_AFTER =
  /^(?:['’]s)?\s+(?:Street|St\.|Road|Square|Lane|Avenue|Terrace|Place|Gardens|Crescent|Row|Lodge|Hall|Court|Bridge|Station|Hotel|Park)(?![\p{L}\p{N}])/u;
const PLACE_BEFORE =
  /(?<![\p{L}\p{N}])(?:rua|travessa|largo|praça|praia|beco|avenida|calle|plaza|paseo|camino|callejón)\s+(?:(?:de|do|da|dos|das|del|de\s+la|de\s+los)\s+)?$/iu;

/** A saint's title right before a name the cast holds without it. */
const SAINT_BEFORE = /(?<![\p{L}\p{N}])(?:St\.|Saint|Sta\.|San|Santo|Santa|São)\s+$/u;

function namesAPlace(text: string, offset: number, length: number): boolean {
  const before = text.slice(Math.max(0, offset - 30), offset);
  return PLACE_AFTER.test(text.slice(offset + length)) || PLACE_BEFORE.test(before) || SAINT_BEFORE.test(before);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The pattern of one name as printed: spaces may be any whitespace, an honorific's full stop is optional. */
function formPattern(form: string): string {
  return form
    .trim()
    .split(/\s+/u)
    .map((token) => (token.endsWith('.') ? `${escapeRegExp(token.slice(0, -1))}\\.?` : escapeRegExp(token)))
    .join('\\s+');
}

/** Lower-case, accent-free, without full stops and a leading determiner: "My aunt" → "aunt". */
export function roleKey(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[’‘]/gu, "'")
    .replace(/\./gu, '')
    .replace(/\s+/gu, ' ')
    .trim()
    .replace(LEADING_DETERMINER, '');
}

const PERSON_PHRASE = new RegExp(
  `(?<![\\p{L}\\p{N}])(?:${DETERMINERS}|a|an|um|uma|un|una)\\s+(\\p{L}+)(?:\\s+(\\p{L}+))?`,
  'giu',
);

/**
 * People a text names by a noun the cast has no role for ("encontrei o capitão", "a slatternly girl", "um homem de
 * quarenta annos"): their offsets and genders. They are real people of the scene, so "he"/"she" may point to them
 * rather than to the cast.
 */
export function unnamedPeopleIn(text: string, cast: Cast): { offset: number; gender: 'female' | 'male' }[] {
  const found: { offset: number; gender: 'female' | 'male' }[] = [];
  for (const match of text.matchAll(PERSON_PHRASE)) {
    // The noun right after the determiner, or after one adjective ("a slatternly girl").
    const noun = nounGender(match[1]) !== 'unknown' ? match[1] : match[2];
    const gender = noun ? nounGender(noun) : 'unknown';
    // A phrase that names someone of the cast ("the old man", a role it holds) is that person; one whose noun only
    // ends a role of the cast ("a man" beside "the old man") is someone else.
    if (gender === 'unknown' || cast.mentions(match[0]).length > 0) continue;
    found.push({ offset: match.index, gender });
  }
  return found;
}

export function nounGender(noun: string): Gender {
  if (FEMALE_NOUNS.test(noun)) return 'female';
  return MALE_NOUNS.test(noun) ? 'male' : 'unknown';
}

/**
 * Whether the narrator record is a character of the story, the "I" of a first-person book: detection then gives it
 * a gender, a name or lines of its own (a third-person narrator has none of them).
 */
export function narratesInFirstPerson(narrator: Character | undefined): boolean {
  return (
    narrator !== undefined &&
    (narrator.dialogueLineCount > 0 || narrator.gender !== 'unknown' || narrator.aliases.length > 0)
  );
}

/**
 * Who a form shared by several characters names: the one it is the name of; when several records carry that very
 * name (detection split one person in two), the one with the most lines. A form that is only an alias of several
 * names nobody, rather than a guess.
 */
function ownerOf(form: string, characters: Character[]): string | undefined {
  const named = characters
    .filter((character) => character.name.trim() === form)
    .sort((a, b) => b.dialogueLineCount - a.dialogueLineCount);
  return named[0]?.id;
}

export class Cast {
  /** Proper-name forms (capitalised), matched as written. */
  private readonly names: RegExp | null;
  private readonly idOfName = new Map<string, string>();
  /** Role forms ("aunt", "old man", "capitão") by their key, matched after a determiner. */
  private readonly roles = new Map<string, string>();
  private readonly rolePattern: RegExp | null;
  private readonly gender = new Map<string, Gender>();
  private readonly forms = new Map<string, string[]>();
  readonly ids: string[];
  /** The narrator is a character of the story ("I"), with a name, a gender or lines of its own. */
  readonly firstPersonNarrator: boolean;
  /** The people holding a title of calling or rank no one else of the cast holds ("Dr. Falcão"): titleRoles.ts. */
  readonly titled: string[];

  /**
   * `language`: the book's, whose speech verbs and pronouns the attribution reads (every known language's when
   * absent). `statedRoles`: role nouns the narration says one person holds (statedRoles.ts), noun → id.
   */
  constructor(
    characters: Character[],
    readonly language?: HeuristicLanguage,
    statedRoles: ReadonlyMap<string, string> = new Map(),
  ) {
    const owners = new Map<string, Set<string>>();
    const own = (form: string, id: string) => {
      if (!owners.has(form)) owners.set(form, new Set());
      owners.get(form)!.add(id);
    };
    this.firstPersonNarrator = narratesInFirstPerson(characters.find((character) => character.id === NARRATOR_ID));
    // A first-person narrator is named and addressed like anyone else ("Dr. Cubas", "Braz").
    const speakers = characters.filter((character) => character.id !== NARRATOR_ID || this.firstPersonNarrator);
    // Records that carry the very same name are one person detection split in two: attribution speaks of the one
    // with the most lines, so turn-taking does not take the two halves for two people.
    const primary = new Map<string, Character>();
    for (const character of speakers) {
      const key = character.id === NARRATOR_ID ? NARRATOR_ID : roleKey(character.name);
      const current = primary.get(key);
      if (!current || character.dialogueLineCount > current.dialogueLineCount) primary.set(key, character);
    }
    // A record named by a role ("El Corregidor") whose role is a form of exactly one record named otherwise ("Señor
    // Corregidor", alias "Corregidor") is that person too.
    const sameAs = new Map<string, string>();
    for (const [key, character] of primary) {
      if (key === NARRATOR_ID || !LEADING_DETERMINER.test(character.name.trim())) continue;
      const others = [...primary].filter(
        ([otherKey, other]) =>
          otherKey !== key &&
          otherKey !== NARRATOR_ID &&
          !LEADING_DETERMINER.test(other.name.trim()) &&
          [other.name, ...other.aliases].some((form) => roleKey(form) === key),
      );
      if (others.length === 1) sameAs.set(key, others[0][0]);
    }
    // "Mr. Whitcomb" and the one record named "George Whitcomb" (titledSurnames.ts).
    for (const [key, into] of titledSurnameFolds(primary))
      if (!sameAs.has(key) && !sameAs.has(into) && ![...sameAs.values()].includes(key)) sameAs.set(key, into);
    const primaryOf = (character: Character) => {
      const key = character.id === NARRATOR_ID ? NARRATOR_ID : roleKey(character.name);
      return primary.get(sameAs.get(key) ?? key)!;
    };
    this.ids = [...new Set(speakers.map((character) => primaryOf(character).id))];
    for (const character of speakers) {
      const person = primaryOf(character);
      if (!this.gender.has(person.id) || this.gender.get(person.id) === 'unknown')
        this.gender.set(person.id, person.gender !== 'unknown' ? person.gender : character.gender);
      this.forms.set(person.id, [...(this.forms.get(person.id) ?? []), character.name, ...character.aliases]);
      for (const form of [character.name, ...character.aliases]) {
        const trimmed = form.trim();
        if (trimmed.length < 2 || HONORIFIC_ONLY.test(trimmed)) continue;
        own(trimmed, person.id);
      }
    }
    // "said the doctor" of the cast's only Dr.: a role form, unless the cast already gives that role to someone.
    const roleKeys = new Set([...owners.keys()].map(roleKey));
    const titles = titleRoles(speakers, (character) => primaryOf(character).id);
    for (const [noun, id] of titles) if (!roleKeys.has(roleKey(noun))) own(noun, id);
    this.titled = [...new Set(titles.values())];
    // "said the lawyer" of the one person the narration says is the lawyer, on the same terms.
    for (const [noun, id] of statedRoles) if (!roleKeys.has(roleKey(noun)) && this.ids.includes(id)) own(noun, id);
    const nameForms: string[] = [];
    // Role forms as written (accents and all), without their determiner: "O capitão" → "capitão".
    const roleForms: string[] = [];
    for (const [form, ids] of owners) {
      const id =
        ids.size === 1
          ? [...ids][0]
          : ownerOf(
              form,
              speakers.filter((character) => ids.has(character.id)),
            );
      if (id === undefined) continue;
      const key = roleKey(form);
      if (/^\p{Lu}/u.test(form) && !LEADING_DETERMINER.test(form)) {
        this.idOfName.set(form.replace(/\./gu, '').replace(/\s+/gu, ' '), id);
        nameForms.push(form);
      } else if (key.length > 1 && !this.roles.has(key)) {
        this.roles.set(key, id);
        roleForms.push(form.trim().replace(LEADING_DETERMINER, ''));
      }
    }
    nameForms.sort((a, b) => b.length - a.length);
    this.names =
      nameForms.length === 0
        ? null
        : new RegExp(`(?<![\\p{L}\\p{N}])(?:${nameForms.map(formPattern).join('|')})(?![\\p{L}\\p{N}])`, 'gu');
    roleForms.sort((a, b) => b.length - a.length);
    this.rolePattern =
      roleForms.length === 0
        ? null
        : new RegExp(
            `(?<![\\p{L}\\p{N}])(?:${DETERMINERS})\\s+(${roleForms.map(formPattern).join('|')})(?![\\p{L}\\p{N}])`,
            'giu',
          );
  }

  /** The character a role form names, by its key ("navarra", "old man"), or null. */
  roleOf(key: string): string | null {
    return this.roles.get(key) ?? null;
  }

  /** A character's name and aliases as detection gave them. */
  formsOf(id: string): string[] {
    return this.forms.get(id) ?? [];
  }

  /**
   * Whether the book only describes this person ("the lady", "my wife", "o padre": every form a determiner and a
   * lower-case noun) rather than naming them.
   */
  describedOnly(id: string): boolean {
    const forms = this.formsOf(id);
    return (
      id !== NARRATOR_ID &&
      forms.length > 0 &&
      forms.every((form) => LEADING_DETERMINER.test(form) && /^\p{Ll}/u.test(form.replace(LEADING_DETERMINER, '')))
    );
  }

  genderOf(id: string): Gender {
    return this.gender.get(id) ?? 'unknown';
  }

  /** Every naming of a character in `text`, in reading order. */
  mentions(text: string): Mention[] {
    const found: Mention[] = [];
    const possessiveAt = (end: number) => /^['’]s(?![\p{L}\p{N}])/u.test(text.slice(end));
    if (this.names) {
      for (const match of text.matchAll(this.names)) {
        const id = this.idOfName.get(match[0].replace(/\./gu, '').replace(/\s+/gu, ' '));
        if (id && !namesAPlace(text, match.index, match[0].length))
          found.push({
            id,
            offset: match.index,
            length: match[0].length,
            possessive: possessiveAt(match.index + match[0].length),
          });
      }
    }
    if (this.rolePattern) {
      for (const match of text.matchAll(this.rolePattern)) {
        const id = this.roles.get(roleKey(match[1]));
        if (
          id &&
          !found.some((mention) => mention.offset <= match.index && match.index < mention.offset + mention.length)
        )
          found.push({
            id,
            offset: match.index,
            length: match[0].length,
            possessive: possessiveAt(match.index + match[0].length),
            role: true,
          });
      }
    }
    return found.sort((a, b) => a.offset - b.offset);
  }

  /**
   * The character a tag's subject names: the first naming that is neither a possessor ("Scrooge's nephew") nor an
   * addressee ("to her husband"), the name after a role that describes it ("el viejo Corregidor"); else a role the subject is ("the nephew", "o capitão"), matched on its last word
   * when only one role ends so.
   */
  subjectOf(subject: string): string | null {
    const mentions = this.mentions(subject);
    for (const [index, mention] of mentions.entries()) {
      if (mention.possessive) continue;
      const before = subject.slice(0, mention.offset);
      if (ADDRESSEE_BEFORE.test(before) && !(this.language === 'pt' && PORTUGUESE_ARTICLE_BEFORE.test(before)))
        continue;
      // A role word before a name describes the person named ("el viejo Corregidor", "the old Mr. Fezziwig").
      const next = mentions[index + 1];
      if (
        mention.role &&
        next &&
        !next.role &&
        /^\s+$/u.test(subject.slice(mention.offset + mention.length, next.offset))
      )
        return next.id;
      return mention.id;
    }
    const key = roleKey(subject.split(/[,;]/u)[0]);
    const direct = this.roles.get(key);
    if (direct) return direct;
    const head = key.split(' ').slice(0, 3);
    for (let length = head.length; length > 0; length--) {
      const wanted = head.slice(0, length).join(' ');
      // "wife of hale" ends with the possessor's name, not a role "hale".
      const endingSo = [...this.roles.entries()].filter(
        ([role]) =>
          role === wanted ||
          (role.endsWith(` ${wanted}`) && !POSSESSOR_BEFORE.test(role.slice(0, -wanted.length))) ||
          role.endsWith(`'s ${wanted}`),
      );
      if (endingSo.length === 1) return endingSo[0][1];
      if (endingSo.length > 1) return null;
    }
    // Adjectives before the role's noun ("la intrépida navarra", "the poor old man"); never a possessor's or a
    // preposition's noun ("the king's daughter", "la mujer del Corregidor").
    for (let from = 1; from < head.length; from++) {
      if (head.slice(0, from).some((word) => /'s?$/u.test(word) || NOT_AN_ADJECTIVE.test(word))) break;
      const role = this.roles.get(head.slice(from).join(' '));
      if (role) return role;
    }
    return null;
  }
}
