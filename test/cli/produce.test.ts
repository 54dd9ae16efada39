import { parseChapterPositions } from '../../local/cli/produce';

describe('npm run produce --chapters', () => {
  it('reads positions and ranges, in order, without repeats', () => {
    expect(parseChapterPositions('1-3,7')).toEqual([1, 2, 3, 7]);
    expect(parseChapterPositions('5, 2-3 ,3')).toEqual([2, 3, 5]);
  });
  it.each(['0', '3-1', 'a', '1-', '', '1,,2', '99999'])('refuses %p with a message naming the option', (spec) => {
    expect(() => parseChapterPositions(spec)).toThrow(/--chapters/);
  });
});
