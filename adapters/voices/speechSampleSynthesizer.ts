/**
 * Auditions through any SpeechSynthesizer: render into a private temp directory, read the (small) WAV, clean up.
 * Audition text is capped upstream, so the file is a few hundred kilobytes at most.
 */
import os from 'node:os';
import path from 'node:path';
import { readFile } from 'node:fs/promises';
import type { SpeechSynthesizer } from '../../core/ports/speech';
import type { SampleSynthesizer } from '../../core/ports/voices';
import { withTempDir } from '../audio/tempFiles';

export class SpeechSampleSynthesizer implements SampleSynthesizer {
  constructor(
    private readonly speech: () => SpeechSynthesizer,
    readonly engine: string,
    private readonly workDir: string = os.tmpdir(),
  ) {}

  synthesizeWav(ssml: string): Promise<Buffer> {
    return withTempDir(this.workDir, 'khipu-audition', async (dir) => {
      const target = path.join(dir, 'sample.wav');
      await this.speech().synthesize({ ssml, outputFormat: 'pcm-24khz-16bit-mono' }, target);
      return readFile(target);
    });
  }
}
