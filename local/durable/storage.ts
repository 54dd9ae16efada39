/**
 * Azure Storage plumbing for one task hub: the container and tables the engine uses, key encoding, and offloading
 * message bodies too large for a table property into blobs.
 */
import { randomUUID } from 'node:crypto';
import { TableClient, RestError } from '@azure/data-tables';
import { BlobServiceClient, ContainerClient } from '@azure/storage-blob';

/** A table string property holds 64 KiB of UTF-16; keep well under it and put the rest in a blob. */
const MAX_INLINE_BODY_CHARS = 30_000;

export interface HubStorage {
  instances: ContainerClient;
  payloads: ContainerClient;
  inbox: TableClient;
  activities: TableClient;
}

export function validateTaskHubName(taskHubName: string): void {
  if (!/^[A-Za-z][A-Za-z0-9]{2,44}$/.test(taskHubName)) {
    throw new Error(`taskHubName must be 3-45 letters or digits starting with a letter, got '${taskHubName}'`);
  }
}

export async function openHubStorage(connectionString: string, taskHubName: string): Promise<HubStorage> {
  validateTaskHubName(taskHubName);
  const blobService = BlobServiceClient.fromConnectionString(connectionString);
  const containerPrefix = taskHubName.toLowerCase();
  const tableOptions = { allowInsecureConnection: connectionString.includes('http://') };
  const storage: HubStorage = {
    instances: blobService.getContainerClient(`${containerPrefix}-instances`),
    payloads: blobService.getContainerClient(`${containerPrefix}-payloads`),
    inbox: TableClient.fromConnectionString(connectionString, `${taskHubName}Inbox`, tableOptions),
    activities: TableClient.fromConnectionString(connectionString, `${taskHubName}Activities`, tableOptions),
  };
  await storage.instances.createIfNotExists();
  await storage.payloads.createIfNotExists();
  await createTableIfMissing(storage.inbox);
  await createTableIfMissing(storage.activities);
  return storage;
}

async function createTableIfMissing(table: TableClient): Promise<void> {
  try {
    await table.createTable();
  } catch (error) {
    if (statusOf(error) !== 409) throw error;
  }
}

export function statusOf(error: unknown): number | undefined {
  if (error instanceof RestError) return error.statusCode;
  const status = (error as { statusCode?: unknown } | null)?.statusCode;
  return typeof status === 'number' ? status : undefined;
}

/** Table keys may not hold / \ # ? or control characters; percent-encoding removes all of them. */
export function encodeKey(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** Fixed-width decimal so that string comparison in table filters orders times correctly. */
export function timeKey(epochMs: number): string {
  return Math.max(0, Math.floor(epochMs)).toString().padStart(15, '0');
}

/** Stores `body` inline when small, else in a blob; returns the entity properties to save. */
export async function storeBody(storage: HubStorage, body: string): Promise<{ body?: string; bodyBlob?: string }> {
  if (body.length <= MAX_INLINE_BODY_CHARS) return { body };
  const blobName = `${randomUUID()}.json`;
  await storage.payloads.getBlockBlobClient(blobName).upload(body, Buffer.byteLength(body));
  return { bodyBlob: blobName };
}

export async function loadBody(storage: HubStorage, entity: { body?: unknown; bodyBlob?: unknown }): Promise<string> {
  if (typeof entity.body === 'string') return entity.body;
  if (typeof entity.bodyBlob !== 'string') throw new Error('work item has neither body nor bodyBlob');
  const buffer = await storage.payloads.getBlockBlobClient(entity.bodyBlob).downloadToBuffer();
  return buffer.toString('utf8');
}

export async function deleteBody(storage: HubStorage, entity: { bodyBlob?: unknown }): Promise<void> {
  if (typeof entity.bodyBlob === 'string') {
    await storage.payloads.getBlockBlobClient(entity.bodyBlob).deleteIfExists();
  }
}
