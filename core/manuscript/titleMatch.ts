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

/** Up to this many keys of about a title's length are simply compared with it; past it, the pieces index is used. */
const SCAN_LIMIT = 48;

/** A piece of an indexed key: which key, and where in it the piece starts. */
interface Piece {
  id: number;
  start: number;
}

/**
 * Titles, each with a position (a block index), looked up by sameTitle. A lookup compares a title only with titles
 * that can be the same: its own key, found in a map, and for misprints the keys of about its length — all of them
 * when they are few, otherwise only those that share a piece with it at nearly the same place. Each key is cut into
 * one piece more than the edits it can allow, and n edits can spoil at most n pieces, so a key within the allowed
 * edits keeps a piece unchanged, shifted by no more than the edits. A title added many times is compared once.
 */
export class TitleIndex {
  private readonly ids = new Map<string, number>();
  private readonly keys: string[] = [];
  /** The furthest position each key was added at, by key id. */
  private readonly positions: number[] = [];
  private readonly idsByLength = new Map<number, number[]>();
  private readonly piecesByText = new Map<string, Piece[]>();
  private readonly pieceLengths = new Set<number>();

  add(title: string, position: number): void {
    const key = titleKey(title);
    if (key.length === 0) return;
    const known = this.ids.get(key);
    if (known !== undefined) {
      if (position > this.positions[known]) this.positions[known] = position;
      return;
    }
    const id = this.keys.length;
    this.ids.set(key, id);
    this.keys.push(key);
    this.positions.push(position);
    pushTo(this.idsByLength, key.length, id);
    const edits = mostEdits(key.length);
    if (edits === 0) return;
    for (const piece of piecesOf(key, edits + 1)) {
      pushTo(this.piecesByText, piece.text, { id, start: piece.start });
      this.pieceLengths.add(piece.text.length);
    }
  }

  /** The furthest position of a title that is the same as `title`, or -1 when there is none. */
  latest(title: string): number {
    return this.search(titleKey(title), -1, false);
  }

  has(title: string): boolean {
    return this.search(titleKey(title), -1, true) >= 0;
  }

  /** Whether a title that is the same as `title` was added at a position after `position`. */
  hasAfter(title: string, position: number): boolean {
    return this.search(titleKey(title), position, true) > position;
  }

  /**
   * The furthest position of a title that is the same as `key`'s, or -1; with `anyAfter`, the first one found past
   * `after` instead (positions up to `after` are not compared at all).
   */
  private search(key: string, after: number, anyAfter: boolean): number {
    if (key.length === 0) return -1;
    const exact = this.ids.get(key);
    let latest = exact === undefined ? -1 : this.positions[exact];
    if ((anyAfter && latest > after) || mostEdits(key.length) === 0) return latest;
    const consider = (id: number) => {
      if (this.positions[id] > Math.max(latest, after) && id !== exact && sameKey(key, this.keys[id])) {
        latest = this.positions[id];
      }
      return anyAfter && latest > after;
    };
    // |x − y| ≤ max(x, y) / 8 keeps the other length between 7/8 and 8/7 of this one.
    const lengths: number[] = [];
    for (let length = Math.floor((key.length * 7) / 8); length <= Math.ceil((key.length * 8) / 7); length++) {
      lengths.push(length);
    }
    const nearby = lengths.reduce((sum, length) => sum + (this.idsByLength.get(length)?.length ?? 0), 0);
    if (nearby <= SCAN_LIMIT) {
      for (const length of lengths)
        for (const id of this.idsByLength.get(length) ?? []) if (consider(id)) return latest;
      return latest;
    }
    const seen = new Set<number>();
    for (const length of this.pieceLengths) {
      for (let at = 0; at + length <= key.length; at++) {
        for (const { id, start } of this.piecesByText.get(key.slice(at, at + length)) ?? []) {
          if (seen.has(id) || Math.abs(at - start) > mostEdits(this.keys[id].length)) continue;
          seen.add(id);
          if (consider(id)) return latest;
        }
      }
    }
    return latest;
  }
}

/** The most edits a key of this length can be allowed with any title that may be the same (at most 8/7 as long). */
function mostEdits(length: number): number {
  return Math.floor(Math.floor((length * 8) / 7) / 8);
}

/** The key cut into `count` consecutive pieces of nearly equal length. */
function piecesOf(key: string, count: number): Array<{ text: string; start: number }> {
  const pieces: Array<{ text: string; start: number }> = [];
  for (let i = 0; i < count; i++) {
    const start = Math.floor((i * key.length) / count);
    pieces.push({ text: key.slice(start, Math.floor(((i + 1) * key.length) / count)), start });
  }
  return pieces;
}

function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const values = map.get(key);
  if (values) values.push(value);
  else map.set(key, [value]);
}
