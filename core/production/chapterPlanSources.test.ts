import type { CharacterRecord } from '../book/records';
import { DEFAULT_PAUSE_POLICY } from '../planning/pausePolicy';
import type { BlobStore } from '../ports/blobs';
import { releaseJobPins } from './chapterLinesPin';
import { readChapterPlanSources, type SpeechPlanSources, type StoredLexiconEntry } from './chapterPlanSources';

type PinStore = Pick<BlobStore, 'putIfAbsent' | 'readBuffer' | 'delete' | 'deletePrefix'>;

class MemoryPins implements PinStore {
  readonly blobs = new Map<string, Buffer>();
  /** Stored by "another activity" just before this one's create-only write. */
  racer?: Buffer;
  async putIfAbsent(name: string, body: unknown): Promise<boolean> {
    if (this.racer) this.blobs.set(name, this.racer);
    if (this.blobs.has(name)) return false;
    this.blobs.set(name, body as Buffer);
    return true;
  }
  async readBuffer(name: string): Promise<Buffer | undefined> {
    return this.blobs.get(name);
  }
  async delete(name: string): Promise<void> {
    this.blobs.delete(name);
  }
  async deletePrefix(prefix: string): Promise<number> {
    const names = [...this.blobs.keys()].filter((name) => name.startsWith(prefix));
    for (const name of names) this.blobs.delete(name);
    return names.length;
  }
}

const entry = (grapheme: string): StoredLexiconEntry =>
  ({ id: `lex-${grapheme}`, grapheme, kind: 'alias', value: 'x', locale: 'en-US' }) as StoredLexiconEntry;

function sourcesOver(pins: PinStore | undefined, lexicon: StoredLexiconEntry[]): SpeechPlanSources {
  // Records and collections cut to what the reader uses: `never` stands for the rest of their shapes.
  return {
    projects: { find: async () => ({ metadata: { language: 'en-US' } }) as never },
    book: { characters: { list: async () => ({ items: [] as CharacterRecord[], continuationToken: null }) } as never },
    voices: async () => [],
    pausePolicy: async () => DEFAULT_PAUSE_POLICY,
    lexicon: async () => [...lexicon],
    speechEngine: 'offline',
    ...(pins ? { pins } : {}),
  };
}

const pin = (readAt: string) => ({ jobId: 'job-1', chapterId: 'ch-1', readAt });
const graphemes = (read: { lexicon: StoredLexiconEntry[] }) => read.lexicon.map((e) => e.grapheme);

test("a production's later activities plan from the sources its first one read, whatever changed since", async () => {
  const pins = new MemoryPins();
  const lexicon = [entry('afternoon')];
  const sources = sourcesOver(pins, lexicon);
  const first = await readChapterPlanSources(sources, 't', 'p', pin('2026-01-01T00:00:00.000Z'));
  lexicon.push(entry('evening'));
  const later = await readChapterPlanSources(sources, 't', 'p', pin('2026-01-01T00:05:00.000Z'));
  expect(graphemes(later)).toEqual(['afternoon']);
  expect(later).toEqual(first);
  expect(later.readAt).toBe('2026-01-01T00:00:00.000Z');
  // A question about now reads the sources as they are.
  expect(graphemes(await readChapterPlanSources(sources, 't', 'p'))).toEqual(['afternoon', 'evening']);
  // Another production of the chapter pins its own.
  expect(graphemes(await readChapterPlanSources(sources, 't', 'p', { ...pin('x'), jobId: 'job-2' }))).toEqual([
    'afternoon',
    'evening',
  ]);
});

test('of two activities pinning at once, both plan from the copy that was stored', async () => {
  const pins = new MemoryPins();
  const stored = { format: 1, language: 'en-US', characters: [], voices: [], pausePolicy: DEFAULT_PAUSE_POLICY };
  pins.racer = Buffer.from(JSON.stringify({ ...stored, lexicon: [entry('theirs')], readAt: 'theirs' }));
  const read = await readChapterPlanSources(sourcesOver(pins, [entry('mine')]), 't', 'p', pin('mine'));
  expect(graphemes(read)).toEqual(['theirs']);
  expect(read.readAt).toBe('theirs');
});

test('an activity that only reads never pins: once the job released its pins, it reads the sources as they are', async () => {
  const pins = new MemoryPins();
  const lexicon = [entry('afternoon')];
  const sources = sourcesOver(pins, lexicon);
  await readChapterPlanSources(sources, 't', 'p', pin('a'));
  expect(await releaseJobPins(pins, { tenantId: 't', projectId: 'p', jobId: 'job-1' })).toBe(1);
  lexicon.push(entry('evening'));
  const late = await readChapterPlanSources(sources, 't', 'p', { ...pin('b'), readOnly: true });
  expect(graphemes(late)).toEqual(['afternoon', 'evening']);
  expect(pins.blobs.size).toBe(0);
});
