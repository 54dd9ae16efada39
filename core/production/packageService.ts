/** The packages production built for a project, as the API reads them (production writes them; nothing here does). */
import type { TypedCollection } from '../ports/typedCollection';
import type { PackagePlatform } from '../packaging/types';
import type { PackageRecord } from './packageRecord';

/** The listing shows at most this many packages (a project keeps one per platform and version). */
const LISTED_PACKAGES = 100;

export class PackageService {
  constructor(private readonly deps: { packages: TypedCollection<PackageRecord> }) {}

  /** The project's packages, newest first. */
  async list(tenantId: string, projectId: string): Promise<PackageRecord[]> {
    const page = await this.deps.packages.list(tenantId, projectId, {
      orderBy: { field: 'createdAt', direction: 'DESC' },
      page: { pageSize: LISTED_PACKAGES },
    });
    return page.items;
  }

  /** The package; undefined when there is none by that id in the project. */
  get(tenantId: string, projectId: string, packageId: string): Promise<PackageRecord | undefined> {
    return this.deps.packages.get(tenantId, projectId, packageId);
  }

  /** The platforms the project has packages for, sorted: what a regeneration rebuilds when none is named. */
  async platforms(tenantId: string, projectId: string): Promise<PackagePlatform[]> {
    const page = await this.deps.packages.list(tenantId, projectId, { page: { pageSize: LISTED_PACKAGES } });
    return [...new Set(page.items.map((p) => p.platform))].sort();
  }
}
