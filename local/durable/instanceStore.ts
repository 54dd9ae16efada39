/**
 * Instance state and history, one JSON blob per orchestration instance, written only with ETag conditions so two
 * workers never overwrite each other's progress.
 */
import type { HistoryEvent } from './history';
import { HubStorage, statusOf } from './storage';

export type RuntimeStatus = 'Pending' | 'Running' | 'Completed' | 'Failed' | 'Terminated' | 'ContinuedAsNew';

export const terminalStatuses: ReadonlySet<RuntimeStatus> = new Set(['Completed', 'Failed', 'Terminated']);

export interface ParentReference {
  instanceId: string;
  executionId: string;
  taskScheduledId: number;
}

export interface InstanceRecord {
  instanceId: string;
  name: string;
  executionId: string;
  status: RuntimeStatus;
  createdTime: string;
  lastUpdatedTime: string;
  /** JSON text, as in ExecutionStarted.Input. */
  input: string | null;
  output: string | null;
  customStatus: string | null;
  parent?: ParentReference;
  /** History of the current execution (continueAsNew starts a new one). */
  history: HistoryEvent[];
  /** Inbox message ids already applied to this execution, so a redelivered message is not applied twice. */
  processedMessageIds: string[];
}

export interface StoredInstance {
  record: InstanceRecord;
  etag: string;
}

/** Thrown when an ETag-conditioned write lost a race. */
export class ConcurrencyConflict extends Error {
  constructor(instanceId: string) {
    super(`instance '${instanceId}' was changed by another writer`);
    this.name = 'ConcurrencyConflict';
  }
}

export class InstanceStore {
  constructor(private readonly storage: HubStorage) {}

  private blob(instanceId: string) {
    return this.storage.instances.getBlockBlobClient(`${encodeURIComponent(instanceId)}.json`);
  }

  async get(instanceId: string): Promise<StoredInstance | undefined> {
    try {
      const response = await this.blob(instanceId).download();
      const text = await streamToString(response.readableStreamBody);
      return { record: JSON.parse(text) as InstanceRecord, etag: response.etag ?? '' };
    } catch (error) {
      if (statusOf(error) === 404) return undefined;
      throw error;
    }
  }

  /** Writes the record; `etag` undefined means "only if no instance exists yet". Returns the new ETag. */
  async save(record: InstanceRecord, etag: string | undefined): Promise<string> {
    const text = JSON.stringify(record);
    const conditions = etag === undefined ? { ifNoneMatch: '*' } : { ifMatch: etag };
    try {
      const response = await this.blob(record.instanceId).upload(text, Buffer.byteLength(text), {
        conditions,
        blobHTTPHeaders: { blobContentType: 'application/json' },
      });
      return response.etag ?? '';
    } catch (error) {
      const status = statusOf(error);
      if (status === 412 || status === 409) throw new ConcurrencyConflict(record.instanceId);
      throw error;
    }
  }

  async delete(instanceId: string, etag: string): Promise<boolean> {
    try {
      await this.blob(instanceId).delete({ conditions: { ifMatch: etag } });
      return true;
    } catch (error) {
      const status = statusOf(error);
      if (status === 404 || status === 412) return false;
      throw error;
    }
  }

  /** Every instance of the hub. Local hubs are small; a real backend would page through an index table. */
  async list(): Promise<StoredInstance[]> {
    const found: StoredInstance[] = [];
    for await (const item of this.storage.instances.listBlobsFlat()) {
      const instanceId = decodeURIComponent(item.name.replace(/\.json$/, ''));
      const stored = await this.get(instanceId);
      if (stored) found.push(stored);
    }
    return found;
  }
}

async function streamToString(stream: NodeJS.ReadableStream | undefined): Promise<string> {
  if (!stream) return '';
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}
