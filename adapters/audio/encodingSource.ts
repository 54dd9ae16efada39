/**
 * What a retail encode may read. An encoder reads a lossless master (PCM or FLAC): decoding an AAC or MP3 to encode it
 * again would put a second lossy generation in the deliverable, which nothing would notice, so an encoded input is
 * refused. What a file is, is read from its audio stream, never from its name (an AAC named `.flac`, an MP3 inside a
 * WAV container): from a PCM WAV's, a FLAC's or an AAC MP4's header in the process, from ffprobe for anything else.
 */
import path from 'node:path';
import { runFfprobe } from './ffmpeg';
import { readFlacInfo } from './flacInfo';
import { readMp4AacInfo } from './mp4AudioInfo';
import { readWavInfo } from './wavHeader';

export interface SourceToolOptions {
  ffprobePath?: string;
  signal?: AbortSignal;
}

export interface EncodingSource {
  file: string;
  /** ffmpeg's codec name (`flac`, `pcm_s16le`, `aac`, `mp3` …). */
  codec: string;
  profile?: string;
  sampleRateHz?: number;
  channels?: number;
  /** Packets of the stream, where the container counts them (an MP4's AAC). */
  frames?: number;
  durationSec: number;
}

/** Codecs that decode to exactly what was encoded: the only ones an encode may read. */
const LOSSLESS_CODEC = /^(?:pcm_[a-z0-9]+|flac|alac)$/;
/** WAVE format tags of plain PCM, integer and float, read from the header without starting ffprobe. */
const WAVE_PCM_CODECS = new Map([
  [1, 'pcm_s'],
  [3, 'pcm_f'],
]);

/** Thrown instead of decoding an encoding to encode it again. */
export class SecondGenerationError extends Error {
  override name = 'SecondGenerationError';
}

export async function readEncodingSource(file: string, options: SourceToolOptions = {}): Promise<EncodingSource> {
  if (/\.wav$/i.test(file)) {
    const wav = await readWavInfo(file).catch(() => undefined);
    const pcm = wav && WAVE_PCM_CODECS.get(wav.audioFormat);
    if (wav && pcm)
      return {
        file,
        codec: `${pcm}${wav.bitsPerSample}le`,
        sampleRateHz: wav.sampleRateHz,
        channels: wav.channels,
        durationSec: wav.durationSec,
      };
  }
  // A FLAC (every chapter master) and an MP4's AAC (every chapter of a joined book) are read from their headers;
  // anything else from ffprobe.
  const flac = await readFlacInfo(file).catch(() => undefined);
  if (flac)
    return {
      file,
      codec: 'flac',
      sampleRateHz: flac.sampleRateHz,
      channels: flac.channels,
      durationSec: flac.durationSec,
    };
  const aac = await readMp4AacInfo(file);
  if (aac) return { file, codec: 'aac', ...aac };
  const { stdout } = await runFfprobe(
    [
      ...['-v', 'error', '-select_streams', 'a:0'],
      ...['-show_entries', 'stream=codec_name,profile,sample_rate,channels,nb_frames:format=duration'],
      ...['-of', 'json', file],
    ],
    { binaryPath: options.ffprobePath, signal: options.signal, timeoutMs: 60_000 },
  );
  const probed = JSON.parse(stdout) as {
    streams?: { codec_name?: string; profile?: string; sample_rate?: string; channels?: number; nb_frames?: string }[];
    format?: { duration?: string };
  };
  const stream = probed.streams?.[0];
  if (!stream?.codec_name) throw new Error(`${path.basename(file)} holds no audio stream`);
  return {
    file,
    codec: stream.codec_name,
    profile: stream.profile,
    sampleRateHz: positive(stream.sample_rate),
    channels: stream.channels,
    frames: positive(stream.nb_frames),
    durationSec: positive(probed.format?.duration) ?? 0,
  };
}

export function isLossless(source: EncodingSource): boolean {
  return LOSSLESS_CODEC.test(source.codec);
}

/** The sources, refused together when any of them is an encoding. `what`: the encode, for the message. */
export function requireLossless(what: string, sources: readonly EncodingSource[]): void {
  const encoded = sources.filter((source) => !isLossless(source));
  if (encoded.length === 0) return;
  const named = encoded.map((source) => `${path.basename(source.file)} (${source.codec})`).join(', ');
  throw new SecondGenerationError(
    `${what} reads lossless masters only (PCM, FLAC); ${named} would be decoded and encoded again, ` +
      'a second lossy generation',
  );
}

/** Reads one source and refuses it when it is an encoding. */
export async function requireLosslessFile(
  what: string,
  file: string,
  options: SourceToolOptions = {},
): Promise<EncodingSource> {
  const source = await readEncodingSource(file, options);
  requireLossless(what, [source]);
  return source;
}

function positive(value: string | undefined): number | undefined {
  const n = Number(value);
  return n > 0 && Number.isFinite(n) ? n : undefined;
}
