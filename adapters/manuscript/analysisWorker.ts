/**
 * The worker-thread side of workerAnalysis.ts: parses the upload and finds its chapters, away from the event loop
 * that serves requests. Input comes as workerData; messages out: `parsed` (progress), then `done` with the result,
 * or `failed` with a DomainError's code and message (the file's fault), or `crashed` (ours).
 */
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
  void analyze(workerData as AnalysisRequest).then((message) => parentPort!.postMessage(message));
}
