import { authorizeProjectAction, authorizeTenantAction, changesProject } from '../auth/permissions';
import { requireVersion } from '../common/versions';
import type { Principal, TenantPrincipal } from '../auth/principal';
import { PreconditionFailedError, ValidationError } from '../errors';
import type { BlobStore } from '../ports/blobs';
import type { Filter, Page, TenantCollection } from '../ports/documents';
import type { CoverProcessor } from '../ports/images';
import type { IncomingFile } from '../ports/uploads';
import type { Clock, IdGenerator } from '../ports/system';
import type { MetricsRecorder } from '../ports/metrics';
import type { UserRecord } from '../users/user';
import { updateWithRetry } from '../common/optimisticUpdate';
import { uploadCover, type StoredCover } from './coverUpload';
import { archiveProject, restoreProject, type ArchiveDeps } from './projectArchive';
import {
  emptyProductionFacts,
  refuseArchived,
  searchTextOf,
  type BookMetadata,
  type FactsGroup,
  type ProductionFacts,
  type ProjectRecord,
  type ProjectStatus,
} from './project';

export { ARCHIVE_RETENTION_DAYS } from './projectArchive';

/** A new project: its book's metadata. */
export interface NewProject {
  metadata: BookMetadata;
}

/** Only the fields given change; nullable fields are cleared with null. Archiving has its own operation. */
export interface ProjectChange {
  metadata?: Partial<BookMetadata>;
  status?: Exclude<ProjectStatus, 'archived'>;
}

export interface ProjectServiceDeps {
  projects: TenantCollection<ProjectRecord>;
  users: TenantCollection<UserRecord>;
  blobs: BlobStore;
  covers: CoverProcessor;
  clock: Clock;
  ids: IdGenerator;
  metrics?: MetricsRecorder;
}

export interface ListProjectsOptions {
  status?: ProjectStatus;
  q?: string;
  includeArchived?: boolean;
  pageSize: number;
  continuationToken?: string;
}

/**
 * A recount gives up only after this many lost races with writes that are not recounts of its group (those end it
 * after two); reaching it means the project document is being rewritten non-stop.
 */
const MAX_RECOUNT_ATTEMPTS = 50;

export class ProjectService {
  constructor(private readonly deps: ProjectServiceDeps) {}

  async create(principal: Principal | undefined, request: NewProject): Promise<ProjectRecord> {
    const user = authorizeTenantAction(principal, 'projects.create');
    const now = this.deps.clock.now().toISOString();
    const created = await this.deps.projects.create({
      id: this.deps.ids.newId('prj'),
      type: 'project',
      tenantId: user.tenantId,
      status: 'draft',
      statusBeforeArchive: null,
      metadata: request.metadata,
      searchText: searchTextOf(request.metadata),
      cover: null,
      facts: emptyProductionFacts,
      ownerId: user.userId,
      memberIds: [],
      validatorIds: [],
      archivedAt: null,
      createdAt: now,
      createdBy: user.userId,
      updatedAt: now,
      updatedBy: user.userId,
    });
    this.deps.metrics?.record({ name: 'project.created', tenantId: user.tenantId });
    return created;
  }

  /**
   * Loads a project the principal may act on; invisible projects are NotFound, forbidden actions Forbidden, and an
   * action that changes the project is refused while it is archived (400 naming `status`), whichever endpoint asks.
   */
  async load(
    principal: Principal | undefined,
    projectId: string,
    action: Parameters<typeof authorizeProjectAction>[1] = 'project.read',
  ): Promise<{ user: TenantPrincipal; project: ProjectRecord }> {
    const user = authorizeTenantAction(principal, 'projects.list');
    const project = await this.deps.projects.get(user.tenantId, projectId);
    authorizeProjectAction(user, action, project);
    if (changesProject(action)) refuseArchived(project!);
    return { user, project: project! };
  }

  async list(principal: Principal | undefined, options: ListProjectsOptions): Promise<Page<ProjectRecord>> {
    const user = authorizeTenantAction(principal, 'projects.list');
    const filters: Filter[] = [];
    if (user.role === 'creator') {
      filters.push({
        op: 'or',
        filters: [
          { field: 'ownerId', op: 'eq', value: user.userId },
          { field: 'memberIds', op: 'arrayContains', value: user.userId },
        ],
      });
    } else if (user.role === 'validator') {
      filters.push({ field: 'validatorIds', op: 'arrayContains', value: user.userId });
    }
    if (options.status) filters.push({ field: 'status', op: 'eq', value: options.status });
    else if (!options.includeArchived) filters.push({ field: 'status', op: 'ne', value: 'archived' });
    if (options.q) filters.push({ field: 'searchText', op: 'containsText', value: options.q.toLowerCase() });
    return this.deps.projects.list(user.tenantId, {
      filter: filters.length ? { op: 'and', filters } : undefined,
      orderBy: { field: 'updatedAt', direction: 'DESC' },
      page: { pageSize: options.pageSize, continuationToken: options.continuationToken },
    });
  }

  async update(
    principal: Principal | undefined,
    projectId: string,
    ifMatch: string | undefined,
    request: ProjectChange,
  ): Promise<ProjectRecord> {
    const { user, project } = await this.load(principal, projectId, 'project.update');
    const version = requireVersion(ifMatch, 'version');
    this.assertFresh(project, version);
    const metadata: BookMetadata = { ...project.metadata, ...stripUndefined(request.metadata ?? {}) };
    return this.save(
      user,
      { ...project, metadata, searchText: searchTextOf(metadata), status: request.status ?? project.status },
      version,
    );
  }

