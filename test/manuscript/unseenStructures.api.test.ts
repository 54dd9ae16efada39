import { billableCharacters } from '../../core/ssml/text';
import { allSegments, planProject, runJob } from '../planning/support';
import { body } from '../support/responses';
import type { TestPlatform } from '../support/testPlatform';
import { CREATOR, importFixture, spokenParagraphs } from './fixtureImports';
import { sharedTestPlatform } from '../support/sharedPlatform';

/**
 * Books with structures the development corpus lacks, through the whole import and plan on the local platform: the
 * chapters a producer sees, and what the plan and the spoken preview will say — no running head or page number of a
 * PDF's text, no note marks, verse lines kept as pauses.
 */
let platform: TestPlatform;
/** The markup the estimate counts around each segment it sends (core/production/productionAssessment.ts). */
const SSML_OVERHEAD_PER_SEGMENT = 40;

beforeAll(async () => {
  platform = await sharedTestPlatform();
});
afterAll(async () => {
  await platform?.stop();
});

it('text from a PDF: plans no running head or page number, and whole words where the layout hyphenated them', async () => {
  const { projectId, chapters } = await importFixture(platform, 'en-pdf-extracted');
  await planProject(platform, CREATOR, projectId);
  const segments = await allSegments(platform, CREATOR, projectId);
  const spokenChapters = new Set(chapters.filter((c) => !c.deleted).map((c) => c.id));
  expect(segments.length).toBeGreaterThan(0);
  expect(segments.every((s) => spokenChapters.has(s.chapterId))).toBe(true);
  const planned = segments.map((s) => s.text).join('\n');
  expect(planned).not.toContain('RIVER WARDEN');
  expect(planned).not.toMatch(/^\s*\d+\s*$/m);
  expect(planned).not.toMatch(/\p{L}-\n/u);
  expect(planned).toContain('chimneys standing');
  // The paragraph the page broke in the middle of "damage" is one paragraph, spoken whole.
  expect(planned).toContain('found the\nbell rope cut');
  expect(planned).toContain('the damage.');
});

it('a typeset PDF: plans no running head, neither the book’s title nor a chapter’s, nor the page numbers beside them', async () => {
  const { projectId, chapters } = await importFixture(platform, 'pdf-running-heads');
  expect(chapters.map((c) => c.title)).toEqual([
    'Title page',
    'CHAPTER I: The Harbour',
    'CHAPTER II: The Crossing',
    'CHAPTER III: The Island',
  ]);
  await planProject(platform, CREATOR, projectId);
  const planned = (await allSegments(platform, CREATOR, projectId)).map((s) => s.text).join('\n');
  expect(planned).toContain('On morning 3 the water');
  expect(planned).not.toMatch(/THE HOLLOW SEA|THE HARBOUR|THE CROSSING|THE ISLAND/);
  expect(planned).not.toMatch(/^\s*\d+\s*$/m);
});

it('a novel whose chapters restart in every book: distinct chapter names, each chapter’s heading said as printed', async () => {
  const { projectId, chapters } = await importFixture(platform, 'en-books-chapters-restart');
  const spoken = chapters.filter((c) => !c.deleted).map((c) => c.title);
  expect(new Set(spoken).size).toBe(spoken.length);
  await planProject(platform, CREATOR, projectId);
  const segments = await allSegments(platform, CREATOR, projectId);
  const second = chapters.find((c) => c.title === 'BOOK TWO, CHAPTER I')!;
  const own = segments.filter((s) => s.chapterId === second.id);
  expect(own[0]).toMatchObject({ kind: 'heading', text: expect.stringContaining('CHAPTER I') });
  expect(own.map((s) => s.text).join('\n')).not.toContain('BOOK TWO');
});

