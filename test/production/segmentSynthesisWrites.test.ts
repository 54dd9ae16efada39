/**
 * Synthesis reads a batch's segments in one query and records each segment's new take in one write: it replaces the
 * copy the batch read at its start, guarded by that copy's ETag, and reads the segment again only when someone changed
 * it in between. Counted on in-memory ports (the Cosmos side of the guarantee, ETag-conditional replace, is the
 * store's own and tested with it).
 */
import type { Filter } from '../../core/ports/documents';
import type { ReadQuery } from '../../core/ports/typedCollection';
import { offlineVoices } from '../../adapters/tts/espeak';
import type { SegmentRecord } from '../../core/book/records';
import { PreconditionFailedError } from '../../core/errors';
import { DEFAULT_PAUSE_POLICY } from '../../core/planning/pausePolicy';
import { SegmentSynthesis, type SegmentSynthesisDeps } from '../../core/production/segmentSynthesis';
import { MAX_SEGMENTS_PER_BATCH } from '../../core/production/synthesisBatches';

const TENANT = 't1';
const PROJECT = 'p1';
const CHAPTER = 'ch1';

/** Segments in memory with ETags, counting point reads and replaces as a Cosmos container would answer them. */
class SegmentStore {
  readonly docs = new Map<string, SegmentRecord>();
  reads = 0;
  queries = 0;
  replaces = 0;
  private version = 0;
  /** Called once, right before the next replace: another writer changes the stored segment first. */
  interleave?: (doc: SegmentRecord) => SegmentRecord;

  put(doc: SegmentRecord): void {
    this.docs.set(doc.id, { ...doc, etag: `e${++this.version}` });
  }

  get = async (_tenantId: string, _projectId: string, id: string) => {
    this.reads++;
    const doc = this.docs.get(id);
    return doc ? structuredClone(doc) : undefined;
  };

  /** The listing a batch reads its segments with; only the filters it uses are understood. */
  readAllItems = async (_tenantId: string, _projectId: string, query: ReadQuery = {}) => {
    this.queries++;
    const matches = (doc: SegmentRecord, filter: Filter): boolean => {
      const value = (field: string) => (doc as unknown as Record<string, unknown>)[field];
      if (filter.op === 'and') return filter.filters.every((f) => matches(doc, f));
      if (filter.op === 'eq') return value(filter.field) === filter.value;
      if (filter.op === 'in') return filter.values.includes(value(filter.field) as string);
      throw new Error(`filter ${filter.op} not understood by the test store`);
    };
    return [...this.docs.values()]
      .filter((doc) => !query.filter || matches(doc, query.filter))
      .map((doc) => structuredClone(doc));
  };

  replace = async (doc: SegmentRecord, etag: string) => {
    this.replaces++;
    const other = this.interleave;
    this.interleave = undefined;
    if (other) this.put(other(this.docs.get(doc.id)!));
    const stored = this.docs.get(doc.id)!;
    if (stored.etag !== etag) throw new PreconditionFailedError('Segment changed');
    this.put(doc);
    return structuredClone(this.docs.get(doc.id)!);
  };
}

function segment(index: number, text: string): SegmentRecord {
  return {
    id: `s${index}`,
    type: 'segment',
    tenantId: TENANT,
    projectId: PROJECT,
    chapterId: CHAPTER,
    index,
    kind: 'narration',
    text,
    boundaryBefore: 'paragraph',
    speakerId: 'narrator',
    speakerConfidence: 1,
    speakerSource: 'heuristic',
    flagged: false,
    revisionNote: null,
    chapterTextVersion: 1,
    takes: [],
    currentTakeId: null,
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
  } as SegmentRecord;
}

/** What a test may put in place of the harness's stand-ins. */
interface Overrides {
  synthesize?: (request: { ssml: string }) => Promise<{ billableCharacters: number; durationMs: number }>;
  watchStop?: (job: unknown, controller: AbortController) => () => void;
  /** The digest of the audio the engine wrote. */
  digest?: () => Promise<string>;
}

