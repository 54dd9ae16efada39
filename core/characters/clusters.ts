/**
 * Which name forms are one person (docs/characters.md). Every explicit form is a node: a titled surname
 * (`mr|Darcy`), a given name (`given|Elizabeth`, also from "Miss Lydia", "Don Julián", "D. Placida"), a rank
 * (`lady|Catherine`) or a full name (`full|Fitzwilliam Darcy`). Nodes join only on evidence:
 * - one mention holding both forms ("Mr. Fitzwilliam Darcy", "Miss Lydia Bennet");
 * - a full name and its given name, when no other full name with that given name is written where the bare name
 *   is: eight different Johns stay eight people;
 * - a full name and the one titled person of its surname whose gender agrees ("Tom Kernan" and "Mr Kernan", never
 *   "Lydia Bennet" and "Mrs. Bennet", since two women are called Bennet with a title);
 * - a familiar form and its full given name in the same chapter ("Lizzy", "Elizabeth").
 * A bare word is resolved per mention: a given name shared by several full names goes to the one mentioned nearest
 * (within a window), a bare surname to the one person of that family, or to its one man ("Bennet" is Mr. Bennet),
 * or to the family member mentioned nearest; otherwise it stays unresolved or its own person.
 */
import type { Gender } from './character';
import { honorificClass, honorificOf } from './honorifics';
import type { NameForm } from './mentions';
import { DIMINUTIVES } from './vocabulary';

/** Characters around a mention within which a nearby full name settles an ambiguous bare name (a few pages). */
export const NEAR_WINDOW = 12_000;

export interface PlacedForm {
  form: NameForm;
  /** Offset in the whole book (chapters laid end to end). */
  at: number;
  chapter: number;
}

interface NodeFacts {
  key: string;
  /** The gender the node's title states, or unknown. */
  titleGender: Gender;
  /** A family name node: titled surname or rank with a surname. */
  surname: string | null;
  given: string | null;
  offsets: number[];
  chapters: Set<number>;
  /** Titles written with this node's mentions ("Miss Eliza Bennet" makes the full name a woman's). */
  titleVotes: { female: number; male: number };
  /** Node of a man's surname title (Mr, Colonel, Sr.): a bare surname means him. */
  maleSurnameTitle: boolean;
}

export type GenderOracle = (nodeKeys: string[]) => Gender;

export class PersonIndex {
  private readonly nodes = new Map<string, NodeFacts>();
  private readonly parent = new Map<string, string>();
  private readonly surnames = new Set<string>();
  private readonly titledSurnames = new Set<string>();
  private readonly givenNames = new Set<string>();
  private readonly fullByGiven = new Map<string, Set<string>>();
  private readonly familyOf = new Map<string, Set<string>>();
  /** Chapters where each bare given name is written. */
  private readonly bareChapters = new Map<string, Set<number>>();

  /** Builds the nodes and their evidence links from every plausible form of the book. */
  constructor(
    forms: PlacedForm[],
    private readonly gender: GenderOracle,
  ) {
    for (const { form } of forms) this.learnUse(form);
    for (const placed of forms) {
      const { honorific, tokens } = placed.form;
      if (honorific === null && tokens.length === 1 && !this.readsAsSurname(tokens[0])) {
        if (!this.bareChapters.has(tokens[0])) this.bareChapters.set(tokens[0], new Set());
        this.bareChapters.get(tokens[0])!.add(placed.chapter);
      }
      const keys = this.explicitKeys(placed.form);
      keys.forEach((key) => this.touch(key, placed));
      for (let i = 1; i < keys.length; i++) this.union(keys[0], keys[i]);
    }
    this.linkGivenNames();
    this.linkFamilies();
    this.linkDiminutives();
  }

  /** The person (root node key) a mention refers to, or undefined when it cannot be told. */
  resolve(form: NameForm, at: number, chapter: number): string | undefined {
    const keys = this.explicitKeys(form);
    if (keys.length > 0) return this.root(keys[0]);
    const token = form.tokens[0];
    if (this.readsAsSurname(token)) return this.resolveSurname(token, at);
    return this.resolveGiven(token, at, chapter);
  }

  /** A one-word form read as a family name ("Darcy"): its person is better named by a fuller form. */
  isBareSurname(form: NameForm): boolean {
    return form.honorific === null && form.tokens.length === 1 && this.readsAsSurname(form.tokens[0]);
  }

  root(key: string): string {
    let current = key;
    while (this.parent.has(current) && this.parent.get(current) !== current) current = this.parent.get(current)!;
    return current;
  }

  /** Every node key joined into the same person as `key`. */
  members(rootKey: string): string[] {
    return [...this.nodes.keys()].filter((key) => this.root(key) === rootKey);
  }

