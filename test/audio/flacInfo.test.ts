/**
 * A chapter master's facts (codec, sample rate, channels, duration) are read from its FLAC header in the process,
 * with the answers ffprobe gives and without starting ffprobe: each ffprobe process costs the platform's large
 * process a fork, and a package asked one of every master it cut a sample or a part from. A FLAC that does not state
 * its length (written to a pipe) is still read by ffprobe.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { runFfmpeg } from '../../adapters/audio';
import { runFfprobe } from '../../adapters/audio/ffmpeg';
import { readEncodingSource } from '../../adapters/audio/encodingSource';
import { readFlacInfo } from '../../adapters/audio/flacInfo';
import { makeTempDir } from './helpers';

let dir: string;
let cleanup: () => Promise<void>;
const file = (name: string) => path.join(dir, name);
/** A path no ffprobe is at: a read that starts ffprobe fails. */
const NO_FFPROBE = { ffprobePath: '/nonexistent/ffprobe' };
const SINE = ['-f', 'lavfi', '-i', 'sine=frequency=330:sample_rate=44100:duration=3.3'];

async function ffprobeFacts(source: string) {
  const { stdout } = await runFfprobe([
    ...['-v', 'error', '-select_streams', 'a:0'],
    ...['-show_entries', 'stream=codec_name,sample_rate,channels:format=duration', '-of', 'json', source],
  ]);
  const probed = JSON.parse(stdout) as {
    streams: { codec_name: string; sample_rate: string; channels: number }[];
    format: { duration: string };
  };
  const [stream] = probed.streams;
  return {
    codec: stream.codec_name,
    sampleRateHz: Number(stream.sample_rate),
    channels: stream.channels,
    durationSec: Number(probed.format.duration),
  };
}

beforeAll(async () => {
  ({ dir, cleanup } = await makeTempDir('flac-info'));
  // As the mastering pass writes a chapter's master, and a variant of rate, channels and depth.
  await runFfmpeg(['-y', ...SINE, '-ar', '44100', '-ac', '1', '-c:a', 'flac', file('master.flac')]);
  await runFfmpeg(['-y', ...SINE, '-ar', '48000', '-ac', '2', '-sample_fmt', 's32', '-c:a', 'flac', file('wide.flac')]);
}, 60_000);
afterAll(() => cleanup());

it.each(['master.flac', 'wide.flac'])('reads %s from its header as ffprobe does, starting no ffprobe', async (name) => {
  const { durationSec: probedDuration, ...probed } = await ffprobeFacts(file(name));
  const { durationSec, ...read } = await readEncodingSource(file(name), NO_FFPROBE);
  expect(read).toEqual({ file: file(name), ...probed });
  expect(durationSec).toBeCloseTo(probedDuration, 5);
});

it('leaves a FLAC without its sample count to ffprobe', async () => {
  const whole = await readFile(file('master.flac'));
  const unknownLength = Buffer.from(whole);
  // STREAMINFO's 36-bit sample count (bytes 21–25 of the file) as a writer on a pipe leaves it.
  unknownLength[21] &= 0xf0;
  unknownLength.fill(0, 22, 26);
  await writeFile(file('piped.flac'), unknownLength);
  expect(await readFlacInfo(file('piped.flac'))).toBeUndefined();
  await expect(readEncodingSource(file('piped.flac'), NO_FFPROBE)).rejects.toThrow(/cannot start/);
  expect((await readEncodingSource(file('piped.flac'))).codec).toBe('flac');
});
