/**
 * Which person a bare word of one mention means (docs/characters.md), once clusters.ts has joined the name nodes into
 * people: a given name shared by several full names goes to the one mentioned nearest (within a window), a bare
 * surname to the one person of that family, or to its one man ("Bennet" is Mr. Bennet), or to the man mentioned
 * nearest under any of his forms; otherwise it stays unresolved or its own person. Also where each bare given name
 * is written, which the joining rules read too.
 */
import type { Gender } from './character';
import { runsOfConsecutive, SAME_STORY_PEOPLE, sharedPeople, withoutRecurringCast } from './chapterRuns';
import type { NameNodes, PlacedForm } from './nameNodes';
import { unique } from './tally';

/** Characters around a mention within which a nearby full name settles an ambiguous bare name (a few pages). */
export const NEAR_WINDOW = 12_000;

export class BareNames {
  /** Per bare given name with one full name: whether each chapter's run of mentions reaches that full name. */
  private readonly linkedRuns = new Map<string, Map<number, boolean>>();
  /** Chapters where each bare given name is written. */
  private readonly bareChapters = new Map<string, Set<number>>();
  /** Where each bare given name is written, in reading order. */
  private readonly bareOffsets = new Map<string, number[]>();
  /** Chapters where each person's explicit forms are written, once people are fixed. */
  private peopleChapters: Map<string, Set<number>> | null = null;

  /** `genderOfRoot`: a person's gender as the joining rules read it. */
  constructor(
    private readonly graph: NameNodes,
    private readonly genderOfRoot: (root: string) => Gender,
  ) {}

  /** A bare given name written at this place. */
  add(token: string, placed: PlacedForm): void {
    if (!this.bareChapters.has(token)) this.bareChapters.set(token, new Set());
    this.bareChapters.get(token)!.add(placed.chapter);
    if (!this.bareOffsets.has(token)) this.bareOffsets.set(token, []);
    this.bareOffsets.get(token)!.push(placed.at);
  }

  /** People joined since: which runs reach which full name is read afresh. */
  forgetRuns(): void {
    this.linkedRuns.clear();
  }

  /** Those of the full names written in a chapter where the given name is written. */
  candidatesFor(given: string, fulls: string[]): string[] {
    const seen = this.givenChapters(given);
    return fulls.filter((key) => [...this.graph.get(key)!.chapters].some((chapter) => seen.has(chapter)));
  }

  /** Chapters where a given name is written bare or with a given-name title ("Lizzy", "Miss Eliza"). */
  givenChapters(given: string): Set<number> {
    return new Set([...(this.bareChapters.get(given) ?? []), ...(this.graph.get(`given|${given}`)?.chapters ?? [])]);
  }

  /** Chapters where a node's bare given name is written (none for other nodes). */
  chaptersOfNode(key: string): number[] {
    return key.startsWith('given|') ? [...(this.bareChapters.get(key.slice('given|'.length)) ?? [])] : [];
  }

  /**
   * A bare given name: the one full name with it in this chapter, else the nearest one; else the given name's own
   * person (joined to its one full name by linkGivenNames). Where the bare name's run of chapters never meets its
   * full name (another story of a collection), it is someone else of the same name.
   */
  resolveGiven(token: string, at: number, chapter: number): string {
    const fulls = this.candidatesFor(token, [...(this.graph.fullByGiven.get(token) ?? [])]);
    const here = unique(
      fulls.filter((key) => this.graph.get(key)!.chapters.has(chapter)).map((key) => this.graph.root(key)),
    );
    if (here.length === 1) return here[0];
    if (fulls.length === 1 && !this.runReaches(token, chapter, fulls[0]))
      return this.graph.root(this.graph.ensure(`alone|${token}`, token));
    if (fulls.length > 1) {
      const near = this.nearest(fulls, at);
      if (near !== undefined) return this.graph.root(near);
    }
    return this.graph.root(this.graph.ensure(`given|${token}`, token));
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
      const person = this.graph.members(this.graph.root(this.graph.ensure(`given|${token}`, token)));
      const chapters = [
        ...new Set([
          ...this.givenChapters(token),
          ...person.flatMap((key) => [...this.graph.get(key)!.chapters, ...this.chaptersOfNode(key)]),
        ]),
      ].sort((a, b) => a - b);
      const fullChapters = new Set(
        this.graph.members(this.graph.root(full)).flatMap((key) => [...this.graph.get(key)!.chapters]),
      );
      const split = runsOfConsecutive(chapters);
      const reaching = split.filter((run) => run.some((seen) => fullChapters.has(seen)));
      const reachedChapters = new Set(reaching.flat());
      const own = new Set([this.graph.root(this.graph.ensure(`given|${token}`, token)), this.graph.root(full)]);
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
        const root = this.graph.root(node.key);
        const seen = this.peopleChapters.get(root) ?? new Set<number>();
        for (const chapter of node.chapters) seen.add(chapter);
        this.peopleChapters.set(root, seen);
      }
      const chapterCount = new Set([...this.peopleChapters.values()].flatMap((seen) => [...seen])).size;
      this.peopleChapters = withoutRecurringCast(this.peopleChapters, chapterCount);
      // Once the recurring cast is known (from explicit forms, as a collection is told), a person is written in a
      // chapter by a bare given name too: "Rosa" in the last chapter is the "Rosa Quispe" of the first.
      for (const node of this.graph.all())
        for (const chapter of this.chaptersOfNode(node.key))
          this.peopleChapters.get(this.graph.root(node.key))?.add(chapter);
    }
    return this.peopleChapters;
  }

  /**
   * A bare family name means a man of the family: the only one, or the only one with a man's title ("Bennet" is
   * Mr. Bennet, not Mrs. or Miss Bennet), or the one mentioned nearest. A family known only through its women
   * ("Mrs. Fezziwig") has its man as a person of his own, named by the bare surname.
   */
  resolveSurname(token: string, at: number): string | undefined {
    const members = [...(this.graph.familyOf.get(token) ?? [])];
    const men = unique(members.map((key) => this.graph.root(key))).filter(
      (root) => this.genderOfRoot(root) !== 'female',
    );
    if (men.length === 0) return this.graph.root(this.graph.ensure(`bare|${token}`, token));
    if (men.length === 1) return men[0];
    const titled = unique(
      members.filter((key) => this.graph.get(key)!.maleSurnameTitle).map((key) => this.graph.root(key)),
    );
    if (titled.length === 1) return titled[0];
    // Any form of each man counts, not only those with the surname: "preguntó don Ramón" right before "dijo Ortega".
    const near = this.nearest(
      men.flatMap((root) => this.graph.members(root)),
      at,
    );
    return near === undefined ? undefined : this.graph.root(near);
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
      } else if (distance === bestDistance && best !== undefined && this.graph.root(best) !== this.graph.root(key))
        tie = true;
    }
    return tie ? undefined : best;
  }
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
