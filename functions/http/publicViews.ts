import type { ChapterRecord, CharacterRecord, ManuscriptRecord, SegmentRecord } from '../../core/book/records';
import { toChapterView } from '../../core/api/chapters';
import { toCharacterView } from '../../core/api/characters';
import { toJobView } from '../../core/api/jobs';
import { toLexiconEntryView } from '../../core/api/lexicon';
import { toManuscriptView } from '../../core/api/manuscript';
import { toPausePolicyView } from '../../core/api/planning';
import { toChapterApprovalView, toReviewThreadView } from '../../core/api/reviews';
import { toSegmentView } from '../../core/api/segments';
import { toTenantView } from '../../core/api/tenants';
import { toUserView } from '../../core/api/users';
import type { JobRecord } from '../../core/jobs/job';
import type { LexiconEntryRecord } from '../../core/lexicon/lexiconService';
import { effectivePausePolicy, type PausePolicyRecord } from '../../core/planning/pausePolicy';
import type { ProjectRecord } from '../../core/projects/project';
import { toProjectView } from '../../core/api/projects';
import type { ChapterApprovalRecord, ReviewThreadRecord } from '../../core/review/review';
import type { TenantRecord } from '../../core/tenants/tenant';
import type { UserRecord } from '../../core/users/user';
import { toWebhookView, type WebhookSubscriptionDoc } from '../../core/webhooks/webhookService';

/**
 * The API view of each stored document type that can reach a response inside an error (a 412's `details.current`).
 * A document whose type is not listed here never leaves the server: internal documents (counters, lexicon state,
 * claims) carry data no schema promises.
 */
const viewByType: Record<string, (doc: never) => unknown> = {
  project: (doc: ProjectRecord) => toProjectView(doc),
  user: (doc: UserRecord) => toUserView(doc),
  tenant: (doc: TenantRecord) => toTenantView(doc),
  manuscript: (doc: ManuscriptRecord) => toManuscriptView(doc),
  chapter: (doc: ChapterRecord) => toChapterView(doc),
  character: (doc: CharacterRecord) => toCharacterView(doc),
  segment: (doc: SegmentRecord) => toSegmentView(doc),
  job: (doc: JobRecord) => toJobView(doc),
  lexiconEntry: (doc: LexiconEntryRecord) => toLexiconEntryView(doc),
  pausePolicy: (doc: PausePolicyRecord) =>
    toPausePolicyView({ overrides: doc.overrides, effective: effectivePausePolicy(doc.overrides), etag: doc.etag }),
  webhookSubscription: (doc: WebhookSubscriptionDoc) => toWebhookView(doc),
  reviewThread: (doc: ReviewThreadRecord) => toReviewThreadView(doc),
  chapterApproval: (doc: ChapterApprovalRecord) => toChapterApprovalView(doc),
};

/** The public view of a stored document, or undefined when its type has none (then nothing of it is shown). */
export function publicViewOf(document: unknown): unknown {
  if (typeof document !== 'object' || document === null) return undefined;
  const type = (document as { type?: unknown }).type;
  if (typeof type !== 'string' || !Object.hasOwn(viewByType, type)) return undefined;
  return viewByType[type](document as never);
}
