/**
 * Plan totals are sums over segments: adjusting them by an edit's difference gives exactly what counting the edited
 * plan gives, for any sequence of speaker, flag and text edits, splits, merges and deletions; and what they count
 * agrees with the preflight rules applied to the segments.
 */
import fc from 'fast-check';
import type { ChapterPlanTotals } from '../../core/book/records';
import { adjustedTotals, totalsOf, type CountedSegment } from '../../core/planning/chapterTotals';
import { findSegmentProblems } from '../../core/production/preflight';
import { billableCharacters } from '../../core/ssml/text';

const LANGUAGE = 'en-GB';
const texts = [
  'It is a truth universally acknowledged. ',
  '"Good morning," ',
  '*** ',
  '— ',
  'Tom & Jerry <said> "hello". ',
  'Chapter 4',
  'x'.repeat(40_000),
];
const speakers = ['narrator', 'unknown', 'char-a', 'char-b'];

const segmentArb = fc.record({
  kind: fc.constantFrom<CountedSegment['kind']>('narration', 'dialogue', 'heading'),
  text: fc.constantFrom(...texts),
  speakerId: fc.constantFrom(...speakers),
  flagged: fc.boolean(),
});

type Edit =
  | { op: 'speaker'; at: number; speakerId: string }
  | { op: 'flag'; at: number; flagged: boolean }
  | { op: 'text'; at: number; text: string }
  | { op: 'split'; at: number }
  | { op: 'merge'; at: number }
  | { op: 'delete'; at: number };

const editArb: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({ op: fc.constant('speaker' as const), at: fc.nat(), speakerId: fc.constantFrom(...speakers) }),
  fc.record({ op: fc.constant('flag' as const), at: fc.nat(), flagged: fc.boolean() }),
  fc.record({ op: fc.constant('text' as const), at: fc.nat(), text: fc.constantFrom(...texts) }),
  fc.record({ op: fc.constant('split' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('merge' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('delete' as const), at: fc.nat() }),
);

let serial = 0;
function withIds(segments: Omit<CountedSegment, 'id' | 'index'>[]): CountedSegment[] {
  return segments.map((segment, index) => ({ ...segment, id: `s${serial++}`, index }));
}

/** Applies one edit: the segments it replaced, the ones it wrote, and the plan afterwards. */
function apply(plan: CountedSegment[], edit: Edit) {
  const at = edit.at % plan.length;
  const target = plan[at];
  let before = [target];
  let after: CountedSegment[];
  switch (edit.op) {
    case 'speaker':
      after = [{ ...target, speakerId: edit.speakerId }];
      break;
    case 'flag':
      after = [{ ...target, flagged: edit.flagged }];
      break;
    case 'text':
      after = [{ ...target, text: edit.text }];
      break;
    case 'split': {
      const cut = Math.max(1, Math.floor(target.text.length / 2));
      after = [
        { ...target, text: target.text.slice(0, cut) },
        { ...target, id: `s${serial++}`, text: target.text.slice(cut) },
      ];
      break;
    }
    case 'merge': {
      const next = plan[at + 1];
      if (!next) return undefined;
      before = [target, next];
      after = [{ ...target, text: target.text + next.text, flagged: target.flagged || next.flagged }];
      break;
    }
    case 'delete':
      if (plan.length === 1) return undefined;
      after = [];
      break;
  }
  const replaced = new Set(before.map((s) => s.id));
  const first = plan.findIndex((s) => replaced.has(s.id));
  const rest = plan.filter((s) => !replaced.has(s.id));
  const edited = [...rest.slice(0, first), ...after, ...rest.slice(first)];
  return { before, after, plan: edited };
}

const normal = (totals: ChapterPlanTotals) => JSON.parse(JSON.stringify(totals)) as ChapterPlanTotals;

describe('chapter plan totals', () => {
  test('adjusting by each edit’s difference equals counting the edited plan', () => {
    fc.assert(
      fc.property(
        fc.array(segmentArb, { minLength: 1, maxLength: 12 }),
        fc.array(editArb, { maxLength: 15 }),
        (segments, edits) => {
          let plan = withIds(segments);
          let totals = totalsOf(plan, 4, LANGUAGE);
          for (const edit of edits) {
            const applied = apply(plan, edit);
            if (!applied) continue;
            totals = adjustedTotals(totals, applied.before, applied.after);
            plan = applied.plan;
            expect(normal(totals)).toEqual(normal(totalsOf(plan, 4, LANGUAGE)));
          }
        },
      ),
      { numRuns: 150 },
    );
  });

  test('counts what the preflight rules and the speech service count', () => {
    fc.assert(
      fc.property(fc.array(segmentArb, { minLength: 1, maxLength: 12 }), (segments) => {
        const plan = withIds(segments);
        const totals = totalsOf(plan, 7, LANGUAGE);
        const problems = findSegmentProblems({ id: 'c', title: 'C' }, plan, LANGUAGE);
        const silentChapter = problems.some((p) => p.code === 'chapter_silent');
        expect(totals.generation).toBe(7);
        expect(totals.segments).toBe(plan.length);
        expect(totals.characters).toBe(plan.reduce((sum, s) => sum + s.text.length, 0));
        expect(totals.billableCharacters).toBe(plan.reduce((sum, s) => sum + billableCharacters(s.text), 0));
        expect(totals.nothingToSpeak).toBe(
          silentChapter ? plan.length : problems.filter((p) => p.code === 'nothing_to_speak').length,
        );
        expect(totals.tooLong).toBe(problems.filter((p) => p.code === 'segment_too_long').length);
        const dialogue = plan.filter((s) => s.kind === 'dialogue');
        expect(totals.unknownDialogue).toBe(dialogue.filter((s) => s.speakerId === 'unknown').length);
        expect(totals.unknownSpeaker).toBe(plan.filter((s) => s.speakerId === 'unknown').length);
        expect(totals.flagged).toBe(plan.filter((s) => s.flagged).length);
        expect(Object.keys(totals.dialogueSpeakers).sort()).toEqual(
          [...new Set(dialogue.map((s) => s.speakerId))].sort(),
        );
        for (const speaker of speakers)
          expect(totals.speakers[speaker] ?? 0).toBe(plan.filter((s) => s.speakerId === speaker).length);
      }),
      { numRuns: 150 },
    );
  });
});
