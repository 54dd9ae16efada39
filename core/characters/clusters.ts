/**
 * Which name forms are one person (docs/characters.md): the merging rules over the name nodes that nameForms.ts reads
 * off each written form, and the person each bare word means. Every explicit form is a node: a titled surname
 * (`mr|Darcy`), a given name (`given|Elizabeth`, also from "Miss Lydia", "Don Julián", "D. Placida"), a rank
 * (`lady|Catherine`) or a full name (`full|Fitzwilliam Darcy`). Nodes join only on evidence:
 * - one mention holding both forms ("Mr. Fitzwilliam Darcy", "Miss Lydia Bennet");
 * - a full name and its given name, when no other full name with that given name is written where the bare name
 *   is: eight different Johns stay eight people; or when the book's only full name with that given name introduces
 *   the person in the chapter right before the given name is first written;
 * - "Miss <surname>" and the one sister of that surname never called "Miss <given name>", the eldest
 *   (eldestDaughter.ts);
 * - a full name and the one titled person of its surname whose gender agrees ("Tom Kernan" and "Mr Kernan", never
 *   "Lydia Bennet" and "Mrs. Bennet", since two women are called Bennet with a title), unless that person is already
 *   written with another given name ("Sr. Miguel Prado" is not his brother "Tomás Prado");
 * - a familiar form and its full given name in the same chapter ("Lizzy", "Elizabeth"), unless the text shows two
 *   people (familiarForms.ts);
 * - the person a tag speaks to and the name its line calls them ("“O, Mr Conroy,” said Lily to Gabriel");
 * - a name and the nickname the narration gives it ("Katherine, whom everyone called Kit").
 * A bare word is resolved per mention (bareNames.ts).
 */
import type { SameAddressee } from './addressedInTags';
import { BareNames } from './bareNames';
import type { Gender } from './character';
import type { NameForm } from './mentions';
import { eldestDaughterLinks } from './eldestDaughter';
import { honorificOf } from './honorifics';
import { BookNameUsage, devotionOf } from './nameForms';
import { NameNodes, type NodeFacts, type PlacedForm } from './nameNodes';
import { pairKey } from './familiarForms';
import type { KinSpokenOf } from './kinSpokenOf';
import type { Nickname } from './nicknames';
import { DIMINUTIVES, type HeuristicLanguage } from './vocabulary';

export type { PlacedForm } from './nameNodes';

export type GenderOracle = (nodeKeys: string[]) => Gender;

export class PersonIndex {
  private readonly graph = new NameNodes();
  private readonly names: BookNameUsage;
  /** Gender of each person once clustering is done; null while people may still join. */
  private genders: Map<string, Gender> | null = null;
  /** Where bare given names are written, and the person a bare word of one mention means. */
  private readonly bare = new BareNames(this.graph, (root) => this.genderOfRoot(root));

  /** Builds the nodes and their evidence links from every plausible form of the book. */
  constructor(
    forms: PlacedForm[],
    private readonly gender: GenderOracle,
    language: HeuristicLanguage,
    addressed: SameAddressee[] = [],
    nicknames: Nickname[] = [],
    private readonly kinOfSpeakers: KinSpokenOf[] = [],
    private readonly familiarApart: ReadonlySet<string> = new Set(),
  ) {
    this.names = new BookNameUsage(
      forms.map(({ form }) => form),
      language,
    );
    const givenWithMiss = new Set<string>();
    for (const placed of forms) {
      const { honorific, tokens } = placed.form;
      if (honorific === null && tokens.length === 1 && !this.names.readsAsSurname(tokens[0])) {
        this.bare.add(tokens[0], placed);
      }
      const keys = this.names.explicitKeys(placed.form);
      if (honorific && honorificOf(honorific)?.cls === 'miss' && keys[0]?.startsWith('given|'))
        givenWithMiss.add(tokens[0]);
      keys.forEach((key) => this.graph.touch(key, placed));
      for (let i = 1; i < keys.length; i++) this.graph.union(keys[0], keys[i]);
    }
    if (language !== 'en') this.linkDevotions(forms);
    this.linkGivenNames();
    this.linkFamilies();
    for (const [miss, eldest] of eldestDaughterLinks(this.graph, givenWithMiss)) this.graph.union(miss, eldest);
    this.linkDiminutives();
    this.linkAddressed(addressed);
    this.linkNicknames(nicknames);
    // People are fixed from here on (later nodes only ever start people of their own): genders can be remembered.
    this.genders = new Map();
  }

  /** The person (root node key) a mention refers to, or undefined when it cannot be told. */
  resolve(form: NameForm, at: number, chapter: number): string | undefined {
    const keys = this.names.explicitKeys(form);
    if (keys.length > 0) return this.root(keys[0]);
    const token = form.tokens[0];
    if (this.names.readsAsSurname(token)) return this.bare.resolveSurname(token, at);
    return this.bare.resolveGiven(token, at, chapter);
  }

