/**
 * Productions never fail on content the planner accepted, on the local platform with the offline engine: a stored plan
 * with a line holding only "--" and a chapter with nothing speakable is produced (the line and the chapter left out
 * and listed in the job result, the rest rendered and packaged); the estimate names every problem with its chapter,
 * segment, character or platform, and what blocks a production refuses it with the same list; planning a manuscript
 * whose dialogue has dashes between quotations stores no segment without words. The author's text stays as written
 * while the spoken form reads it out ("Mr.⏎Darcy" → "Mister Darcy").
 */
import { isSpeakable } from '../../core/planning/speakable';
import { waitForJob } from '../api/isolation/fixtures';
import { minimalMetadata, type TestPlatform } from '../support/testPlatform';
import { LONG_NARRATION, seedPlannedBook, type Line } from './seedBook';
import { CREATOR, json, plannedBook, produce, tenantOf } from './support';
import { sharedTestPlatform } from '../support/sharedPlatform';

let platform: TestPlatform;

beforeAll(async () => {
  platform = await sharedTestPlatform();
}, 120_000);
afterAll(async () => {
  await platform?.stop();
});

interface Problem {
  code: string;
  severity: 'blocking' | 'warning';
  message: string;
  chapterId?: string;
  segmentId?: string;
  characterId?: string;
  platform?: string;
}

interface SegmentView {
  id: string;
  chapterId: string;
  index: number;
  text: string;
  currentTakeId: string | null;
}

async function importManuscriptText(projectId: string, text: string): Promise<void> {
  const started = await json<{ job: { id: string } }>(
    await platform.api(CREATOR, `/v1/projects/${projectId}/manuscript?fileName=dashes.txt`, {
      method: 'PUT',
      headers: { 'content-type': 'text/plain' },
      body: text,
    }),
    202,
  );
  expect((await waitForJob(platform, CREATOR, projectId, started.job.id)).status).toBe('succeeded');
}

async function segmentsOf(projectId: string, chapterId: string): Promise<SegmentView[]> {
  const page = await json<{ items: SegmentView[] }>(
    await platform.api(CREATOR, `/v1/projects/${projectId}/segments?chapterId=${chapterId}&pageSize=100`),
    200,
  );
  return page.items;
}

const CHAPTERS: { title: string; lines: Line[] }[] = [
  {
    title: 'Chapter 1',
    lines: [
      ['heading', 'chapter_head', 'narrator', 'Chapter 1'],
      ['dialogue', 'paragraph', 'char-elizabeth', '\n\n"Go away," '],
      ['narration', 'dialogue_turn', 'narrator', '-- '],
      ['dialogue', 'dialogue_turn', 'char-darcy', '"I will not," said Mr.\nDarcy.'],
      ...LONG_NARRATION.map((text): Line => ['narration', 'paragraph', 'narrator', ` ${text}`]),
    ],
  },
  {
    title: 'Interlude',
    lines: [['narration', 'chapter_head', 'narrator', '* * *']],
  },
  {
    title: 'Chapter 2',
    lines: [
      ['heading', 'chapter_head', 'narrator', 'Chapter 2'],
      ['narration', 'paragraph', 'narrator', '\n\nThe rain fell all afternoon, and nobody went out.'],
    ],
  },
];

test('a production that meets lines with nothing to speak leaves them out, lists them and delivers the rest', async () => {
  const { projectId, chapterIds, segmentIds } = await plannedBook(platform, { chapters: CHAPTERS });
  const [first, interlude, second] = chapterIds;
  const dash = segmentIds[2];

  const estimate = await json<{ problems: Problem[]; chapters: { chapterId: string }[]; skipped: unknown[] }>(
    await platform.api(CREATOR, `/v1/projects/${projectId}/productions/estimate?platforms=apple`),
    200,
  );
  expect(estimate.problems.filter((p) => p.severity === 'blocking')).toEqual([]);
  expect(estimate.problems).toEqual(
    expect.arrayContaining([
      expect.objectContaining({ code: 'nothing_to_speak', severity: 'warning', chapterId: first, segmentId: dash }),
      expect.objectContaining({ code: 'chapter_silent', severity: 'warning', chapterId: interlude }),
    ]),
  );
  expect(estimate.chapters.map((c) => c.chapterId)).toEqual([first, second]);
  expect(estimate.skipped).toEqual([{ chapterId: interlude, reason: 'nothing_to_speak' }]);

  const job = await produce(platform, projectId, ['apple']);
  expect(job.error).toBeNull();
  expect(job.status).toBe('succeeded');
  expect(job.result.skipped).toEqual([
    { chapterId: interlude, reason: 'nothing_to_speak' },
    { chapterId: first, segmentId: dash, reason: 'nothing_to_speak', text: '--' },
  ]);
  expect(job.result.chapters).toBe(2);
  expect(job.result.readiness.apple).toEqual({ passed: true, failedRules: [] });

  // Every other line was rendered; the skipped one has no audio and its text is as the author wrote it.
  const stored = await segmentsOf(projectId, first);
  expect(stored.filter((s) => s.currentTakeId === null).map((s) => s.id)).toEqual([dash]);
  expect(stored.find((s) => s.id === dash)?.text).toBe('-- ');
  expect(stored[3].text).toBe('"I will not," said Mr.\nDarcy.');
  expect((await segmentsOf(projectId, second)).every((s) => s.currentTakeId !== null)).toBe(true);

  // What is said is the spoken form; what is shown and stored is the text.
  const spoken = await json<{ paragraphs: { text: string; spoken: string }[] }>(
    await platform.api(CREATOR, `/v1/projects/${projectId}/chapters/${first}/spoken`),
    200,
  );
  const line = spoken.paragraphs.find((p) => p.text.includes('I will not'))!;
  expect(line.text).toContain('Mr.\nDarcy');
  expect(line.spoken).toContain('Mister Darcy');
  const ssml = await json<{ requests: { ssml: string; segmentIds: string[] }[] }>(
    await platform.api(CREATOR, `/v1/projects/${projectId}/chapters/${first}/ssml?engine=offline`),
    200,
  );
  expect(ssml.requests.flatMap((r) => r.segmentIds)).not.toContain(dash);
  expect(ssml.requests.map((r) => r.ssml).join('')).toContain('said Mister Darcy.');
}, 600_000);

