import { z } from 'zod';
import { isValidIsbn, normalizeIsbn } from '../projects/isbn';
import {
  DEFAULT_DISCLOSURE,
  deriveWorkflow,
  projectStatuses,
  workflowSteps,
  type BookMetadata as BookMetadataRecord,
  type ProjectRecord,
  type Workflow,
} from '../projects/project';
import { FileNoteView, Id, IsoDateTime, page, text, toFileNoteViews, type SameShape } from './common';
import { ProjectFactsView, toProjectFactsView } from './studio';

export { DEFAULT_DISCLOSURE, projectStatuses, workflowSteps };

export const ProjectStatus = z.enum(projectStatuses);
export type ProjectStatus = z.infer<typeof ProjectStatus>;

const personList = z.array(text(200, 1)).max(20);

const Bcp47 = text(35, 2).refine((tag) => {
  try {
    return Intl.getCanonicalLocales(tag).length === 1;
  } catch {
    return false;
  }
}, 'must be a BCP 47 language tag such as en-US or es-PE');

const Isbn = z
  .string()
  .trim()
  .refine(isValidIsbn, 'must be a valid ISBN-10 or ISBN-13 (checksum)')
  .transform(normalizeIsbn);

const PublicationDate = z
  .string()
  .regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'must be YYYY, YYYY-MM or YYYY-MM-DD')
  .refine(
    (s) => !Number.isNaN(Date.parse(s.length === 4 ? `${s}-01-01` : s.length === 7 ? `${s}-01` : s)),
    'must be a real date',
  );

export const Series = z.strictObject({
  name: text(200, 1),
  number: z.number().positive().max(100000).nullable().default(null),
});

/** Metadata fields without defaults: a partial update must only change the keys the client sends. */
const metadataFields = {
  title: text(300, 1),
  subtitle: text(300).nullable(),
  authors: personList.min(1, 'at least one author is required'),
  narrators: personList,
  translators: personList,
  adaptors: personList,
  language: Bcp47,
  description: text(4000).nullable(),
  keywords: z.array(text(100, 1)).max(25),
  categories: z.array(text(100, 1)).max(10),
  publisher: text(200).nullable(),
  publicationDate: PublicationDate.nullable(),
  rights: text(1000).nullable(),
  series: Series.nullable(),
  isbn: Isbn.nullable(),
  digitalVoiceDisclosure: text(500, 1),
};

/** Book metadata as retailers need it (docs/retail-specs.md): all fields the packaging step will write as tags. */
export const BookMetadata = z
  .strictObject({
    ...metadataFields,
    subtitle: metadataFields.subtitle.default(null),
    narrators: metadataFields.narrators.default([]),
    translators: metadataFields.translators.default([]),
    adaptors: metadataFields.adaptors.default([]),
    description: metadataFields.description.default(null),
    keywords: metadataFields.keywords.default([]),
    categories: metadataFields.categories.default([]),
    publisher: metadataFields.publisher.default(null),
    publicationDate: metadataFields.publicationDate.default(null),
    rights: metadataFields.rights.default(null),
    series: metadataFields.series.default(null),
    isbn: metadataFields.isbn.default(null),
    digitalVoiceDisclosure: metadataFields.digitalVoiceDisclosure.default(DEFAULT_DISCLOSURE),
  })
  .meta({ id: 'BookMetadata' });
export type BookMetadata = z.infer<typeof BookMetadata>;

export const CreateProjectRequest = z.strictObject({ metadata: BookMetadata }).meta({ id: 'CreateProjectRequest' });
export type CreateProjectRequest = z.infer<typeof CreateProjectRequest>;

/** Partial update: only the fields given change. Nullable fields are cleared with null. */
export const UpdateProjectRequest = z
  .strictObject({
    metadata: z.strictObject(metadataFields).partial().meta({ id: 'BookMetadataPatch' }).optional(),
    status: ProjectStatus.exclude(['archived']).optional(),
  })
  .meta({ id: 'UpdateProjectRequest' });
export type UpdateProjectRequest = z.infer<typeof UpdateProjectRequest>;

export const CoverView = z.object({
  width: z.number().int(),
  height: z.number().int(),
  originalFormat: z.enum(['jpeg', 'png']),
  uploadedAt: IsoDateTime,
  /** Readable by the caller with their token: `GET .../cover?variant=` */
  variants: z.array(z.enum(['original', 'retail', 'thumbnail'])),
  warnings: z.array(z.string()).meta({ description: "The notes' English sentences (`notes` carries their codes)" }),
  notes: z.array(FileNoteView).meta({ description: 'What the conversion changed, with stable codes' }),
});

export const WorkflowStepState = z.enum(['not_started', 'in_progress', 'complete']);
export const WorkflowView = z.object({
  steps: z.array(z.object({ step: z.enum(workflowSteps), state: WorkflowStepState, detail: z.string().nullable() })),
  currentStep: z.enum(workflowSteps),
});
export type WorkflowView = z.infer<typeof WorkflowView>;

export const ProjectView = z
  .object({
    id: Id,
    status: ProjectStatus,
    metadata: BookMetadata,
    cover: CoverView.nullable(),
    ownerId: z.string(),
    memberIds: z.array(z.string()),
    validatorIds: z.array(z.string()),
    workflow: WorkflowView,
    /** The counts the workflow is derived from: a list can tell a book produced in part from one being produced. */
    facts: ProjectFactsView,
    archivedAt: IsoDateTime.nullable(),
    createdAt: IsoDateTime,
    updatedAt: IsoDateTime,
    etag: z.string(),
  })
  .meta({ id: 'Project' });
export type ProjectView = z.infer<typeof ProjectView>;

export const ProjectPage = page(ProjectView).meta({ id: 'ProjectPage' });

export const ListProjectsQuery = z.strictObject({
  status: ProjectStatus.optional(),
  q: text(200).optional(),
  continuationToken: z.string().max(4096).optional(),
  pageSize: z.coerce.number().int().min(1).max(100).default(25),
  includeArchived: z.enum(['true', 'false']).optional(),
});

export const SetMembersRequest = z
  .strictObject({
    memberIds: z.array(Id).max(100).optional(),
    validatorIds: z.array(Id).max(100).optional(),
  })
  .meta({ id: 'SetMembersRequest' });

/** What the API shows of a project: its record with the workflow derived from its facts. */
export function toProjectView(project: ProjectRecord): ProjectView {
  return {
    id: project.id,
    status: project.status,
    metadata: project.metadata,
    cover: project.cover
      ? {
          width: project.cover.width,
          height: project.cover.height,
          originalFormat: project.cover.originalFormat,
          uploadedAt: project.cover.uploadedAt,
          variants: ['original', 'retail', 'thumbnail'],
          warnings: project.cover.warnings,
          notes: toFileNoteViews(project.cover.notes, project.cover.warnings, 'cover'),
        }
      : null,
    ownerId: project.ownerId,
    memberIds: project.memberIds,
    validatorIds: project.validatorIds,
    workflow: deriveWorkflow(project),
    facts: toProjectFactsView(project.facts),
    archivedAt: project.archivedAt,
    createdAt: project.createdAt,
    updatedAt: project.updatedAt,
    etag: project.etag ?? '',
  };
}

// The schemas describe the domain's shapes exactly.
void (true satisfies SameShape<BookMetadata, BookMetadataRecord>);
void (true satisfies SameShape<WorkflowView, Workflow>);
