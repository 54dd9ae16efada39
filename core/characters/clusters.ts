/**
 * Which name forms are one person (docs/characters.md): the merging rules over the name nodes that nameForms.ts reads
 * off each written form, and the person each bare word means. Every explicit form is a node: a titled surname
 * (`mr|Darcy`), a given name (`given|Elizabeth`, also from "Miss Lydia", "Don Julián", "D. Placida"), a rank
 * (`lady|Catherine`) or a full name (`full|Fitzwilliam Darcy`). Nodes join only on evidence:
 * - one mention holding both forms ("Mr. Fitzwilliam Darcy", "Miss Lydia Bennet");
 * - a full name and its given name, when no other full name with that given name is written where the bare name
 *   is: eight different Johns stay eight people; or when the book's only full name with that given name introduces
 *   the person in the chapter right before the given name is first written;
 * - a full name and the one titled person of its surname whose gender agrees ("Tom Kernan" and "Mr Kernan", never
 *   "Lydia Bennet" and "Mrs. Bennet", since two women are called Bennet with a title), unless that person is already
 *   written with another given name ("Sr. Miguel Prado" is not his brother "Tomás Prado");
 * - a familiar form and its full given name in the same chapter ("Lizzy", "Elizabeth");
 * - the person a tag speaks to and the name its line calls them ("“O, Mr Conroy,” said Lily to Gabriel");
 * - a name and the nickname the narration gives it ("Katherine, whom everyone called Kit").
 * A bare word is resolved per mention: a given name shared by several full names goes to the one mentioned nearest
 * (within a window), a bare surname to the one person of that family, or to its one man ("Bennet" is Mr. Bennet),
 * or to the man mentioned nearest under any of his forms; otherwise it stays unresolved or its own person.
 */
import type { SameAddressee } from './addressedInTags';
import type { Gender } from './character';
import { runsOfConsecutive, SAME_STORY_PEOPLE, sharedPeople, withoutRecurringCast } from './chapterRuns';
import type { NameForm } from './mentions';
import { BookNameUsage } from './nameForms';
import { NameNodes, type NodeFacts, type PlacedForm } from './nameNodes';
import type { Nickname } from './nicknames';
import { DIMINUTIVES, type HeuristicLanguage } from './vocabulary';

/** Characters around a mention within which a nearby full name settles an ambiguous bare name (a few pages). */
export const NEAR_WINDOW = 12_000;

export type { PlacedForm } from './nameNodes';

export type GenderOracle = (nodeKeys: string[]) => Gender;

export class PersonIndex {
  private readonly graph = new NameNodes();
  private readonly names: BookNameUsage;
  /** Per bare given name with one full name: whether each chapter's run of mentions reaches that full name. */
  private readonly linkedRuns = new Map<string, Map<number, boolean>>();
  /** Gender of each person once clustering is done; null while people may still join. */
  private genders: Map<string, Gender> | null = null;
  /** Chapters where each bare given name is written. */
  private readonly bareChapters = new Map<string, Set<number>>();
  /** Where each bare given name is written, in reading order. */
  private readonly bareOffsets = new Map<string, number[]>();
  /** Chapters where each person's explicit forms are written, once people are fixed. */
  private peopleChapters: Map<string, Set<number>> | null = null;

