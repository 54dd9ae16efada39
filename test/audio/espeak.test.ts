import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { EspeakSynthesizer, offlineVoices } from '../../adapters/tts/espeak';
import { measureLoudness } from '../../adapters/audio/measure';
import { readWavInfo } from '../../adapters/audio/wavHeader';
import { SpeechPermanentError } from '../../core/ports/speech';
import { makeTempDir, speak } from './helpers';

const FORMAT = 'pcm-24khz-16bit-mono' as const;

describe('offline espeak-ng synthesizer', () => {
  let synthesizer: EspeakSynthesizer;
  let dir: string;
  let cleanup: () => Promise<void>;

  beforeAll(async () => {
    ({ dir, cleanup } = await makeTempDir('espeak'));
    synthesizer = new EspeakSynthesizer();
  });
  afterAll(async () => {
    await synthesizer.close();
    await cleanup();
  });

  const synth = (ssml: string, name: string) =>
    synthesizer.synthesize({ ssml, outputFormat: FORMAT }, path.join(dir, name));

  it.each([
    ['en-US-EspeakFemale1', 'en-US', 'The quick brown fox jumps over the lazy dog.'],
    ['es-419-EspeakMale1', 'es-419', '—¿Llegaste? —preguntó Rosa, mirando por la ventana.'],
    ['pt-BR-EspeakFemale2', 'pt-BR', 'Olá! Como você está hoje? Espero que bem.'],
    ['pt-PT-EspeakMale2', 'pt-PT', 'Bom dia, senhor. A viagem foi longa.'],
  ])('speaks %s as a 24 kHz 16-bit mono WAV that is not silent', async (voice, lang, text) => {
    const file = `${voice}.wav`;
    const result = await synth(speak(voice, text, lang), file);
    const info = await readWavInfo(path.join(dir, file));
    expect(info).toMatchObject({ audioFormat: 1, sampleRateHz: 24000, channels: 1, bitsPerSample: 16 });
    expect(result.durationMs).toBeGreaterThan(1000);
    expect(result.durationMs).toBe(Math.round(info.durationSec * 1000));
    const loudness = await measureLoudness(path.join(dir, file));
    expect(loudness.rmsDb).toBeGreaterThan(-40);
    expect(loudness.peakDb).toBeGreaterThan(-20);
  });

  it('is deterministic: the same SSML gives byte-identical audio, across calls and instances', async () => {
    const ssml = speak('en-GB-EspeakMale3', 'It was the best of times, it was the worst of times.', 'en-GB');
    await synth(ssml, 'det-a.wav');
    await synth(speak('es-ES-EspeakFemale1', 'Otra frase en medio.', 'es-ES'), 'det-other.wav');
    await synth(ssml, 'det-b.wav');
    const other = new EspeakSynthesizer();
    try {
      await other.synthesize({ ssml, outputFormat: FORMAT }, path.join(dir, 'det-c.wav'));
    } finally {
      await other.close();
    }
    const [a, b, c] = await Promise.all(
      ['det-a.wav', 'det-b.wav', 'det-c.wav'].map((f) => readFile(path.join(dir, f))),
    );
    expect(a.length).toBeGreaterThan(44);
    expect(b.equals(a)).toBe(true);
    expect(c.equals(a)).toBe(true);
  });

  it('gives the same, whole sentence whatever the worker spoke before (no state carried between requests)', async () => {
    const bridge =
      'At the bridge they stopped to watch the water, which ran quickly after the rain of the night before.';
    const father =
      'Their father, hearing this, only smiled and returned to his book, as he always did on such occasions.';
    const fresh = new EspeakSynthesizer();
    try {
      const alone = await fresh.synthesize(
        { ssml: speak('en-US-EspeakMale1', bridge, 'en-US'), outputFormat: FORMAT },
        path.join(dir, 'bridge-alone.wav'),
      );
      // A worker that has just spoken another long sentence used to cut the next one short.
      const first = await synth(speak('en-US-EspeakMale1', father, 'en-US'), 'father.wav');
      const after = await synth(speak('en-US-EspeakMale1', bridge, 'en-US'), 'bridge-after.wav');
      expect(first.durationMs).toBeGreaterThan(4000);
      expect(after.durationMs).toBe(alone.durationMs);
      expect(await readFile(path.join(dir, 'bridge-after.wav'))).toEqual(
        await readFile(path.join(dir, 'bridge-alone.wav')),
      );
    } finally {
      await fresh.close();
    }
  });

  it('one engine per worker: 40 requests in any order, each byte-identical to a fresh engine’s', async () => {
    const long = Array.from(
      { length: 12 },
      (_, i) =>
        `Sentence ${i + 1} of a long paragraph runs on, as novels do, past the end of the line before it stops.`,
    ).join(' ');
    const requests = [
      speak('en-US-EspeakMale1', 'At the bridge they stopped to watch the water.'),
      speak('en-GB-EspeakFemale2', long, 'en-GB'),
      speak('es-419-EspeakMale3', '—¿Llegaste? —preguntó Rosa. <break time="400ms"/> Nadie respondió.', 'es-419'),
      speak('pt-BR-EspeakFemale1', '<prosody rate="-20%">Olá! Como você está hoje?</prosody>', 'pt-BR'),
      '<speak version="1.0" xml:lang="en-US"><voice name="en-US-EspeakMale2">Hello.</voice>' +
        '<voice name="es-ES-EspeakFemale1">Hola, ¿qué tal?</voice></speak>',
    ];
    const fresh: Buffer[] = [];
    for (const [index, ssml] of requests.entries()) {
      const engine = new EspeakSynthesizer();
      try {
        const file = path.join(dir, `fresh-${index}.wav`);
        await engine.synthesize({ ssml, outputFormat: 'pcm-22050hz-16bit-mono' }, file);
        fresh.push(await readFile(file));
      } finally {
        await engine.close();
      }
    }
    const shared = new EspeakSynthesizer();
    try {
      // A fixed shuffle: every request follows every other at least once.
      let state = 7;
      for (let n = 0; n < 40; n++) {
        state = (state * 1103515245 + 12345) % 2147483648;
        const index = state % requests.length;
        const file = path.join(dir, `shared-${n}.wav`);
        await shared.synthesize({ ssml: requests[index], outputFormat: 'pcm-22050hz-16bit-mono' }, file);
        const bytes = await readFile(file);
        expect({ n, index, bytes: bytes.length, same: bytes.equals(fresh[index]) }).toEqual({
          n,
          index,
          bytes: fresh[index].length,
          same: true,
        });
      }
    } finally {
      await shared.close();
    }
  }, 180_000);

  it('writes the engine’s own 22.05 kHz without resampling, and resamples the same audio for 24 kHz', async () => {
    const ssml = speak('en-US-EspeakFemale1', 'The same words at two rates.');
    const native = await synthesizer.synthesize(
      { ssml, outputFormat: 'pcm-22050hz-16bit-mono' },
      path.join(dir, 'native.wav'),
    );
    const nativeInfo = await readWavInfo(path.join(dir, 'native.wav'));
    const resampled = await synthesizer.synthesize({ ssml, outputFormat: FORMAT }, path.join(dir, 'resampled.wav'));
    expect(nativeInfo).toMatchObject({ audioFormat: 1, sampleRateHz: 22050, channels: 1, bitsPerSample: 16 });
    expect(Math.abs(native.durationMs - resampled.durationMs)).toBeLessThanOrEqual(1);
  });

  it('honours <break>: a 2 s break lengthens the audio by about 2 s', async () => {
    const plain = await synth(speak('en-US-EspeakMale1', 'First part. Second part.'), 'nobreak.wav');
    const withBreak = await synth(
      speak('en-US-EspeakMale1', 'First part. <break time="2s"/> Second part.'),
      'break.wav',
    );
    expect(withBreak.durationMs - plain.durationMs).toBeGreaterThan(1500);
    expect(withBreak.durationMs - plain.durationMs).toBeLessThan(2600);
  });

  it('honours <prosody rate>: slower speech lasts longer', async () => {
    const text = 'This sentence is spoken at two different speeds for the test.';
    const slow = await synth(speak('en-US-EspeakFemale2', `<prosody rate="-30%">${text}</prosody>`), 'slow.wav');
    const fast = await synth(speak('en-US-EspeakFemale2', `<prosody rate="+30%">${text}</prosody>`), 'fast.wav');
    expect(slow.durationMs).toBeGreaterThan(fast.durationMs * 1.3);
  });

  it('accepts Azure-only markup (express-as, phoneme, sub, lexicon) and escaped text', async () => {
    const body =
      '<mstts:express-as style="cheerful" styledegree="0.6">Tom &amp; Jerry said 3 &lt; 4.</mstts:express-as> ' +
      '<phoneme alphabet="ipa" ph="təˈmeɪtoʊ">tomato</phoneme> <sub alias="World Wide Web">WWW</sub>';
    const result = await synth(speak('en-US-EspeakMale2', body), 'azure-markup.wav');
    expect(result.durationMs).toBeGreaterThan(2000);
    expect(result.billableCharacters).toBeGreaterThan(body.length - 5);
  });

  it('switches voices inside one request', async () => {
    const ssml =
      '<speak version="1.0" xml:lang="en-US"><voice name="en-US-EspeakMale1">Hello.</voice>' +
      '<voice name="es-ES-EspeakFemale1">Hola, ¿qué tal?</voice></speak>';
    const result = await synth(ssml, 'two-voices.wav');
    expect(result.durationMs).toBeGreaterThan(1000);
  });

  it('rejects unknown voices and malformed SSML as permanent errors', async () => {
    await expect(synth(speak('xx-XX-NobodyNeural', 'Hi.'), 'bad1.wav')).rejects.toBeInstanceOf(SpeechPermanentError);
    await expect(synth('<speak><voice name="en-US-EspeakMale1">Hi.</voice>', 'bad2.wav')).rejects.toBeInstanceOf(
      SpeechPermanentError,
    );
    await expect(synth('no markup at all', 'bad3.wav')).rejects.toBeInstanceOf(SpeechPermanentError);
  });

  it('every catalog language and variant is one espeak-ng knows', async () => {
    const oneOfEach = new Map<string, (typeof offlineVoices)[number]>();
    for (const voice of offlineVoices) {
      if (!oneOfEach.has(voice.espeakVoice)) oneOfEach.set(voice.espeakVoice, voice);
      if (!oneOfEach.has(voice.variant)) oneOfEach.set(voice.variant, voice);
    }
    for (const voice of oneOfEach.values()) {
      const result = await synth(speak(voice.name, 'Ok.', voice.locale), 'catalog.wav');
      expect(result.durationMs).toBeGreaterThan(100);
    }
  });

  it('catalogs male and female voices for every required locale', () => {
    for (const locale of ['en-US', 'en-GB', 'es-ES', 'es-419', 'pt-BR', 'pt-PT']) {
      const voices = offlineVoices.filter((v) => v.locale === locale);
      expect(voices.some((v) => v.gender === 'female')).toBe(true);
      expect(voices.some((v) => v.gender === 'male')).toBe(true);
      for (const voice of voices) expect(voice).toMatchObject({ engine: 'offline', styles: [] });
    }
  });
});
