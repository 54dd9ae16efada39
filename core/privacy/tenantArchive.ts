/**
 * What a tenant export contains, and where in the zip (docs/privacy.md, "Tenant export"):
 *
 *     export.json                           what this is, when, for which organization
 *     organization.json  users.jsonl        the organization and its people
 *     projects/{projectId}/project.json     each project (archived ones too) with its book metadata
 *     projects/{projectId}/{container}.jsonl  the book: chapters (and manuscript records), characters, segments
 *                                           (the plan), lexicon, reviews, jobs, packages, costs
 *     projects/{projectId}/manuscripts/{manuscriptId}/{file}   every manuscript as uploaded
 *     projects/{projectId}/cover/original.{jpg|png}, cover/retail.jpg
 *     projects/{projectId}/packages/{packageId}/{file}         every package still kept
 *     manifest.json                         every entry with its size and SHA-256 (added by the archive writer)
 *
 * Entries are produced lazily, project by project; their contents are read only when the zip reaches them.
 */
import { sanitizeTitle } from '../packaging/fileNames';
import type { BlobStore } from '../ports/blobs';
import { readAll, type Filter, type TenantDirectory } from '../ports/documents';
import type { TenantRecord } from '../tenants/tenant';
import type { ArchiveEntry, AnyDocument, TenantDocuments } from './ports';

export const TENANT_EXPORT_FORMAT = 'khipu.tenant-export/1';

/** Per-project containers written as JSON Lines, one document a line. */
export const PROJECT_CONTAINERS = [
  'chapters',
  'characters',
  'segments',
  'lexicon',
  'reviews',
  'jobs',
  'packages',
  'costs',
] as const;

/** Fields that are the store's bookkeeping or secrets, never exported. */
const INTERNAL_FIELDS = ['etag', 'ttl'];

export interface TenantArchiveDeps {
  tenants: TenantDirectory<TenantRecord>;
  documents: TenantDocuments;
  blobs: BlobStore;
}

export interface TenantArchiveCounts {
  projects: number;
}

const PAGE_SIZE = 100;

export function exportable(doc: AnyDocument): Record<string, unknown> {
  const copy: Record<string, unknown> = { ...doc };
  for (const field of INTERNAL_FIELDS) delete copy[field];
  return copy;
}

export async function* tenantArchiveEntries(
  deps: TenantArchiveDeps,
  tenantId: string,
  exportedAt: string,
  counts: TenantArchiveCounts,
): AsyncGenerator<ArchiveEntry> {
  const json = (path: string, value: () => Promise<unknown>): ArchiveEntry => ({
    path,
    source: { kind: 'json', value },
    compress: true,
  });
  const lines = (path: string, read: () => AsyncIterable<unknown>): ArchiveEntry => ({
    path,
    source: { kind: 'jsonLines', lines: read },
    compress: true,
  });
  yield json('export.json', async () => ({
    format: TENANT_EXPORT_FORMAT,
    tenantId,
    exportedAt,
    contents: 'organization.json, users.jsonl, projects/{projectId}/…, manifest.json',
  }));
  yield json('organization.json', async () => {
    const tenant = await deps.tenants.get(tenantId);
    if (!tenant) return null;
    const { runningProductions: _running, deletion: _deletion, ...kept } = tenant;
    return exportable(kept as unknown as AnyDocument);
  });
  yield lines('users.jsonl', () => mapDocs(scanAll(deps.documents, 'users', tenantId), exportable));

  for await (const project of scanAll(deps.documents, 'projects', tenantId, {
    filter: { field: 'type', op: 'eq', value: 'project' },
  })) {
    counts.projects++;
    const base = `projects/${segment(project.id)}`;
    yield json(`${base}/project.json`, async () => exportable(project));
    for (const container of PROJECT_CONTAINERS) {
      yield lines(`${base}/${container}.jsonl`, () =>
        mapDocs(scanAll(deps.documents, container, tenantId, { projectId: project.id }), exportable),
      );
    }
    yield* manuscriptEntries(deps, tenantId, project.id, base);
    yield* coverEntries(project, base);
    yield* packageEntries(deps, tenantId, project.id, base);
  }
}

async function* manuscriptEntries(deps: TenantArchiveDeps, tenantId: string, projectId: string, base: string) {
  const filter: Filter = { field: 'type', op: 'eq', value: 'manuscript' };
  for await (const manuscript of scanAll(deps.documents, 'chapters', tenantId, { projectId, filter })) {
    const blobName = manuscript.originalBlob;
    if (typeof blobName !== 'string' || !(await deps.blobs.exists(blobName))) continue;
    const fileName = sanitizeTitle(String(manuscript.fileName ?? ''), 'manuscript');
    yield blobEntry(`${base}/manuscripts/${segment(manuscript.id)}/${fileName}`, blobName, true);
  }
}

function* coverEntries(project: AnyDocument, base: string): Generator<ArchiveEntry> {
  const cover = project.cover as { originalFormat?: string; blobs?: { original?: string; retail?: string } } | null;
  if (!cover?.blobs) return;
  const extension = cover.originalFormat === 'png' ? 'png' : 'jpg';
  if (cover.blobs.original) yield blobEntry(`${base}/cover/original.${extension}`, cover.blobs.original, false);
  if (cover.blobs.retail) yield blobEntry(`${base}/cover/retail.jpg`, cover.blobs.retail, false);
}

async function* packageEntries(deps: TenantArchiveDeps, tenantId: string, projectId: string, base: string) {
  const filter: Filter = { field: 'type', op: 'eq', value: 'package' };
  for await (const record of scanAll(deps.documents, 'packages', tenantId, { projectId, filter })) {
    const deliverable = record.deliverable as { blobName?: string; name?: string } | undefined;
    if (!deliverable?.blobName || !(await deps.blobs.exists(deliverable.blobName))) continue;
    const fileName = sanitizeTitle(deliverable.name ?? '', 'package');
    yield blobEntry(`${base}/packages/${segment(record.id)}/${fileName}`, deliverable.blobName, false);
  }
}

function blobEntry(path: string, blobName: string, compress: boolean): ArchiveEntry {
  return { path, source: { kind: 'blob', blobName }, compress };
}

/** Ids are server-generated; this keeps a path segment safe even so. */
function segment(id: string): string {
  return sanitizeTitle(id, 'unnamed');
}

async function* scanAll(
  documents: TenantDocuments,
  container: string,
  tenantId: string,
  options: { projectId?: string; filter?: Filter } = {},
): AsyncGenerator<AnyDocument> {
  yield* readAll((page) => documents.scan(container, tenantId, page, options), PAGE_SIZE);
}

async function* mapDocs<T>(docs: AsyncIterable<AnyDocument>, map: (doc: AnyDocument) => T): AsyncGenerator<T> {
  for await (const doc of docs) yield map(doc);
}
