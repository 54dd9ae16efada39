/**
 * The AAC of a chapter's end spliced into the stored MP4 (adapters/audio/mp4Splice.ts): laid out and described as
 * ffmpeg's muxer writes a whole encode. A file joined to itself at any cut comes out byte for byte (its sample tables,
 * chunks of under 1 MiB, durations, edit list and bit rates written as the muxer writes them); a region encoded from
 * a frame boundary gives the whole encode's timing boxes; files the splice cannot read are refused.
 */
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { runFfmpeg } from '../../adapters/audio';
import { aacEncoderArgs } from '../../adapters/audio/master';
import { Mp4SpliceError } from '../../adapters/audio/mp4Boxes';
import { aacMp4Packets, spliceAacMp4 } from '../../adapters/audio/mp4Splice';
import { makeTempDir } from './helpers';

const RATE = 44100;
const FRAME = 1024;

/** Speech-like bursts of a tone over a pink bed, `seconds` long, as 16-bit mono at the master's rate. */
async function masterOf(file: string, seconds: number): Promise<string> {
  await runFfmpeg([
    ...['-y', '-f', 'lavfi', '-i', `anoisesrc=c=pink:r=${RATE}:a=0.003:seed=7:d=${seconds}`],
    ...['-f', 'lavfi', '-i', `sine=f=220:r=${RATE}:d=${seconds}`, '-filter_complex'],
    `[1:a]volume='0.3*gt(sin(2*PI*t/3),0)':eval=frame[s];[0:a][s]amix=inputs=2:duration=first,volume=2`,
    ...['-ac', '1', '-c:a', 'pcm_s16le', file],
  ]);
  return file;
}

/** The platform's chapter AAC of `source`, from `fromSample` on (its samples' own timestamps, or `pts`). */
async function encode(source: string, file: string, fromSample = 0, pts = 'PTS-STARTPTS'): Promise<Buffer> {
  const trim = fromSample > 0 ? ['-af', `atrim=start_sample=${fromSample},asetpts=${pts}`] : [];
  await runFfmpeg(['-y', '-i', source, ...trim, ...aacEncoderArgs({ file, bitrateKbps: 64 })]);
  return readFile(file);
}

/** The bytes of the box at `boxPath` (each step the first child of that type), header included. */
function boxBytes(data: Buffer, boxPath: string[]): Buffer {
  let start = 0;
  let end = data.length;
  for (const type of boxPath) {
    let at = start;
    // A sample description's entry count, and an mp4a entry's fields, come before their boxes.
    while (at + 8 <= end && data.toString('latin1', at + 4, at + 8) !== type) at += data.readUInt32BE(at);
    expect(at + 8).toBeLessThanOrEqual(end);
    start = at + 8;
    end = at + data.readUInt32BE(at);
  }
  return data.subarray(start - 8, end);
}

const STBL = ['moov', 'trak', 'mdia', 'minf', 'stbl'];

