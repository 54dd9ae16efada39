import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { FfmpegError, runFfmpeg } from '../../adapters/audio/ffmpeg';
import { MeasurementParser } from '../../adapters/audio/measure';
import { chooseCuts } from '../../adapters/audio/split';
import { concatListLine } from '../../adapters/audio/tempFiles';
import { escapeFfmetadata } from '../../adapters/audio/encode';
import { makeTempDir } from './helpers';

describe('runFfmpeg', () => {
  it('refuses anything but an array of strings', () => {
    // Deliberately wrong types: the guard exists for callers that bypass the compiler.
    expect(() => runFfmpeg('-i input.wav out.mp3' as unknown as string[])).toThrow(TypeError);
    expect(() => runFfmpeg(['-i', 42] as unknown as string[])).toThrow(TypeError);
  });

  it('kills ffmpeg when the time limit passes', async () => {
    const started = runFfmpeg(['-f', 'lavfi', '-i', 'anoisesrc=r=8000', '-f', 'null', '-'], { timeoutMs: 300 });
    await expect(started).rejects.toThrow(/timed out/);
  });

  it('kills ffmpeg on abort', async () => {
    const controller = new AbortController();
    const started = runFfmpeg(['-f', 'lavfi', '-i', 'anoisesrc=r=8000', '-f', 'null', '-'], {
      signal: controller.signal,
    });
    setTimeout(() => controller.abort(), 100);
    await expect(started).rejects.toThrow(/aborted/);
  });

  it('refuses network protocols (file and pipe only)', async () => {
    const error = await runFfmpeg(['-i', 'http://127.0.0.1:9/x.wav', '-f', 'null', '-'], { timeoutMs: 20_000 }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(FfmpegError);
    expect((error as FfmpegError).stderrTail).toMatch(/whitelist/i);
  });

  it('reports failures with a bounded stderr tail', async () => {
    const { dir, cleanup } = await makeTempDir('ffmpeg');
    try {
      const bogus = path.join(dir, 'not-audio.wav');
      await writeFile(bogus, 'hello');
      const error = (await runFfmpeg(['-i', bogus, '-f', 'null', '-'], { maxStderrBytes: 200 }).catch(
        (e: unknown) => e,
      )) as FfmpegError;
      expect(error).toBeInstanceOf(FfmpegError);
      expect(error.exitCode).not.toBe(0);
      expect(error.stderrTail.length).toBeLessThanOrEqual(200);
    } finally {
      await cleanup();
    }
  });

  it('rejects an unsafe concat list entry under safe mode', async () => {
    const { dir, cleanup } = await makeTempDir('concat');
    try {
      await mkdir(path.join(dir, 'sub'));
      const list = path.join(dir, 'list.ffconcat');
      await writeFile(list, 'ffconcat version 1.0\n' + concatListLine('/etc/passwd'));
      await expect(runFfmpeg(['-f', 'concat', '-safe', '1', '-i', list, '-f', 'null', '-'])).rejects.toThrow(
        FfmpegError,
      );
    } finally {
      await cleanup();
    }
  });
});

describe('pure helpers', () => {
  it('quotes concat list entries the way the demuxer reads them', () => {
    expect(concatListLine("it's.wav")).toBe("file 'it'\\''s.wav'\n");
    expect(() => concatListLine('a\nfile /etc/passwd')).toThrow();
  });

  it('escapes ffmetadata specials', () => {
    expect(escapeFfmetadata('A=B; #1 \\ x\ny')).toBe('A\\=B\\; \\#1 \\\\ x\\\ny');
  });

  it('parses ebur128, astats, windowed RMS and silencedetect output', () => {
    const parser = new MeasurementParser();
    const log = [
      '[silencedetect @ 0x1] silence_start: 0',
      '[silencedetect @ 0x1] silence_end: 0.8 | silence_duration: 0.8',
      '[ametadata@window @ 0x2] lavfi.astats.Overall.RMS_level=-65.5',
      '[ametadata@window @ 0x2] lavfi.astats.Overall.RMS_level=-20.1',
      '[ametadata@window @ 0x2] lavfi.astats.Overall.RMS_level=-inf',
      '[silencedetect @ 0x1] silence_start: 8.5',
      '[silencedetect @ 0x1] silence_end: 10 | silence_duration: 1.5',
      '[Parsed_ebur128_5 @ 0x3] Summary:',
      '  Integrated loudness:',
      '    I:         -19.8 LUFS',
      '  Loudness range:',
      '    LRA:         5.1 LU',
      '  True peak:',
      '    Peak:       -4.2 dBFS',
      '[astats@overall @ 0x4] Channel: 1',
      '[astats@overall @ 0x4] RMS level dB: -99.0',
      '[astats@overall @ 0x4] Overall',
      '[astats@overall @ 0x4] Peak level dB: -4.9',
      '[astats@overall @ 0x4] RMS level dB: -21.3',
    ];
    for (const line of log) parser.line(line);
    expect(parser.result(10)).toEqual({
      integratedLufs: -19.8,
      loudnessRangeLu: 5.1,
      truePeakDb: -4.2,
      rmsDb: -21.3,
      peakDb: -4.9,
      // The trailing (possibly partial) window is ignored.
      noiseFloorDb: -65.5,
      headSilenceMs: 800,
      tailSilenceMs: 1500,
      durationSec: 10,
    });
  });

  it('chooses split points in pauses near the limit, or at the limit when there is none', () => {
    expect(chooseCuts(250, 100, [30, 85, 95, 130, 180, 240], 0.8)).toEqual([95, 180]);
    expect(chooseCuts(250, 100, [], 0.8)).toEqual([100, 200]);
    expect(chooseCuts(90, 100, [30], 0.8)).toEqual([]);
  });
});
