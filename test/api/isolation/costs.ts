import type { IsolationTable } from './types';

/** Cost analytics (SPEC.md §2): admins all projects, creators their own, validators the ones assigned to them. */
export const isolation: IsolationTable = {
  getProjectCosts: { allowed: ['admin', 'creator', 'validator'] },
};
