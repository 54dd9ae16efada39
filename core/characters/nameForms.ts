/**
 * How one book uses each name word, and which name nodes a written form names (docs/characters.md). Whether "Bennet"
 * is a family name or "Juan" a given name depends on the whole book ("Mr. Bennet", "señor Juan" next to "Juan
 * López"), so every form is read once before any form is keyed; the person index then joins the keys into people.
 */
import { honorificClass, honorificOf } from './honorifics';
import type { NameForm } from './mentions';
import type { HeuristicLanguage } from './vocabulary';

/** A kind of given-name title used this often, and this many times as often as every other kind together. */
const DOMINANT_TITLE_USES = 5;
const DOMINANT_TITLE_RATIO = 5;

export class BookNameUsage {
  private readonly surnames = new Set<string>();
  private readonly titledSurnames = new Set<string>();
  private readonly givenNames = new Set<string>();
  /** Words after a title that names either ("señor Juan", "Sr. Gómez"), read once every form is known. */
  private readonly titledWords: string[] = [];
  /** Kinds of given-name titles written with each given name ("tio João", "D. João": two people). */
  private readonly givenTitleGroups = new Map<string, Map<string, number>>();
  /** The full names written with each given name ("Gloria Santos"): two of them are two people of that name. */
  private readonly fullNamesByGiven = new Map<string, Set<string>>();
  /** Words written alone after a man's surname title ("Mr. Robert"), read once every form is known. */
  private readonly titledMenWords: [cls: string, word: string][] = [];
  /** The surnames written after each man's title and given name ("Mr. Robert Tresham": `mr|Robert` → Tresham). */
  private readonly titledMenFullNames = new Map<string, Set<string>>();
  /** Full names of younger sons ("Robert Tresham", beside "Mr. Robert"), whom "Mr. Tresham" does not name. */
  private readonly youngerSons = new Set<string>();
  /** The man's title and given name each younger son is called by (`mr|Robert`). */
  private readonly youngerSonTitles = new Set<string>();
  /** The given names written between each man's title and a surname ("Mr. Harold Pym": `mr|Pym` → Harold). */
  private readonly givenNamesOfTitledSurnames = new Map<string, Set<string>>();

  constructor(
    forms: NameForm[],
    private readonly language: HeuristicLanguage,
  ) {
    for (const form of forms) this.learnUse(form);
    for (const [cls, word] of this.titledMenWords) {
      const surnames = this.titledMenFullNames.get(`${cls}|${word}`);
      if (surnames) {
        this.givenNames.add(word);
        this.youngerSonTitles.add(`${cls}|${word}`);
        for (const surname of surnames) this.youngerSons.add(`${word} ${surname}`);
      } else {
        this.surnames.add(word);
        this.titledSurnames.add(word);
      }
    }
    for (const word of this.titledWords)
      if (!this.givenNames.has(word)) {
        this.surnames.add(word);
        this.titledSurnames.add(word);
      }
  }

  private learnUse(form: NameForm): void {
    const { honorific, tokens } = form;
    const first = tokens[0];
    const last = tokens[tokens.length - 1];
    const title = honorific ? honorificOf(honorific) : undefined;
    if (tokens.length > 1) {
      if (!this.fullNamesByGiven.has(first)) this.fullNamesByGiven.set(first, new Set());
      this.fullNamesByGiven.get(first)!.add(last);
    }
    if (!title) {
      if (tokens.length > 1) {
        this.surnames.add(last);
        this.givenNames.add(first);
      }
      return;
    }
    if (title.givenWhenKnown) {
      // "Sr. Juan López" is a given name and a surname; "señor Juan" is a surname unless the book uses the word as
      // a given name elsewhere, which is known once every form is read.
      if (tokens.length > 1) {
        this.givenNames.add(first);
        this.surnames.add(last);
      } else this.titledWords.push(first);
    } else if (title.naming === 'surname' && title.gender === 'male' && tokens.length === 1) {
      this.titledMenWords.push([title.cls, first]);
    } else if (title.naming === 'surname') {
      if (title.gender === 'male' && tokens.length > 1) {
        const key = `${title.cls}|${first}`;
        if (!this.titledMenFullNames.has(key)) this.titledMenFullNames.set(key, new Set());
        this.titledMenFullNames.get(key)!.add(last);
      }
      if (title.gender !== 'female' && tokens.length > 1) {
        const key = `${title.cls}|${last}`;
        if (!this.givenNamesOfTitledSurnames.has(key)) this.givenNamesOfTitledSurnames.set(key, new Set());
        this.givenNamesOfTitledSurnames.get(key)!.add(first);
      }
      this.surnames.add(last);
      this.titledSurnames.add(last);
      if (tokens.length > 1) this.givenNames.add(first);
    } else if (title.naming === 'given' || (title.naming === 'either' && tokens.length > 1)) {
      this.givenNames.add(first);
      if (tokens.length > 1) this.surnames.add(last);
      if (title.naming === 'given' && tokens.length === 1) {
        if (!this.givenTitleGroups.has(first)) this.givenTitleGroups.set(first, new Map());
        const groups = this.givenTitleGroups.get(first)!;
        groups.set(titleGroup(title.cls), (groups.get(titleGroup(title.cls)) ?? 0) + 1);
      }
    }
  }

