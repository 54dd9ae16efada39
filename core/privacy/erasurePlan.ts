/**
 * What an erasure does to each kind of stored data (docs/privacy.md, "Erasure"). Pure rules: the erasure service
 * applies them page by page, and the same rules count what there is before and what is left after.
 */
import { tenantBlobPrefix } from '../ports/blobs';
import type { SubjectMatcher, TextKind } from './personalData';
import type { AnyDocument } from './ports';

interface ContainerPolicy {
  /** Whether names inside free text are people's writing (scrubbed) or book content (left alone). */
  text: TextKind;
  /** A document holding the person's data is rewritten without it, or deleted whole. */
  onTrace: 'rewrite' | 'delete';
}

const rewrite = (text: TextKind): ContainerPolicy => ({ text, onTrace: 'rewrite' });

/**
 * Every container, by name. The organization's and the books' own content (tenant, projects' metadata, chapters,
 * characters, segments, lexicon, packages) keeps its text: only the person's id and email address leave it.
 * A container missing here stops the erasure (a test checks the list against the containers the app creates).
 */
const containerPolicies: Record<string, ContainerPolicy> = {
  tenants: rewrite('book'),
  identities: rewrite('people'),
  users: rewrite('people'),
  projects: rewrite('book'),
  webhooks: rewrite('people'),
  // Replays of responses for a day; a response that shows the person is simply forgotten.
  idempotency: { text: 'people', onTrace: 'delete' },
  deliveries: rewrite('people'),
  chapters: rewrite('book'),
  characters: rewrite('book'),
  segments: rewrite('book'),
  jobs: rewrite('people'),
  packages: rewrite('book'),
  costs: rewrite('people'),
  lexicon: rewrite('book'),
  reviews: rewrite('people'),
  audit: rewrite('people'),
  privacy: rewrite('people'),
  // Daily aggregates count people by one-way keys only; a trace there would be a bug the survey reports.
  metrics: rewrite('people'),
};

export function hasErasurePolicy(container: string): boolean {
  return Object.hasOwn(containerPolicies, container);
}

function policyOf(container: string): ContainerPolicy {
  if (!hasErasurePolicy(container)) throw new Error(`No erasure policy for container ${container}`);
  return containerPolicies[container];
}

export interface ErasureTarget {
  matcher: SubjectMatcher;
  /** When the person's user record was created. */
  joinedAt: string;
  /** The erasure's own job document, which holds the subject until the job ends. */
  jobId: string;
  /** Who takes over projects the person owned. */
  successorId: string;
}

export type DocumentErasure =
  | { action: 'keep' }
  | { action: 'rewrite'; document: AnyDocument }
  | { action: 'delete' }
  /** The person's own user record: deleted last, so their account stays shut while the erasure runs. */
  | { action: 'deleteLast' };

export function planDocumentErasure(container: string, doc: AnyDocument, target: ErasureTarget): DocumentErasure {
  const { matcher } = target;
  const { userId } = matcher.subject;
  if (container === 'users' && doc.type === 'user' && doc.id === userId) return { action: 'deleteLast' };
  // The admin roster holds ids of the tenant's active admins only; the erasure takes the person off it through the
  // roster itself when it shuts the account, and a pseudonym written into it would count as an admin.
  if (container === 'users' && doc.type === 'adminRoster') return { action: 'keep' };
  if (container === 'privacy' && doc.id === target.jobId) return { action: 'keep' };
  const policy = policyOf(container);
  if (!matcher.mentions(doc, policy.text)) return { action: 'keep' };
  if (policy.onTrace === 'delete') return { action: 'delete' };
  const source = container === 'projects' && doc.type === 'project' ? handOverProject(doc, userId, target) : doc;
  return { action: 'rewrite', document: matcher.erase(source, policy.text) as AnyDocument };
}

/** Projects the person owned pass to the successor; their memberships end. */
function handOverProject(project: AnyDocument, userId: string, target: ErasureTarget): AnyDocument {
  const without = (ids: unknown) => (Array.isArray(ids) ? ids.filter((id) => id !== userId) : ids);
  return {
    ...project,
    ownerId: project.ownerId === userId ? target.successorId : project.ownerId,
    memberIds: without(project.memberIds),
    validatorIds: without(project.validatorIds),
  };
}

export type BlobErasure = { action: 'keep' } | { action: 'delete' } | { action: 'rewriteJson'; text: TextKind };

/** Blobs JSON small enough to rewrite; larger JSON is never written by the app. */
export const MAX_REWRITABLE_JSON_BYTES = 16 * 1024 * 1024;

/**
 * Tenant exports finished since the person joined may contain their data: those are deleted (they are short-lived
 * copies); one finished before their user record was created cannot name them. Both times come from the app's clock
 * (the export job's `finishedAt`, the user's `createdAt`). JSON blobs are read and rewritten: webhook dead letters are
 * notifications (people's text), other JSON is book content. Manuscripts, covers and audio are the organization's
 * content and are not changed.
 */
export function planBlobErasure(
  tenantId: string,
  blob: { name: string; contentType: string },
  subject: {
    joinedAt: string;
    /** For a blob under the exports prefix: when its export job finished (null when unknown or unfinished). */
    exportFinishedAt?: string | null;
  },
): BlobErasure {
  const prefix = tenantBlobPrefix(tenantId);
  if (blob.name.startsWith(`${prefix}exports/`)) {
    const finishedAt = subject.exportFinishedAt ?? null;
    const before = finishedAt !== null && Date.parse(finishedAt) < Date.parse(subject.joinedAt);
    return before ? { action: 'keep' } : { action: 'delete' };
  }
  const isJson = blob.contentType.startsWith('application/json') || blob.name.endsWith('.json');
  if (!isJson) return { action: 'keep' };
  return { action: 'rewriteJson', text: blob.name.startsWith(`${prefix}webhooks/`) ? 'people' : 'book' };
}

/** The export job ids named by blobs under the tenant's exports prefix. */
export function exportJobIdOf(tenantId: string, blobName: string): string | undefined {
  const prefix = tenantBlobPrefix(tenantId);
  return new RegExp(`^${escape(prefix)}exports/([A-Za-z0-9_-]+)\\.zip$`).exec(blobName)?.[1];
}

function escape(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
