import { toSpokenForm } from '../../core/speech/normalize';
import { allSegments, planProject } from '../planning/support';
import type { TestPlatform } from '../support/testPlatform';
import { CREATOR, importFixture, spokenParagraphs } from './fixtureImports';
import { sharedTestPlatform } from '../support/sharedPlatform';

/**
 * Two-column PDFs with footnotes, diaries and couplets in prose, through the whole import and plan on the local
 * platform: the chapters a producer sees, and what the plan and the spoken preview will say.
 */
let platform: TestPlatform;

beforeAll(async () => {
  platform = await sharedTestPlatform();
});
afterAll(async () => {
  await platform?.stop();
});

it('a two-column PDF: planned in reading order, its footnotes not spoken, the note mark not said', async () => {
  const { projectId, chapters } = await importFixture(platform, 'en-pdf-two-columns-notes');
  await planProject(platform, CREATOR, projectId);
  const segments = await allSegments(platform, CREATOR, projectId);
  const spoken = new Set(chapters.filter((c) => !c.deleted).map((c) => c.id));
  const planned = segments
    .filter((s) => spoken.has(s.chapterId))
    .map((s) => s.text)
    .join('\n');
  expect(planned).toContain('and one night the water came up over\nthe sluice before anyone had seen it');
  expect(planned).not.toContain('sluice house');
  expect(planned).not.toContain('parish register');
  const first = chapters.find((c) => c.title === 'CHAPTER I. THE DYKE')!;
  expect((await spokenParagraphs(platform, projectId, first.id))[0]).toMatch(/with a lantern and a spade\.$/);
});

it('a diary without chapters: each dated entry is a chapter', async () => {
  await importFixture(platform, 'pt-diario-sem-capitulos');
});

it('couplets in prose: each line end is a pause, in the preview and in the plan', async () => {
  const { projectId, chapters } = await importFixture(platform, 'en-couplets-prose');
  const first = chapters.find((c) => c.title === 'CHAPTER I')!;
  const paragraphs = await spokenParagraphs(platform, projectId, first.id);
  expect(paragraphs).toContain('The water turns the stone, my dear,\nThe stone will turn the grain;');
  expect(paragraphs).toContain('And what the river takes this year,\nIt brings us back again.');
  await planProject(platform, CREATOR, projectId);
  const segments = await allSegments(platform, CREATOR, projectId);
  const couplet = segments.findIndex((s) => s.text.startsWith('Sing for the rain'));
  // Each line of the couplet is a segment of its own, so the plan pauses between them as between sentences.
  expect(segments.slice(couplet, couplet + 2).map((s) => toSpokenForm(s.text, 'en-GB').trim())).toEqual([
    'Sing for the rain and it will come,',
    'Sing for the wheel and it will turn.',
  ]);
});
