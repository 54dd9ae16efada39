/**
 * Runs the CPU-heavy part of an import (parse and chapter detection, seconds to minutes on a big book) in a worker
 * thread at low CPU priority (analysisWorker.ts), so the instance keeps answering every tenant's requests meanwhile
 * (bench/noisyTenant.bench.ts), and bounds it in time:
 * past the limit the worker is stopped and the import fails with a clear error instead of holding a core. A cancelled
 * job's analysis is stopped too: the worker is terminated the moment the caller's signal aborts.
 */
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { DomainError } from '../../core/errors';
import type { ManuscriptAnalyzer } from '../../core/manuscript/manuscriptImport';
import type { AnalysisMessage, AnalysisRequest } from './analysisWorker';
import type { ManuscriptLimits } from './limits';

export const DEFAULT_ANALYSIS_TIME_LIMIT_MS = 10 * 60_000;

/**
 * The worker's entry, loaded the way this module was: compiled JavaScript in a deployment; TypeScript through tsx's
 * require hook when the app runs from source (the local platform and the tests).
 */
function workerSource(): string {
  const entry = path.join(__dirname, `analysisWorker${path.extname(__filename)}`);
  const loadTypeScript = entry.endsWith('.ts') ? "require('tsx/cjs/api').register();" : '';
  return `${loadTypeScript} require(${JSON.stringify(entry)});`;
}

export function analyzeInWorker(options: {
  limits: Partial<ManuscriptLimits>;
  timeLimitMs?: number;
}): ManuscriptAnalyzer {
  const timeLimitMs = options.timeLimitMs ?? DEFAULT_ANALYSIS_TIME_LIMIT_MS;
  return (bytes, hints, parsed, signal) =>
    new Promise((resolve, reject) => {
      const cancelled = () => new Error('manuscript analysis cancelled');
      if (signal?.aborted) {
        reject(cancelled());
        return;
      }
      // A copy the worker owns outright (the buffer may be a view into a shared pool), moved rather than cloned.
      const owned = new Uint8Array(bytes);
      const request: AnalysisRequest = { ...hints, bytes: owned, limits: options.limits };
      const worker = new Worker(workerSource(), { eval: true, workerData: request, transferList: [owned.buffer] });
      let settled = false;
      // The outcome is handed on only once the thread is gone, so no analysis outlives the step that started it.
      const settle = (outcome: () => void) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        void worker.terminate().then(outcome, outcome);
      };
      const timer = setTimeout(
        () =>
          settle(() =>
            reject(
              new DomainError(
                'unprocessable',
                `The manuscript took more than ${Math.round(timeLimitMs / 60_000)} minutes to analyse; ` +
                  'split it into smaller files',
              ),
            ),
          ),
        timeLimitMs,
      );
      // The progress report finishes before the result is handed on, so later progress never lands before it.
      let progress: Promise<void> = Promise.resolve();
      worker.on('message', (message: AnalysisMessage) => {
        if (message.type === 'parsed') {
          progress = parsed().catch(() => undefined);
          return;
        }
        if (message.type === 'done') settle(() => void progress.then(() => resolve(message.analysis)));
        else if (message.type === 'failed')
          settle(() => reject(new DomainError(message.code, message.message, message.details)));
        else settle(() => reject(new Error(`manuscript analysis failed: ${message.message}`)));
      });
      const stopOnAbort = () => settle(() => reject(cancelled()));
      signal?.addEventListener('abort', stopOnAbort, { once: true });
      worker.once('exit', () => signal?.removeEventListener('abort', stopOnAbort));
      worker.on('error', (error) => settle(() => reject(error)));
      worker.on('exit', (code) =>
        settle(() => reject(new Error(`manuscript analysis stopped (exit ${code}) before it finished`))),
      );
    });
}
