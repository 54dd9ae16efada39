import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { EspeakSynthesizer } from '../../adapters/tts/espeak';
import { createFfmpegToolchain, runFfmpeg } from '../../adapters/audio';
import { DEFAULT_MASTERING_TARGET } from '../../core/audio/masteringTarget';
import { evaluateReadiness } from '../../core/audio/readiness';
import type { MasteredChapter } from '../../core/ports/audio';
import { makeTempDir, readWithMusicMetadata, speak } from './helpers';

const audio = createFfmpegToolchain();

describe('chapter mastering and retail encodes', () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  let mastered: MasteredChapter;
  const master = () => path.join(dir, 'master.wav');
  const mp3 = () => path.join(dir, 'chapter-01.mp3');

  beforeAll(async () => {
    ({ dir, cleanup } = await makeTempDir('master'));
    const synthesizer = new EspeakSynthesizer();
    const lines: [string, string][] = [
      ['en-US-EspeakMale1', 'Chapter One. The Letter.'],
      [
        'en-US-EspeakMale1',
        'It was a bright cold day in April, and the clocks were striking thirteen. Nobody had expected the letter.',
      ],
      ['en-US-EspeakFemale1', '"Who sent it?" she asked, turning the envelope over in her hands.'],
    ];
    const segmentFiles = [];
    try {
      for (const [index, [voice, text]] of lines.entries()) {
        const file = path.join(dir, `segment-${index}.wav`);
        await synthesizer.synthesize({ ssml: speak(voice, text), outputFormat: 'pcm-24khz-16bit-mono' }, file);
        segmentFiles.push({ path: file, pauseAfterMs: index === 0 ? 1500 : 700 });
      }
    } finally {
      await synthesizer.close();
    }
    mastered = await audio.masterChapter(
      { segmentFiles, headRoomToneMs: 750, tailRoomToneMs: 2500, target: DEFAULT_MASTERING_TARGET, workDir: dir },
      master(),
    );
    await audio.encodeMp3Cbr(master(), mp3(), {
      bitrateKbps: 192,
      tags: { title: 'Chapter One', artist: 'A. Author', narrator: 'Digital voice' },
    });
  });
  afterAll(() => cleanup());

  it('writes a 44.1 kHz mono 16-bit master with segment positions and leaves no temp files', async () => {
    const probed = await audio.probe(master());
    expect(probed.audio).toMatchObject({ codecName: 'pcm_s16le', sampleRateHz: 44100, channels: 1 });
    expect(mastered.segmentStartsSec[0]).toBeCloseTo(0.75, 2);
    expect(mastered.segmentStartsSec).toHaveLength(3);
    expect((await readdir(dir)).filter((name) => name.startsWith('master-'))).toEqual([]);
  });

  it('the encoded MP3 meets the loudness, peak and noise-floor targets', async () => {
    const measured = await audio.measureLoudness(mp3());
    expect(measured.integratedLufs).not.toBeNull();
    expect(Math.abs(measured.integratedLufs! + 20)).toBeLessThanOrEqual(1);
    expect(measured.rmsDb!).toBeGreaterThanOrEqual(-23);
    expect(measured.rmsDb!).toBeLessThanOrEqual(-18);
    expect(measured.truePeakDb!).toBeLessThanOrEqual(-3);
    expect(measured.noiseFloorDb!).toBeLessThanOrEqual(-60);
    expect(measured.headSilenceMs).toBeGreaterThanOrEqual(500);
    expect(measured.tailSilenceMs).toBeGreaterThanOrEqual(1000);
  });

  it('puts room tone, not digital silence, at the head', async () => {
    const head = await audio.measureLoudness(mp3(), { startSec: 0.1, durationSec: 0.5 });
    expect(head.rmsDb!).toBeGreaterThan(-90);
    expect(head.rmsDb!).toBeLessThan(-55);
  });

  it('the MP3 is CBR 192 kbps, 44.1 kHz, mono, tagged, and passes the ACX audio rules', async () => {
    const probed = await audio.probe(mp3());
    expect(probed.audio).toMatchObject({ codecName: 'mp3', sampleRateHz: 44100, channels: 1, bitRateBps: 192000 });
    expect(probed.tags).toMatchObject({ title: 'Chapter One', artist: 'A. Author', composer: 'Digital voice' });
    const file = await audio.measureDeliverableFile(mp3(), 'chapter');
    expect(file.bitrateMode).toBe('cbr');
    const report = evaluateReadiness('acx', { files: [file], metadata: {}, aiNarrated: false });
    const audioRules = [
      'format',
      'sample-rate',
      'bitrate',
      'cbr',
      'channels',
      'rms',
      'peak',
      'noise-floor',
      'room-tone-head',
      'room-tone-tail',
      'file-length',
    ];
    for (const id of audioRules) expect(report.rules.find((rule) => rule.id === id)).toMatchObject({ passed: true });
    expect(report.rules.find((rule) => rule.id === 'cover')).toMatchObject({ passed: false, measured: 'missing' });
  });

  it('builds an M4B with titled chapters, tags and cover art', async () => {
    const cover = path.join(dir, 'cover.jpg');
    await runFfmpeg(['-y', '-f', 'lavfi', '-i', 'color=c=navy:s=320x320', '-frames:v', '1', cover]);
    const out = path.join(dir, 'book.m4b');
    const titles = ['Chapter One: The Letter', 'Chapter Two; "Replies" = #2'];
    const result = await audio.encodeM4b({
      chapters: titles.map((title) => ({ title, file: master() })),
      out,
      tags: {
        title: 'The Letter',
        album: 'The Letter',
        artist: 'A. Author',
        albumArtist: 'A. Author',
        narrator: 'Narrated by a digital voice',
        description: 'A short test book, narrated by a digital voice.',
        year: 2025,
        genre: 'Fiction',
      },
      coverJpeg: cover,
      workDir: dir,
    });
    expect(result.chapterStartsSec[1]).toBeCloseTo(mastered.durationSec, 1);

    const probed = await audio.probe(out);
    expect(probed.audio).toMatchObject({ codecName: 'aac', profile: 'LC', channels: 1, sampleRateHz: 44100 });
    expect(probed.chapters.map((c) => c.title)).toEqual(titles);
    expect(probed.coverArt).toMatchObject({ codecName: 'mjpeg', width: 320, height: 320, attachedPicture: true });
    expect(probed.tags).toMatchObject({
      title: 'The Letter',
      album: 'The Letter',
      artist: 'A. Author',
      album_artist: 'A. Author',
      composer: 'Narrated by a digital voice',
      genre: 'Fiction',
      date: '2025',
    });

    // Chapters are asserted with ffprobe above: music-metadata 11 cannot read chapter tracks whose text samples share
    // one chunk, which is how ffmpeg's mov muxer writes them (Apple Books, VLC and ffprobe read them fine).
    const metadata = await readWithMusicMetadata(out);
    expect(metadata).toMatchObject({
      title: 'The Letter',
      album: 'The Letter',
      artist: 'A. Author',
      albumartist: 'A. Author',
      composer: ['Narrated by a digital voice'],
      genre: ['Fiction'],
      pictureFormats: ['image/jpeg'],
      container: expect.stringMatching(/M4A|mp4|isom/i),
      codec: expect.stringMatching(/AAC/i),
    });
  });

  it('splits a long master in a pause under the per-file limit', async () => {
    const limitMinutes = 8 / 60;
    const parts = await audio.splitLongAudio(master(), { maxMinutes: limitMinutes, outDir: dir, stem: 'split' });
    expect(parts.length).toBeGreaterThanOrEqual(2);
    for (const part of parts) {
      const probed = await audio.probe(part.file);
      expect(probed.durationSec).toBeLessThanOrEqual(limitMinutes * 60 + 0.05);
    }
    // Cut points sit in pauses: the audio right at the cut is room tone.
    const cut = parts[0].endSec;
    const around = await audio.measureLoudness(master(), { startSec: Math.max(0, cut - 0.1), durationSec: 0.2 });
    expect(around.peakDb!).toBeLessThan(-40);
    const total = parts.reduce((sum, p) => sum + (p.endSec - p.startSec), 0);
    expect(total).toBeCloseTo(mastered.durationSec, 1);
  });
});