  /** Several kinds of title on one given name that are kin words of one person (see kinAgree). */
  private kinOfOnePerson(given: string, groups: Map<string, number>): boolean {
    return kinAgree(groups) && (this.fullNamesByGiven.get(given)?.size ?? 0) <= 1;
  }

  /** A man the book calls by his title and given name alone ("Mr. Robert"), beside his full name. */
  isYoungerSon(fullName: string): boolean {
    return this.youngerSons.has(fullName);
  }

  /** Two or more given names written between one title and one surname ("Mr. Harold Pym", "Mr. Hugh Pym"). */
  private sharesTitledSurname(cls: string, surname: string): boolean {
    return (this.givenNamesOfTitledSurnames.get(`${cls}|${surname}`)?.size ?? 0) > 1;
  }

  /** A bare word is a surname when the book uses it as one and not as a given name (or has a titled surname). */
  readsAsSurname(token: string): boolean {
    if (!this.surnames.has(token)) return false;
    return !this.givenNames.has(token) || this.titledSurnames.has(token);
  }

  /** A word the book uses as a given name and never as a titled surname. */
  private readsAsGivenOnly(token: string): boolean {
    return this.givenNames.has(token) && !this.titledSurnames.has(token);
  }

  /**
   * "Miss Lydia" (a known given name) or "Miss Bingley" (a known surname). A word the book uses neither way follows
   * the language: English puts surnames after Miss ("Miss Parker"), Spanish and Portuguese given names ("Srta. Rosa").
   */
  private eitherReadsAsGiven(token: string): boolean {
    if (this.readsAsGivenOnly(token)) return true;
    if (this.surnames.has(token)) return false;
    return this.language !== 'en';
  }