it('a play of acts without numbered scenes: each act a chapter, the list of persons spoken, the curtain read at its end', async () => {
  const { projectId, chapters } = await importFixture(platform, 'en-play-acts-without-scenes');
  await planProject(platform, CREATOR, projectId);
  const segments = await allSegments(platform, CREATOR, projectId);
  const third = chapters.find((c) => c.title === 'THIRD ACT')!;
  const planned = segments.filter((s) => s.chapterId === third.id).map((s) => s.text);
  expect(planned[0]).toContain('THIRD ACT');
  expect(planned.join('\n')).toContain('CURTAIN');
  const persons = chapters.find((c) => c.title === 'THE PERSONS OF THE PLAY')!;
  expect(segments.some((s) => s.chapterId === persons.id && s.text.includes('Miss Fenn, a governess'))).toBe(true);
});

it('Markdown poems: note marks are not said, verse lines keep their pauses, the notes are not spoken', async () => {
  const { projectId, chapters } = await importFixture(platform, 'en-verse-notes-md');
  const byTitle = (title: string) => chapters.find((c) => c.title === title)!;
  const preface = await spokenParagraphs(platform, projectId, byTitle('Preface').id);
  expect(preface.join('\n')).toContain("grandmother's farm. They follow");
  const sowing = await spokenParagraphs(platform, projectId, byTitle('I. Sowing').id);
  expect(sowing[0]).toBe(
    'The plough goes down the furrow,\nThe gulls come down behind;\nThe seed goes in the darkness,\nAnd the farmer goes in blind.',
  );
  const harvest = await spokenParagraphs(platform, projectId, byTitle('II. Harvest').id);
  expect(harvest[0]).toContain('gold to the hedges,\nNow the binders');
  expect(byTitle('Notes').deleted).toBe(true);
});

