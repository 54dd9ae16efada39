/** The roles a tenant admin can give, widest first. */
export const ROLES = ['admin', 'creator', 'validator'] as const;
