import { importSmallManuscript, waitForJob } from './fixtures';
import type { IsolationTable, PrepareContext } from './types';

/** Planning, segments, pause policy, lexicon and the SSML preview, on a project with a real planned book. */
async function planned({ platform, projectId, admin }: PrepareContext): Promise<Record<string, string>> {
  const { chapterIds } = await importSmallManuscript(platform, admin, projectId);
  const res = await platform.api(admin, `/v1/projects/${projectId}/plan`, { method: 'POST', json: {} });
  if (res.status !== 202) throw new Error(`plan failed to start: ${res.status} ${await res.text()}`);
  const { job } = (await res.json()) as { job: { id: string } };
  const done = await waitForJob(platform, admin, projectId, job.id);
  if (done.status !== 'succeeded') throw new Error(`plan failed: ${JSON.stringify(done)}`);
  const page = (await (
    await platform.api(admin, `/v1/projects/${projectId}/segments?chapterId=${chapterIds[0]}`)
  ).json()) as { items: { id: string; etag: string; text: string }[] };
  const segment = page.items.find((item) => item.text.trim().length > 10) ?? page.items[0];
  return { chapterId: chapterIds[0], segmentId: segment.id, segmentEtag: segment.etag };
}

async function withEntry(ctx: PrepareContext): Promise<Record<string, string>> {
  const res = await ctx.platform.api(ctx.admin, `/v1/projects/${ctx.projectId}/lexicon`, {
    method: 'POST',
    json: { grapheme: 'Darcy', locale: 'en-GB', kind: 'alias', value: 'Darsee' },
  });
  if (res.status !== 201) throw new Error(`lexicon entry failed: ${res.status} ${await res.text()}`);
  return { entryId: ((await res.json()) as { entry: { id: string } }).entry.id };
}

async function imported(ctx: PrepareContext): Promise<Record<string, string>> {
  await importSmallManuscript(ctx.platform, ctx.admin, ctx.projectId);
  return {};
}

const readers = ['admin', 'creator', 'validator'] as const;
const editors = ['admin', 'creator'] as const;
const PLS =
  '<?xml version="1.0" encoding="UTF-8"?><lexicon version="1.0" xmlns="http://www.w3.org/2005/01/pronunciation-lexicon" alphabet="ipa" xml:lang="en-GB"><lexeme><grapheme>Longbourn</grapheme><alias>Long-born</alias></lexeme></lexicon>';

export const isolation: IsolationTable = {
  startPlan: { allowed: [...editors], prepare: imported, request: () => ({ json: {} }) },
  getPausePolicy: { allowed: [...readers] },
  updatePausePolicy: { allowed: [...editors], request: () => ({ json: { sentence: 300 } }) },
  getChapterSsml: { allowed: [...readers], prepare: planned },
  listSegments: { allowed: [...readers], prepare: planned },
  getSegment: { allowed: [...readers], prepare: planned },
  updateSegment: {
    allowed: [...editors],
    prepare: planned,
    request: (_etag, prepared) => ({
      headers: { 'if-match': prepared.segmentEtag },
      json: { flagged: true, revisionNote: 'Matrix' },
    }),
  },
  splitSegment: { allowed: [...editors], prepare: planned, request: () => ({ json: { offset: 5 } }) },
  mergeSegmentWithNext: { allowed: [...editors], prepare: planned },
  deleteSegment: { allowed: [...editors], prepare: planned },
  listLexicon: { allowed: [...readers], prepare: withEntry },
  createLexiconEntry: {
    allowed: [...editors],
    request: () => ({ json: { grapheme: 'Netherfield', locale: 'en-GB', kind: 'alias', value: 'Nether field' } }),
  },
  updateLexiconEntry: { allowed: [...editors], prepare: withEntry, request: () => ({ json: { value: 'Darsy' } }) },
  deleteLexiconEntry: { allowed: [...editors], prepare: withEntry },
  exportLexicon: { allowed: [...readers], prepare: withEntry },
  importLexicon: {
    allowed: [...editors],
    request: () => ({ headers: { 'content-type': 'application/pls+xml' }, body: PLS }),
  },
};