function synthesisOver(
  store: SegmentStore,
  overrides: Overrides = {},
): { synthesis: SegmentSynthesis; stored: Set<string> } {
  const stored = new Set<string>();
  const deps = {
    book: {
      segments: { get: store.get, readAllItems: store.readAllItems, replace: store.replace },
      chapters: { get: async () => ({ id: CHAPTER, title: 'Chapter 1' }) },
    },
    speechPlan: {
      projects: { find: async () => ({ id: PROJECT, metadata: { language: 'en-GB' } }) },
      book: { characters: { list: async () => ({ items: [], continuationToken: null }) } },
      voices: async () => offlineVoices,
      pausePolicy: async () => DEFAULT_PAUSE_POLICY,
      lexicon: async () => [],
      speechEngine: 'offline',
    },
    speech: {
      engine: 'offline',
      synthesize:
        overrides.synthesize ??
        (async (request: { ssml: string }) => ({ billableCharacters: request.ssml.length, durationMs: 1000 })),
    },
    limiter: { run: <T>(work: () => Promise<T>) => work() },
    files: {
      withScratch: <T>(_purpose: string, work: (scratch: { file(name: string): string }) => Promise<T>) =>
        work({ file: (name: string) => `/scratch/${name}` }),
      storeIfAbsent: async (blobName: string) => !stored.has(blobName) && !!stored.add(blobName),
      digest: overrides.digest ?? (async () => 'same-bytes'),
    },
    blobs: { exists: async (name: string) => stored.has(name) },
    jobs: { isStopRequested: async () => false },
    job: { watchStop: overrides.watchStop ?? (() => () => undefined), addProgress: async () => undefined },
    tenants: { assertActive: async () => ({ plan: 'standard' }) },
    costs: { record: async () => undefined },
    metrics: { record: () => undefined },
    clock: { now: () => new Date('2026-01-02T00:00:00.000Z') },
  } as unknown as SegmentSynthesisDeps; // in-memory stand-ins carry only what synthesis calls
  return { synthesis: new SegmentSynthesis(deps), stored };
}

const job = { tenantId: TENANT, projectId: PROJECT, userId: 'u1', jobId: 'j1', chapterId: CHAPTER };

describe('recording takes during synthesis', () => {
  it('reads the batch in one query and writes each segment once', async () => {
    const store = new SegmentStore();
    const texts = ['It was a bright cold day.', 'The clocks were striking.', 'Nobody answered.'];
    texts.forEach((text, index) => store.put(segment(index, text)));
    // Neither in the batch nor of its chapter: the query leaves them out.
    store.put(segment(3, 'Not asked for.'));
    store.put({ ...segment(4, 'Another chapter.'), chapterId: 'ch2' });
    const { synthesis, stored } = synthesisOver(store);

    const summary = await synthesis.synthesize({ ...job, segmentIds: ['s2', 's0', 's1', 's4'] });

    expect(summary).toMatchObject({ synthesisCalls: 3, cacheHits: 0 });
    expect(store.queries).toBe(1);
    expect(store.reads).toBe(0);
    expect(store.replaces).toBe(3);
    expect(store.docs.get('s3')!.takes).toHaveLength(0);
    expect(store.docs.get('s4')!.takes).toHaveLength(0);
    for (const id of ['s0', 's1', 's2']) {
      const doc = store.docs.get(id)!;
      expect(doc.takes).toHaveLength(1);
      expect(doc.currentTakeId).toBe(doc.takes[0]!.takeId);
      expect(stored.has(doc.takes[0]!.blobName)).toBe(true);
    }
  });

  it('applies the take to the stored segment when another writer changed it after the batch read it', async () => {
    const store = new SegmentStore();
    store.put(segment(0, 'It was a bright cold day.'));
    const { synthesis } = synthesisOver(store);
    store.interleave = (doc) => ({ ...doc, revisionNote: 'check the pause', flagged: true });

    await synthesis.synthesize({ ...job, segmentIds: ['s0'] });

    const doc = store.docs.get('s0')!;
    expect(doc).toMatchObject({ revisionNote: 'check the pause', flagged: true });
    expect(doc.takes).toHaveLength(1);
    expect(doc.currentTakeId).toBe(doc.takes[0]!.takeId);
    // The batch's query, the conditional write that lost, the fresh read and the write that won.
    expect(store.queries).toBe(1);
    expect(store.reads).toBe(1);
    expect(store.replaces).toBe(2);
  });

  it('keeps the take of a line whose speaker was changed after the batch read it, but not as its current take', async () => {
    const store = new SegmentStore();
    store.put(segment(0, 'It was a bright cold day.'));
    const { synthesis } = synthesisOver(store);
    // The edit drops the line's current take (as the segments API does): the take rendered for its old speaker must
    // not come back as current, or the line would look produced for its new speaker.
    store.interleave = (doc) => ({ ...doc, speakerId: 'char-elizabeth', currentTakeId: null });

    await synthesis.synthesize({ ...job, segmentIds: ['s0'] });

    const doc = store.docs.get('s0')!;
    expect(doc.speakerId).toBe('char-elizabeth');
    expect(doc.takes).toHaveLength(1);
    expect(doc.currentTakeId).toBeNull();
  });
});

