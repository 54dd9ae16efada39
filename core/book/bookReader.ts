/**
 * The book as the API reads it: one chapter, one segment, a chapter's plan, the cast. The chapters and segments
 * containers also hold other kinds of document (a chapter's container keeps the manuscript uploads), so a read answers
 * only a document of the kind asked for; anything else is as good as absent (404 to the caller).
 */
import { bookCharacters } from '../planning/bookDocuments';
import { readCommittedPlan } from '../planning/planGenerations';
import type { ProjectCollection } from '../ports/documents';
import type { ChapterRecord, CharacterRecord, SegmentRecord } from './records';

export interface BookReaderDeps {
  chapters: ProjectCollection<ChapterRecord>;
  segments: ProjectCollection<SegmentRecord>;
  characters: ProjectCollection<CharacterRecord>;
}

export class BookReader {
  constructor(private readonly deps: BookReaderDeps) {}

  /** The chapter, deleted or not (callers decide whether a deleted one counts). */
  async chapter(tenantId: string, projectId: string, chapterId: string): Promise<ChapterRecord | undefined> {
    const found = await this.deps.chapters.get(tenantId, projectId, chapterId);
    return found?.type === 'chapter' ? found : undefined;
  }

  /** The segment, of whichever plan generation it belongs to. */
  async segment(tenantId: string, projectId: string, segmentId: string): Promise<SegmentRecord | undefined> {
    const found = await this.deps.segments.get(tenantId, projectId, segmentId);
    return found?.type === 'segment' ? found : undefined;
  }

  /** The chapter's committed plan in reading order, read consistently with a commit that races the read. */
  async plannedSegments(chapter: ChapterRecord): Promise<SegmentRecord[]> {
    return (await readCommittedPlan(this.deps.chapters, this.deps.segments, chapter)).segments;
  }

  /** Every character of the book. */
  characters(tenantId: string, projectId: string): Promise<CharacterRecord[]> {
    return bookCharacters(this.deps.characters, tenantId, projectId);
  }
}
