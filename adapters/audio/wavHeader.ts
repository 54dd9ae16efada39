/** Reads a RIFF/WAVE header (bounded read of the first 64 KiB) for format and exact duration without ffprobe. */
import { open } from 'node:fs/promises';

export interface WavInfo {
  audioFormat: number;
  channels: number;
  sampleRateHz: number;
  bitsPerSample: number;
  dataOffset: number;
  dataBytes: number;
  durationSec: number;
}

const HEADER_READ_LIMIT = 64 * 1024;

export async function readWavInfo(file: string): Promise<WavInfo> {
  const handle = await open(file, 'r');
  try {
    const { size } = await handle.stat();
    const buffer = Buffer.alloc(Math.min(HEADER_READ_LIMIT, size));
    await handle.read(buffer, 0, buffer.length, 0);
    return parseWavHeader(buffer, size);
  } finally {
    await handle.close();
  }
}

export function parseWavHeader(buffer: Buffer, fileSize: number): WavInfo {
  if (buffer.length < 12 || buffer.toString('ascii', 0, 4) !== 'RIFF' || buffer.toString('ascii', 8, 12) !== 'WAVE') {
    throw new Error('not a RIFF/WAVE file');
  }
  let offset = 12;
  let format: Omit<WavInfo, 'dataOffset' | 'dataBytes' | 'durationSec'> | undefined;
  while (offset + 8 <= buffer.length) {
    const id = buffer.toString('ascii', offset, offset + 4);
    const chunkSize = buffer.readUInt32LE(offset + 4);
    const body = offset + 8;
    if (id === 'fmt ' && body + 16 <= buffer.length) {
      format = {
        audioFormat: buffer.readUInt16LE(body),
        channels: buffer.readUInt16LE(body + 2),
        sampleRateHz: buffer.readUInt32LE(body + 4),
        bitsPerSample: buffer.readUInt16LE(body + 14),
      };
    } else if (id === 'data') {
      if (!format) throw new Error('WAVE data chunk before fmt chunk');
      // Streamed writers leave 0 or 0xFFFFFFFF as the size: fall back to the file size.
      const declared = chunkSize === 0 || chunkSize === 0xffffffff ? fileSize - body : chunkSize;
      const dataBytes = Math.min(declared, fileSize - body);
      const bytesPerSecond = format.sampleRateHz * format.channels * (format.bitsPerSample / 8);
      return {
        ...format,
        dataOffset: body,
        dataBytes,
        durationSec: bytesPerSecond > 0 ? dataBytes / bytesPerSecond : 0,
      };
    }
    offset = body + chunkSize + (chunkSize % 2);
  }
  throw new Error('WAVE data chunk not found in the first 64 KiB');
}