describe('a full batch', () => {
  it('hands every segment to the engines at once: only the shared limiter decides how many render together', async () => {
    const store = new SegmentStore();
    const ids = Array.from({ length: MAX_SEGMENTS_PER_BATCH }, (_, index) => {
      store.put(segment(index, `Line number ${index}.`));
      return `s${index}`;
    });
    // Every render waits until all of the batch's renders have started: one batch fills any number of engines.
    let rendering = 0;
    let allRendering: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (allRendering = resolve));
    const { synthesis } = synthesisOver(store, {
      synthesize: async (request) => {
        if (++rendering === ids.length) allRendering();
        await gate;
        return { billableCharacters: request.ssml.length, durationMs: 1000 };
      },
    });

    const summary = await synthesis.synthesize({ ...job, segmentIds: ids });

    expect(summary).toMatchObject({ segments: MAX_SEGMENTS_PER_BATCH, synthesisCalls: MAX_SEGMENTS_PER_BATCH });
  });
});

describe('a retake', () => {
  it('says when the voice gave back the audio of the take it replaces, and when it did not', async () => {
    const store = new SegmentStore();
    store.put(segment(0, 'It was a bright cold day.'));
    let audio = 'first-bytes';
    const { synthesis } = synthesisOver(store, { digest: async () => audio });
    await synthesis.synthesize({ ...job, segmentIds: ['s0'] });
    const first = store.docs.get('s0')!.currentTakeId!;

    const same = await synthesis.synthesize({
      ...job,
      segmentIds: ['s0'],
      newTakes: [{ segmentId: 's0', takeId: 't2' }],
    });
    expect(same.sameAudioRetakes).toEqual([{ segmentId: 's0', sameAsTakeId: first }]);
    // Stored all the same: the list of takes is what was rendered.
    expect(store.docs.get('s0')!).toMatchObject({ currentTakeId: 't2', takes: [{ takeId: first }, { takeId: 't2' }] });

    audio = 'other-bytes';
    const other = await synthesis.synthesize({
      ...job,
      segmentIds: ['s0'],
      newTakes: [{ segmentId: 's0', takeId: 't3' }],
    });
    expect(other.sameAudioRetakes).toBeUndefined();
    expect(store.docs.get('s0')!.takes.map((take) => take.audioDigest)).toEqual([
      'first-bytes',
      'first-bytes',
      'other-bytes',
    ]);
  });
});

describe('watching the job for a stop', () => {
  it('shares one watch between the batches of a job that run at once, and ends it with the last', async () => {
    const store = new SegmentStore();
    ['One line.', 'Another line.', 'A third line.', 'A fourth line.'].forEach((text, index) =>
      store.put(segment(index, text)),
    );
    const watches: { controller: AbortController; ended: boolean }[] = [];
    // Every render waits until both batches are rendering, so the two batches surely run at once.
    let rendering = 0;
    let bothRendering: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (bothRendering = resolve));
    const { synthesis } = synthesisOver(store, {
      synthesize: async (request) => {
        if (++rendering === 2) bothRendering();
        await gate;
        return { billableCharacters: request.ssml.length, durationMs: 1000 };
      },
      watchStop: (_job, controller) => {
        const watch = { controller, ended: false };
        watches.push(watch);
        return () => void (watch.ended = true);
      },
    });

    const summaries = await Promise.all([
      synthesis.synthesize({ ...job, segmentIds: ['s0', 's1'] }),
      synthesis.synthesize({ ...job, segmentIds: ['s2', 's3'] }),
    ]);

    expect(summaries.map((summary) => summary.synthesisCalls)).toEqual([2, 2]);
    expect(watches).toHaveLength(1);
    expect(watches[0]!.ended).toBe(true);
    // A later batch starts a watch of its own.
    await synthesis.synthesize({ ...job, segmentIds: ['s0'] });
    expect(watches).toHaveLength(2);
  });
});
