/** The ffmpeg implementation of core's AudioToolchain port; binary paths come from config via the composition root. */
import type { AudioToolchain } from '../../core/ports/audio';
import { measureCover, measureDeliverableFile } from './deliverable';
import { encodeM4b, encodeMp3Cbr } from './encode';
import { masterChapter } from './master';
import { masterChapterRegion } from './masterRegion';
import { retagMp3 } from './mp3Retag';
import { measureLoudness } from './measure';
import { probe } from './probe';
import { splitLongAudio } from './split';

export { ffmpegPath, ffprobePath, runFfmpeg } from './ffmpeg';
export {
  measureLoudness,
  probe,
  masterChapter,
  encodeMp3Cbr,
  encodeM4b,
  retagMp3,
  splitLongAudio,
  measureDeliverableFile,
  measureCover,
};

export function createFfmpegToolchain(paths: { ffmpegPath?: string; ffprobePath?: string } = {}): AudioToolchain {
  const tools = { ffmpegPath: paths.ffmpegPath, ffprobePath: paths.ffprobePath };
  return {
    probe: (file) => probe(file, { binaryPath: paths.ffprobePath }),
    measureLoudness: (file, options) => measureLoudness(file, { ...tools, ...options }),
    masterChapter: (request, outFile) => masterChapter({ ...request, ...tools }, outFile),
    masterChapterRegion: (request) => masterChapterRegion({ ...request, ...tools }),
    encodeMp3Cbr: (master, out, options) => encodeMp3Cbr(master, out, { ...tools, ...options }),
    retagMp3: (source, out, tags) => retagMp3(source, out, tags),
    encodeM4b: (request) => encodeM4b({ ...request, ...tools }),
    splitLongAudio: (master, request) => splitLongAudio(master, { ...request, ...tools }),
    measureDeliverableFile: (file, role, name, loudness, probed) =>
      measureDeliverableFile(file, role, name, tools, loudness, probed),
    measureCover: (file) => measureCover(file),
  };
}
