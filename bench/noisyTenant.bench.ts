/**
 * One tenant must not slow every other: another tenant's project-list latency (p50/p99), one request after another,
 * on the idle local platform and while one tenant imports a manuscript, in the same run on the same platform (the
 * topology `npm start` runs: Functions host in the platform process, Cosmos and Azurite in their own). Two imports:
 * a 3 MB book whose whole import (parse, chapter detection, saving every chapter) fits in the window, and a 45 MB one,
 * measured for its first 3 minutes (chapter detection alone takes longer on a text that size). The manuscripts are
 * the development corpus concatenated to size. Target: ratio to idle ≤ 2.
 */
import fs from 'node:fs';
import path from 'node:path';
import { decodeText } from '../adapters/manuscript/decode';
import { findGutenbergBody } from '../core/manuscript/gutenberg';
import { CORPUS_DIR } from '../test/support/corpus';
import { startTestPlatform, type TestPlatform } from '../test/support/testPlatform';
import type { BenchContext, BenchModule, BenchRow } from './types';

const MB = 1024 * 1024;
/** A book small enough for its whole import (parse, detection, saving every chapter) to run inside the window. */
const WHOLE_IMPORT_MB = 3;
const WARM_UP_REQUESTS = 300;
const IDLE_REQUESTS = 1000;
const NOISY = 'admin@andes.test';
const QUIET = 'creator@pampa.test';
const QUIET_PROJECTS = 12;
/** Chapter detection on a text this size takes minutes: the noisy window is the import or this long, if shorter. */
const NOISY_WINDOW_MS = 180_000;

/**
 * The corpus books' text, one after another until it reaches `bytes`, as one UTF-8 file: each book is decoded the
 * way an upload would be (they come in different encodings) and loses its Project Gutenberg header and licence, which
 * would otherwise end the omnibus at the first book's end marker.
 */