  /** Builds the nodes and their evidence links from every plausible form of the book. */
  constructor(
    forms: PlacedForm[],
    private readonly gender: GenderOracle,
    language: HeuristicLanguage,
    addressed: SameAddressee[] = [],
    nicknames: Nickname[] = [],
  ) {
    this.names = new BookNameUsage(
      forms.map(({ form }) => form),
      language,
    );
    for (const placed of forms) {
      const { honorific, tokens } = placed.form;
      if (honorific === null && tokens.length === 1 && !this.names.readsAsSurname(tokens[0])) {
        if (!this.bareChapters.has(tokens[0])) this.bareChapters.set(tokens[0], new Set());
        this.bareChapters.get(tokens[0])!.add(placed.chapter);
        if (!this.bareOffsets.has(tokens[0])) this.bareOffsets.set(tokens[0], []);
        this.bareOffsets.get(tokens[0])!.push(placed.at);
      }
      const keys = this.names.explicitKeys(placed.form);
      keys.forEach((key) => this.graph.touch(key, placed));
      for (let i = 1; i < keys.length; i++) this.graph.union(keys[0], keys[i]);
    }
    this.linkGivenNames();
    this.linkFamilies();
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
    if (this.names.readsAsSurname(token)) return this.resolveSurname(token, at);
    return this.resolveGiven(token, at, chapter);
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
      const candidates = this.candidatesFor(given, whole);
      if (candidates.length === 1) this.graph.union(this.graph.ensure(`given|${given}`, given), candidates[0]);
      else if (candidates.length === 0 && whole.length === 1 && this.introducedJustBefore(given, whole[0]))
        this.graph.union(this.graph.ensure(`given|${given}`, given), whole[0]);
    }
  }

  /**
   * Whether a given name and the one full name with it, never written in one chapter, are one person: the full name
   * introduces the person in the chapter right before the one where the given name is first written (never
   * before), and their titles state no opposite genders. A full name further away may be a namesake ("Mary Stuart"
   * the queen, "Mary" the maid), and a given name written before it is known apart from it.
   */
  private introducedJustBefore(given: string, full: string): boolean {
    const givenChapters = this.givenChapters(given);
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

  private candidatesFor(given: string, fulls: string[]): string[] {
    const seen = this.givenChapters(given);
    return fulls.filter((key) => [...this.graph.get(key)!.chapters].some((chapter) => seen.has(chapter)));
  }

  /** Chapters where a given name is written bare or with a given-name title ("Lizzy", "Miss Eliza"). */
  private givenChapters(given: string): Set<number> {
    return new Set([...(this.bareChapters.get(given) ?? []), ...(this.graph.get(`given|${given}`)?.chapters ?? [])]);
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
      const fullRoots = unique([...members].filter((key) => key.startsWith('full|')).map((key) => this.root(key)));
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
      const fits = (a: string, b: string) =>
        (genders.get(a) === 'unknown' || genders.get(b) === 'unknown' || genders.get(a) === genders.get(b)) &&
        [...chapters.get(a)!].some((chapter) => chapters.get(b)!.has(chapter)) &&
        this.sameGivenNames(a, b);
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
   * another surname ("Jack Power", "John Henchy").
   */
  private linkDiminutives(): void {
    const surnamesOf = (given: string) =>
      new Set([...(this.graph.fullByGiven.get(given) ?? [])].map((key) => this.graph.get(key)!.surname));
    for (const [full, shorts] of Object.entries(DIMINUTIVES)) {
      const fullChapters = this.givenChapters(full);
      if (fullChapters.size === 0) continue;
      for (const short of shorts) {
        const longSurnames = surnamesOf(full);
        const shortSurnames = surnamesOf(short);
        const different =
          longSurnames.size > 0 && shortSurnames.size > 0 && ![...shortSurnames].some((name) => longSurnames.has(name));
        if (!different && [...this.givenChapters(short)].some((chapter) => fullChapters.has(chapter)))
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
    this.linkedRuns.clear();
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
    this.linkedRuns.clear();
  }

  /** Whether every chapter where a person's bare given name is written also holds the other person. */
  private writtenOnlyWith(person: string, other: string): boolean {
    const otherChapters = new Set(
      this.members(other).flatMap((key) => [...this.graph.get(key)!.chapters, ...this.bareChaptersOfNode(key)]),
    );
    // A namesake apart from a full name (`alone|Joe`) is written wherever the bare name is.
    const bare = (key: string) => this.bareChaptersOfNode(key.replace(/^alone\|/u, 'given|'));
    return this.members(person)
      .flatMap(bare)
      .every((chapter) => otherChapters.has(chapter));
  }

  /**
   * A bare given name: the one full name with it in this chapter, else the nearest one; else the given name's own
   * person (joined to its one full name by linkGivenNames). Where the bare name's run of chapters never meets its
   * full name (another story of a collection), it is someone else of the same name.
   */
  private resolveGiven(token: string, at: number, chapter: number): string {
    const fulls = this.candidatesFor(token, [...(this.graph.fullByGiven.get(token) ?? [])]);
    const here = unique(fulls.filter((key) => this.graph.get(key)!.chapters.has(chapter)).map((key) => this.root(key)));
    if (here.length === 1) return here[0];
    if (fulls.length === 1 && !this.runReaches(token, chapter, fulls[0]))
      return this.root(this.graph.ensure(`alone|${token}`, token));
    if (fulls.length > 1) {
      const near = this.nearest(fulls, at);
      if (near !== undefined) return this.root(near);
    }
    return this.root(this.graph.ensure(`given|${token}`, token));
  }

  /**
   * Chapters where a person known by a bare given name is written (that name, its familiar forms, its titled forms)
   * form runs of consecutive chapters; a run reaches a full name when that full name's person is written in one of
   * its chapters. A story of a collection is a run of its own.
   */
  private runReaches(token: string, chapter: number, full: string): boolean {
    let runs = this.linkedRuns.get(token);
    if (!runs) {
      runs = new Map();
      const person = this.members(this.root(this.graph.ensure(`given|${token}`, token)));
      const chapters = [
        ...new Set([
          ...this.givenChapters(token),
          ...person.flatMap((key) => [...this.graph.get(key)!.chapters, ...this.bareChaptersOfNode(key)]),
        ]),
      ].sort((a, b) => a - b);
      const fullChapters = new Set(this.members(this.root(full)).flatMap((key) => [...this.graph.get(key)!.chapters]));
      const split = runsOfConsecutive(chapters);
      const reaching = split.filter((run) => run.some((seen) => fullChapters.has(seen)));
      const reachedChapters = new Set(reaching.flat());
      const own = new Set([this.root(this.graph.ensure(`given|${token}`, token)), this.root(full)]);
      for (const run of split) {
        const reaches =
          reaching.includes(run) ||
          sharedPeople(this.chaptersOfPeople(), new Set(run), reachedChapters, own) >= SAME_STORY_PEOPLE;
        for (const seen of run) runs.set(seen, reaches);
      }
      this.linkedRuns.set(token, runs);
    }
    return runs.get(chapter) ?? false;
  }

  /** Chapters where each person's explicit forms are written, once people are fixed. */
  private chaptersOfPeople(): Map<string, Set<number>> {
    if (!this.peopleChapters) {
      this.peopleChapters = new Map();
      for (const node of this.graph.all()) {
        const root = this.root(node.key);
        const seen = this.peopleChapters.get(root) ?? new Set<number>();
        for (const chapter of node.chapters) seen.add(chapter);
        this.peopleChapters.set(root, seen);
      }
      const chapterCount = new Set([...this.peopleChapters.values()].flatMap((seen) => [...seen])).size;
      this.peopleChapters = withoutRecurringCast(this.peopleChapters, chapterCount);
    }
    return this.peopleChapters;
  }

  private bareChaptersOfNode(key: string): number[] {
    return key.startsWith('given|') ? [...(this.bareChapters.get(key.slice('given|'.length)) ?? [])] : [];
  }

  /**
   * A bare family name means a man of the family: the only one, or the only one with a man's title ("Bennet" is
   * Mr. Bennet, not Mrs. or Miss Bennet), or the one mentioned nearest. A family known only through its women
   * ("Mrs. Fezziwig") has its man as a person of his own, named by the bare surname.
   */
  private resolveSurname(token: string, at: number): string | undefined {
    const members = [...(this.graph.familyOf.get(token) ?? [])];
    const men = unique(members.map((key) => this.root(key))).filter((root) => this.genderOfRoot(root) !== 'female');
    if (men.length === 0) return this.root(this.graph.ensure(`bare|${token}`, token));
    if (men.length === 1) return men[0];
    const titled = unique(members.filter((key) => this.graph.get(key)!.maleSurnameTitle).map((key) => this.root(key)));
    if (titled.length === 1) return titled[0];
    // Any form of each man counts, not only those with the surname: "preguntó don Ramón" right before "dijo Ortega".
    const near = this.nearest(
      men.flatMap((root) => this.members(root)),
      at,
    );
    return near === undefined ? undefined : this.root(near);
  }

  /** The node mentioned closest to `at`, within NEAR_WINDOW; undefined if none or if two people tie. */
  private nearest(keys: string[], at: number): string | undefined {
    let best: string | undefined;
    let bestDistance = NEAR_WINDOW + 1;
    let tie = false;
    for (const key of keys) {
      const distance = Math.min(
        closestDistance(this.graph.get(key)?.offsets ?? [], at),
        // A man's bare given name ("asked Luke") places him too, when it is his alone (no namesake apart).
        key.startsWith('given|') && !this.graph.has(`alone|${key.slice('given|'.length)}`)
          ? closestDistance(this.bareOffsets.get(key.slice('given|'.length)) ?? [], at)
          : Number.POSITIVE_INFINITY,
      );
      if (distance < bestDistance) {
        best = key;
        bestDistance = distance;
        tie = false;
      } else if (distance === bestDistance && best !== undefined && this.root(best) !== this.root(key)) tie = true;
    }
    return tie ? undefined : best;
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

/** Offsets are added in reading order, so they are sorted: binary search for the closest. */
function closestDistance(offsets: number[], at: number): number {
  if (offsets.length === 0) return Number.POSITIVE_INFINITY;
  let low = 0;
  let high = offsets.length - 1;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (offsets[mid] < at) low = mid + 1;
    else high = mid;
  }
  const candidates = [offsets[low], offsets[low - 1]].filter((value) => value !== undefined);
  return Math.min(...candidates.map((value) => Math.abs(value - at)));
}