test('the estimate names what would stop a production, and starting one is refused with the same problems', async () => {
  const project = await json<{ id: string }>(
    await platform.api(CREATOR, '/v1/projects', {
      method: 'POST',
      json: { metadata: { ...minimalMetadata('No Cover'), language: 'en-US' } },
    }),
    201,
  );
  const tooLong = 'and on the road went on '.repeat(500);
  const { chapterIds, segmentIds } = await seedPlannedBook(
    platform,
    tenantOf(CREATOR),
    project.id,
    { narrator: 'en-US-EspeakMale1', 'char-ann': 'en-US-NotOfferedNeural' },
    [
      {
        title: 'Chapter 1',
        lines: [
          ['heading', 'chapter_head', 'narrator', 'Chapter 1'],
          ['dialogue', 'paragraph', 'char-ann', '\n\n"Hello."'],
          ['narration', 'paragraph', 'narrator', `\n\n${tooLong}`],
        ],
      },
    ],
  );
  const estimate = await json<{ problems: Problem[] }>(
    await platform.api(CREATOR, `/v1/projects/${project.id}/productions/estimate?platforms=apple,spotify`),
    200,
  );
  const blocking = [
    expect.objectContaining({ code: 'voice_unavailable', severity: 'blocking', characterId: 'char-ann' }),
    expect.objectContaining({
      code: 'segment_too_long',
      severity: 'blocking',
      chapterId: chapterIds[0],
      segmentId: segmentIds[2],
    }),
  ];
  expect(estimate.problems).toEqual(
    expect.arrayContaining([
      ...blocking,
      expect.objectContaining({ code: 'cover_missing', severity: 'warning', platform: 'apple' }),
      expect.objectContaining({ code: 'cover_missing', severity: 'warning', platform: 'spotify' }),
      expect.objectContaining({ code: 'isbn_missing', severity: 'warning', platform: 'spotify' }),
    ]),
  );

  const refused = await json<{ error: { code: string; details: { problems: Problem[] } } }>(
    await platform.api(CREATOR, `/v1/projects/${project.id}/productions`, {
      method: 'POST',
      json: { platforms: ['apple'], allowUnknownSpeakers: true },
    }),
    422,
  );
  expect(refused.error.details.problems).toEqual(expect.arrayContaining(blocking));
  expect(refused.error.details.problems.every((p) => p.severity === 'blocking')).toBe(true);
  const jobs = await json<{ items: unknown[] }>(await platform.api(CREATOR, `/v1/projects/${project.id}/jobs`), 200);
  expect(jobs.items).toEqual([]);
}, 120_000);

test('planning stores no segment without words: a dash between quotations rides with a neighbour', async () => {
  const project = await json<{ id: string }>(
    await platform.api(CREATOR, '/v1/projects', { method: 'POST', json: { metadata: minimalMetadata('Dashes') } }),
    201,
  );
  await importManuscriptText(
    project.id,
    [
      'Chapter 1',
      '',
      '"Go away," -- "I will not."',
      '',
      'He said nothing, and the clock struck 5:15.',
      '',
      'Chapter 2',
      '',
      '"Yes" -- "No" -- "Maybe."',
      '',
      '--',
      '',
      'And that was all.',
      '',
    ].join('\n'),
  );
  const started = await json<{ job: { id: string } }>(
    await platform.api(CREATOR, `/v1/projects/${project.id}/plan`, { method: 'POST', json: {} }),
    202,
  );
  expect((await waitForJob(platform, CREATOR, project.id, started.job.id)).status).toBe('succeeded');
  const chapters = await json<{ items: { id: string }[] }>(
    await platform.api(CREATOR, `/v1/projects/${project.id}/chapters`),
    200,
  );
  expect(chapters.items.length).toBe(2);
  for (const { id } of chapters.items) {
    const chapter = await json<{ text: string }>(
      await platform.api(CREATOR, `/v1/projects/${project.id}/chapters/${id}`),
      200,
    );
    const segments = await segmentsOf(project.id, id);
    expect(segments.map((s) => s.text).join('')).toBe(chapter.text);
    expect(segments.filter((s) => !isSpeakable(s.text, 'en-GB'))).toEqual([]);
    expect(segments.map((s) => s.index)).toEqual(segments.map((_, i) => i));
  }
}, 180_000);
