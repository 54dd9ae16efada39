/**
 * Transactional batches as Cosmos DB runs them: the operations of one batch (one logical partition) are all applied
 * or none is. `@vercel/cosmosdb-server` applies a batch's operations one by one and stops at the first failure,
 * keeping those before it, and does not read the batch's partition key from its header at all. The app relies on the
 * all-or-nothing (a chapter merge saves the longer chapter and deletes the next one in one batch), so the emulator
 * answers atomic batches itself: it runs the library's own operations on the container's documents, puts back what
 * they changed when one fails, and hands the caller the changes of a batch that succeeded as one list, which the
 * journal stores as one record (a kill keeps all of them or none).
 */
import type Collection from '@vercel/cosmosdb-server/lib/account/collection';
import type Documents from '@vercel/cosmosdb-server/lib/account/documents';
import type ItemObject from '@vercel/cosmosdb-server/lib/account/item-object';
import type * as http from 'node:http';
import { createRequire } from 'node:module';
import { randomUUID } from 'node:crypto';

type OperationResult = { statusCode: number; body?: Record<string, unknown> };
type Operation = (collection: Collection, input: BatchInput) => OperationResult;

interface BatchInput {
  operationType?: string;
  id?: string;
  partitionKey?: string;
  ifMatch?: string;
  resourceBody?: { id?: string; [field: string]: unknown };
}

/** The library's single-document operations (the ones its own batch handler runs), loaded from its pinned layout. */
const libraryRequire = createRequire(__filename);
const operations = libraryRequire('@vercel/cosmosdb-server/lib/handler/_document-operations') as Record<
  string,
  Operation
>;
const { parsePartitionKey } = libraryRequire('@vercel/cosmosdb-server/lib/utils/get-partition-from-header') as {
  parsePartitionKey: (header: string | undefined, id: string) => unknown;
};

const OPERATIONS: Record<string, Operation | undefined> = {
  Create: operations.createOperation,
  Upsert: operations.upsertOperation,
  Read: operations.readOperation,
  Delete: operations.deleteOperation,
  Replace: operations.replaceOperation,
};

const BATCH_PATH = /^\/dbs\/[^/]+\/colls\/([^/]+)\/docs\/?$/;

const isTrue = (value: string | string[] | undefined) => String(value).toLowerCase() === 'true';

/** The container an atomic batch request writes to, or undefined when the request is something else. */
export function atomicBatchContainer(req: http.IncomingMessage): string | undefined {
  if (req.method !== 'POST' || !isTrue(req.headers['x-ms-cosmos-is-batch-request'])) return undefined;
  if (!isTrue(req.headers['x-ms-cosmos-batch-atomic'])) return undefined;
  const match = BATCH_PATH.exec(new URL(req.url ?? '/', 'http://emulator').pathname);
  return match ? decodeURIComponent(match[1]!) : undefined;
}

export interface BatchJournal {
  /** Runs `apply` collecting the document changes it makes instead of journaling them one by one. */
  collecting(apply: () => boolean): void;
}

/**
 * Answers an atomic batch on `documents`. `journal.collecting` wraps the synchronous part (nothing else runs between
 * the first operation and the last, or the undo); the callback returns whether the changes are kept.
 */
export async function answerAtomicBatch(
  req: http.IncomingMessage,
  res: http.ServerResponse,
  documents: Documents | undefined,
  journal: BatchJournal,
): Promise<void> {
  const inputs = await readJson(req);
  const send = (status: number, body: unknown) => {
    res.statusCode = status;
    res.setHeader('content-type', 'application/json');
    res.setHeader('x-ms-activity-id', randomUUID());
    res.setHeader('x-ms-request-charge', '1');
    res.end(JSON.stringify(body));
  };
  if (!documents) return send(404, { code: 'NotFound', message: 'The container does not exist' });
  if (!Array.isArray(inputs)) return send(400, { code: 'BadRequest', message: 'Invalid request body' });
  const headerKey = req.headers['x-ms-documentdb-partitionkey'];
  const batchKey = Array.isArray(headerKey) ? headerKey[0] : headerKey;
  const collection = { documents, document: (id: string, partition: unknown) => documents._item('/id', id, partition) };

  const results: OperationResult[] = [];
  journal.collecting(() => {
    const touched: { id: string; partition: unknown; before: ItemObject | undefined }[] = [];
    for (const input of inputs as BatchInput[]) {
      const operation = OPERATIONS[input?.operationType ?? ''];
      const id = input?.resourceBody?.id ?? input?.id;
      if (!operation || !id) {
        results.push({ statusCode: 400, body: { message: `Unsupported batch operation` } });
        break;
      }
      const scoped = { ...input, partitionKey: input.partitionKey ?? batchKey };
      const partition = parsePartitionKey(scoped.partitionKey, id);
      touched.push({ id, partition, before: documents._item('/id', id, partition).read() as ItemObject | undefined });
      const result = operation(collection as unknown as Collection, scoped);
      results.push(result);
      if (result.statusCode >= 400) break;
    }
    const failed = results.some((result) => result.statusCode >= 400);
    if (failed) {
      for (const { id, partition, before } of touched.reverse()) restore(documents, id, partition, before);
    }
    return !failed;
  });

  const failedAt = results.findIndex((result) => result.statusCode >= 400);
  const answers = (inputs as unknown[]).map((_, index) => {
    const result = results[index];
    if (failedAt >= 0) {
      // The failing operation's status; every other one "failed dependency", as Cosmos DB answers.
      return { statusCode: index === failedAt ? result!.statusCode : 424, requestCharge: 0 };
    }
    const body = result!.body as { _etag?: string } | undefined;
    return { statusCode: result!.statusCode, requestCharge: 1, eTag: body?._etag, resourceBody: body };
  });
  send(failedAt >= 0 ? 207 : 200, answers);
}

/** Puts a document back as it was before the batch (its `_etag`, `_ts` and `_rid` too), or removes one it created. */
function restore(documents: Documents, id: string, partition: unknown, before: ItemObject | undefined): void {
  if (documents._item('/id', id, partition).read()) documents.delete(id, partition);
  if (before) documents._set(before);
}

async function readJson(req: http.IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown;
  } catch {
    return undefined;
  }
}
