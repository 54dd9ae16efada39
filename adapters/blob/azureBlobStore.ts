import {
  BlobSASPermissions,
  type ContainerClient,
  generateBlobSASQueryParameters,
  type BlobServiceClient,
  type ContainerListBlobFlatSegmentResponse,
  StorageSharedKeyCredential,
  type UserDelegationKey,
} from '@azure/storage-blob';
import contentDisposition from 'content-disposition';
import type { Readable } from 'node:stream';
import type { BlobBody, BlobListing, BlobStore, ChunkedWrite } from '../../core/ports/blobs';
import { uploadInChunks } from './chunkedUpload';

/**
 * Streamed uploads go in 1 MiB blocks, four in flight: about 5 MB of memory per upload whatever its size (4 MiB
 * blocks made five concurrent 45 MB manuscripts cost the host 130 MB; bench/uploadMemory.bench.ts).
 */
const UPLOAD_BUFFER_SIZE = 1024 * 1024;
const UPLOAD_CONCURRENCY = 4;

/** Long enough for a server-side copy of a book's deliverable to start. */
const COPY_LINK_TTL_SECONDS = 15 * 60;

function isStatus(error: unknown, status: number): boolean {
  return typeof error === 'object' && error !== null && (error as { statusCode?: number }).statusCode === status;
}

/** The service's error code of a failed request (RestError's `code`, or the one its parsed body names). */
function errorCodeOf(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const { code, details } = error as { code?: unknown; details?: { errorCode?: unknown } };
  const named = typeof details?.errorCode === 'string' ? details.errorCode : code;
  return typeof named === 'string' ? named : undefined;
}

/**
 * A create-only write refused because a blob has that name: the write's If-None-Match: * failed (409 on Put Blob,
 * 412 ConditionNotMet where a staged commit reports it). Any other refusal, a 409 or 412 among them (a lease held on
 * the name, a blob of another type there, a container being deleted), says nothing of what is stored.
 */
function isAlreadyThere(error: unknown): boolean {
  const code = errorCodeOf(error);
  return (isStatus(error, 409) && code === 'BlobAlreadyExists') || (isStatus(error, 412) && code === 'ConditionNotMet');
}

/** Blob Storage (Azurite locally). SAS links: shared key on the emulator, user delegation keys in Azure. */
export class AzureBlobStore implements BlobStore {
  private delegationKey?: { key: UserDelegationKey; expiresOn: number };

  constructor(
    private readonly service: BlobServiceClient,
    private readonly container: ContainerClient,
    private readonly sharedKey?: StorageSharedKeyCredential,
  ) {}

  async putIfAbsent(name: string, body: BlobBody, contentType: string): Promise<boolean> {
    try {
      await this.upload(name, body, contentType, { ifNoneMatch: '*' });
      return true;
    } catch (error) {
      if (isAlreadyThere(error)) return false;
      throw error;
    }
  }

  async put(name: string, body: BlobBody, contentType: string): Promise<void> {
    await this.upload(name, body, contentType);
  }

  async putSharingParts(
    name: string,
    body: Readable | { filePath: string },
    contentType: string,
    like?: string,
  ): Promise<ChunkedWrite> {
    return uploadInChunks(this.container, name, body, {
      contentType,
      like,
      // Under a shared key the copy request itself authorizes a source in the same account (Azurite checks a signed
      // link by fetching it, seconds per copy); under a managed identity the source is given as a short-lived link.
      readUrlOf: async (source) =>
        this.sharedKey ? this.container.getBlobClient(source).url : this.readUrl(source, COPY_LINK_TTL_SECONDS),
    });
  }

  private async upload(name: string, body: BlobBody, contentType: string, conditions?: { ifNoneMatch: string }) {
    const blob = this.container.getBlockBlobClient(name);
    const options = { blobHTTPHeaders: { blobContentType: contentType }, conditions };
    if (Buffer.isBuffer(body)) await blob.uploadData(body, options);
    // A file's length is known: up to the client's single-request limit (256 MiB) it goes in one Put Blob streamed
    // from disk, one write for the service instead of a Put Block per MiB and a commit, and no block copies here.
    else if ('filePath' in body) await blob.uploadFile(body.filePath, { ...options, concurrency: UPLOAD_CONCURRENCY });
    else await blob.uploadStream(body, UPLOAD_BUFFER_SIZE, UPLOAD_CONCURRENCY, options);
  }