describe('spliceAacMp4', () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  let long: string;
  let short: string;

  beforeAll(async () => {
    ({ dir, cleanup } = await makeTempDir('mp4-splice'));
    // Over 1 MiB of packets at 64 kbps (three chunks), and one chunk's worth.
    long = await masterOf(path.join(dir, 'long.wav'), 150.3);
    short = await masterOf(path.join(dir, 'short.wav'), 40.7);
  }, 120_000);
  afterAll(() => cleanup());

  it('gives a file joined to itself back byte for byte, at any cut', async () => {
    const whole = await encode(long, path.join(dir, 'long.m4a'));
    expect(boxBytes(whole, [...STBL, 'stco']).readUInt32BE(12)).toBeGreaterThan(1);
    const { count } = aacMp4Packets(whole);
    for (const keep of [1, 2, 1000, 5000, count - 1])
      expect({ keep, same: spliceAacMp4(whole, keep, whole, keep, 64_000).equals(whole) }).toEqual({
        keep,
        same: true,
      });
  }, 120_000);

  it('gives a region encoded from a frame boundary the whole encode’s timing, groups and edit list', async () => {
    const whole = await encode(short, path.join(dir, 'short.m4a'));
    const fromFrame = 700;
    const region = await encode(short, path.join(dir, 'region.m4a'), fromFrame * FRAME);
    const keep = fromFrame + 5;
    const spliced = spliceAacMp4(whole, keep, region, keep - fromFrame, 64_000);
    const wholeTables = aacMp4Packets(whole);
    expect(aacMp4Packets(spliced)).toEqual(wholeTables);
    for (const box of [
      ['moov', 'mvhd'],
      ['moov', 'trak', 'tkhd'],
      ['moov', 'trak', 'edts', 'elst'],
      ['moov', 'trak', 'mdia', 'mdhd'],
      [...STBL, 'stts'],
      [...STBL, 'stsc'],
      [...STBL, 'stco'],
      [...STBL, 'sgpd'],
      [...STBL, 'sbgp'],
    ])
      expect({ box, bytes: boxBytes(spliced, box).toString('hex') }).toEqual({
        box,
        bytes: boxBytes(whole, box).toString('hex'),
      });
    // The stored file's packets before the cut are its own bytes, the region's after it.
    const mdat = (data: Buffer) => boxBytes(data, ['mdat']);
    const sizes = (data: Buffer) => {
      const stsz = boxBytes(data, [...STBL, 'stsz']);
      return Array.from({ length: stsz.readUInt32BE(16) }, (_, i) => stsz.readUInt32BE(20 + 4 * i));
    };
    const keptBytes = sizes(whole)
      .slice(0, keep)
      .reduce((sum, size) => sum + size, 0);
    expect(
      mdat(spliced)
        .subarray(8, 8 + keptBytes)
        .equals(mdat(whole).subarray(8, 8 + keptBytes)),
    ).toBe(true);
    const regionKept = sizes(region)
      .slice(0, keep - fromFrame)
      .reduce((sum, size) => sum + size, 0);
    expect(
      mdat(spliced)
        .subarray(8 + keptBytes)
        .equals(mdat(region).subarray(8 + regionKept)),
    ).toBe(true);
  }, 120_000);

  it('refuses what it cannot read or join', async () => {
    const whole = await encode(short, path.join(dir, 'refused.m4a'));
    const region = await encode(short, path.join(dir, 'refused-region.m4a'), 700 * FRAME);
    const { count } = aacMp4Packets(whole);
    expect(() => spliceAacMp4(Buffer.from('not an MP4 at all'), 705, region, 5, 64_000)).toThrow(Mp4SpliceError);
    expect(() => spliceAacMp4(whole, count, region, 5, 64_000)).toThrow(/past the stored MP4/);
    expect(() => spliceAacMp4(whole, 705, region, 0, 64_000)).toThrow(/no packets to keep/);
    // Timestamps counted from the sample count in the filter's time base: packets of 1,023 and 1,025 samples.
    const uneven = await encode(short, path.join(dir, 'uneven.m4a'), 700 * FRAME, 'N/SR/TB');
    expect(() => spliceAacMp4(whole, 705, uneven, 5, 64_000)).toThrow(/uneven durations/);
    // The moov first (as `-movflags faststart` writes it): the header before the packets is not the muxer's.
    const moovFirst = path.join(dir, 'faststart.m4a');
    await runFfmpeg(['-y', '-i', path.join(dir, 'refused.m4a'), '-c', 'copy', '-movflags', 'faststart', moovFirst]);
    expect(() => spliceAacMp4(readFileSync(moovFirst), 705, region, 5, 64_000)).toThrow(/laid out otherwise/);
    // A stereo MP4, or one at another rate, describes its audio otherwise.
    for (const [label, args] of [
      ['stereo', ['-ac', '2']],
      ['at-48k', ['-ar', '48000']],
    ] as const) {
      const other = path.join(dir, `${label}.m4a`);
      await runFfmpeg(['-y', '-i', short, ...args, '-c:a', 'aac', '-b:a', '64k', '-f', 'mp4', other]);
      expect(() => spliceAacMp4(whole, 705, readFileSync(other), 5, 64_000)).toThrow(
        /describe their audio differently/,
      );
    }
  }, 120_000);
});
