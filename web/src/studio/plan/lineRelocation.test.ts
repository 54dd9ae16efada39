import { describe, expect, it } from 'vitest';
import { segment } from '../../test/render';
import { changedMeanwhile, relocate } from './lineRelocation';

const plan = (...texts: string[]) => texts.map((text, index) => segment(index, { id: `g2-${index}`, text }));

describe('finding a line again after its chapter’s plan was written anew', () => {
  it('finds it by its words at its place, or one place on after a split of an earlier line', () => {
    const line = segment(2, { text: 'Yes.' });
    expect(relocate(plan('A.', 'B.', 'Yes.'), line)?.id).toBe('g2-2');
    expect(relocate(plan('A', '.', 'B.', 'Yes.'), line)?.id).toBe('g2-3');
  });

  it('takes the nearest of lines with the same words, and none beyond reach or with other words', () => {
    const line = segment(2, { text: 'Yes.' });
    expect(relocate(plan('Yes.', 'B.', 'Yes.', 'Yes.'), line)?.id).toBe('g2-2');
    expect(relocate(plan('A.', 'B.', 'Yes, sir.'), line)).toBeUndefined();
    expect(relocate(plan('A.', 'B.', 'C.', 'D.', 'E.', 'Yes.'), line)).toBeUndefined();
  });

  it('says when someone else changed a field the edit changes', () => {
    const line = segment(2, { speakerId: 'c-jane', flagged: false });
    expect(changedMeanwhile(line, { speakerId: 'narrator' })).toBe(true);
    expect(changedMeanwhile(line, { flagged: false })).toBe(false);
  });
});
