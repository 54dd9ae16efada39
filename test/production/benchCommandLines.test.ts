import { CommandLines } from '../../bench/production/cpuSampler';
import { toolKind } from '../../bench/production/regenerationBreakdown';

/**
 * The production benchmark names each ffmpeg by its command line, read once per process. A process read inside its
 * exec already has its new name (`ffmpeg`) but no arguments yet: its command line reads empty. That read must not
 * stick, or the encoder is charged for its whole life to "other ffmpeg" (seconds of CPU per production).
 */
const ENCODER = '/ffmpeg -f s16le -ar 44100 -ac 1 -i pipe:0 -c:a libmp3lame -b:a 192k -f mp3 out.mp3';

test('an empty command line read inside the exec is read again, and the process then gets its own role', () => {
  const reads = ['', ENCODER];
  const commandLines = new CommandLines(() => reads.shift() ?? 'read too often');
  expect(commandLines.of(4242, 'ffmpeg')).toBe('');
  expect(toolKind(commandLines.of(4242, 'ffmpeg'))).toBe('mp3 encoder (beside the render)');
  expect(commandLines.of(4242, 'ffmpeg')).toBe(ENCODER);
  expect(reads).toEqual([]);
});

test('a command line is read once per pid and executable name (the name changes at the exec)', () => {
  const read = jest.fn((pid: number) => (pid === 7 ? 'node local/platformProcess.ts' : ENCODER));
  const commandLines = new CommandLines(read);
  commandLines.of(7, 'node');
  commandLines.of(7, 'node');
  commandLines.of(8, 'node');
  commandLines.of(8, 'ffmpeg');
  commandLines.of(8, 'ffmpeg');
  expect(read.mock.calls.map(([pid]) => pid)).toEqual([7, 8, 8]);
});
