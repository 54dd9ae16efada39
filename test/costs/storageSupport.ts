import { containerDefinitions } from '../../adapters/cosmos/containers';
import { STORAGE_USAGE_ID } from '../../core/tenants/storageUsage';
import { json, withDatabase } from '../privacy/support';
import { type TestPlatform } from '../support/testPlatform';

export interface StorageFigure {
  used: number;
  measuredAt: string;
}

/** The tenant's stored bytes as `GET /v1/tenant/usage` shows them to one of its users. */
export async function storageOf(platform: TestPlatform, user: string): Promise<StorageFigure> {
  return (await json<{ storageBytes: StorageFigure }>(await platform.api(user, '/v1/tenant/usage'), 200)).storageBytes;
}

export { createProject as newProject } from '../support/projects';

/** The stored measurement as the store holds it, read past the API (whose first read would measure). */
export async function storedMeasurement(
  platform: TestPlatform,
  tenantId: string,
): Promise<Record<string, unknown> | undefined> {
  return withDatabase(platform, async (db) => {
    const { resource } = await db
      .container(containerDefinitions.metrics.id)
      .item(STORAGE_USAGE_ID, tenantId)
      .read<Record<string, unknown>>();
    return resource;
  });
}

/** A document of another type where the tenant's measurement is stored: every measurement of that tenant fails. */
export async function blockMeasurements(platform: TestPlatform, tenantId: string): Promise<void> {
  await withDatabase(platform, (db) =>
    db.container(containerDefinitions.metrics.id).items.upsert({ id: STORAGE_USAGE_ID, tenantId, type: 'occupied' }),
  );
}
