import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CHAPTER_BOOKS, loadChapterTruth } from '../../bench/chapters/score';
import { parseManuscript } from '../../adapters/manuscript';
import { detectBookChapters } from '../../core/manuscript/chapters';
import { CORPUS_DIR } from '../support/corpus';
import type { TestPlatform } from '../support/testPlatform';
import { sharedTestPlatform } from '../support/sharedPlatform';

/**
 * The whole import path on the real local platform, for each development book: what the API lists is what the
 * detector finds — the same sections with the same titles, types and text, the unspoken ones deleted (restorable),
 * and the detector's confidence and warnings on the chapters and on the manuscript.
 */
let platform: TestPlatform;
const CREATOR = 'creator@andes.test';

beforeAll(async () => {
  platform = await sharedTestPlatform();
});
afterAll(async () => {
  await platform?.stop();
});

interface Chapter {
  id: string;
  title: string;
  chapterType: string;
  headingText: string;
  deleted: boolean;
  detection: { confidence: number; warnings: Array<{ code: string }> } | null;
}

async function body<T>(res: Response, status: number): Promise<T> {
  const text = await res.text();
  if (res.status !== status) throw new Error(`expected ${status}, got ${res.status}: ${text}`);
  return JSON.parse(text) as T;
}

it.each(CHAPTER_BOOKS)('imports %s through the API exactly as the detector reads it', async (slug) => {
  const truth = loadChapterTruth(slug);
  const bytes = readFileSync(join(CORPUS_DIR, truth.source));
  const metadata = { title: slug, authors: ['Author'], language: truth.language };
  const project = await body<{ id: string }>(
    await platform.api(CREATOR, '/v1/projects', { method: 'POST', json: { metadata } }),
    201,
  );
  const upload = await body<{ job: { id: string } }>(
    await platform.api(CREATOR, `/v1/projects/${project.id}/manuscript?fileName=${truth.source}`, {
      method: 'PUT',
      headers: { 'content-type': 'text/plain' },
      body: bytes,
    }),
    202,
  );
  let job: { status: string; result: { chapterCount: number; chapterReport: Record<string, unknown> } | null };
  do {
    await new Promise((resolve) => setTimeout(resolve, 200));
    job = await body(await platform.api(CREATOR, `/v1/projects/${project.id}/jobs/${upload.job.id}`), 200);
  } while (!['succeeded', 'failed', 'cancelled'].includes(job.status));
  expect(job.status).toBe('succeeded');

  const parsed = await parseManuscript(bytes, { fileName: truth.source });
  const detection = detectBookChapters(parsed, { language: truth.language });
  const all = await body<{ items: Chapter[] }>(
    await platform.api(CREATOR, `/v1/projects/${project.id}/chapters?includeDeleted=true`),
    200,
  );
  expect(all.items.map((c) => [c.title, c.chapterType, c.headingText, c.deleted])).toEqual(
    detection.chapters.map((c) => [c.title, c.type, c.headingText, !c.spoken]),
  );
  expect(all.items.map((c) => c.detection)).toEqual(
    detection.chapters.map((c) => ({ confidence: c.confidence, warnings: c.warnings })),
  );
  const texts = await Promise.all(
    all.items.map(
      async (c) =>
        (await body<{ text: string }>(await platform.api(CREATOR, `/v1/projects/${project.id}/chapters/${c.id}`), 200))
          .text,
    ),
  );
  expect(texts).toEqual(detection.chapters.map((c) => parsed.text.slice(c.startOffset, c.endOffset)));

  const spoken = detection.chapters.filter((c) => c.spoken).length;
  const report = {
    confidence: detection.confidence,
    source: detection.source,
    sections: detection.chapters.length,
    notSpoken: detection.chapters.length - spoken,
    warnings: detection.chapters.reduce((sum, c) => sum + c.warnings.length, 0),
  };
  expect(job.result).toMatchObject({ chapterCount: spoken, format: parsed.format, chapterReport: report });
  const manuscript = await body<{ chapterReport: unknown }>(
    await platform.api(CREATOR, `/v1/projects/${project.id}/manuscript`),
    200,
  );
  expect(manuscript.chapterReport).toEqual(report);
  const live = await body<{ items: Chapter[] }>(
    await platform.api(CREATOR, `/v1/projects/${project.id}/chapters`),
    200,
  );
  expect(live.items).toHaveLength(spoken);
});