  async openRead(name: string, range?: { start: number; end: number }) {
    try {
      const response = range
        ? await this.container.getBlobClient(name).download(range.start, range.end - range.start + 1)
        : await this.container.getBlobClient(name).download();
      const contentLength = response.contentLength ?? 0;
      // A ranged answer names the blob's size in Content-Range ("bytes a-b/size").
      const total = Number(response.contentRange?.split('/')[1]);
      return {
        stream: response.readableStreamBody as Readable,
        contentType: response.contentType ?? 'application/octet-stream',
        contentLength,
        totalBytes: Number.isFinite(total) ? total : contentLength,
      };
    } catch (error) {
      if (isStatus(error, 404)) return undefined;
      throw error;
    }
  }

  async readBuffer(name: string, maxBytes: number): Promise<Buffer | undefined> {
    const opened = await this.openRead(name);
    if (!opened) return undefined;
    if (opened.contentLength > maxBytes) {
      opened.stream.destroy();
      throw new Error(`Blob ${name} is larger than ${maxBytes} bytes`);
    }
    const chunks: Buffer[] = [];
    for await (const chunk of opened.stream) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks);
  }

  async exists(name: string): Promise<boolean> {
    return this.container.getBlobClient(name).exists();
  }

  async delete(name: string): Promise<void> {
    await this.container.getBlobClient(name).deleteIfExists();
  }

  async deletePrefix(prefix: string): Promise<number> {
    let count = 0;
    for await (const blob of this.container.listBlobsFlat({ prefix })) {
      await this.container.getBlobClient(blob.name).deleteIfExists();
      count++;
    }
    return count;
  }

  async list(
    prefix: string,
    page: { pageSize: number; continuationToken?: string },
  ): Promise<{ items: BlobListing[]; continuationToken: string | null }> {
    const pages = this.container
      .listBlobsFlat({ prefix })
      .byPage({ maxPageSize: page.pageSize, continuationToken: page.continuationToken });
    const { value } = (await pages.next()) as { value?: ContainerListBlobFlatSegmentResponse };
    if (!value) return { items: [], continuationToken: null };
    return {
      items: value.segment.blobItems.map((blob) => ({
        name: blob.name,
        contentType: blob.properties.contentType ?? 'application/octet-stream',
        bytes: blob.properties.contentLength ?? 0,
      })),
      continuationToken: value.continuationToken || null,
    };
  }

  async bytesUnder(prefix: string): Promise<number> {
    let bytes = 0;
    for await (const blob of this.container.listBlobsFlat({ prefix })) bytes += blob.properties.contentLength ?? 0;
    return bytes;
  }

  async readUrl(name: string, ttlSeconds: number, downloadFileName?: string): Promise<string> {
    const blob = this.container.getBlobClient(name);
    const startsOn = new Date(Date.now() - 60_000);
    const expiresOn = new Date(Date.now() + ttlSeconds * 1000);
    const sasOptions = {
      containerName: this.container.containerName,
      blobName: name,
      permissions: BlobSASPermissions.parse('r'),
      startsOn,
      expiresOn,
      contentDisposition: downloadFileName ? attachment(downloadFileName) : undefined,
    };
    const query = this.sharedKey
      ? generateBlobSASQueryParameters(sasOptions, this.sharedKey)
      : generateBlobSASQueryParameters(sasOptions, await this.userDelegationKey(expiresOn), this.service.accountName);
    return `${blob.url}?${query.toString()}`;
  }

  /** One user delegation key is reused while it stays valid for long enough. */
  private async userDelegationKey(until: Date): Promise<UserDelegationKey> {
    if (this.delegationKey && this.delegationKey.expiresOn > until.getTime() + 60_000) return this.delegationKey.key;
    const startsOn = new Date(Date.now() - 60_000);
    const expiresOn = new Date(Math.max(until.getTime() + 3_600_000, Date.now() + 6 * 3_600_000));
    const key = await this.service.getUserDelegationKey(startsOn, expiresOn);
    this.delegationKey = { key, expiresOn: expiresOn.getTime() };
    return key;
  }
}

/**
 * The download's name as the browser should save it: the exact name in RFC 8187 `filename*` (UTF-8), so
 * "Memórias Póstumas de Brás Cubas.m4b" is not saved as "Mem_rias P_stumas de Br_s Cubas.m4b", and for clients that
 * read only `filename` the same name without its accents, anything else outside plain ASCII made "_".
 */
function attachment(fileName: string): string {
  // A slash would make the name a path, which the header's encoder cuts to its last part ("3 Cities.m4b").
  const name = fileName.replace(/[\\/]/g, '_');
  const fallback = name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9._ -]/g, '_');
  return contentDisposition(name, { fallback });
}
