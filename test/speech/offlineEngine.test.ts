/**
 * The offline engine (espeak-ng WASM) and the port's two output formats, and what it makes of lexicon markup:
 * `<sub alias>` is spoken as the alias; `<phoneme>` (IPA) keeps its text, since espeak-ng reads only its own
 * phoneme mnemonics.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { readWavInfo } from '../../adapters/audio/wavHeader';
import { EspeakSynthesizer } from '../../adapters/tts/espeak';
import { translateSsml } from '../../adapters/tts/espeak/ssmlToEspeak';
import { SpeechPermanentError, type SpeechOutputFormat } from '../../core/ports/speech';

const speak = (body: string) =>
  '<speak version="1.0" xmlns="http://www.w3.org/2001/10/synthesis" xml:lang="en-US">' +
  `<voice name="en-US-EspeakFemale1">${body}</voice></speak>`;

describe('offline engine output formats and lexicon markup', () => {
  let synthesizer: EspeakSynthesizer;
  let dir: string;
  const out = (name: string) => path.join(dir, name);

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'khipu-offline-engine-'));
    synthesizer = new EspeakSynthesizer();
  });
  afterAll(async () => {
    await synthesizer.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('renders 48 kHz by resampling, with the same length as at 24 kHz', async () => {
    const ssml = speak('Forty eight thousand samples every second.');
    const at24 = await synthesizer.synthesize({ ssml, outputFormat: 'pcm-24khz-16bit-mono' }, out('24.wav'));
    const at48 = await synthesizer.synthesize({ ssml, outputFormat: 'pcm-48khz-16bit-mono' }, out('48.wav'));
    expect(await readWavInfo(out('24.wav'))).toMatchObject({ sampleRateHz: 24000, channels: 1, bitsPerSample: 16 });
    const info48 = await readWavInfo(out('48.wav'));
    expect(info48).toMatchObject({ audioFormat: 1, sampleRateHz: 48000, channels: 1, bitsPerSample: 16 });
    expect(at48.durationMs).toBe(Math.round(info48.durationSec * 1000));
    // Resampling keeps the length to within a sample or two of rounding.
    expect(Math.abs(at48.durationMs - at24.durationMs)).toBeLessThanOrEqual(2);
    expect(at48.bytes).toBeGreaterThan(at24.bytes * 1.9);
  });

  it('refuses a format the port does not define', async () => {
    const outputFormat = 'mp3-24khz-48kbit' as unknown as SpeechOutputFormat;
    await expect(synthesizer.synthesize({ ssml: speak('No.'), outputFormat }, out('x.wav'))).rejects.toBeInstanceOf(
      SpeechPermanentError,
    );
  });

  it('speaks <sub alias> as the alias and keeps the text of <phoneme>', async () => {
    const [aliasRun] = translateSsml(speak('Ask <sub alias="the World Wide Web Consortium">W3C</sub> today.'));
    expect(aliasRun.ssml).toContain('Ask the World Wide Web Consortium today.');
    expect(aliasRun.ssml).not.toContain('W3C');
    const [phonemeRun] = translateSsml(speak('A <phoneme alphabet="ipa" ph="təˈmɑːtəʊ">tomato</phoneme>.'));
    expect(phonemeRun.ssml).toContain('A tomato.');
    expect(phonemeRun.ssml).not.toContain('phoneme');

    // The audio follows the alias: the long alias takes clearly longer to say than the three letters.
    const plain = await synthesizer.synthesize(
      { ssml: speak('Ask W3C today.'), outputFormat: 'pcm-24khz-16bit-mono' },
      out('plain.wav'),
    );
    const aliased = await synthesizer.synthesize(
      {
        ssml: speak('Ask <sub alias="the World Wide Web Consortium">W3C</sub> today.'),
        outputFormat: 'pcm-24khz-16bit-mono',
      },
      out('alias.wav'),
    );
    expect(aliased.durationMs).toBeGreaterThan(plain.durationMs + 500);
  });
});
