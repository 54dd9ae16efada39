/**
 * New tags on an MP3 without touching its audio: a fresh ID3v2.3 tag (written by node-id3) followed by the source's
 * own bytes from its first MPEG frame (its Info/LAME header included, which already describes exactly these frames and
 * the encoder's delay and padding) to its last, any ID3v2 tag at the head and ID3v1 tag at the tail left out. No
 * process is started and no frame is parsed beyond the first header: a package's chapter files are written at the
 * speed of a file copy, where an ffmpeg stream copy per file cost a process start and a demux and mux of every frame.
 */
import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import NodeID3 from 'node-id3';
import type { AudioTags, WrittenFile } from '../../core/ports/audio';
import { containerTags } from './tags';

const ID3V2_HEADER_BYTES = 10;
const ID3V1_BYTES = 128;
/** An ID3v2 header's flag for a footer (a second 10-byte header after the tag). */
const ID3V2_FOOTER_FLAG = 0x10;

export class NotAnMp3Error extends Error {
  constructor(file: string) {
    super(`${file} does not start with an MPEG audio frame (after an optional ID3v2 tag)`);
    this.name = 'NotAnMp3Error';
  }
}

export interface RetagOptions {
  signal?: AbortSignal;
}

/** Writes `out` and returns its size and sha256, taken as it was written: the caller needs not read it back. */
export async function retagMp3(
  source: string,
  out: string,
  tags: AudioTags,
  options: RetagOptions = {},
): Promise<WrittenFile> {
  const audio = await audioSpan(source);
  const tag = id3v2Tag(tags);
  const hash = createHash('sha256');
  let bytes = 0;
  const counted = (chunk: Buffer) => {
    hash.update(chunk);
    bytes += chunk.length;
    return chunk;
  };
  // One pipeline from the tag to the end of the audio, so any error of the output (a folder gone, a full disk) rejects
  // this call: a write stream written to before a pipeline owns it would emit an error nobody listens to.
  await pipeline(
    async function* () {
      yield counted(tag);
      for await (const chunk of createReadStream(source, {
        start: audio.start,
        end: audio.end - 1,
        highWaterMark: 1 << 20,
      }))
        yield counted(chunk as Buffer);
    },
    createWriteStream(out),
    { signal: options.signal },
  );
  return { bytes, sha256: hash.digest('hex') };
}

/** The ID3v2.3 tag of a packaged MP3: the same frames an ffmpeg mux of these tags writes (containerTags). */
export function id3v2Tag(tags: AudioTags): Buffer {
  const fields = containerTags(tags, 'id3');
  return NodeID3.create({
    title: fields.title,
    album: fields.album,
    artist: fields.artist,
    performerInfo: fields.album_artist,
    composer: fields.composer,
    genre: fields.genre,
    year: fields.date,
    trackNumber: fields.track,
    copyright: fields.copyright,
    publisher: fields.publisher,
    ...(fields.comment !== undefined && { comment: { language: 'eng', text: fields.comment } }),
    ...(fields.narrator !== undefined && { userDefinedText: [{ description: 'narrator', value: fields.narrator }] }),
  });
}

/** Where the source's audio frames are: from its first frame header to before any ID3v1 tag. */
async function audioSpan(file: string): Promise<{ start: number; end: number }> {
  const size = (await stat(file)).size;
  const handle = await open(file, 'r');
  try {
    const read = async (position: number, length: number) => {
      const buffer = Buffer.alloc(Math.max(0, Math.min(length, size - position)));
      await handle.read(buffer, 0, buffer.length, position);
      return buffer;
    };
    let start = 0;
    const head = await read(0, ID3V2_HEADER_BYTES);
    if (head.length === ID3V2_HEADER_BYTES && head.toString('latin1', 0, 3) === 'ID3') {
      const tagSize = ((head[6] & 0x7f) << 21) | ((head[7] & 0x7f) << 14) | ((head[8] & 0x7f) << 7) | (head[9] & 0x7f);
      start = ID3V2_HEADER_BYTES + tagSize + (head[5] & ID3V2_FOOTER_FLAG ? ID3V2_HEADER_BYTES : 0);
    }
    if (!isMpegAudioFrameHeader(await read(start, 4))) throw new NotAnMp3Error(file);
    let end = size;
    if (end - start > ID3V1_BYTES && (await read(end - ID3V1_BYTES, 3)).toString('latin1') === 'TAG')
      end -= ID3V1_BYTES;
    return { start, end };
  } finally {
    await handle.close();
  }
}

/** An MPEG audio frame header: 11 sync bits, a defined version and layer, a valid bit rate and sample rate. */
function isMpegAudioFrameHeader(bytes: Buffer): boolean {
  if (bytes.length < 4 || bytes[0] !== 0xff || (bytes[1] & 0xe0) !== 0xe0) return false;
  const version = (bytes[1] >> 3) & 0x03;
  const layer = (bytes[1] >> 1) & 0x03;
  const bitrateIndex = bytes[2] >> 4;
  const sampleRateIndex = (bytes[2] >> 2) & 0x03;
  return version !== 1 && layer !== 0 && bitrateIndex !== 0 && bitrateIndex !== 15 && sampleRateIndex !== 3;
}
