/**
 * What of a segment is said, shared by planning, the production estimate, preflight and production. A segment's
 * `unspokenChars` (a script's speaker label, set by segmentation) are shown but never said: every reader of a
 * segment's words for speech takes them from `spokenPart`. A segment is speakable when the spoken form
 * (core/speech/normalize.ts) of that part has something the engine can say (core/ssml/text.ts hasSpeakableText).
 * A segment holding only "--", "—" or "…" between two quotations is not; planning merges such pieces into a neighbour
 * so the segments still tile the chapter text, and production skips any that reach it anyway.
 */
import { hasSpeakableText } from '../ssml/text';
import { toSpokenForm } from '../speech/normalize';
import type { Segment, SegmentKind } from './segmentation';

export function isSpeakable(text: string, language: string, kind: SegmentKind = 'narration'): boolean {
  return hasSpeakableText(toSpokenForm(text, language, { isHeading: kind === 'heading' }));
}

/** The words of a segment and how many of them, from the start, are never said. */
export interface UnspokenAware {
  text: string;
  unspokenChars?: number;
}

/** The part of a segment's text that is said: all of it but its unspoken opening (a script's speaker label). */
export function spokenPart(segment: UnspokenAware): string {
  return segment.unspokenChars ? segment.text.slice(segment.unspokenChars) : segment.text;
}

/** Whether a segment opens with words that are shown but not said. */
export function hasUnspokenPart(segment: UnspokenAware): boolean {
  return (segment.unspokenChars ?? 0) > 0;
}

/** A segment left silent on purpose: it has an unspoken part and nothing after it to say (a label alone). */
export function isSilentOnPurpose(segment: UnspokenAware): boolean {
  return hasUnspokenPart(segment) && !hasSpeakableText(spokenPart(segment));
}

/** `segment` with `chars` as its unspoken opening; without the field when there is none (as prose has). */
export function withUnspoken<T extends UnspokenAware>(segment: T, chars: number | undefined): T {
  const { unspokenChars: _dropped, ...rest } = segment;
  // `rest` is `segment` without a field T declares optional, so it is still a T; TypeScript cannot see that.
  return (chars === undefined ? rest : { ...rest, unspokenChars: chars }) as T;
}

/**
 * The unspoken opening of segments joined in order: the first one's, running on into the next while a segment is
 * unspoken whole (a label merged with its speech stays unsaid, the speech is said). Undefined when nothing is unspoken,
 * so a joined segment of prose carries no field.
 */
export function joinedUnspokenChars(parts: UnspokenAware[]): number | undefined {
  let chars = 0;
  for (const part of parts) {
    const unspoken = Math.min(part.unspokenChars ?? 0, part.text.length);
    chars += unspoken;
    if (unspoken < part.text.length) break;
  }
  return chars > 0 ? chars : undefined;
}

/**
 * The unspoken opening of a segment's text cut at `offset`: what falls before the cut goes with the head, the rest
 * with the tail.
 */
export function splitUnspokenChars(
  segment: UnspokenAware,
  offset: number,
): { head: number | undefined; tail: number | undefined } {
  const chars = segment.unspokenChars ?? 0;
  const head = Math.min(chars, offset);
  const tail = Math.max(0, chars - offset);
  return { head: head > 0 ? head : undefined, tail: tail > 0 ? tail : undefined };
}

/** The unspoken opening a segment keeps after its text is replaced: kept while the new text still opens with it. */
export function unspokenCharsAfterEdit(segment: UnspokenAware, text: string): number | undefined {
  const chars = segment.unspokenChars ?? 0;
  return chars > 0 && text.startsWith(segment.text.slice(0, chars)) ? chars : undefined;
}

export interface MergedPiece {
  /** Position of the unspeakable piece in the segmentation it came from. */
  index: number;
  text: string;
  /** Position, in the merged segmentation, of the segment that now carries its text. */
  into: number;
}

interface Group {
  /** The speakable segment the group is read as (its kind); undefined while only unspeakable pieces are in it. */
  anchor?: Segment;
  members: Segment[];
}

/**
 * Joins every unspeakable segment to a neighbour: the segment before it, or the one after when it opens the chapter
 * or follows the heading (a heading keeps to its own words while anything else can take the piece). Concatenating the
 * result still gives the chapter text exactly. A chapter with nothing speakable at all stays one segment, which the
 * production estimate reports and production skips.
 */
export function mergeUnspeakable(
  segments: Segment[],
  language: string,
): { segments: Segment[]; merged: MergedPiece[] } {
  // A label is speakable words left unsaid on purpose: it stays a segment of its own, as the studio shows it.
  const speakable = segments.map(
    (segment) => hasUnspokenPart(segment) || isSpeakable(segment.text, language, segment.kind),
  );
  if (speakable.every(Boolean)) return { segments, merged: [] };
  const groups: Group[] = [];
  let waiting: Segment[] = [];
  segments.forEach((segment, i) => {
    const last = groups[groups.length - 1];
    if (speakable[i]) {
      groups.push({ anchor: segment, members: [...waiting, segment] });
      waiting = [];
    } else if (last && last.anchor?.kind !== 'heading') {
      last.members.push(segment);
    } else {
      waiting.push(segment);
    }
  });
  if (waiting.length > 0) {
    const last = groups[groups.length - 1];
    if (last) last.members.push(...waiting);
    else groups.push({ members: waiting });
  }
  const merged: MergedPiece[] = [];
  const result = groups.map((group, position): Segment => {
    const first = group.members[0];
    const final = group.members[group.members.length - 1];
    for (const member of group.members) {
      if (member !== group.anchor) merged.push({ index: member.index, text: member.text, into: position });
    }
    const joined: Segment = {
      index: position,
      kind: (group.anchor ?? first).kind,
      startOffset: first.startOffset,
      endOffset: final.endOffset,
      text: group.members.map((member) => member.text).join(''),
      boundaryBefore: first.boundaryBefore,
    };
    // Pieces with nothing to say before an unsaid label are as silent as it is, so the label stays unsaid.
    const before = group.anchor && hasUnspokenPart(group.anchor) ? group.members.indexOf(group.anchor) : 0;
    const unspokenChars = joinedUnspokenChars(
      group.members.map((member, at) =>
        at < before ? { text: member.text, unspokenChars: member.text.length } : member,
      ),
    );
    if (unspokenChars !== undefined) joined.unspokenChars = unspokenChars;
    return joined;
  });
  // A chapter with nothing speakable is one segment; only pieces joined to another count as merged.
  return { segments: result, merged: groups.length === 1 && !groups[0].anchor ? merged.slice(1) : merged };
}
