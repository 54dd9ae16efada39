/**
 * The read side on the local platform: plan totals written by planning stay equal to a count of the committed
 * segments through every kind of edit (speaker, flag, text, split, merge, delete, a character removed or merged)
 * and under 24 parallel edits of one chapter; the estimate from totals equals the estimate from every segment; the
 * listing honours each filter and the larger page of a single chapter; the project's facts agree with the segments.
 */
import { CosmosClient } from '@azure/cosmos';
import { buildRecordCollections } from '../../adapters/cosmos/recordCollections';
import type { TypedCollection } from '../../core/ports/typedCollection';
import type { ChapterRecord, SegmentRecord } from '../../core/book/records';
import { totalsOf } from '../../core/planning/chapterTotals';
import { committedSegments } from '../../core/planning/planGenerations';
import { textStats } from '../../core/manuscript/stats';
import { consistencyCheck } from '../integrity/support';
import { type TestPlatform } from '../support/testPlatform';
import { sharedTestPlatform } from '../support/sharedPlatform';
import { freshTenant } from '../support/freshTenant';
import {
  allSegments,
  BookStore,
  createProject,
  DIALOGUE_BOOK,
  planProject,
  type SegmentJson,
} from '../planning/support';

const andes = freshTenant('andes');

const CREATOR = andes.creator;
const LANGUAGE = 'en-GB';
const PARALLEL = 24;

let platform: TestPlatform;
let book: BookStore;
let client: CosmosClient;
let chapters: TypedCollection<ChapterRecord>;
let segments: TypedCollection<SegmentRecord>;
let projectId: string;
let chapterIds: string[];

const api = (path: string, init?: RequestInit & { json?: unknown }) =>
  platform.api(CREATOR, `/v1/projects/${projectId}${path}`, init);
async function json<T>(res: Response | Promise<Response>, status = 200): Promise<T> {
  const response = await res;
  const body = await response.text();
  if (response.status !== status) throw new Error(`expected ${status}, got ${response.status}: ${body}`);
  return JSON.parse(body) as T;
}

/** Each chapter's stored totals next to a count of its committed segments made now. */
async function expectTotalsCurrent(): Promise<void> {
  for (const chapterId of chapterIds) {
    const chapter = (await chapters.get(andes.id, projectId, chapterId))!;
    const plan = await committedSegments(segments, chapter);
    expect(chapter.planTotals).toEqual(totalsOf(plan, chapter.planGeneration!, LANGUAGE));
  }
}

const segmentsOf = (query = '') => allSegments(platform, CREATOR, projectId, query);
const patch = (segment: SegmentJson, body: unknown, etag = segment.etag) =>
  api(`/segments/${segment.id}`, { method: 'PATCH', headers: { 'if-match': etag }, json: body });

/** A chapter whose text holds nothing to speak: production leaves it out, and the estimate names it. */
async function addSilentChapter(order: number): Promise<string> {
  const now = new Date().toISOString();
  const text = '* * *\n\n';
  const id = `ch_silent_${projectId.slice(-8)}`;
  await chapters.create({
    id,
    type: 'chapter',
    tenantId: andes.id,
    projectId,
    order,
    title: 'Interlude',
    chapterType: 'chapter',
    headingText: '',
    text,
    stats: textStats(text),
    deleted: false,
    textVersion: 1,
    planStatus: 'none',
    master: null,
    createdAt: now,
    updatedAt: now,
  });
  return id;
}

beforeAll(async () => {
  platform = await sharedTestPlatform();
  await andes.signUp(platform);
  book = new BookStore(platform);
  client = new CosmosClient({
    endpoint: platform.env.COSMOS_ENDPOINT,
    key: platform.env.COSMOS_KEY,
    connectionPolicy: { enableEndpointDiscovery: false },
  });
  ({ chapters, segments } = buildRecordCollections(client.database(platform.env.COSMOS_DATABASE ?? 'khipu')));
  projectId = await createProject(platform, CREATOR, 'Read side');
  ({ chapterIds } = await book.seedBook(andes.id, projectId, DIALOGUE_BOOK));
  chapterIds.push(await addSilentChapter(chapterIds.length));
  await planProject(platform, CREATOR, projectId);
});
afterAll(async () => {
  client?.dispose();
  book?.close();
  await platform?.stop();
});

