/**
 * A ten-chapter book for the race suites on a book's chapters (merges, splits, reorders): imported through the API,
 * its live chapters and its whole text read back the way the studio reads them.
 */
import { waitForJob } from '../api/isolation/fixtures';
import { body } from '../support/responses';
import { minimalMetadata, type TestPlatform } from '../support/testPlatform';

export const BOOK_CHAPTERS = 10;
const NUMERALS = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X'];

/** The words that open chapter n's one paragraph (each appears once in the book). */
export const bookParagraph = (n: number) => `Paragraph ${n} of the book,`;

export const TEN_CHAPTER_BOOK = NUMERALS.flatMap((numeral, i) => [
  `Chapter ${numeral}`,
  '',
  `${bookParagraph(i + 1)} where the long afternoon went slowly on and nobody came to the door.`,
  '',
]).join('\n');

export interface ChapterSummary {
  id: string;
  order: number;
}

/** The book's API for one creator; `platform` is read when called, since suites start it in beforeAll. */
export function chapterBook(platform: () => TestPlatform, creator: string) {
  const liveChapters = async (projectId: string): Promise<ChapterSummary[]> =>
    (await body<{ items: ChapterSummary[] }>(await platform().api(creator, `/v1/projects/${projectId}/chapters`), 200))
      .items;
  const chapterText = async (projectId: string, chapterId: string): Promise<string> =>
    (
      await body<{ text: string }>(
        await platform().api(creator, `/v1/projects/${projectId}/chapters/${chapterId}`),
        200,
      )
    ).text;
  return {
    liveChapters,
    chapterText,
    /** The live chapters' texts in reading order. */
    async bookText(projectId: string): Promise<string> {
      const texts: string[] = [];
      for (const chapter of await liveChapters(projectId)) texts.push(await chapterText(projectId, chapter.id));
      return texts.join('');
    },
    /** A new project holding the ten-chapter book, imported and split into its chapters. */
    async newBook(title: string): Promise<string> {
      const project = await body<{ id: string }>(
        await platform().api(creator, '/v1/projects', { method: 'POST', json: { metadata: minimalMetadata(title) } }),
        201,
      );
      const uploaded = await body<{ job: { id: string } }>(
        await platform().api(creator, `/v1/projects/${project.id}/manuscript?fileName=book.txt`, {
          method: 'PUT',
          headers: { 'content-type': 'text/plain' },
          body: TEN_CHAPTER_BOOK,
        }),
        202,
      );
      const done = await waitForJob(platform(), creator, project.id, uploaded.job.id);
      expect(done.status).toBe('succeeded');
      expect(await liveChapters(project.id)).toHaveLength(BOOK_CHAPTERS);
      return project.id;
    },
  };
}
