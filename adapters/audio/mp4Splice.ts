/**
 * Joining two AAC MP4s of one chapter packet by packet, without a process: the stored file's packets up to a cut,
 * then the packets of a region encoded again from a frame boundary before the cut (its first packets, the encoder's
 * priming and start-up, thrown away). Every AAC packet decodes on its own bytes; only the overlap of two neighbouring
 * frames' windows ties them, and there the two encodes carry the same samples (docs/audio-pipeline.md, "Re-rendering
 * only the region that changed"). The joined file is laid out as ffmpeg's muxer lays out a whole encode (ftyp, free,
 * mdat, moov): the stored file's header and `moov` with their sample tables written again (durations, sizes, chunks of
 * under 1 MiB, the roll group) and their durations rounded as the muxer rounds them, so the priming edit list skips
 * the same 1,024 samples and plays the chapter's length. Anything else (another layout, several tracks, 64-bit boxes,
 * another sample description) is refused with Mp4SpliceError, for the caller to encode the whole AAC.
 */

import {
  Mp4SpliceError,
  readAacMp4,
  rebuildBox,
  sampleGroups,
  sampleTables,
  toMovieTime,
  version0,
  writeEsdsBitRates,
} from './mp4Boxes';

/**
 * An MP4's packet count and the samples it plays (its media's duration less the priming its edit skips), read as the
 * splice reads it: a file the splice refuses throws Mp4SpliceError.
 */
export function aacMp4Packets(data: Buffer): { count: number; samples: number } {
  const mp4 = readAacMp4(data);
  const media = mp4.durations.reduce((sum, duration) => sum + duration, 0);
  return { count: mp4.sizes.length, samples: media - mp4.primingSamples };
}

/**
 * The stored MP4's packets 0 … keepPackets − 1 (its priming packet first), then the region's from skipPackets on.
 * Both must be what the muxer writes for one AAC track, described alike; `nominalBitRate` (bits a second, the
 * encoder's target) is the floor of the maximum bit rate the muxer writes in the esds.
 */
export function spliceAacMp4(
  stored: Buffer,
  keepPackets: number,
  region: Buffer,
  skipPackets: number,
  nominalBitRate: number,
): Buffer {
  const before = readAacMp4(stored);
  const after = readAacMp4(region);
  const sameScales =
    before.timescale === after.timescale &&
    before.movieTimescale === after.movieTimescale &&
    before.primingSamples === after.primingSamples;
  if (before.description !== after.description || !sameScales)
    throw new Mp4SpliceError('the MP4s describe their audio differently');
  if (keepPackets < 1 || keepPackets >= before.sizes.length) throw new Mp4SpliceError('the cut is past the stored MP4');
  if (skipPackets < 1 || skipPackets >= after.sizes.length)
    throw new Mp4SpliceError('the region has no packets to keep');
  if ((before.groups.length === 0) !== (after.groups.length === 0))
    throw new Mp4SpliceError('one MP4 groups its packets and the other does not');
  const take = <T>(stored: T[], regional: T[]) => [...stored.slice(0, keepPackets), ...regional.slice(skipPackets)];
  const sizes = take(before.sizes, after.sizes);
  const durations = take(before.durations, after.durations);
  const groups = take(before.groups, after.groups);
  const packets = [
    ...before.offsets.slice(0, keepPackets).map((at, i) => stored.subarray(at, at + before.sizes[i])),
    ...after.offsets.slice(skipPackets).map((at, i) => region.subarray(at, at + after.sizes[skipPackets + i])),
  ];
  const payload = Buffer.concat(packets);
  if (payload.length + 8 > 0xffffffff) throw new Mp4SpliceError('an mdat past 4 GiB');

  // The file up to the mdat (ftyp, free), the mdat, then the moov: the muxer's layout for a whole encode.
  const head = stored.subarray(0, before.mdat.at);
  const mdatHeader = Buffer.alloc(8);
  mdatHeader.writeUInt32BE(payload.length + 8, 0);
  mdatHeader.write('mdat', 4, 'latin1');
  const firstPacketAt = head.length + 8;

  const mediaDuration = durations.reduce((sum, duration) => sum + duration, 0);
  const movieTime = (value: number) => toMovieTime(value, before.timescale, before.movieTimescale);
  const averageBitRate = Number((BigInt(payload.length) * 8n * BigInt(before.timescale)) / BigInt(mediaDuration));
  const tables: Record<string, Buffer> = sampleTables(durations, sizes, firstPacketAt);
  const moov = rebuildBox(stored, before.moov, (box, bytes) => {
    if (tables[box.type]) return tables[box.type];
    const copy = Buffer.from(bytes);
    switch (box.type) {
      case 'sbgp':
        return sampleGroups(copy, groups);
      case 'mvhd':
      case 'tkhd': {
        version0(copy, { ...box, at: 0 });
        // The movie's and the track's duration, priming included, in the movie's time scale rounded up.
        copy.writeUInt32BE(movieTime(mediaDuration), box.type === 'mvhd' ? 24 : 28);
        return copy;
      }
      case 'mdhd':
        copy.writeUInt32BE(mediaDuration, 24);
        return copy;
      case 'elst':
        // The track's duration rounded up, less its priming rounded up: the muxer's arithmetic (movenc.c).
        copy.writeUInt32BE(movieTime(mediaDuration) - movieTime(before.primingSamples), 16);
        return copy;
      case 'esds':
        writeEsdsBitRates(copy, Math.max(nominalBitRate, averageBitRate), averageBitRate);
        return copy;
      default:
        return copy;
    }
  });
  return Buffer.concat([head, mdatHeader, payload, moov]);
}