export function concatenatedCorpus(bytes: number): Buffer {
  const books = fs
    .readdirSync(CORPUS_DIR)
    .filter((name) => name.endsWith('.txt'))
    .sort()
    .map((name) => {
      const { text } = decodeText(fs.readFileSync(path.join(CORPUS_DIR, name)));
      const body = findGutenbergBody(text);
      return Buffer.from(text.slice(body.start, body.end), 'utf8');
    });
  const parts: Buffer[] = [];
  let total = 0;
  for (let i = 0; total < bytes; i++) {
    const book = books[i % books.length]!;
    parts.push(book, Buffer.from('\n\n\n'));
    total += book.length + 3;
  }
  return Buffer.concat(parts, total);
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

interface Latencies {
  count: number;
  p50: number;
  p90: number;
  p99: number;
}

function summarize(samples: number[]): Latencies {
  const sorted = [...samples].sort((a, b) => a - b);
  const round = (ms: number) => Math.round(ms * 10) / 10;
  return {
    count: sorted.length,
    p50: round(percentile(sorted, 50)),
    p90: round(percentile(sorted, 90)),
    p99: round(percentile(sorted, 99)),
  };
}

async function timedList(platform: TestPlatform): Promise<number> {
  const started = performance.now();
  const res = await platform.api(QUIET, '/v1/projects?pageSize=20');
  await res.arrayBuffer();
  if (res.status !== 200) throw new Error(`list answered ${res.status}`);
  return performance.now() - started;
}

/** Lists one after another, `count` times or until `until()` says stop. */
async function listRepeatedly(platform: TestPlatform, stop: { count?: number; until?: () => boolean }) {
  const samples: number[] = [];
  while (stop.count !== undefined ? samples.length < stop.count : !stop.until!()) {
    samples.push(await timedList(platform));
  }
  return samples;
}

async function createProject(platform: TestPlatform, user: string, title: string): Promise<string> {
  const res = await platform.api(user, '/v1/projects', {
    method: 'POST',
    json: { metadata: { title, authors: ['Bench'], language: 'en-GB' } },
  });
  if (res.status !== 201) throw new Error(`create project answered ${res.status}: ${await res.text()}`);
  return ((await res.json()) as { id: string }).id;
}

async function importInBackground(
  platform: TestPlatform,
  manuscript: Buffer,
  log: (message: string) => void,
): Promise<{
  done: () => boolean;
  phase: () => string;
  cancel: () => Promise<void>;
  finished: Promise<{ status: string; seconds: number; chapters: number }>;
}> {
  const projectId = await createProject(platform, NOISY, 'The noisy tenant’s omnibus');
  const started = performance.now();
  const res = await platform.api(NOISY, `/v1/projects/${projectId}/manuscript?fileName=omnibus.txt`, {
    method: 'PUT',
    headers: { 'content-type': 'text/plain' },
    body: manuscript,
  });
  if (res.status !== 202) throw new Error(`upload answered ${res.status}: ${await res.text()}`);
  const { job } = (await res.json()) as { job: { id: string } };
  log(
    `${Math.round(manuscript.length / MB)} MB upload accepted in ${((performance.now() - started) / 1000).toFixed(1)} s; import running`,
  );
  let done = false;
  let phase = 'queued';
  const finished = (async () => {
    while (!done) {
      await new Promise((resolve) => setTimeout(resolve, 1000));
      if (done) break;
      const poll = await platform.api(NOISY, `/v1/projects/${projectId}/jobs/${job.id}`);
      const current = (await poll.json()) as {
        status: string;
        progress: { phase: string; chaptersTotal: number };
        error: { message: string } | null;
      };
      phase = current.progress.phase;
      if (['succeeded', 'failed', 'cancelled'].includes(current.status)) {
        done = true;
        if (current.error) log(`import error: ${current.error.message}`);
        return {
          status: current.status,
          seconds: (performance.now() - started) / 1000,
          chapters: current.progress.chaptersTotal,
        };
      }
    }
    return { status: 'cancelled', seconds: (performance.now() - started) / 1000, chapters: 0 };
  })();
  const cancel = async () => {
    await platform.api(NOISY, `/v1/projects/${projectId}/jobs/${job.id}/cancel`, { method: 'POST' });
    done = true;
  };
  return { done: () => done, phase: () => phase, cancel, finished };
}

const bench: BenchModule = {
  name: 'noisyTenant',
  description:
    "Another tenant's project-list latency while one tenant imports a manuscript (3 MB, whole; 45 MB, first 3 minutes), against the same requests on the idle platform (target: ratio ≤ 2)",
  async run({ log }: BenchContext): Promise<BenchRow[]> {
    const platform = await startTestPlatform({ env: { RATE_LIMIT_PER_MINUTE: '1000000', LOG_LEVEL: 'warn' } });
    try {
      for (let i = 0; i < QUIET_PROJECTS; i++) await createProject(platform, QUIET, `Quiet book ${i + 1}`);
      await listRepeatedly(platform, { count: WARM_UP_REQUESTS }); // JIT, connections, token cache
      const idle = summarize(await listRepeatedly(platform, { count: IDLE_REQUESTS }));
      log(`idle: p50 ${idle.p50} ms, p99 ${idle.p99} ms`);

      const row = (name: string, latencies: Latencies): BenchRow => ({
        benchmark: 'noisyTenant',
        case: name,
        metrics: {
          requests: latencies.count,
          p50Ms: latencies.p50,
          p90Ms: latencies.p90,
          p99Ms: latencies.p99,
          p50Ratio: Math.round((latencies.p50 / idle.p50) * 100) / 100,
          p99Ratio: Math.round((latencies.p99 / idle.p99) * 100) / 100,
        },
      });
      const rows = [row('idle platform', idle)];
      for (const megabytes of [WHOLE_IMPORT_MB, 45]) {
        const running = await importInBackground(platform, concatenatedCorpus(megabytes * MB), log);
        const windowEnds = performance.now() + NOISY_WINDOW_MS;
        const during = summarize(
          await listRepeatedly(platform, { until: () => running.done() || performance.now() > windowEnds }),
        );
        log(`during the ${megabytes} MB import: p50 ${during.p50} ms, p99 ${during.p99} ms`);
        if (running.done()) {
          const imported = await running.finished;
          log(`import ${imported.status}: ${imported.chapters} chapters in ${imported.seconds.toFixed(0)} s`);
          rows.push(
            row(
              `during a whole ${megabytes} MB import (${imported.chapters} chapters, ${imported.status} in ${imported.seconds.toFixed(0)} s)`,
              during,
            ),
          );
        } else {
          log(`import still in phase "${running.phase()}" after ${NOISY_WINDOW_MS / 1000} s; cancelling`);
          rows.push(
            row(
              `during the first ${NOISY_WINDOW_MS / 1000} s of a ${megabytes} MB import (${running.phase()})`,
              during,
            ),
          );
          await running.cancel();
          await running.finished;
        }
      }
      return rows;
    } finally {
      await platform.stop();
    }
  },
};

export default bench;