  root(key: string): string {
    return this.graph.root(key);
  }

  /** Every node key joined into the same person as `key`. */
  members(rootKey: string): string[] {
    return this.graph.members(rootKey);
  }

  /** A one-word form read as a family name ("Darcy"): its person is better named by a fuller form. */
  isBareSurname(form: NameForm): boolean {
    return form.honorific === null && form.tokens.length === 1 && this.names.readsAsSurname(form.tokens[0]);
  }

  /**
   * Titles decide; without any, the pronoun and article votes the caller counted. `ownFormsOnly` leaves out the
   * votes of bare given names, which other people of the same name share.
   */
  private genderOfRoot(root: string, ownFormsOnly = false): Gender {
    const remembered = ownFormsOnly ? undefined : this.genders?.get(root);
    if (remembered) return remembered;
    const gender = this.computeGender(root, ownFormsOnly);
    if (!ownFormsOnly) this.genders?.set(root, gender);
    return gender;
  }

  private computeGender(root: string, ownFormsOnly: boolean): Gender {
    const keys = this.members(root);
    let female = 0;
    let male = 0;
    for (const key of keys) {
      female += this.graph.get(key)!.titleVotes.female;
      male += this.graph.get(key)!.titleVotes.male;
    }
    if (female !== male) return female > male ? 'female' : 'male';
    return this.gender(ownFormsOnly ? keys.filter((key) => !this.isSharedGivenName(key)) : keys);
  }

  /** A given name several people bear (several full names, or a namesake elsewhere in the book). */
  private isSharedGivenName(key: string): boolean {
    if (!key.startsWith('given|')) return false;
    const given = key.slice('given|'.length);
    return (this.graph.fullByGiven.get(given)?.size ?? 0) > 1 || this.graph.has(`alone|${given}`);
  }

  /**
   * A bare given name belongs to a full name when that is the only full name with this given name written in a
   * chapter where the bare name is too ("Jane" and "Miss Jane Bennet", not the author "Jane Austen" of the title
   * page). With several such full names the bare name is ambiguous and is resolved per mention. A full name never
   * written in a chapter with its given name is still that person when it is the book's only full name with that
   * given name and introduces the person right before the given name is first written (`introducedJustBefore`):
   * "…se llamaba Doña Mercedes Carrillo de Albornoz." ends a chapter, "Doña Mercedes" speaks in the next.
   */
  private linkGivenNames(): void {
    for (const [given, fulls] of this.graph.fullByGiven) {
      const whole = [...fulls].filter((key) => !this.joinTruncation(key, fulls));
      const candidates = this.bare.candidatesFor(given, whole);
      if (candidates.length === 1) this.graph.union(this.graph.ensure(`given|${given}`, given), candidates[0]);
      else if (candidates.length === 0 && whole.length === 1 && this.introducedJustBefore(given, whole[0]))
        this.graph.union(this.graph.ensure(`given|${given}`, given), whole[0]);
    }
  }

  /**
   * "Maria da Graça" joins "dona Graça": the devotion of a Marian given name is the woman's given name where the book
   * writes it as one under a title of a woman and never under a man's ("Maria da Silva" beside "o Silva" joins
   * nobody).
   */
  private linkDevotions(forms: PlacedForm[]): void {
    for (const { form } of forms) {
      const devotion = devotionOf(form);
      const given = devotion && this.graph.get(`given|${devotion}`);
      if (!given || given.titleVotes.female === 0 || given.titleVotes.male > 0) continue;
      const full = this.names.explicitKeys(form)[0];
      if (full && !this.names.readsAsSurname(devotion)) this.graph.union(full, `given|${devotion}`);
    }
  }

  /**
   * Whether a given name and the one full name with it, never written in one chapter, are one person: the full name
   * introduces the person in the chapter right before the one where the given name is first written (never
   * before), and their titles state no opposite genders. A full name further away may be a namesake ("Mary Stuart"
   * the queen, "Mary" the maid), and a given name written before it is known apart from it.
   */
  private introducedJustBefore(given: string, full: string): boolean {
    const givenChapters = this.bare.givenChapters(given);
    if (givenChapters.size === 0) return false;
    const fullKeys = this.members(this.root(full));
    const fullChapters = new Set(fullKeys.flatMap((key) => [...this.graph.get(key)!.chapters]));
    if (!fullChapters.has(Math.min(...givenChapters) - 1)) return false;
    const givenNode = this.graph.get(`given|${given}`);
    const womanOrMan = (nodes: NodeFacts[]) =>
      Math.sign(nodes.reduce((sum, node) => sum + node.titleVotes.female - node.titleVotes.male, 0));
    return womanOrMan(givenNode ? [givenNode] : []) * womanOrMan(fullKeys.map((key) => this.graph.get(key)!)) >= 0;
  }

