import { distance } from 'fastest-levenshtein';
import { foldAccents } from './headings';

/**
 * Whether two titles are the same one (a contents entry and the heading it names), allowing a misprint or two; and an
 * index that answers the question for one title against many in time bounded by the titles of about its length, so
 * that checking every line of a book against its contents list grows with the book, not with the book times the list
 * (docs/manuscripts.md, "Performance").
 */

/** A comparable form of a title: accents, case and punctuation ignored. */
export function titleKey(text: string): string {
  return foldAccents(text)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Misprints allowed between two title keys: one per eight characters of the longer. */
const allowedEdits = (x: string, y: string) => Math.floor(Math.max(x.length, y.length) / 8);

function sameKey(x: string, y: string): boolean {
  if (x.length === 0 || y.length === 0) return false;
  if (x === y) return true;
  const allowed = allowedEdits(x, y);
  return allowed > 0 && Math.abs(x.length - y.length) <= allowed && distance(x, y) <= allowed;
}

/** Same title allowing a misprint or two ("Couterparts" for "COUNTERPARTS"). */
export function sameTitle(a: string, b: string): boolean {
  return sameKey(titleKey(a), titleKey(b));
}

/**
 * Titles, each with a position (a block index), looked up by sameTitle. A lookup compares only the titles whose
 * length allows them to be the same (within one eighth), and a title added many times is compared once.
 */
export class TitleIndex {
  /** Each distinct key with the furthest position it was added at. */
  private readonly latestByKey = new Map<string, number>();
  private readonly keysByLength = new Map<number, string[]>();

  add(title: string, position: number): void {
    const key = titleKey(title);
    if (key.length === 0) return;
    const latest = this.latestByKey.get(key);
    if (latest === undefined) {
      const sameLength = this.keysByLength.get(key.length);
      if (sameLength) sameLength.push(key);
      else this.keysByLength.set(key.length, [key]);
    }
    if (latest === undefined || position > latest) this.latestByKey.set(key, position);
  }

  /** The furthest position of a title that is the same as `title`, or -1 when there is none. */
  latest(title: string): number {
    const key = titleKey(title);
    if (key.length === 0) return -1;
    let latest = this.latestByKey.get(key) ?? -1;
    // |x − y| ≤ max(x, y) / 8 keeps the other length between 7/8 and 8/7 of this one.
    const shortest = Math.floor((key.length * 7) / 8);
    const longest = Math.ceil((key.length * 8) / 7);
    if (longest < 8) return latest;
    for (let length = shortest; length <= longest; length++) {
      for (const other of this.keysByLength.get(length) ?? []) {
        const position = this.latestByKey.get(other)!;
        if (position > latest && other !== key && sameKey(key, other)) latest = position;
      }
    }
    return latest;
  }

  has(title: string): boolean {
    return this.latest(title) >= 0;
  }
}