it('a play: each act is a chapter holding its scenes, the list of persons is spoken, each speech is its labelled speaker’s', async () => {
  const { projectId, chapters } = await importFixture(platform, 'en-play-acts');
  expect(chapters.map((c) => c.title)).toEqual(['Title page', 'DRAMATIS PERSONAE', 'ACT I', 'ACT II']);
  expect((await runJob(platform, CREATOR, projectId, '/characters/detect')).status).toBe('succeeded');
  const cast = await body<{ items: Array<{ id: string; name: string; gender: string }> }>(
    await platform.api(CREATOR, `/v1/projects/${projectId}/characters`),
    200,
  );
  const idOf = (name: string) => cast.items.find((c) => c.name === name)?.id;
  expect(cast.items.find((c) => c.name === 'Margery')).toMatchObject({ gender: 'female' });
  expect(cast.items.map((c) => c.name)).not.toContain('Scene Ii');
  await planProject(platform, CREATOR, projectId);
  const segments = await allSegments(platform, CREATOR, projectId);
  const act = chapters.find((c) => c.title === 'ACT I')!;
  const first = segments.filter((s) => s.chapterId === act.id);
  // The act's title is said at its start; each scene's heading is read where the scene begins.
  expect(first[0]).toMatchObject({ kind: 'heading', text: expect.stringContaining('ACT I') });
  const sceneTwo = first.findIndex((s) => s.text.startsWith('SCENE II.'));
  expect(first[sceneTwo]).toMatchObject({ kind: 'narration', speakerId: 'narrator' });
  const own = first.slice(sceneTwo);
  expect(own.map((s) => s.text).join('')).toContain('A WATCHMAN: Ten o');
  const speeches = own.filter((s) => s.kind === 'dialogue');
  expect(speeches.map((s) => [s.text.trim().slice(0, 20), s.speakerId])).toEqual([
    ["Ten o'clock, and a c", idOf('A Watchman')],
    ['You there, watchman.', idOf('The Stranger')],
    ['The one with the lig', idOf('A Watchman')],
  ]);
  expect(speeches.every((s) => s.speakerConfidence >= 0.9 && !/WATCHMAN|STRANGER/u.test(s.text))).toBe(true);
  const stageDirection = first.find((s) => s.text.startsWith('[A knock'));
  expect(stageDirection).toMatchObject({ kind: 'narration', speakerId: 'narrator' });
  expect(
    first
      .slice(0, sceneTwo)
      .filter((s) => s.kind === 'dialogue')
      .map((s) => s.speakerId),
  ).toEqual(['Tobias', 'Margery', 'Tobias', 'Margery', 'The Stranger'].map(idOf));
  // The labels stay in the plan the studio shows, but what goes to the speech engine and the spoken preview says only
  // the speeches (a stage direction naming someone is still read).
  const label = /\b(?:TOBIAS|MARGERY|A WATCHMAN|THE STRANGER)[.:]/u;
  expect(first.map((s) => s.text).join('')).toMatch(label);
  for (const [chapterId, speech] of [
    [act.id, "Ten o'clock, and a clear night."],
    [act.id, 'Another night, and still the glass'],
  ]) {
    const preview = await body<{ requests: Array<{ ssml: string }> }>(
      await platform.api(CREATOR, `/v1/projects/${projectId}/chapters/${chapterId}/ssml?engine=offline`),
      200,
    );
    const ssml = preview.requests.map((request) => request.ssml).join('\n');
    expect(ssml).toContain(speech);
    expect(ssml).not.toMatch(label);
    expect((await spokenParagraphs(platform, projectId, chapterId)).join('\n')).not.toMatch(label);
  }
  // The estimate bills what is said and the markup of each request that says it: nothing for a label.
  const labels = segments.filter((s) => new RegExp(`^${label.source}$`, 'u').test(s.text.trim()));
  // Act I's eight and act II's three: a short act's headings and closing line count on neither side of the share of
  // speeches that makes a chapter a script.
  expect(labels).toHaveLength(11);
  // The studio gets the mark through the API, so it can show a label as not read aloud.
  expect(labels.every((s) => s.unspokenChars === s.text.length)).toBe(true);
  expect(segments.filter((s) => !labels.includes(s) && s.unspokenChars !== undefined)).toEqual([]);
  const estimate = await body<{ billableCharacters: number }>(
    await platform.api(CREATOR, `/v1/projects/${projectId}/productions/estimate`),
    200,
  );
  const said = segments.filter((s) => !labels.includes(s));
  expect(estimate.billableCharacters).toBe(
    said.reduce((sum, s) => sum + billableCharacters(s.text) + SSML_OVERHEAD_PER_SEGMENT, 0),
  );
  // Merged with its speech, then split again, the label stays unsaid and the speech is said.
  const sceneSsml = async () => {
    const preview = await body<{ requests: Array<{ ssml: string }> }>(
      await platform.api(CREATOR, `/v1/projects/${projectId}/chapters/${act.id}/ssml?engine=offline`),
      200,
    );
    return preview.requests.map((request) => request.ssml).join('\n');
  };
  const watchman = own.find((s) => s.text.startsWith('A WATCHMAN:'))!;
  const merged = await body<{ id: string; text: string; unspokenChars?: number }>(
    await platform.api(CREATOR, `/v1/projects/${projectId}/segments/${watchman.id}/merge-next`, { method: 'POST' }),
    200,
  );
  expect(merged.text).toMatch(/^A WATCHMAN: Ten o'clock/u);
  expect(merged.unspokenChars).toBe(watchman.text.length);
  expect(await sceneSsml()).toMatch(/>Ten o'clock, and a clear night/u);
  expect(await sceneSsml()).not.toMatch(label);
  const split = await body<{ segments: Array<{ text: string }> }>(
    await platform.api(CREATOR, `/v1/projects/${projectId}/segments/${merged.id}/split`, {
      method: 'POST',
      json: { offset: 'A WATCHMAN: Ten'.length },
    }),
    200,
  );
  expect(split.segments.map((s) => s.text.slice(0, 15))).toEqual(['A WATCHMAN: Ten', " o'clock, and a"]);
  const afterSplit = await sceneSsml();
  expect(afterSplit).toMatch(/>Ten<break/u);
  expect(afterSplit).toContain("o'clock, and a clear night");
  expect(afterSplit).not.toMatch(label);
});
