import type { Readable } from 'node:stream';
import type { BlobStore } from '../ports/blobs';
import type { SampleSynthesizer, VoiceCatalog, VoiceDescriptor } from '../ports/voices';
import { AuditionService, MAX_AUDITION_TEXT_CHARS, sampleText } from './auditionService';
import { filterVoices } from './voiceFilter';

const voices: VoiceDescriptor[] = [
  { name: 'en-US-JennyNeural', locale: 'en-US', gender: 'female', styles: ['cheerful'], engine: 'azure' },
  { name: 'es-PE-AlexNeural', locale: 'es-PE', gender: 'male', styles: [], engine: 'azure' },
];
const catalog: VoiceCatalog = {
  engine: 'azure',
  list: (filter) => Promise.resolve(filterVoices(voices, filter)),
  find: (name) => Promise.resolve(voices.find((v) => v.name.toLowerCase() === name.toLowerCase())),
};

/** Records what would be sent to the engine; the real engines are exercised by the API tests. */
class RecordingSynthesizer implements SampleSynthesizer {
  readonly engine = 'azure';
  readonly ssml: string[] = [];
  synthesizeWav(ssml: string): Promise<Buffer> {
    this.ssml.push(ssml);
    return Promise.resolve(Buffer.from(`RIFF${this.ssml.length}`));
  }
}

class MemoryBlobs implements Pick<BlobStore, 'readBuffer' | 'putIfAbsent'> {
  readonly blobs = new Map<string, Buffer>();
  readBuffer(name: string): Promise<Buffer | undefined> {
    return Promise.resolve(this.blobs.get(name));
  }
  putIfAbsent(name: string, body: Buffer | Readable): Promise<boolean> {
    if (this.blobs.has(name)) return Promise.resolve(false);
    this.blobs.set(name, body as Buffer);
    return Promise.resolve(true);
  }
}

function setup() {
  const synthesizer = new RecordingSynthesizer();
  const blobs = new MemoryBlobs();
  const service = new AuditionService({ catalog, synthesizer, blobs: blobs as unknown as BlobStore });
  return { synthesizer, blobs, service };
}

describe('auditions', () => {
  it('escapes text into SSML, caches per tenant by content, and synthesizes once', async () => {
    const { synthesizer, blobs, service } = setup();
    const request = { voiceName: 'en-US-JennyNeural', text: 'Tom & <b>Jerry</b> ]]>', style: 'cheerful' };
    const first = await service.audition('t-one', request);
    const again = await service.audition('t-one', request);
    const otherTenant = await service.audition('t-two', request);
    expect([first.cached, again.cached, otherTenant.cached]).toEqual([false, true, false]);
    expect(first.blobName).toMatch(/^tenants\/t-one\/auditions\/[0-9a-f]{64}\.wav$/);
    expect(otherTenant.blobName.startsWith('tenants/t-two/')).toBe(true);
    expect(synthesizer.ssml).toHaveLength(2);
    expect(synthesizer.ssml[0]).toContain('Tom &amp; &lt;b&gt;Jerry&lt;/b&gt; ]]&gt;');
    expect(synthesizer.ssml[0]).toContain('style="cheerful"');
    expect(blobs.blobs.size).toBe(2);
  });

  it('refuses voices and styles outside the catalog, naming the field', async () => {
    const { service } = setup();
    await expect(service.audition('t', { voiceName: 'en-US-Nobody' })).rejects.toMatchObject({
      code: 'validation_failed',
      details: { fields: [{ field: 'voiceName' }] },
    });
    await expect(service.audition('t', { voiceName: 'es-PE-AlexNeural', style: 'cheerful' })).rejects.toMatchObject({
      details: { fields: [{ field: 'style' }] },
    });
  });

  it('caps the text and falls back to a default line in the voice’s language', () => {
    expect(sampleText('word '.repeat(200), 'en-US').length).toBeLessThanOrEqual(MAX_AUDITION_TEXT_CHARS);
    expect(sampleText(undefined, 'es-PE')).toMatch(/mañana/);
    expect(sampleText('   ', 'pt-BR')).toMatch(/manhã/);
  });
});
