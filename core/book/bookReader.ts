/**
 * The book as the API reads it: one chapter, one segment, a chapter's plan, the cast. Each collection is bound to its
 * record type (a chapter's container also keeps the manuscript uploads), so a read answers only a record of the kind
 * asked for; anything else is as good as absent (404 to the caller).
 */
import { bookCharacters } from '../planning/bookDocuments';
import { readCommittedPlan } from '../planning/planGenerations';
import type { TypedCollection } from '../ports/typedCollection';
import type { ChapterRecord, CharacterRecord, SegmentRecord } from './records';

export interface BookReaderDeps {
  chapters: TypedCollection<ChapterRecord>;
  segments: TypedCollection<SegmentRecord>;
  characters: TypedCollection<CharacterRecord>;
}

export class BookReader {
  constructor(private readonly deps: BookReaderDeps) {}

  /** The chapter, deleted or not (callers decide whether a deleted one counts). */
  chapter(tenantId: string, projectId: string, chapterId: string): Promise<ChapterRecord | undefined> {
    return this.deps.chapters.get(tenantId, projectId, chapterId);
  }

  /** The segment, of whichever plan generation it belongs to. */
  segment(tenantId: string, projectId: string, segmentId: string): Promise<SegmentRecord | undefined> {
    return this.deps.segments.get(tenantId, projectId, segmentId);
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
