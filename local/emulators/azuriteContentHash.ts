/**
 * Azurite hashes (MD5) the content of every Put Blob and Put Block by reading back the extent file it has just
 * written. Here it does so only when the client sends a hash to check (`Content-MD5`, or `x-ms-blob-content-md5` on a
 * Put Blob), so a body that does not match is still refused and stores nothing. Otherwise nothing is read back and the
 * blob is stored without a hash, as Azure stores a blob committed from blocks: the platform sends none and reads none.
 * A whole download of such a blob up to 4 MiB is hashed by Azurite then (its BlobHandler), which costs what the upload
 * would have, once per download; the segments, the most numerous such blobs, are read back from the machine's segment
 * cache and seldom downloaded.
 *
 * In Azure the storage service computes this hash on its own machines; it is no CPU of ours there, and here it was
 * the emulator reading and hashing every byte the platform stored a second time. Nothing else changes: the extent is
 * written and made durable as before (azuriteProcess.ts), and conditional writes are Azurite's own.
 */
import { Readable } from 'node:stream';

interface AzuriteContext {
  request: { getHeader(name: string): string | undefined };
}

interface ExtentStore {
  readExtent(...args: unknown[]): Promise<NodeJS.ReadableStream>;
}

interface BlockBlobHandler {
  extentStore: ExtentStore;
}

type HandlerMethod = (this: BlockBlobHandler, ...args: unknown[]) => Promise<unknown>;

interface AzuriteModules {
  utils: { getMD5FromStream: (stream: NodeJS.ReadableStream) => Promise<Uint8Array | undefined> };
  blockBlobHandler: { prototype: Record<'upload' | 'stageBlock', HandlerMethod> };
}

/** Streams handed out instead of a read-back extent: hashing one is skipped. */
const notRead = new WeakSet<object>();

function asksForHash(context: AzuriteContext): boolean {
  return Boolean(context.request.getHeader('content-md5') || context.request.getHeader('x-ms-blob-content-md5'));
}

/** The handler as it is, except that reading back an extent to hash it reads nothing. */
function withoutReadBack(handler: BlockBlobHandler): BlockBlobHandler {
  const store = new Proxy(handler.extentStore, {
    get(target, property, receiver) {
      if (property !== 'readExtent') return Reflect.get(target, property, receiver) as unknown;
      return async () => {
        const empty = Readable.from([]);
        notRead.add(empty);
        return empty;
      };
    },
  });
  return new Proxy(handler, {
    get: (target, property, receiver) =>
      property === 'extentStore' ? store : (Reflect.get(target, property, receiver) as unknown),
  });
}

/**
 * Installs the rule above into the Azurite modules of this process (loaded with `load`, Azurite's own `require`),
 * before Azurite starts.
 */
export function hashContentOnlyWhereUsed(load: (id: string) => unknown): void {
  const modules: AzuriteModules = {
    utils: load('./common/utils/utils') as AzuriteModules['utils'],
    blockBlobHandler: (load('./blob/handlers/BlockBlobHandler') as { default: AzuriteModules['blockBlobHandler'] })
      .default,
  };
  const hash = modules.utils.getMD5FromStream;
  modules.utils.getMD5FromStream = (stream) => (notRead.has(stream) ? Promise.resolve(undefined) : hash(stream));

  const prototype = modules.blockBlobHandler.prototype;
  const upload = prototype.upload;
  // upload(body, contentLength, options, context)
  prototype.upload = function (this: BlockBlobHandler, ...args: unknown[]) {
    const context = args[3] as AzuriteContext;
    return upload.apply(asksForHash(context) ? this : withoutReadBack(this), args);
  };
  const stageBlock = prototype.stageBlock;
  // stageBlock(blockId, contentLength, body, options, context)
  prototype.stageBlock = function (this: BlockBlobHandler, ...args: unknown[]) {
    const context = args[4] as AzuriteContext;
    return stageBlock.apply(asksForHash(context) ? this : withoutReadBack(this), args);
  };
}
