/**
 * The name nodes of a book and which of them are joined into one person (clusters.ts decides when): every explicit
 * form is a node (a titled surname `mr|Darcy`, a given name `given|Elizabeth`, a rank `lady|Catherine`, a full name
 * `full|Fitzwilliam Darcy`) with where it is written and the gender its titles state; people are the node sets joined
 * by union–find. Full names are indexed by their given name, family nodes by their surname.
 */
import type { Gender } from './character';
import { honorificClass, honorificOf } from './honorifics';
import type { NameForm } from './mentions';

/** A form as written in the book. */
export interface PlacedForm {
  form: NameForm;
  /** Offset in the whole book (chapters laid end to end). */
  at: number;
  chapter: number;
}

export interface NodeFacts {
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

export class NameNodes {
  private readonly nodes = new Map<string, NodeFacts>();
  private readonly parent = new Map<string, string>();
  /** Full-name nodes by their given name ("John" → `full|John Hale`, `full|John Reed`). */
  readonly fullByGiven = new Map<string, Set<string>>();
  /** Family nodes (titled surnames, full names) by their surname. */
  readonly familyOf = new Map<string, Set<string>>();

  get(key: string): NodeFacts | undefined {
    return this.nodes.get(key);
  }

  has(key: string): boolean {
    return this.nodes.has(key);
  }

  all(): IterableIterator<NodeFacts> {
    return this.nodes.values();
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

  /** Records a written form's node (created on first sight) and where it is written. */
  touch(key: string, placed: PlacedForm): void {
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

  /** A node no form wrote explicitly (a bare given name's person), created once. */
  ensure(key: string, name: string): string {
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

  union(a: string, b: string): void {
    const rootA = this.root(a);
    const rootB = this.root(b);
    if (rootA === rootB) return;
    const [keep, join] = rootA < rootB ? [rootA, rootB] : [rootB, rootA];
    this.parent.set(join, keep);
  }
}
