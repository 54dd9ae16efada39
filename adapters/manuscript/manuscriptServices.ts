import type { ChapterRecord, CharacterRecord, ManuscriptRecord, SegmentRecord } from '../../core/book/records';
import type { JobService } from '../../core/jobs/jobService';
import { ChapterService } from '../../core/manuscript/chapterService';
import { ChapterOrderClaims } from '../../core/manuscript/chapterOrderClaim';
import { ManuscriptImport } from '../../core/manuscript/manuscriptImport';
import { ManuscriptService } from '../../core/manuscript/manuscriptService';
import type { BlobStore } from '../../core/ports/blobs';
import type { ProjectCollection } from '../../core/ports/documents';
import type { TypedCollection, TypedRecord } from '../../core/ports/typedCollection';
import type { Clock, IdGenerator } from '../../core/ports/system';
import type { ProjectService } from '../../core/projects/projectService';
import { analyzeInWorker } from './workerAnalysis';

export interface ManuscriptServices {
  manuscripts: ManuscriptService;
  manuscriptImport: ManuscriptImport;
  chapters: ChapterService;
}

/** Manuscript upload, its background import and chapter editing, wired to the parsers and the upload limit. */
export function buildManuscriptServices(deps: {
  maxUploadBytes: number;
  book: {
    manuscripts: TypedCollection<ManuscriptRecord>;
    chapters: TypedCollection<ChapterRecord>;
    characters: TypedCollection<CharacterRecord>;
    segments: TypedCollection<SegmentRecord>;
  };
  /**
   * The chapters container, whatever the record type: each book's chapter-order claim is kept beside its chapters, so
   * a transaction can renew it with their writes.
   */
  chapterStore: ProjectCollection<TypedRecord>;
  projects: ProjectService;
  jobs: JobService;
  blobs: BlobStore;
  clock: Clock;
  ids: IdGenerator;
}): ManuscriptServices {
  const { book, projects, jobs, blobs, clock, ids, maxUploadBytes } = deps;
  const manuscripts = new ManuscriptService({ ...book, projects, jobs, blobs, clock, ids });
  const orderClaims = new ChapterOrderClaims({ book: deps.chapterStore, clock, ids });
  const chapters = new ChapterService({
    chapters: book.chapters,
    characters: book.characters,
    projects,
    orderClaims,
    clock,
    ids,
  });
  const manuscriptImport = new ManuscriptImport({
    manuscripts,
    chapterEdits: chapters,
    chapters: book.chapters,
    orderClaims,
    segments: book.segments,
    projects,
    jobs,
    blobs,
    clock,
    maxUploadBytes,
    analyze: analyzeInWorker({ limits: { maxBytes: maxUploadBytes } }),
  });
  return { manuscripts, manuscriptImport, chapters };
}