describe('mastering a chapter that is mostly room tone', () => {
  it('a title page still reaches ACX’s RMS floor, within its peak limit, with the least room tone ACX accepts', async () => {
    const { dir, cleanup } = await makeTempDir('master-short');
    try {
      const synthesizer = new EspeakSynthesizer();
      const segmentFiles = [];
      try {
        for (const [index, text] of ['Pride and Prejudice.', 'By Jane Austen.'].entries()) {
          const file = path.join(dir, `title-${index}.wav`);
          await synthesizer.synthesize(
            { ssml: speak('en-US-EspeakMale1', text), outputFormat: 'pcm-24khz-16bit-mono' },
            file,
          );
          // A heading rests 1.5 s before the text (the default pause policy).
          segmentFiles.push({ path: file, pauseAfterMs: 1500 });
        }
      } finally {
        await synthesizer.close();
      }
      const master = path.join(dir, 'master.wav');
      const mp3 = path.join(dir, 'title.mp3');
      const mastered = await audio.masterChapter(
        { segmentFiles, headRoomToneMs: 750, tailRoomToneMs: 2500, target: DEFAULT_MASTERING_TARGET, workDir: dir },
        master,
      );
      await audio.encodeMp3Cbr(master, mp3, { bitrateKbps: 192, tags: { title: 'Title page' } });
      const measured = await audio.measureLoudness(mp3);
      expect(mastered.segmentStartsSec[0]).toBeCloseTo(0.6, 2);
      expect(measured.rmsDb!).toBeGreaterThanOrEqual(-23);
      expect(measured.truePeakDb!).toBeLessThanOrEqual(-3);
      expect(measured.noiseFloorDb!).toBeLessThanOrEqual(-60);
      expect(measured.headSilenceMs).toBeGreaterThanOrEqual(500);
      expect(measured.tailSilenceMs).toBeGreaterThanOrEqual(1000);
    } finally {
      await cleanup();
    }
  });
});
