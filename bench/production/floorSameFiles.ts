/**
 * The floor with the same files: what the floor (floor.ts) leaves out but the product's packages must carry, done the
 * cheapest direct way with the same engine and ffmpeg, after the floor's own phases and on its engines and files:
 *
 * 1. credits synthesis: the opening and closing credits' texts, each one request in the narrator's voice;
 * 2. one ffmpeg pass per credits file: resample, loudness gain, limiter, room tone at both ends, MP3 and AAC;
 * 3. one ffmpeg pass for the retail sample: the product's window length (240 s, or the whole chapter when shorter)
 *    cut from the first chapter's master, room tone at both ends, MP3;
 * 4. one measurement pass per output, two at a time, as for the floor's chapters.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { runFfmpeg } from '../../adapters/audio/ffmpeg';
import { lameCbrArgs } from '../../adapters/audio/mp3Encoding';
import { translateSsml } from '../../adapters/tts/espeak/ssmlToEspeak';
import { DEFAULT_ROOM_TONE } from '../../core/audio/masteringTarget';
import { SAMPLE_LIMITS } from '../../core/packaging/retailSample';
import { inPairs, LIMIT_DB, measureOutput, TARGET_RMS_DB, type FloorEngines } from './floor';

/** The product's credits: the shortest room tone ACX accepts, and 1 dB hotter than chapters (retailCredits.ts). */
const CREDITS_ROOM_TONE = { headSec: 0.5, tailSec: 1 } as const;
const CREDITS_RMS_DB = TARGET_RMS_DB + 1;
const SAMPLE_ROOM_TONE = { headSec: DEFAULT_ROOM_TONE.headMs / 1000, tailSec: DEFAULT_ROOM_TONE.tailMs / 1000 };
/** ffmpeg's pink `anoisesrc` has an RMS about 14.55 dB under its amplitude (as in adapters/audio/master.ts). */
const PINK_NOISE_CREST_DB = 14.55;
const SPEECH_RATE_HZ = 22050;

export interface CreditsSsml {
  opening: string;
  closing: string;
}

export interface SameFiles {
  credits: Record<keyof CreditsSsml, { mp3: string; m4a: string }>;
  /** Seconds of each credits file's speech, before its room tone. */
  creditsSpeechSec: Record<keyof CreditsSsml, number>;
  sample: string;
  /** Seconds of the sample's window cut from the master. */
  sampleWindowSec: number;
}

/**
 * The SSML request the product sends for a credits text: one segment of the narrator's, as the chapter-head request
 * `narratorRequest` (a chapter's first, its heading) is, with the text in place of the heading.
 */
export function creditsRequest(narratorRequest: string, text: string): string {
  const speak = /<speak\b[^>]*>/.exec(narratorRequest)?.[0];
  const voice = /<voice\b[^>]*>/.exec(narratorRequest)?.[0];
  if (!speak || !voice) throw new Error('the narrator request has no <speak> or <voice> element');
  const escaped = text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return `${speak}${voice}${escaped}</voice></speak>`;
}

/** Makes the credits and the retail sample from the floor's leftovers, `mark`ing the end of the credits' synthesis. */
export async function makeSameFiles(
  engines: FloorEngines,
  firstMaster: string,
  firstMasterSec: number,
  dir: string,
  credits: CreditsSsml,
  mark: (phase: string) => void,
): Promise<SameFiles> {
  const parts = ['opening', 'closing'] as const;
  const pcm: Buffer[] = [];
  await engines.synthesizeAll(
    parts.map((part) => translateSsml(credits[part], { voiceFallback: 'locale' })),
    (index, chunk) => {
      pcm[index] = chunk;
    },
  );
  mark('credits synthesis');

  const raws = parts.map((part) => path.join(dir, `credits-${part}.raw`));
  await Promise.all(raws.map((file, index) => writeFile(file, pcm[index]!)));
  const made = {} as SameFiles['credits'];
  for (const part of parts)
    made[part] = { mp3: path.join(dir, `credits-${part}.mp3`), m4a: path.join(dir, `credits-${part}.m4a`) };
  // The floor's chapters lack the product's pauses and room tone, so their length cannot choose the window as the
  // product's does (whole chapter up to 270 s, else to a pause by 240 s): a chapter the floor reads in 268 s is over
  // 270 s in the product. The product's longest cut, or the whole chapter when shorter.
  const sampleWindowSec = Math.min(SAMPLE_LIMITS.maxSec, firstMasterSec);
  const sample = path.join(dir, 'sample.mp3');
  const passes: (() => Promise<void>)[] = [
    ...parts.map((part, index) => () => masterCredits(raws[index]!, rmsDb(pcm[index]!), made[part])),
    () => cutSample(firstMaster, sampleWindowSec, sample),
  ];
  await inPairs(passes, (pass) => pass());
  await inPairs([...parts.flatMap((part) => [made[part].mp3, made[part].m4a]), sample], measureOutput);
  const speechSec = (index: number) => pcm[index]!.length / 2 / SPEECH_RATE_HZ;
  return { credits: made, creditsSpeechSec: { opening: speechSec(0), closing: speechSec(1) }, sample, sampleWindowSec };
}

function rmsDb(pcm: Buffer): number {
  let sumSquares = 0;
  for (let i = 0; i + 1 < pcm.length; i += 2) {
    const sample = pcm.readInt16LE(i) / 32768;
    sumSquares += sample * sample;
  }
  return 10 * Math.log10(sumSquares / Math.max(1, pcm.length / 2));
}

/** Pink room tone of `sec` seconds at the product's level, as the filter graph's `label`. */
function roomTone(sec: number, label: string): string {
  const amplitude = 10 ** ((DEFAULT_ROOM_TONE.levelDb + PINK_NOISE_CREST_DB) / 20);
  return `anoisesrc=color=pink:amplitude=${amplitude.toFixed(6)}:sample_rate=44100:duration=${sec}[${label}]`;
}

async function masterCredits(raw: string, speechRmsDb: number, out: { mp3: string; m4a: string }): Promise<void> {
  const gainDb = CREDITS_RMS_DB - speechRmsDb;
  const limit = (10 ** (LIMIT_DB / 20)).toFixed(4);
  await runFfmpeg([
    '-y',
    '-f',
    's16le',
    '-ar',
    String(SPEECH_RATE_HZ),
    '-ac',
    '1',
    '-i',
    raw,
    '-filter_complex',
    `${roomTone(CREDITS_ROOM_TONE.headSec, 'head')};${roomTone(CREDITS_ROOM_TONE.tailSec, 'tail')};` +
      `[0:a]aresample=44100,volume=${gainDb.toFixed(2)}dB,alimiter=limit=${limit}:level=disabled[speech];` +
      '[head][speech][tail]concat=n=3:v=0:a=1,asplit=2[mp3][aac]',
    '-map',
    '[mp3]',
    ...lameCbrArgs(192),
    out.mp3,
    '-map',
    '[aac]',
    '-c:a',
    'aac',
    '-b:a',
    '64k',
    '-f',
    'mp4',
    out.m4a,
  ]);
}

async function cutSample(master: string, windowSec: number, out: string): Promise<void> {
  await runFfmpeg([
    '-y',
    '-t',
    windowSec.toFixed(3),
    '-i',
    master,
    '-filter_complex',
    `${roomTone(SAMPLE_ROOM_TONE.headSec, 'head')};${roomTone(SAMPLE_ROOM_TONE.tailSec, 'tail')};` +
      '[head][0:a][tail]concat=n=3:v=0:a=1[out]',
    '-map',
    '[out]',
    ...lameCbrArgs(192),
    out,
  ]);
}
