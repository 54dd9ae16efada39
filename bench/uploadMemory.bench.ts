/**
 * Memory of the Functions host under large uploads: peak resident memory of the platform process (where `npm start`
 * runs the host) while 20 anonymous clients each stream a 59 MB body, and while 5 signed-in users upload 45 MB
 * manuscripts at once, against its idle resident memory in the same run. Target: flat (uploads are refused on their
 * headers or streamed to storage, never buffered). Sampled from /proc every 20 ms (Linux).
 */
import fs from 'node:fs';
import http from 'node:http';
import { startTestPlatform, type TestPlatform } from '../test/support/testPlatform';
import type { BenchContext, BenchModule, BenchRow } from './types';

const MB = 1024 * 1024;
const ANONYMOUS_UPLOADS = 20;
const ANONYMOUS_BYTES = 59 * MB;
const SIGNED_IN_UPLOADS = 5;
const SIGNED_IN_BYTES = 45 * MB;
const CREATOR = 'creator@andes.test';

function residentMb(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? NaN) / 1024;
}

/** Peak resident memory of `pid` while `work` runs. */
async function peakDuring<T>(pid: number, work: () => Promise<T>): Promise<{ result: T; peakMb: number }> {
  let peakMb = residentMb(pid);
  const timer = setInterval(() => (peakMb = Math.max(peakMb, residentMb(pid))), 20);
  try {
    const result = await work();
    peakMb = Math.max(peakMb, residentMb(pid));
    return { result, peakMb };
  } finally {
    clearInterval(timer);
  }
}

/** Streams `bytes` in 1 MB chunks (chunked transfer, as a client that does not announce a length would). */
function streamUpload(url: string, bytes: number, headers: http.OutgoingHttpHeaders): Promise<number | 'closed'> {
  return new Promise((resolve) => {
    const req = http.request(url, {
      method: 'PUT',
      headers: { 'content-type': 'text/plain', 'transfer-encoding': 'chunked', ...headers },
    });
    req.on('response', (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    // The server may close the connection after answering; the answer (if it came first) is what counts.
    req.on('error', () => resolve('closed'));
    const chunk = Buffer.alloc(MB, 'It is a truth universally acknowledged. ');
    let sent = 0;
    const pump = () => {
      while (sent < bytes) {
        sent += chunk.length;
        if (!req.write(chunk)) {
          req.once('drain', pump);
          return;
        }
      }
      req.end();
    };
    pump();
  });
}

async function createProject(platform: TestPlatform, title: string): Promise<string> {
  const res = await platform.api(CREATOR, '/v1/projects', {
    method: 'POST',
    json: { metadata: { title, authors: ['Bench'], language: 'en-GB' } },
  });
  if (res.status !== 201) throw new Error(`create project answered ${res.status}: ${await res.text()}`);
  return ((await res.json()) as { id: string }).id;
}

const tally = (statuses: (number | 'closed')[]) =>
  [...new Set(statuses)].map((status) => `${statuses.filter((s) => s === status).length}×${status}`).join(' ');

const bench: BenchModule = {
  name: 'uploadMemory',
  description:
    'Peak resident memory of the Functions host under 20 concurrent anonymous 59 MB uploads and 5 concurrent signed-in 45 MB uploads, against its idle memory (target: flat)',
  async run({ log }: BenchContext): Promise<BenchRow[]> {
    const platform = await startTestPlatform({ env: { LOG_LEVEL: 'warn' } });
    try {
      const projects = await Promise.all(
        Array.from({ length: SIGNED_IN_UPLOADS }, (_, i) => createProject(platform, `Upload ${i + 1}`)),
      );
      const url = (projectId: string) => `${platform.urls.api}/v1/projects/${projectId}/manuscript?fileName=book.txt`;
      // Warm-up: a small upload takes every code path once (JIT, connections, token cache).
      await streamUpload(url(projects[0]!), MB, {});
      const idleMb = residentMb(platform.pid);
      log(`idle: ${idleMb.toFixed(0)} MB`);

      const anonymous = await peakDuring(platform.pid, () =>
        Promise.all(
          Array.from({ length: ANONYMOUS_UPLOADS }, () => streamUpload(url(projects[0]!), ANONYMOUS_BYTES, {})),
        ),
      );
      log(`20 anonymous 59 MB uploads: ${tally(anonymous.result)}; peak ${anonymous.peakMb.toFixed(0)} MB`);

      const beforeSignedIn = residentMb(platform.pid);
      const authorization = `Bearer ${await platform.token(CREATOR)}`;
      const started = performance.now();
      const signedIn = await peakDuring(platform.pid, () =>
        Promise.all(projects.map((projectId) => streamUpload(url(projectId), SIGNED_IN_BYTES, { authorization }))),
      );
      const seconds = (performance.now() - started) / 1000;
      log(
        `5 signed-in 45 MB uploads: ${tally(signedIn.result)} in ${seconds.toFixed(1)} s; ` +
          `peak ${signedIn.peakMb.toFixed(0)} MB (from ${beforeSignedIn.toFixed(0)} MB)`,
      );

      const row = (name: string, peakMb: number, fromMb: number, statuses: string): BenchRow => ({
        benchmark: 'uploadMemory',
        case: name,
        metrics: {
          startMb: Math.round(fromMb),
          peakMb: Math.round(peakMb),
          growthMb: Math.round(peakMb - fromMb),
          answers: statuses,
        },
      });
      return [
        row(`${ANONYMOUS_UPLOADS} anonymous × 59 MB, concurrent`, anonymous.peakMb, idleMb, tally(anonymous.result)),
        row(
          `${SIGNED_IN_UPLOADS} signed-in × 45 MB manuscripts, concurrent (${seconds.toFixed(1)} s)`,
          signedIn.peakMb,
          beforeSignedIn,
          tally(signedIn.result),
        ),
      ];
    } finally {
      await platform.stop();
    }
  },
};

export default bench;