  private learnUse(form: NameForm): void {
    const { honorific, tokens } = form;
    const first = tokens[0];
    const last = tokens[tokens.length - 1];
    const title = honorific ? honorificOf(honorific) : undefined;
    if (!title) {
      if (tokens.length > 1) {
        this.surnames.add(last);
        this.givenNames.add(first);
      }
      return;
    }
    if (title.naming === 'surname') {
      this.surnames.add(last);
      this.titledSurnames.add(last);
      if (tokens.length > 1) this.givenNames.add(first);
    } else if (title.naming === 'given' || (title.naming === 'either' && tokens.length > 1)) {
      this.givenNames.add(first);
      if (tokens.length > 1) this.surnames.add(last);
    }
  }

  /** A bare word is a surname when the book uses it as one and not as a given name (or has a titled surname). */
  private readsAsSurname(token: string): boolean {
    if (!this.surnames.has(token)) return false;
    return !this.givenNames.has(token) || this.titledSurnames.has(token);
  }

  /** The nodes a titled or multi-word form names, most specific first; none for a bare word. */
  private explicitKeys(form: NameForm): string[] {
    const { honorific, tokens } = form;
    const first = tokens[0];
    const last = tokens[tokens.length - 1];
    const full = tokens.length > 1 ? [`full|${first} ${last}`] : [];
    if (!honorific) return full;
    const title = honorificOf(honorific);
    if (!title) return full;
    switch (title.naming) {
      case 'surname':
        // "Mrs. Ignatius Gallaher" names her husband: only a man's title links to the full name.
        return [`${title.cls}|${last}`, ...(title.gender === 'female' ? [] : full)];
      case 'given':
        // "Uncle Scrooge": a family name after a given-name title is read as the bare surname.
        if (tokens.length === 1 && this.readsAsSurname(first)) return [];
        return tokens.length === 1 ? [`given|${first}`] : full;
      case 'rank':
        return [`${title.cls}|${first}`];
      case 'either':
        // "Miss Mary Sinico" is that full name; the bare "Mary" may be another Mary.
        if (tokens.length > 1) return full;
        return this.readsAsSurname(first) ? [`${title.cls}|${first}`] : [`given|${first}`];
    }
  }

  private touch(key: string, placed: PlacedForm): void {
    let node = this.nodes.get(key);
    if (!node) {
      const [kind, name] = [key.slice(0, key.indexOf('|')), key.slice(key.indexOf('|') + 1)];
      const title = kind === 'full' || kind === 'given' ? undefined : honorificClass(kind);
      node = {
        key,
        titleGender: kind === 'given' || kind === 'full' ? 'unknown' : (title?.gender ?? 'unknown'),
        surname: kind === 'full' ? name.split(' ').pop()! : kind === 'given' ? null : name,
        given: kind === 'full' ? name.split(' ')[0] : kind === 'given' ? name : null,
        offsets: [],
        chapters: new Set(),
        titleVotes: { female: 0, male: 0 },
        maleSurnameTitle: title?.naming === 'surname' && title.gender === 'male',
      };
      this.nodes.set(key, node);
      this.parent.set(key, key);
      if (kind === 'full') {
        if (!this.fullByGiven.has(node.given!)) this.fullByGiven.set(node.given!, new Set());
        this.fullByGiven.get(node.given!)!.add(key);
      }
      if (node.surname !== null) {
        if (!this.familyOf.has(node.surname)) this.familyOf.set(node.surname, new Set());
        this.familyOf.get(node.surname)!.add(key);
      }
    }
    node.offsets.push(placed.at);
    node.chapters.add(placed.chapter);
    const gender = placed.form.honorific ? honorificOf(placed.form.honorific)?.gender : undefined;
    if (gender === 'female') node.titleVotes.female++;
    if (gender === 'male') node.titleVotes.male++;
  }

  /** Titles decide; without any, the pronoun and article votes the caller counted. */
  private genderOfRoot(root: string): Gender {
    const keys = this.members(root);
    let female = 0;
    let male = 0;
    for (const key of keys) {
      female += this.nodes.get(key)!.titleVotes.female;
      male += this.nodes.get(key)!.titleVotes.male;
    }
    if (female !== male) return female > male ? 'female' : 'male';
    return this.gender(keys);
  }

  private ensureNode(key: string, name: string): string {
    if (!this.nodes.has(key)) {
      this.nodes.set(key, {
        key,
        titleGender: 'unknown',
        surname: null,
        given: name,
        offsets: [],
        chapters: new Set(),
        titleVotes: { female: 0, male: 0 },
        maleSurnameTitle: false,
      });
      this.parent.set(key, key);
    }
    return key;
  }

  private union(a: string, b: string): void {
    const rootA = this.root(a);
    const rootB = this.root(b);
    if (rootA === rootB) return;
    const [keep, join] = rootA < rootB ? [rootA, rootB] : [rootB, rootA];
    this.parent.set(join, keep);
  }

