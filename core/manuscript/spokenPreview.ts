import type { ChapterRecord } from '../book/records';
import { isScript, mayBeScript, withoutLabel } from '../characters/scriptLabels';
import { toSpokenForm } from '../speech/normalize';
import { paragraphsOf } from './chapterEdits';

export interface SpokenParagraph {
  index: number;
  /** UTF-16 offset of the paragraph in the chapter text. */
  offset: number;
  text: string;
  spoken: string;
}

export interface SpokenPreviewPage {
  language: string;
  heading: { text: string; spoken: string } | null;
  paragraphs: SpokenParagraph[];
  total: number;
}

/**
 * What will be spoken for a page of a chapter's paragraphs in the book's language: the heading read as a heading
 * (Roman numerals as numbers), every paragraph through the normalizer, without its speaker label in a chapter written
 * as a script (the label is shown, never said). The stored text is not touched.
 */
export function spokenPreviewOf(
  chapter: Pick<ChapterRecord, 'text' | 'headingText'>,
  language: string,
  page: { start: number; limit: number },
): SpokenPreviewPage {
  // An edit may have removed the heading from the text; then there is no heading to read.
  const headingLength =
    chapter.headingText.trim() && chapter.text.startsWith(chapter.headingText) ? chapter.headingText.length : 0;
  const headingText = chapter.text.slice(0, headingLength).trim();
  const paragraphs = paragraphsOf(chapter.text.slice(headingLength));
  const script = mayBeScript(chapter.text) && isScript(paragraphs.map((paragraph) => paragraph.text));
  return {
    language,
    heading: headingText
      ? { text: headingText, spoken: toSpokenForm(headingText, language, { isHeading: true }) }
      : null,
    paragraphs: paragraphs.slice(page.start, page.start + page.limit).map((paragraph) => ({
      index: paragraph.index,
      offset: paragraph.offset + headingLength,
      text: paragraph.text,
      spoken: toSpokenForm(script ? withoutLabel(paragraph.text) : paragraph.text, language),
    })),
    total: paragraphs.length,
  };
}
