/**
 * The "nothing to speak" rule, shared by planning, the production estimate and production: a segment is speakable when
 * its spoken form (core/speech/normalize.ts) has something the engine can say (core/ssml/text.ts hasSpeakableText).
 * A segment holding only "--", "—" or "…" between two quotations is not; planning merges such pieces into a neighbour
 * so the segments still tile the chapter text, and production skips any that reach it anyway.
 */
import { hasSpeakableText } from '../ssml/text';
import { toSpokenForm } from '../speech/normalize';
import type { Segment, SegmentKind } from './segmentation';

export function isSpeakable(text: string, language: string, kind: SegmentKind = 'narration'): boolean {
  return hasSpeakableText(toSpokenForm(text, language, { isHeading: kind === 'heading' }));
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
  const speakable = segments.map((segment) => isSpeakable(segment.text, language, segment.kind));
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
    return {
      index: position,
      kind: (group.anchor ?? first).kind,
      startOffset: first.startOffset,
      endOffset: final.endOffset,
      text: group.members.map((member) => member.text).join(''),
      boundaryBefore: first.boundaryBefore,
    };
  });
  // A chapter with nothing speakable is one segment; only pieces joined to another count as merged.
  return { segments: result, merged: groups.length === 1 && !groups[0].anchor ? merged.slice(1) : merged };
}