describe('plan totals', () => {
  it('are written by planning, counted from the stored plan', async () => {
    for (const chapterId of chapterIds)
      expect((await chapters.get(andes.id, projectId, chapterId))!.planTotals).toBeTruthy();
    await expectTotalsCurrent();
  });

  it('follow speaker, flag and text edits, splits, merges and deletions', async () => {
    const [first, second, third] = (await segmentsOf(`chapterId=${chapterIds[0]}`)).filter((s) => s.kind !== 'heading');
    await json(patch(first, { speakerId: 'unknown' }));
    await json(patch(second, { flagged: true, revisionNote: 'check the tone' }));
    await json(patch(third, { text: 'An entirely new line, longer than the one it replaces & with markup <b>.' }));
    await expectTotalsCurrent();

    const [long] = (await segmentsOf(`chapterId=${chapterIds[1]}`)).filter((s) => s.text.trim().length > 20);
    const split = await json<{ segments: SegmentJson[] }>(
      api(`/segments/${long.id}/split`, { method: 'POST', json: { offset: 10 } }),
    );
    await expectTotalsCurrent();
    await json(api(`/segments/${split.segments[0].id}/merge-next`, { method: 'POST' }));
    await expectTotalsCurrent();
    const doomed = (await segmentsOf(`chapterId=${chapterIds[1]}`)).at(-1)!;
    expect((await api(`/segments/${doomed.id}`, { method: 'DELETE' })).status).toBe(204);
    await expectTotalsCurrent();
  });

  it('follow a character removed (its lines become unknown) and one merged into another', async () => {
    const cast = await book.characterIds(andes.id, projectId);
    const everything = await segmentsOf();
    const speaking = cast.filter((c) => c.id !== 'narrator' && everything.some((s) => s.speakerId === c.id));
    expect(speaking.length).toBeGreaterThanOrEqual(2);
    const [merged, survivor] = speaking;
    await json(api(`/characters/${merged.id}/merge`, { method: 'POST', json: { intoCharacterId: survivor.id } }));
    await expectTotalsCurrent();
    expect((await api(`/characters/${survivor.id}`, { method: 'DELETE' })).ok).toBe(true);
    await expectTotalsCurrent();
    expect((await segmentsOf()).some((s) => s.speakerId === survivor.id)).toBe(false);
  });

  it(`stay exact under ${PARALLEL} parallel edits of one chapter, and under ${PARALLEL} identical ones`, async () => {
    const lines = await segmentsOf(`chapterId=${chapterIds[0]}`);
    const targets = Array.from({ length: PARALLEL }, (_, i) => lines[i % lines.length]);
    // Different segments at once (some repeated: those lose on their ETag and change nothing).
    const statuses = await Promise.all(
      targets.map((segment, i) => patch(segment, { speakerId: i % 2 ? 'narrator' : 'unknown' }).then((r) => r.status)),
    );
    expect(statuses.filter((s) => s === 200)).toHaveLength(Math.min(PARALLEL, lines.length));
    expect(statuses.every((s) => s === 200 || s === 412)).toBe(true);
    await expectTotalsCurrent();

    const [target] = await segmentsOf(`chapterId=${chapterIds[0]}`);
    const same = await Promise.all(
      Array.from({ length: PARALLEL }, () => patch(target, { flagged: !target.flagged }).then((r) => r.status)),
    );
    expect(same.filter((s) => s === 200)).toHaveLength(1);
    expect(same.filter((s) => s === 412)).toHaveLength(PARALLEL - 1);
    await expectTotalsCurrent();
  });
});

describe('the consistency check', () => {
  it('finds totals a writer left behind (stopped between a segment edit and its adjustment) and counts them again', async () => {
    const [chapterId] = chapterIds;
    const chapter = (await chapters.get(andes.id, projectId, chapterId))!;
    const totals = chapter.planTotals!;
    await chapters.replace(
      { ...chapter, planTotals: { ...totals, flagged: totals.flagged + 2, speakers: { ...totals.speakers, x: 1 } } },
      chapter.etag!,
    );
    const found = await consistencyCheck(platform, projectId, false, andes.id);
    expect(found.found.staleTotals).toEqual([{ chapterId, title: chapter.title }]);
    expect(found.found.consistent).toBe(false);
    const repaired = await consistencyCheck(platform, projectId, true, andes.id);
    expect(repaired.repair?.totalsRecounted).toEqual([chapterId]);
    expect(repaired.repair?.after.staleTotals).toEqual([]);
    await expectTotalsCurrent();
  });
});

