/** CBR/VBR detection for MP3 (ffprobe cannot tell): the LAME "Info" tag marks CBR, "Xing"/"VBRI" VBR; else frame scan. */
import { open } from 'node:fs/promises';
import type { BitrateMode } from '../../core/audio/measurements';

const READ_BYTES = 256 * 1024;
const BITRATES_MPEG1_L3 = [0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320, 0];

export async function detectMp3BitrateMode(file: string): Promise<BitrateMode> {
  const handle = await open(file, 'r');
  try {
    const buffer = Buffer.alloc(READ_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, READ_BYTES, 0);
    return mp3BitrateMode(buffer.subarray(0, bytesRead));
  } finally {
    await handle.close();
  }
}

export function mp3BitrateMode(data: Buffer): BitrateMode {
  let offset = 0;
  if (data.toString('latin1', 0, 3) === 'ID3' && data.length >= 10) {
    const size = ((data[6] & 0x7f) << 21) | ((data[7] & 0x7f) << 14) | ((data[8] & 0x7f) << 7) | (data[9] & 0x7f);
    offset = 10 + size;
  }
  const first = findFrame(data, offset);
  if (first < 0) return 'unknown';
  const head = data.toString('latin1', first, Math.min(data.length, first + 200));
  if (head.includes('Info')) return 'cbr';
  if (head.includes('Xing') || head.includes('VBRI')) return 'vbr';
  const rates = new Set<number>();
  let position = first;
  for (let frames = 0; frames < 200 && position >= 0; frames++) {
    const header = parseHeader(data, position);
    if (!header) break;
    rates.add(header.bitrate);
    position += header.length;
  }
  if (rates.size === 0) return 'unknown';
  return rates.size === 1 ? 'cbr' : 'vbr';
}

function findFrame(data: Buffer, from: number): number {
  for (let i = from; i + 4 <= data.length; i++) if (parseHeader(data, i)) return i;
  return -1;
}

/** MPEG-1 Layer III only (all we produce); other layers are reported as unknown. */
function parseHeader(data: Buffer, i: number): { bitrate: number; length: number } | undefined {
  if (i + 4 > data.length || data[i] !== 0xff || (data[i + 1] & 0xfe) !== 0xfa) return undefined;
  const bitrate = BITRATES_MPEG1_L3[data[i + 2] >> 4];
  const sampleRate = [44100, 48000, 32000, 0][(data[i + 2] >> 2) & 3];
  if (!bitrate || !sampleRate) return undefined;
  const padding = (data[i + 2] >> 1) & 1;
  return { bitrate, length: Math.floor((144000 * bitrate) / sampleRate) + padding };
}