  /**
   * A full name written once whose surname begins exactly one other full name's surname of the same given name is
   * that name cut short (a word broken at a line's end, a verse cut off: "Dulcinea del Tobo-"): it joins it.
   */
  private joinTruncation(key: string, fulls: Set<string>): boolean {
    const node = this.graph.get(key)!;
    if (node.offsets.length !== 1) return false;
    const longer = [...fulls].filter((other) => {
      const surname = this.graph.get(other)!.surname!;
      return other !== key && surname.length > node.surname!.length && surname.startsWith(node.surname!);
    });
    if (longer.length !== 1) return false;
    this.graph.union(longer[0], key);
    return true;
  }

  /**
   * A full name joins the titled person of its surname when each is the other's only match of compatible gender:
   * "Tom Kernan" and "Mr Kernan", but not "Bob Cratchit" and "Peter Cratchit" both with "Mr. Cratchit".
   */
  private linkFamilies(): void {
    for (const members of this.graph.familyOf.values()) {
      // A married woman's title ("Mrs. Mooney") is never inferred from a full name: it may be her daughter's.
      const titledRoots = unique(
        [...members].filter((key) => !key.startsWith('full|') && !key.startsWith('mrs|')).map((key) => this.root(key)),
      );
      // A younger son ("Mr. Robert" beside "Mr. Robert Tresham") is never "Mr. Tresham", his elder brother.
      const fullRoots = unique(
        [...members].filter((key) => key.startsWith('full|')).map((key) => this.root(key)),
      ).filter((root) => !this.members(root).some((key) => this.names.isYoungerSon(key.slice('full|'.length))));
      if (titledRoots.length === 0) continue;
      const genders = new Map([...titledRoots, ...fullRoots].map((root) => [root, this.genderOfRoot(root, true)]));
      const chapters = new Map(
        [...titledRoots, ...fullRoots].map((root) => [
          root,
          new Set(this.members(root).flatMap((key) => [...this.graph.get(key)!.chapters])),
        ]),
      );
      // Only a full name written in a chapter where the titled person is can be that person, and only when the
      // titled person has no full name of another given name already ("Sr. Miguel Prado" is not "Tomás Prado").
      // Nor a full name whose given name the titled person calls a relative by ("my brother Walter", said Mr.
      // Whitcomb: Mr. Whitcomb is no Walter).
      const fits = (a: string, b: string) =>
        (genders.get(a) === 'unknown' || genders.get(b) === 'unknown' || genders.get(a) === genders.get(b)) &&
        [...chapters.get(a)!].some((chapter) => chapters.get(b)!.has(chapter)) &&
        this.sameGivenNames(a, b) &&
        !this.namesOwnKin(b, a);
      const links: [string, string][] = [];
      for (const full of fullRoots.filter((root) => !titledRoots.includes(root))) {
        const matches = titledRoots.filter((titled) => fits(full, titled));
        if (matches.length !== 1) continue;
        if (genders.get(full) === 'unknown' && titledRoots.length > 1) continue;
        const rivals = fullRoots.filter(
          (other) => other !== full && !titledRoots.includes(other) && fits(other, matches[0]),
        );
        if (rivals.length === 0) links.push([full, matches[0]]);
      }
      for (const [full, titled] of links) this.graph.union(full, titled);
    }
  }

  /** Whether the titled person calls a relative by a given name of the full name's person ("my brother Walter"). */
  private namesOwnKin(titled: string, full: string): boolean {
    const givens = new Set(
      this.members(full)
        .filter((key) => key.startsWith('full|'))
        .map((key) => this.graph.get(key)!.given!),
    );
    return this.kinOfSpeakers.some(({ speaker, given }) => {
      const keys = this.names.explicitKeys(speaker);
      return keys.length > 0 && this.graph.has(keys[0]) && this.root(keys[0]) === titled && givens.has(given);
    });
  }

  /**
   * Whether two people's full names agree on the given name (or either has none): one person has one given name, or
   * its familiar form ("William", "Bill"), so a man already written "Miguel Prado" is not his brother "Tomás Prado".
   */
  private sameGivenNames(a: string, b: string): boolean {
    const givens = (root: string) =>
      new Set(
        this.members(root)
          .filter((key) => key.startsWith('full|'))
          .map((key) => this.graph.get(key)!.given!),
      );
    const [one, other] = [givens(a), givens(b)];
    if (one.size === 0 || other.size === 0) return true;
    return [...one].some((given) => [...other].some((name) => sameGivenName(given, name)));
  }

