import type { Container } from '@azure/cosmos';
import { createHash } from 'node:crypto';
import type { IdentityRecord, IdentityStore } from '../../core/tenants/identity';
import type { UserRecord } from '../../core/users/user';
import { CosmosTenantDirectory } from './cosmosCollections';

interface IdentityDocument extends IdentityRecord {
  /** A hash of the subject: subjects are the identity provider's and may hold characters Cosmos ids may not. */
  id: string;
  type: 'identity';
}

/** Identity records in the `identities` container, one logical partition each (keyed by `/id`). */
export class CosmosIdentityStore implements IdentityStore {
  private readonly documents: CosmosTenantDirectory<IdentityDocument>;

  constructor(container: Container) {
    this.documents = new CosmosTenantDirectory<IdentityDocument>(container);
  }

  static documentId(userId: string): string {
    return createHash('sha256').update(userId).digest('hex');
  }

  async get(userId: string): Promise<IdentityRecord | undefined> {
    const document = await this.documents.get(CosmosIdentityStore.documentId(userId));
    return document && document.userId === userId ? toRecord(document) : undefined;
  }

  async create(record: IdentityRecord): Promise<IdentityRecord> {
    return toRecord(await this.documents.create(toDocument(record)));
  }

  async replace(record: IdentityRecord, etag: string): Promise<IdentityRecord> {
    return toRecord(await this.documents.replace(toDocument(record), etag));
  }
}

function toDocument(record: IdentityRecord): IdentityDocument {
  return { ...record, id: CosmosIdentityStore.documentId(record.userId), type: 'identity' };
}

function toRecord(document: IdentityDocument): IdentityRecord {
  const { id: _id, type: _type, ...record } = document;
  return record;
}

/**
 * Whether someone is deactivated in any tenant, by subject or email: the one cross-tenant read of the users
 * container, for signup (a person removed from an organization may not start another to get back in).
 */
export function deactivatedAnywhere(users: Container) {
  return async (identity: { userId: string; email: string }): Promise<boolean> => {
    const { resources } = await users.items
      .query<Pick<UserRecord, 'id'>>(
        {
          query:
            'SELECT c.id FROM c WHERE c.type = @type AND c.status = @deactivated AND (c.id = @userId OR c.email = @email)',
          parameters: [
            { name: '@type', value: 'user' },
            { name: '@deactivated', value: 'deactivated' },
            { name: '@userId', value: identity.userId },
            { name: '@email', value: identity.email.toLowerCase() },
          ],
        },
        { maxItemCount: 1 },
      )
      .fetchNext();
    return resources.length > 0;
  };
}
