import type { TenantRole } from '../auth/principal';
import type { StoredDocument } from '../ports/documents';
import type { ConsentRecord } from '../privacy/consent';

export interface UserRecord extends StoredDocument {
  type: 'user';
  /** Equal to the identity provider's subject, so the token's `sub` finds the record. */
  id: string;
  tenantId: string;
  email: string;
  displayName: string;
  role: TenantRole;
  status: 'active' | 'invited' | 'deactivated';
  createdAt: string;
  updatedAt: string;
  /** The terms version the person accepted and when; absent until they accept (docs/privacy.md, "Consent"). */
  consent?: ConsentRecord | null;
}
