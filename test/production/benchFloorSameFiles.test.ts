import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { runFfmpeg } from '../../adapters/audio/ffmpeg';
import { probe } from '../../adapters/audio/probe';
import { FloorEngines } from '../../bench/production/floor';
import { creditsRequest, makeSameFiles } from '../../bench/production/floorSameFiles';
import { SAMPLE_LIMITS } from '../../core/packaging/retailSample';

/**
 * The production benchmark's "floor with the same files" makes what the product's packages carry beyond the
 * chapters: both credits files in MP3 and AAC (speech with 0.5 s of room tone before and 1 s after, as the product's)
 * and a retail sample of the product's window length (at most 240 s) cut from the first chapter's master, with room
 * tone at its ends (0.75 s and 2.5 s). Real espeak-ng and ffmpeg.
 */
jest.setTimeout(120_000);

const NARRATOR_REQUEST =
  '<speak version="1.0" xmlns="http://www.w3.org/2001/10/synthesis" xml:lang="en-US">' +
  '<voice name="en-US-EspeakMale1">Chapter 1</voice></speak>';

let dir: string;
let engines: FloorEngines;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'floor-same-files-'));
  engines = new FloorEngines();
});

afterAll(async () => {
  await engines.close();
  await rm(dir, { recursive: true, force: true });
});

test('a credits request is the narrator request with the credits text, escaped, in place of its heading', () => {
  expect(creditsRequest(NARRATOR_REQUEST, 'Pride & Prejudice. <The End>.')).toBe(
    '<speak version="1.0" xmlns="http://www.w3.org/2001/10/synthesis" xml:lang="en-US">' +
      '<voice name="en-US-EspeakMale1">Pride &amp; Prejudice. &lt;The End&gt;.</voice></speak>',
  );
});

test('the credits in MP3 and AAC, and the retail sample cut from the first master, each of the expected length', async () => {
  // Under the product's whole-chapter limit, but the floor's chapters are shorter than the product's: still a cut.
  const masterSec = SAMPLE_LIMITS.maxSec + 20;
  const master = path.join(dir, 'chapter-0.wav');
  await runFfmpeg([
    '-y',
    '-f',
    'lavfi',
    '-i',
    `sine=frequency=220:sample_rate=44100:duration=${masterSec}`,
    '-ac',
    '1',
    '-c:a',
    'pcm_s16le',
    master,
  ]);
  const phases: string[] = [];
  const made = await makeSameFiles(
    engines,
    master,
    masterSec,
    dir,
    {
      opening: creditsRequest(NARRATOR_REQUEST, 'Pride and Prejudice. Written by Jane Austen.'),
      closing: creditsRequest(NARRATOR_REQUEST, 'This has been Pride and Prejudice, written by Jane Austen. The End.'),
    },
    (phase) => phases.push(phase),
  );

  expect(phases).toEqual(['credits synthesis']);
  for (const part of ['opening', 'closing'] as const) {
    const speechSec = made.creditsSpeechSec[part];
    expect(speechSec).toBeGreaterThan(1);
    const mp3 = await probe(made.credits[part].mp3);
    const m4a = await probe(made.credits[part].m4a);
    expect(mp3.audio?.codecName).toBe('mp3');
    expect(m4a.audio?.codecName).toBe('aac');
    // Speech plus 1.5 s of room tone; encoder padding adds a few hundredths.
    expect(mp3.durationSec).toBeCloseTo(speechSec + 1.5, 0);
    expect(m4a.durationSec).toBeCloseTo(speechSec + 1.5, 0);
  }
  expect(made.sampleWindowSec).toBe(SAMPLE_LIMITS.maxSec);
  const sample = await probe(made.sample);
  expect(sample.audio?.codecName).toBe('mp3');
  expect(sample.durationSec).toBeCloseTo(SAMPLE_LIMITS.maxSec + 0.75 + 2.5, 0);
});
