import type { IsolationTable } from './types';

/**
 * The operator's consistency check names a tenant and a project; every tenant user is refused (403) before anything
 * is looked up, on their own project as on anyone else's.
 */
export const isolation: IsolationTable = {
  checkProjectConsistency: {
    allowed: [],
    prepare: async ({ platform, admin }) => {
      const res = await platform.api(admin, '/v1/tenant');
      if (res.status !== 200) throw new Error(`tenant: ${res.status} ${await res.text()}`);
      return { tenantId: ((await res.json()) as { id: string }).id };
    },
    request: () => ({ json: { repair: true } }),
  },
};
