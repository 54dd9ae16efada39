/**
 * Which different names a paragraph writes before or after a place in it, for readers that ask it at every tag of the
 * paragraph ("does the line this tag reports call exactly one other name?"). Going through the paragraph's names at
 * each tag made them quadratic in a paragraph's length, and a book whose chapters and paragraphs were not found
 * arrives as one paragraph of dialogue; here each paragraph's names are gone through once, in both directions.
 */

/** A name written in the paragraph: where, its place in the reader's own order, and what tells names apart. */
export interface PlacedName<T> {
  place: number;
  order: number;
  key: string;
  item: T;
}

/** The first few different names of a stretch, each with its first item in the reader's order. */
export interface StretchNames<T> {
  /** Up to `kept` different keys, each with the item of least order written under it in the stretch. */
  firsts: ReadonlyMap<string, PlacedName<T>>;
  /** The stretch holds more different keys than `kept`. */
  more: boolean;
}

export class ParagraphNames<T> {
  private readonly places: number[];
  /** prefixes[i]: the names of the first i items by place; suffixes[i]: of the items from the i-th on. */
  private readonly prefixes: StretchNames<T>[];
  private readonly suffixes: StretchNames<T>[];

  /** `names` in any order; `kept` is how many different keys a reader needs told apart. */
  constructor(names: readonly PlacedName<T>[], kept: number) {
    const byPlace = [...names].sort((a, b) => a.place - b.place || a.order - b.order);
    this.places = byPlace.map((name) => name.place);
    this.prefixes = summaries(byPlace, kept);
    this.suffixes = summaries([...byPlace].reverse(), kept).reverse();
  }

  /** The names written before `place`. */
  before(place: number): StretchNames<T> {
    return this.prefixes[this.countBelow(place)];
  }

  /** The names written at or after `place`. */
  from(place: number): StretchNames<T> {
    return this.suffixes[this.countBelow(place)];
  }

  private countBelow(place: number): number {
    let low = 0;
    let high = this.places.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.places[middle] < place) low = middle + 1;
      else high = middle;
    }
    return low;
  }
}

/** The summary of every leading run of `names`: entry i covers the first i. */
function summaries<T>(names: readonly PlacedName<T>[], kept: number): StretchNames<T>[] {
  const result: StretchNames<T>[] = [{ firsts: new Map(), more: false }];
  for (const name of names) {
    const last = result[result.length - 1];
    const known = last.firsts.get(name.key);
    if (known !== undefined && known.order <= name.order) {
      result.push(last);
      continue;
    }
    if (known === undefined && (last.more || last.firsts.size >= kept)) {
      result.push(last.more ? last : { firsts: last.firsts, more: true });
      continue;
    }
    const firsts = new Map(last.firsts);
    firsts.set(name.key, name);
    result.push({ firsts, more: last.more });
  }
  return result;
}