describe('the estimate', () => {
  interface Estimate {
    problems: { code: string; chapterId?: string; segmentId?: string; message: string }[];
    chapters: { chapterId: string; segmentCount: number }[];
    skipped: { chapterId: string }[];
    segmentsTotal: number;
    billableCharacters: number;
    estimatedAudioSeconds: number;
  }

  it('from plan totals equals the estimate from every segment', async () => {
    const fromTotals = await json<Estimate>(api('/productions/estimate'));

    expect(fromTotals.skipped.map((s) => s.chapterId)).toEqual([chapterIds.at(-1)]);
    // Without totals (a book planned before they were kept) every segment is read instead.
    for (const chapterId of chapterIds) {
      const chapter = (await chapters.get(andes.id, projectId, chapterId))!;
      await chapters.replace({ ...chapter, planTotals: null }, chapter.etag!);
    }
    const fromSegments = await json<Estimate>(api('/productions/estimate'));
    expect(fromTotals).toEqual(fromSegments);
    // Planning again (the edited text is cut afresh) writes them back.
    await planProject(platform, CREATOR, projectId);
    await expectTotalsCurrent();
  });
});

describe('the listing', () => {
  it('filters by unknown, flagged, speaker and chapter exactly', async () => {
    const everything = await segmentsOf();
    const speaker = everything.find((s) => s.speakerId.startsWith('char-'))?.speakerId ?? 'narrator';
    const cases: [string, (s: SegmentJson) => boolean][] = [
      ['unknown=true', (s) => s.speakerId === 'unknown'],
      ['flagged=true', (s) => s.flagged],
      [`speakerId=${speaker}`, (s) => s.speakerId === speaker],
      [`chapterId=${chapterIds[1]}`, (s) => s.chapterId === chapterIds[1]],
      [`chapterId=${chapterIds[0]}&unknown=true`, (s) => s.chapterId === chapterIds[0] && s.speakerId === 'unknown'],
    ];
    for (const [query, keep] of cases) {
      for (const pageSize of [2, 100]) {
        const listed = await allSegments(platform, CREATOR, projectId, query, pageSize);
        expect(listed.map((s) => s.id)).toEqual(everything.filter(keep).map((s) => s.id));
      }
    }
  });

  it('takes pages of up to 1,000 for one chapter, 100 for the book', async () => {
    const whole = await json<{ items: SegmentJson[]; continuationToken: string | null }>(
      api(`/segments?chapterId=${chapterIds[0]}&pageSize=1000`),
    );
    expect(whole.continuationToken).toBeNull();
    expect(whole.items.length).toBe((await segmentsOf(`chapterId=${chapterIds[0]}`)).length);
    const refused = await json<{ error: { code: string; details: { fields: { field: string }[] } } }>(
      api('/segments?pageSize=1000'),
      400,
    );
    expect(refused.error.details.fields.map((f) => f.field)).toEqual(['pageSize']);
    await json(api(`/segments?chapterId=${chapterIds[0]}&pageSize=1001`), 400);
  });

  it('refuses a continuation token of another listing or a forged one with 400 naming it', async () => {
    const first = await json<{ continuationToken: string }>(api('/segments?pageSize=2'));
    for (const token of [first.continuationToken, 'not-a-token']) {
      const refused = await json<{ error: { details: { fields: { field: string }[] } } }>(
        api(`/segments?pageSize=2&flagged=true&continuationToken=${encodeURIComponent(token)}`),
        400,
      );
      expect(refused.error.details.fields[0].field).toBe('continuationToken');
    }
  });
});

interface FactsJson {
  segmentCount: number;
  segmentsWithSpeaker: number;
  segmentsFlagged?: number;
  segmentsRendered: number;
}

describe('the project facts', () => {
  it('agree with the committed segments', async () => {
    const everything = await segmentsOf();
    const facts = await json<FactsJson>(api('/facts'));
    expect(facts.segmentCount).toBe(everything.length);
    expect(facts.segmentsWithSpeaker).toBe(everything.filter((s) => s.speakerId !== 'unknown').length);
    expect(facts.segmentsFlagged).toBe(everything.filter((s) => s.flagged).length);
    expect(facts.segmentsRendered).toBe(everything.filter((s) => s.currentTakeId !== null).length);
  });

  it('count a line flagged or cleared by hand, in the facts and in the listing of projects', async () => {
    const [line] = (await segmentsOf()).filter((s) => !s.flagged && s.speakerId !== 'unknown');
    const before = (await json<FactsJson>(api('/facts'))).segmentsFlagged!;
    const flagged = await json<SegmentJson>(patch(line, { flagged: true }));
    expect((await json<FactsJson>(api('/facts'))).segmentsFlagged).toBe(before + 1);
    const listing = await json<{ items: { id: string; facts: FactsJson }[] }>(platform.api(CREATOR, '/v1/projects'));
    expect(listing.items.find((project) => project.id === projectId)?.facts.segmentsFlagged).toBe(before + 1);
    await json(patch(flagged, { flagged: false }));
    expect((await json<FactsJson>(api('/facts'))).segmentsFlagged).toBe(before);
  });
});
