/**
 * A stream copy's facts about an AAC chapter (profile, sample rate, channels, frames, duration) are read from its MP4
 * header in the process, with the same answers ffprobe gives, and without starting ffprobe; a file this reader does
 * not cover (raw ADTS, an MP3, an MP4 without one AAC-LC track) is still read by ffprobe.
 */
import path from 'node:path';
import { runFfmpeg } from '../../adapters/audio';
import { runFfprobe } from '../../adapters/audio/ffmpeg';
import { readEncodingSource } from '../../adapters/audio/encodingSource';
import { readMp4AacInfo } from '../../adapters/audio/mp4AudioInfo';
import { makeTempDir } from './helpers';

let dir: string;
let cleanup: () => Promise<void>;
const file = (name: string) => path.join(dir, name);
/** A path no ffprobe is at: a read that starts ffprobe fails. */
const NO_FFPROBE = { ffprobePath: '/nonexistent/ffprobe' };

async function encode(name: string, args: string[]): Promise<string> {
  await runFfmpeg([
    ...['-y', '-f', 'lavfi', '-i', 'sine=frequency=330:sample_rate=44100:duration=3.3'],
    ...['-af', 'volume=0.25', ...args, file(name)],
  ]);
  return file(name);
}

async function ffprobeFacts(source: string) {
  const { stdout } = await runFfprobe([
    ...['-v', 'error', '-select_streams', 'a:0'],
    ...['-show_entries', 'stream=codec_name,profile,sample_rate,channels,nb_frames:format=duration', '-of', 'json'],
    source,
  ]);
  const probed = JSON.parse(stdout) as {
    streams: { codec_name: string; profile: string; sample_rate: string; channels: number; nb_frames: string }[];
    format: { duration: string };
  };
  const [stream] = probed.streams;
  return {
    codec: stream.codec_name,
    profile: stream.profile,
    sampleRateHz: Number(stream.sample_rate),
    channels: stream.channels,
    frames: Number(stream.nb_frames),
    durationSec: Number(probed.format.duration),
  };
}

beforeAll(async () => {
  ({ dir, cleanup } = await makeTempDir('mp4-audio-info'));
  // As the mastering pass writes a chapter's AAC (moov after the audio), and variants of rate, channels and layout.
  const lc = ['-c:a', 'aac', '-profile:a', 'aac_low'];
  await encode('chapter.m4a', [...lc, '-b:a', '64k', '-ar', '44100', '-ac', '1', '-map_metadata', '-1', '-f', 'mp4']);
  await encode('stereo-48k.m4a', [...lc, '-b:a', '96k', '-ar', '48000', '-ac', '2', '-f', 'mp4']);
  await encode('faststart.m4a', [...lc, '-b:a', '64k', '-ac', '1', '-movflags', '+faststart', '-f', 'mp4']);
  await encode('named.flac.bin', [...lc, '-b:a', '64k', '-ac', '1', '-f', 'mp4']);
  await encode('adts.aac', [...lc, '-b:a', '64k', '-ac', '1', '-f', 'adts']);
  await encode('chapter.mp3', ['-c:a', 'libmp3lame', '-b:a', '192k', '-ac', '1']);
}, 60_000);
afterAll(() => cleanup());

it.each(['chapter.m4a', 'stereo-48k.m4a', 'faststart.m4a', 'named.flac.bin'])(
  'reads %s from its header as ffprobe does, starting no ffprobe',
  async (name) => {
    const { durationSec: probedDuration, ...probed } = await ffprobeFacts(file(name));
    const { durationSec, ...read } = await readEncodingSource(file(name), NO_FFPROBE);
    expect(read).toEqual({ file: file(name), ...probed });
    expect(durationSec).toBeCloseTo(probedDuration, 3);
  },
);

it.each(['adts.aac', 'chapter.mp3'])('leaves %s to ffprobe', async (name) => {
  expect(await readMp4AacInfo(file(name))).toBeUndefined();
  await expect(readEncodingSource(file(name), NO_FFPROBE)).rejects.toThrow(/cannot start/);
  expect((await readEncodingSource(file(name))).codec).toBe(name.endsWith('.mp3') ? 'mp3' : 'aac');
});
