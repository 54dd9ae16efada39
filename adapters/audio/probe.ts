/** ffprobe JSON → typed ProbeResult (codec, bit rate, sample rate, channels, duration, tags, chapters, cover art). */
import type { ProbedChapter, ProbedStream, ProbeResult } from '../../core/audio/measurements';
import { runFfprobe, type RunOptions } from './ffmpeg';

interface RawStream {
  index?: number;
  codec_type?: string;
  codec_name?: string;
  profile?: string;
  sample_rate?: string;
  channels?: number;
  bit_rate?: string;
  bits_per_sample?: number;
  bits_per_raw_sample?: string;
  width?: number;
  height?: number;
  pix_fmt?: string;
  disposition?: { attached_pic?: number };
  tags?: Record<string, string>;
}
interface RawProbe {
  format?: { format_name?: string; duration?: string; size?: string; bit_rate?: string; tags?: Record<string, string> };
  streams?: RawStream[];
  chapters?: { start_time?: string; end_time?: string; tags?: Record<string, string> }[];
}

export async function probe(
  file: string,
  options: Pick<RunOptions, 'timeoutMs' | 'signal' | 'binaryPath'> = {},
): Promise<ProbeResult> {
  const { stdout } = await runFfprobe(
    ['-v', 'error', '-print_format', 'json', '-show_format', '-show_streams', '-show_chapters', '-i', file],
    { timeoutMs: 60_000, ...options },
  );
  return parseProbeJson(stdout);
}

export function parseProbeJson(json: string): ProbeResult {
  const raw = JSON.parse(json) as RawProbe;
  const streams = (raw.streams ?? []).map(toStream);
  const chapters: ProbedChapter[] = (raw.chapters ?? []).map((c) => ({
    title: lowerKeys(c.tags).title ?? '',
    startSec: num(c.start_time) ?? 0,
    endSec: num(c.end_time) ?? 0,
  }));
  const audio = streams.find((s) => s.codecType === 'audio');
  const tags = lowerKeys(raw.format?.tags);
  // Ogg/FLAC keep tags on the stream rather than the container.
  const audioRaw = (raw.streams ?? []).find((s) => s.codec_type === 'audio');
  for (const [key, value] of Object.entries(lowerKeys(audioRaw?.tags))) if (!(key in tags)) tags[key] = value;
  return {
    formatName: raw.format?.format_name ?? 'unknown',
    durationSec: num(raw.format?.duration) ?? 0,
    sizeBytes: num(raw.format?.size) ?? 0,
    bitRateBps: num(raw.format?.bit_rate),
    tags,
    chapters,
    streams,
    audio,
    coverArt: streams.find((s) => s.attachedPicture),
  };
}

function toStream(s: RawStream): ProbedStream {
  const type = s.codec_type;
  const codecType: ProbedStream['codecType'] =
    type === 'audio' || type === 'video' || type === 'subtitle' || type === 'data' || type === 'attachment'
      ? type
      : 'unknown';
  const bitsPerSample = s.bits_per_sample || num(s.bits_per_raw_sample) || undefined;
  return {
    index: s.index ?? 0,
    codecType,
    codecName: s.codec_name ?? 'unknown',
    profile: s.profile,
    sampleRateHz: num(s.sample_rate),
    channels: s.channels,
    bitRateBps: num(s.bit_rate),
    bitsPerSample,
    width: s.width,
    height: s.height,
    pixelFormat: s.pix_fmt,
    attachedPicture: s.disposition?.attached_pic === 1,
  };
}

function num(value: string | undefined): number | undefined {
  if (value === undefined || value === 'N/A') return undefined;
  const n = Number(value);
  return Number.isFinite(n) ? n : undefined;
}

function lowerKeys(tags: Record<string, string> | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(tags ?? {})) out[key.toLowerCase()] = String(value);
  return out;
}