  /**
   * "Lizzy" and "Elizabeth" written in one chapter are one person, unless each has a full name of its own with
   * another surname ("Jack Power", "John Henchy") or the text shows two people (familiarForms.ts).
   */
  private linkDiminutives(): void {
    const surnamesOf = (given: string) =>
      new Set([...(this.graph.fullByGiven.get(given) ?? [])].map((key) => this.graph.get(key)!.surname));
    for (const [full, shorts] of Object.entries(DIMINUTIVES)) {
      const fullChapters = this.bare.givenChapters(full);
      if (fullChapters.size === 0) continue;
      for (const short of shorts) {
        const longSurnames = surnamesOf(full);
        const shortSurnames = surnamesOf(short);
        const different =
          longSurnames.size > 0 && shortSurnames.size > 0 && ![...shortSurnames].some((name) => longSurnames.has(name));
        if (this.familiarApart.has(pairKey(full, short))) continue;
        if (!different && [...this.bare.givenChapters(short)].some((chapter) => fullChapters.has(chapter)))
          this.graph.union(this.graph.ensure(`given|${full}`, full), this.graph.ensure(`given|${short}`, short));
      }
    }
  }

  /**
   * The person a tag speaks to and the one other name its lines call them by ("“O, Mr Conroy,” said Lily to
   * Gabriel") are one person, when no such pairing joins either of them to anyone else, no title or pronoun says
   * they differ in gender, and neither is a bare given name written in a chapter without the other (a namesake of
   * another story).
   */
  private linkAddressed(pairs: SameAddressee[]): void {
    const partners = new Map<string, Set<string>>();
    const joined: [string, string][] = [];
    for (const { addressee, vocative, speaker } of pairs) {
      const [spoken, called, saying] = [addressee, vocative, speaker].map((placed) =>
        this.resolve(placed.form, placed.at, placed.chapter),
      );
      if (spoken === undefined || called === undefined || spoken === called) continue;
      if (saying === spoken || saying === called) continue;
      joined.push([spoken, called]);
      for (const [one, other] of [
        [spoken, called],
        [called, spoken],
      ]) {
        if (!partners.has(one)) partners.set(one, new Set());
        partners.get(one)!.add(other);
      }
    }
    for (const [spoken, called] of joined) {
      if (partners.get(spoken)!.size > 1 || partners.get(called)!.size > 1) continue;
      const genders = [this.genderOfRoot(spoken, true), this.genderOfRoot(called, true)];
      if (!genders.includes('unknown') && genders[0] !== genders[1]) continue;
      if (!this.writtenOnlyWith(spoken, called) || !this.writtenOnlyWith(called, spoken)) continue;
      this.graph.union(spoken, called);
    }
    this.bare.forgetRuns();
  }

  /**
   * A name and the nickname the narration gives it ("Katherine, whom everyone called Kit") are one person, when each
   * is given no other nickname or name that way and no title or pronoun says they differ in gender.
   */
  private linkNicknames(pairs: Nickname[]): void {
    const resolved = pairs.flatMap(({ name, nickname }) => {
      const [one, other] = [name, nickname].map((placed) => this.resolve(placed.form, placed.at, placed.chapter));
      return one === undefined || other === undefined || one === other ? [] : [[one, other] as const];
    });
    const partners = new Map<string, Set<string>>();
    for (const [one, other] of resolved)
      for (const [from, to] of [
        [one, other],
        [other, one],
      ]) {
        if (!partners.has(from)) partners.set(from, new Set());
        partners.get(from)!.add(to);
      }
    for (const [one, other] of resolved) {
      if (partners.get(one)!.size > 1 || partners.get(other)!.size > 1) continue;
      const genders = [this.genderOfRoot(one, true), this.genderOfRoot(other, true)];
      if (!genders.includes('unknown') && genders[0] !== genders[1]) continue;
      this.graph.union(one, other);
    }
    this.bare.forgetRuns();
  }

  /** Whether every chapter where a person's bare given name is written also holds the other person. */
  private writtenOnlyWith(person: string, other: string): boolean {
    const otherChapters = new Set(
      this.members(other).flatMap((key) => [...this.graph.get(key)!.chapters, ...this.bare.chaptersOfNode(key)]),
    );
    // A namesake apart from a full name (`alone|Joe`) is written wherever the bare name is.
    const bare = (key: string) => this.bare.chaptersOfNode(key.replace(/^alone\|/u, 'given|'));
    return this.members(person)
      .flatMap(bare)
      .every((chapter) => otherChapters.has(chapter));
  }
}

/** A given name and itself or one of its familiar forms ("Thomas", "Tom"). */
function sameGivenName(one: string, other: string): boolean {
  if (one === other) return true;
  return (DIMINUTIVES[one] ?? []).includes(other) || (DIMINUTIVES[other] ?? []).includes(one);
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}