  /** Archives the project (`projectArchive.ts`); with `ifMatch`, only the version the client names. */
  async archive(principal: Principal | undefined, projectId: string, ifMatch?: string): Promise<ProjectRecord> {
    const { user, project } = await this.load(principal, projectId, 'project.archive');
    return archiveProject(this.archiveDeps(user), project, ifMatch);
  }

  /** Restores an archived project within its retention period (`projectArchive.ts`). */
  async restore(principal: Principal | undefined, projectId: string): Promise<ProjectRecord> {
    const { user, project } = await this.load(principal, projectId, 'project.restore');
    return restoreProject(this.archiveDeps(user), project);
  }

  private archiveDeps(user: TenantPrincipal): ArchiveDeps {
    return {
      clock: this.deps.clock,
      get: (projectId) => this.deps.projects.get(user.tenantId, projectId),
      save: (project, etag) => this.save(user, project, etag),
    };
  }

  async setMembers(
    principal: Principal | undefined,
    projectId: string,
    request: { memberIds?: string[]; validatorIds?: string[] },
  ): Promise<ProjectRecord> {
    const { user, project } = await this.load(principal, projectId, 'project.members');
    await this.assertUsersHaveRole(user.tenantId, request.memberIds ?? [], ['creator', 'admin'], 'memberIds');
    await this.assertUsersHaveRole(user.tenantId, request.validatorIds ?? [], ['validator'], 'validatorIds');
    return this.save(
      user,
      {
        ...project,
        memberIds: unique(request.memberIds ?? project.memberIds),
        validatorIds: unique(request.validatorIds ?? project.validatorIds),
      },
      project.etag!,
    );
  }

  /** Stores a new cover and points the project to it (`coverUpload.ts`). */
  async setCover(principal: Principal | undefined, projectId: string, image: IncomingFile): Promise<StoredCover> {
    const { user, project } = await this.load(principal, projectId, 'project.update');
    return uploadCover(this.deps, user, project, image);
  }

  async coverBlob(
    principal: Principal | undefined,
    projectId: string,
    variant: 'original' | 'retail' | 'thumbnail',
  ): Promise<string | undefined> {
    const { project } = await this.load(principal, projectId, 'project.read');
    return project.cover?.blobs[variant];
  }

  /**
   * Keeps the production facts current (the workflow view is derived from them). Called by the step that changed
   * them, on behalf of the system, so it does not check a principal; the caller already did.
   */
  updateFacts(
    tenantId: string,
    projectId: string,
    change: Partial<ProductionFacts> | ((facts: ProductionFacts) => Partial<ProductionFacts>),
  ): Promise<ProjectRecord> {
    return updateWithRetry(
      'Project',
      () => this.deps.projects.get(tenantId, projectId),
      (doc, etag) => this.deps.projects.replace(doc, etag),
      (project) => {
        const facts = { ...emptyProductionFacts, ...project.facts };
        const patch = typeof change === 'function' ? change(facts) : change;
        return { ...project, facts: { ...facts, ...patch } };
      },
    );
  }

  /**
   * Replaces one group of facts with counts taken from the stored documents, after the caller changed those
   * documents. Counts, never increments: a repeated or lost call cannot skew them, and any later recount corrects an
   * earlier one. The write is ETag-conditional, so a recount never overwrites a newer one; when it loses that race it
   * counts again, unless two recounts of the group were stored meanwhile: the second of those started counting after
   * this call began, so it already counted the caller's documents (docs/planning.md, "Counters").
   */
  async recountFacts(
    tenantId: string,
    projectId: string,
    group: FactsGroup,
    count: () => Promise<Partial<ProductionFacts>>,
  ): Promise<void> {
    let recountsAtStart: number | undefined;
    for (let attempt = 1; ; attempt++) {
      const project = await this.deps.projects.get(tenantId, projectId);
      if (!project) return;
      const recounts = project.factsRecounts?.[group] ?? 0;
      recountsAtStart ??= recounts;
      if (recounts >= recountsAtStart + 2) return;
      const counted = await count();
      try {
        await this.deps.projects.replace(
          {
            ...project,
            facts: { ...emptyProductionFacts, ...project.facts, ...counted },
            factsRecounts: { ...project.factsRecounts, [group]: recounts + 1 },
          },
          project.etag!,
        );
        return;
      } catch (error) {
        if (!(error instanceof PreconditionFailedError) || attempt >= MAX_RECOUNT_ATTEMPTS) throw error;
      }
    }
  }

  /** Reads a project for system work (orchestrations); tenant scoping still applies. */
  find(tenantId: string, projectId: string): Promise<ProjectRecord | undefined> {
    return this.deps.projects.get(tenantId, projectId);
  }

  private assertFresh(project: ProjectRecord, ifMatch: string): void {
    if (project.etag !== ifMatch) {
      throw new PreconditionFailedError('The project changed since you loaded it', project);
    }
  }

  private save(user: TenantPrincipal, project: ProjectRecord, etag: string): Promise<ProjectRecord> {
    const now = this.deps.clock.now().toISOString();
    return this.deps.projects.replace({ ...project, updatedAt: now, updatedBy: user.userId }, etag);
  }

  private async assertUsersHaveRole(
    tenantId: string,
    userIds: string[],
    roles: UserRecord['role'][],
    field: string,
  ): Promise<void> {
    for (const [index, userId] of userIds.entries()) {
      const member = await this.deps.users.get(tenantId, userId);
      if (!member || member.status === 'deactivated' || !roles.includes(member.role)) {
        throw new ValidationError(`User ${userId} cannot be added here`, [
          { field: `${field}.${index}`, message: `must be an active ${roles.join(' or ')} of this tenant` },
        ]);
      }
    }
  }
}

function unique(ids: string[]): string[] {
  return [...new Set(ids)];
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
