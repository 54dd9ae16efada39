import type { BlobStore } from '../../core/ports/blobs';
import type { MasterFiles } from '../../core/production/chapterMastering';
import type { AppEnvironment } from '../config/config';

type PinStore = Pick<BlobStore, 'putIfAbsent' | 'readBuffer' | 'delete' | 'deletePrefix'>;

export interface ProductionStepFaults {
  pins(store: PinStore): PinStore;
  masterFiles(files: MasterFiles): MasterFiles;
}

/**
 * Fault injection for tests (docs/reliability.md, "Retried production steps"): with FAULT_INJECT_PRODUCTION_STEPS set
 * to a tenant id in local mode, that tenant's productions meet a store error of the moment (a 503, as Cosmos or Blob
 * Storage answer one) halfway through each chapter's listing, once it has pinned the chapter's lines and before it
 * pins their sources, and halfway through each mastering, once the master and its encodings are stored and before the
 * chapter records them. Only the first attempt at each fails (remembered per process), so the retry finds half the
 * step's output stored. Other tenants' productions run clean beside them, for comparison.
 */
export function productionStepFaults(config: AppEnvironment): ProductionStepFaults | undefined {
  if (config.KHIPU_MODE !== 'local' || !config.FAULT_INJECT_PRODUCTION_STEPS) return undefined;
  const tenantPrefix = `tenants/${config.FAULT_INJECT_PRODUCTION_STEPS}/`;
  const failed = new Set<string>();
  const firstAttempt = (name: string): boolean => {
    if (!name.startsWith(tenantPrefix) || failed.has(name)) return false;
    failed.add(name);
    return true;
  };
  const unavailable = (what: string) =>
    Object.assign(new Error(`Injected fault: the store did not answer after ${what} (503 Service Unavailable)`), {
      code: 503,
    });
  return {
    pins: (store) => ({
      readBuffer: (name, maxBytes) => store.readBuffer(name, maxBytes),
      delete: (name) => store.delete(name),
      deletePrefix: (prefix) => store.deletePrefix(prefix),
      async putIfAbsent(name, body, contentType) {
        const created = await store.putIfAbsent(name, body, contentType);
        if (name.includes('/plan-lines/') && firstAttempt(name)) throw unavailable('the chapter lines were pinned');
        return created;
      },
    }),
    masterFiles: (files) => ({
      async render(request) {
        const rendered = await files.render(request);
        if (firstAttempt(request.masterBlobName)) throw unavailable('the master and its encodings were stored');
        return rendered;
      },
    }),
  };
}
