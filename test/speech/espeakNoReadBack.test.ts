/**
 * At the engine's own rate (what production asks for), the offline engine's file is renamed into place and described
 * from what the worker reported: the synthesizer does not open, stat or delete it again (a header read, a stat and a
 * delete per segment before). The reported duration and size are those of the file on disk.
 */
import fsPromises, { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { readWavInfo } from '../../adapters/audio/wavHeader';
import { EspeakSynthesizer } from '../../adapters/tts/espeak';

const ssml =
  '<speak version="1.0" xmlns="http://www.w3.org/2001/10/synthesis" xml:lang="en-US">' +
  '<voice name="en-US-EspeakFemale1">It is a truth universally acknowledged.</voice></speak>';

describe('offline engine at its own rate', () => {
  let synthesizer: EspeakSynthesizer;
  let dir: string;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'khipu-espeak-readback-'));
    synthesizer = new EspeakSynthesizer();
  });
  afterAll(async () => {
    jest.restoreAllMocks();
    await synthesizer.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('reports the file it wrote without reading it back', async () => {
    const target = path.join(dir, 'segment.wav');
    const touched: string[] = [];
    const record =
      (name: 'open' | 'stat' | 'rm') =>
      (file: unknown): void =>
        void touched.push(`${name} ${String(file)}`);
    const { open, stat: statFile, rm: remove } = fsPromises;
    jest.spyOn(fsPromises, 'open').mockImplementation(wrap(open, record('open')));
    jest.spyOn(fsPromises, 'stat').mockImplementation(wrap(statFile, record('stat')));
    jest.spyOn(fsPromises, 'rm').mockImplementation(wrap(remove, record('rm')));

    const result = await synthesizer.synthesize({ ssml, outputFormat: 'pcm-22050hz-16bit-mono' }, target);
    const reads = [...touched];
    jest.restoreAllMocks();

    expect(reads).toEqual([]);
    const info = await readWavInfo(target);
    expect(info).toMatchObject({ sampleRateHz: 22050, channels: 1, bitsPerSample: 16 });
    expect(result.durationMs).toBe(Math.round(info.durationSec * 1000));
    expect(result.bytes).toBe((await stat(target)).size);
    expect(result.durationMs).toBeGreaterThan(1000);
  });
});

/** Calls `original` after noting its first argument. */
function wrap<F extends (...args: never[]) => unknown>(original: F, note: (file: unknown) => void): F {
  return ((...args: Parameters<F>) => {
    note(args[0]);
    return original(...args);
  }) as F;
}
