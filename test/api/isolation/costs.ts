import type { IsolationTable } from './types';

/**
 * Cost analytics (docs/domain.md §Roles and permissions): admins all projects, creators their own, validators the ones
 * assigned to them.
 */
export const isolation: IsolationTable = {
  getProjectCosts: { allowed: ['admin', 'creator', 'validator'] },
};
