/**
 * The worker-thread side of workerAnalysis.ts: parses the upload and finds its chapters away from the event loop
 * that serves requests, at the lowest CPU priority where the platform allows it per thread. Input comes as
 * workerData; messages out: `parsed` (progress), then `done` with the result, or `failed` with a DomainError's code
 * and message (the file's fault), or `crashed` (ours).
 */
import os from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import { detectBookChapters } from '../../core/manuscript/chapters';
import { DomainError } from '../../core/errors';
import type { ManuscriptAnalysis } from '../../core/manuscript/manuscriptImport';
import { parseManuscript } from './parse';
import type { ManuscriptLimits } from './limits';

export interface AnalysisRequest {
  bytes: Uint8Array;
  fileName?: string;
  contentType?: string;
  language?: string;
  limits: Partial<ManuscriptLimits>;
}

export type AnalysisMessage =
  | { type: 'parsed' }
  | { type: 'done'; analysis: ManuscriptAnalysis }
  | { type: 'failed'; code: DomainError['code']; message: string; details?: Record<string, unknown> }
  | { type: 'crashed'; message: string };

async function analyze(request: AnalysisRequest): Promise<AnalysisMessage> {
  try {
    const parsed = await parseManuscript(
      Buffer.from(request.bytes.buffer, request.bytes.byteOffset, request.bytes.byteLength),
      {
        fileName: request.fileName,
        contentType: request.contentType,
        language: request.language,
        limits: request.limits,
      },
    );
    parentPort!.postMessage({ type: 'parsed' } satisfies AnalysisMessage);
    const detection = detectBookChapters(parsed, { language: request.language });
    const { blocks: _blocks, ...withoutBlocks } = parsed;
    return { type: 'done', analysis: { parsed: withoutBlocks, detection } };
  } catch (error) {
    if (error instanceof DomainError) {
      return { type: 'failed', code: error.code, message: error.message, details: error.details };
    }
    return { type: 'crashed', message: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
}

if (parentPort) {
  // On Linux a thread has its own nice value: the analysis yields the CPU to the threads answering requests (and to
  // every other process). Elsewhere the value is per process, and lowering it would slow the whole host.
  if (process.platform === 'linux') os.setPriority(0, os.constants.priority.PRIORITY_LOW);
  void analyze(workerData as AnalysisRequest).then((message) => parentPort!.postMessage(message));
}
