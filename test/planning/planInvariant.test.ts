import { planProblems } from '../../core/planning/planInvariant';

const chapter = (text: string, planStatus: 'planned' | 'stale' = 'planned') => ({ text, planStatus });
const seg = (index: number, text: string) => ({ index, text });

describe('the plan invariant', () => {
  test('holds for contiguous positions that spell the text, in any stored order', () => {
    expect(planProblems(chapter('Hello. World.'), [seg(1, 'World.'), seg(0, 'Hello. ')])).toEqual([]);
  });

  test('a position held twice (what a retried write used to leave)', () => {
    const problems = planProblems(chapter('Hello. World.'), [seg(0, 'Hello. '), seg(1, 'World.'), seg(1, 'World.')]);
    expect(problems.map((p) => p.kind)).toEqual(['duplicate_positions']);
  });

  test('a missing position', () => {
    const problems = planProblems(chapter('A. B. C.'), [seg(0, 'A. '), seg(2, 'C.')]);
    expect(problems.map((p) => p.kind)).toEqual(['missing_positions']);
  });

  test('segments that do not spell the text exactly, whitespace included', () => {
    const problems = planProblems(chapter('Hello.  World.'), [seg(0, 'Hello. '), seg(1, 'World.')]);
    expect(problems).toEqual([
      expect.objectContaining({ kind: 'text_mismatch', message: expect.stringContaining('offset 7') }),
    ]);
    expect(planProblems(chapter('Hello.'), [])).toEqual([expect.objectContaining({ kind: 'text_mismatch' })]);
  });

  test('a stale plan (text edited since) is held to its positions only', () => {
    expect(planProblems(chapter('New text.', 'stale'), [seg(0, 'Old text.')])).toEqual([]);
    expect(planProblems(chapter('New text.', 'stale'), [seg(0, 'a'), seg(0, 'b')]).map((p) => p.kind)).toEqual([
      'duplicate_positions',
    ]);
  });
});
