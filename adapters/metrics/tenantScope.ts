/**
 * Which tenant the work in progress belongs to, carried along the async call chain: the measuring wrappers of the
 * speech and analysis ports read it, since the ports themselves say nothing about tenants. Set by the HTTP pipeline
 * once the caller is authenticated and by the activity hook from the activity's input.
 */
import { AsyncLocalStorage } from 'node:async_hooks';

const scope = new AsyncLocalStorage<{ tenantId: string | undefined }>();

/** Runs `work` for `tenantId`; undefined runs it for no tenant (platform work), whatever surrounds the call. */
export function runForTenant<T>(tenantId: string | undefined, work: () => T): T {
  return scope.run({ tenantId }, work);
}

export function currentTenant(): string | undefined {
  return scope.getStore()?.tenantId;
}