  /**
   * A bare given name belongs to a full name when that is the only full name with this given name written in a
   * chapter where the bare name is too ("Jane" and "Miss Jane Bennet", not the author "Jane Austen" of the title
   * page). With several such full names the bare name is ambiguous and is resolved per mention.
   */
  private linkGivenNames(): void {
    for (const [given, fulls] of this.fullByGiven) {
      const candidates = this.candidatesFor(given, [...fulls]);
      if (candidates.length === 1) this.union(this.ensureNode(`given|${given}`, given), candidates[0]);
    }
  }

  private candidatesFor(given: string, fulls: string[]): string[] {
    const seen = this.givenChapters(given);
    return fulls.filter((key) => [...this.nodes.get(key)!.chapters].some((chapter) => seen.has(chapter)));
  }

  /** Chapters where a given name is written bare or with a given-name title ("Lizzy", "Miss Eliza"). */
  private givenChapters(given: string): Set<number> {
    return new Set([...(this.bareChapters.get(given) ?? []), ...(this.nodes.get(`given|${given}`)?.chapters ?? [])]);
  }

  /**
   * A full name joins the titled person of its surname when each is the other's only match of compatible gender:
   * "Tom Kernan" and "Mr Kernan", but not "Bob Cratchit" and "Peter Cratchit" both with "Mr. Cratchit".
   */
  private linkFamilies(): void {
    for (const members of this.familyOf.values()) {
      // A married woman's title ("Mrs. Mooney") is never inferred from a full name: it may be her daughter's.
      const titledRoots = unique(
        [...members].filter((key) => !key.startsWith('full|') && !key.startsWith('mrs|')).map((key) => this.root(key)),
      );
      const fullRoots = unique([...members].filter((key) => key.startsWith('full|')).map((key) => this.root(key)));
      if (titledRoots.length === 0) continue;
      const genders = new Map([...titledRoots, ...fullRoots].map((root) => [root, this.genderOfRoot(root)]));
      const fits = (a: string, b: string) =>
        genders.get(a) === 'unknown' || genders.get(b) === 'unknown' || genders.get(a) === genders.get(b);
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
      for (const [full, titled] of links) this.union(full, titled);
    }
  }

  private linkDiminutives(): void {
    for (const [full, shorts] of Object.entries(DIMINUTIVES)) {
      const fullChapters = this.givenChapters(full);
      if (fullChapters.size === 0) continue;
      for (const short of shorts) {
        if ([...this.givenChapters(short)].some((chapter) => fullChapters.has(chapter)))
          this.union(this.ensureNode(`given|${full}`, full), this.ensureNode(`given|${short}`, short));
      }
    }
  }

  /**
   * A bare given name: the one full name with it in this chapter, else the nearest one; else the given name's own
   * person (joined to its owning full name by linkGivenNames).
   */
  private resolveGiven(token: string, at: number, chapter: number): string {
    const fulls = this.candidatesFor(token, [...(this.fullByGiven.get(token) ?? [])]);
    const here = unique(fulls.filter((key) => this.nodes.get(key)!.chapters.has(chapter)).map((key) => this.root(key)));
    if (here.length === 1) return here[0];
    if (fulls.length > 1) {
      const near = this.nearest(fulls, at);
      if (near !== undefined) return this.root(near);
    }
    return this.root(this.ensureNode(`given|${token}`, token));
  }

  /**
   * A bare family name means a man of the family: the only one, or the only one with a man's title ("Bennet" is
   * Mr. Bennet, not Mrs. or Miss Bennet), or the one mentioned nearest. A family known only through its women
   * ("Mrs. Fezziwig") has its man as a person of his own, named by the bare surname.
   */
  private resolveSurname(token: string, at: number): string | undefined {
    const members = [...(this.familyOf.get(token) ?? [])];
    const men = unique(members.map((key) => this.root(key))).filter((root) => this.genderOfRoot(root) !== 'female');
    if (men.length === 0) return this.root(this.ensureNode(`bare|${token}`, token));
    if (men.length === 1) return men[0];
    const titled = unique(members.filter((key) => this.nodes.get(key)!.maleSurnameTitle).map((key) => this.root(key)));
    if (titled.length === 1) return titled[0];
    const near = this.nearest(
      members.filter((key) => men.includes(this.root(key))),
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
      const distance = closestDistance(this.nodes.get(key)?.offsets ?? [], at);
      if (distance < bestDistance) {
        best = key;
        bestDistance = distance;
        tie = false;
      } else if (distance === bestDistance && best !== undefined && this.root(best) !== this.root(key)) tie = true;
    }
    return tie ? undefined : best;
  }
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
