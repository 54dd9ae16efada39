/** The quiet a master's recorded segment layout implies, in the shape of a silence scan of a window. */
import { layoutQuietRegions, segmentLayoutOf } from '../../core/packaging';

describe('a master segment layout', () => {
  const layout = segmentLayoutOf([0.75, 3, 3.5], [2.5, 3.4, 6])!;

  it('is used only when every segment has an end, in order', () => {
    expect(layout).toBeDefined();
    expect(segmentLayoutOf([0.75, 3], undefined)).toBeUndefined();
    expect(segmentLayoutOf([0.75, 3], [2.5])).toBeUndefined();
    expect(segmentLayoutOf([0.75, 3], [3.2, 4])).toBeUndefined();
    expect(segmentLayoutOf([], [])).toBeUndefined();
  });

  it('gives the room tone and the pauses a scan would find, from the window start', () => {
    expect(layoutQuietRegions(layout, { startSec: 0, endSec: 8 }, 0.2)).toEqual([
      { startSec: 0, endSec: 0.75 },
      { startSec: 2.5, endSec: 3 },
      { startSec: 6, endSec: 8 },
    ]);
  });

  it('clips the quiet to the window and drops what is too short there', () => {
    const regions = layoutQuietRegions(layout, { startSec: 2.6, endSec: 6.1 }, 0.2);
    expect(regions).toHaveLength(1);
    expect(regions[0].startSec).toBe(0);
    expect(regions[0].endSec).toBeCloseTo(0.4, 9);
  });
});