  /** The nodes a titled or multi-word form names, most specific first; none for a bare word. */
  explicitKeys(form: NameForm): string[] {
    const { honorific, tokens } = form;
    const first = tokens[0];
    const last = tokens[tokens.length - 1];
    const full = tokens.length > 1 ? [`full|${first} ${last}`] : [];
    if (!honorific) return full;
    const title = honorificOf(honorific);
    if (!title) return full;
    if (title.givenWhenKnown) {
      // "Sr. Juan López": the full name and the titled surname; "señor Juan": the given name when the book uses
      // it as one, else a titled surname ("Sr. Gómez" and "Sra. Gómez" are two people).
      if (tokens.length > 1) return [`${title.cls}|${last}`, ...full];
      return this.readsAsGivenOnly(first) ? [`given|${first}`] : [`${title.cls}|${first}`];
    }
    switch (title.naming) {
      case 'surname':
        // A younger son: "Mr. Robert" beside "Mr. Robert Tresham" is that given name, and neither form is "Mr.
        // Tresham", his elder brother (the eldest son is called by the family name alone).
        if (title.gender === 'male' && this.youngerSonTitles.has(`${title.cls}|${first}`)) {
          if (tokens.length === 1) return [`given|${first}`];
          if (this.youngerSons.has(`${first} ${last}`)) return full;
        }
        // "Mr. Harold Pym" beside "Mr. Hugh Pym": brothers (twins, say) share the titled surname, so "Mr. Pym" is
        // either of them and neither full name names it.
        if (title.gender !== 'female' && tokens.length > 1 && this.sharesTitledSurname(title.cls, last)) return full;
        // "Mrs. Ignatius Gallaher" names her husband: only a man's title links to the full name.
        return [`${title.cls}|${last}`, ...(title.gender === 'female' ? [] : full)];
      case 'given': {
        // "Uncle Scrooge": a family name after a given-name title is read as the bare surname.
        if (tokens.length === 1 && this.readsAsSurname(first)) return [];
        if (tokens.length > 1) return full;
        // "tio João" and "D. João" in one book are two people; neither is the bare "João".
        const groups = this.givenTitleGroups.get(first);
        const group = titleGroup(title.cls);
        const apart = groups && groups.size > 1 && !isDominant(groups, group) && !this.kinOfOnePerson(first, groups);
        return [apart ? `${group}|${first}` : `given|${first}`];
      }
      case 'rank':
        // "Lord Robert St. Simon" is "Lord Robert" and "Lord St. Simon". A rank stays with its person: no full name
        // node, or "Lady Catherine de Bourgh" would take a bare "Catherine" who is someone else.
        return tokens.length > 1 ? [`${title.cls}|${first}`, `${title.cls}|${last}`] : [`${title.cls}|${first}`];
      case 'either':
        // "Miss Mary Sinico" is that full name; the bare "Mary" may be another Mary.
        if (tokens.length > 1) return full;
        return this.eitherReadsAsGiven(first) ? [`given|${first}`] : [`${title.cls}|${first}`];
    }
  }
}

/** The particles that join a Marian given name to the devotion it names ("Maria da Graça", "María del Carmen"). */
const DEVOTION_PARTICLES = new Set(['da', 'das', 'do', 'dos', 'de', 'del']);

/**
 * The devotion of a Marian compound given name, by which Portuguese and Spanish call the woman ("Maria da Graça" is
 * "dona Graça", "María del Carmen" is "Carmen"): the word after "Maria"/"María" and a particle. Whether the book
 * uses it as her given name, and not as a family name ("Maria da Silva"), is the caller's to tell.
 */
export function devotionOf(form: NameForm): string | undefined {
  if (form.tokens.length < 2 || !/^Mar[ií]a$/u.test(form.tokens[0]) || !form.display) return undefined;
  const words = form.display.split(/\s+/u);
  const at = words.indexOf(form.tokens[0]);
  return at >= 0 && DEVOTION_PARTICLES.has(words[at + 1]?.toLowerCase() ?? '') && words[at + 2] === form.tokens[1]
    ? form.tokens[1]
    : undefined;
}

/**
 * Kin words before a given name say how the speaker is related to the person ("prima Gloria" for one, "mana Gloria"
 * for another, "D. Gloria" for the narrator), so they are forms of one person when nothing says the book has two of
 * that name: at most one other kind of title ("D.", "Don", "Frei"), kin words that agree on the person's gender, and
 * at most one full name with the given name.
 */
function kinAgree(groups: Map<string, number>): boolean {
  const kinds = [...groups.keys()].map((group) => honorificClass(group));
  const kin = kinds.filter((kind) => kind?.kin);
  const genders = new Set(kin.map((kind) => kind!.gender).filter((gender) => gender !== 'unknown'));
  return kin.length > 0 && kinds.length - kin.length <= 1 && genders.size <= 1;
}

/**
 * The kind of title a name is written with nearly always ("tío Lucas" 138 times, "D. Lucas" once) is how the book
 * names that person: the bare name is them too, and the rare other kind someone else or a slip.
 */
function isDominant(groups: Map<string, number>, group: string): boolean {
  const own = groups.get(group) ?? 0;
  const others = [...groups.values()].reduce((sum, count) => sum + count, 0) - own;
  return own >= DOMINANT_TITLE_USES && own >= DOMINANT_TITLE_RATIO * others;
}

/** Don, Doña, Dom, Dona and D. are one kind of title; the others are their own kind. */
function titleGroup(cls: string): string {
  return cls === 'dona' || cls === 'd' ? 'don' : cls;
}
