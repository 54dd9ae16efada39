import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { decodeText } from '../../adapters/manuscript/decode';
import { findGutenbergBody } from '../../core/manuscript/gutenberg';
import { CORPUS_DIR } from '../support/corpus';
import { eventsOfJob, subscribeToJobEvents } from '../jobs/jobEvents';
import { startEventReceiver, type EventReceiver } from '../production/support';
import { minimalMetadata, startTestPlatform, type TestPlatform } from '../support/testPlatform';

/**
 * Cancelling an import while its chapters are being detected (minutes on a big book) stops the analysis: the job ends
 * cancelled, the analysis thread is gone from the host, and nothing the analysis found is stored. On the real local
 * platform; the host runs in the platform process, and its analysis thread is the one at the lowest CPU priority.
 */
let platform: TestPlatform;
const CREATOR = 'creator@andes.test';

let receiver: EventReceiver;

beforeAll(async () => {
  receiver = await startEventReceiver();
  platform = await startTestPlatform({ env: { RATE_LIMIT_PER_MINUTE: '100000', WEBHOOK_ALLOW_LOOPBACK: 'true' } });
  await subscribeToJobEvents(platform, 'admin@andes.test', receiver);
});
afterAll(async () => {
  await platform?.stop();
  await receiver?.close();
});

interface Job {
  id: string;
  status: string;
  progress: { phase: string };
}
interface Manuscript {
  status: string;
  error: { code: string } | null;
  format: string | null;
  chapterReport: unknown;
}

/** Threads of a process at nice 19: the manuscript analysis threads (analysisWorker.ts lowers its own priority). */
function lowPriorityThreads(pid: number): number {
  let count = 0;
  for (const task of readdirSync(`/proc/${pid}/task`)) {
    try {
      const stat = readFileSync(`/proc/${pid}/task/${task}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(fields[16]) === 19) count++;
    } catch {
      // The thread ended while the list was read.
    }
  }
  return count;
}

/**
 * The corpus books' bodies one after another up to `bytes` (each without its Project Gutenberg header and licence,
 * whose end marker would end the omnibus at the first book). Detection grows linearly with the text, about a second
 * of CPU per 5 MB: the upload is made as large as an upload may be, so that it is still detecting when cancelled.
 */
function omnibus(bytes: number): string {
  const books = readdirSync(CORPUS_DIR)
    .filter((name) => name.endsWith('.txt'))
    .sort()
    .map((name) => {
      const { text } = decodeText(readFileSync(path.join(CORPUS_DIR, name)));
      const body = findGutenbergBody(text);
      return text.slice(body.start, body.end);
    });
  let text = '';
  for (let i = 0; text.length < bytes; i++) text += `${books[i % books.length]!}\n\n\n`;
  return text;
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function job(projectId: string, jobId: string): Promise<Job> {
  const res = await platform.api(CREATOR, `/v1/projects/${projectId}/jobs/${jobId}`);
  expect(res.status).toBe(200);
  return (await res.json()) as Job;
}

async function upload(projectId: string, body: string, query: string): Promise<Job> {
  const res = await platform.api(CREATOR, `/v1/projects/${projectId}/manuscript?${query}`, {
    method: 'PUT',
    headers: { 'content-type': 'text/plain' },
    body,
  });
  expect(res.status).toBe(202);
  return ((await res.json()) as { job: Job }).job;
}

async function bookText(projectId: string): Promise<string> {
  const list = (await (
    await platform.api(CREATOR, `/v1/projects/${projectId}/chapters?includeDeleted=true`)
  ).json()) as {
    items: { id: string }[];
  };
  const texts: string[] = [];
  for (const chapter of list.items) {
    const res = await platform.api(CREATOR, `/v1/projects/${projectId}/chapters/${chapter.id}`);
    texts.push(((await res.json()) as { text: string }).text);
  }
  return texts.join('');
}

describe('cancelling an import during chapter detection', () => {
  it('stops the analysis thread and stores nothing of the cancelled import', async () => {
    if (process.platform !== 'linux') throw new Error('this test reads thread priorities from /proc (Linux)');
    const created = await platform.api(CREATOR, '/v1/projects', {
      method: 'POST',
      json: { metadata: minimalMetadata() },
    });
    const projectId = ((await created.json()) as { id: string }).id;
    const first = await upload(
      projectId,
      'Chapter 1\n\nIt was a bright cold day in April.\n\nChapter 2\n\nThe hallway smelt of boiled cabbage.\n',
      'fileName=first.txt',
    );
    while (!['succeeded', 'failed'].includes((await job(projectId, first.id)).status)) await pause(100);
    const before = await bookText(projectId);
    expect(before).toContain('boiled cabbage');

    // 45 MiB of novels (under the 50 MiB upload limit): chapter detection runs for many seconds at low priority.
    const big = await upload(projectId, omnibus(45 * 1024 * 1024), 'fileName=big.txt&replace=true');
    // Detecting, with its analysis thread running in the host.
    while ((await job(projectId, big.id)).progress.phase !== 'detecting' || lowPriorityThreads(platform.pid) === 0) {
      await pause(50);
    }
    expect(lowPriorityThreads(platform.pid)).toBe(1);

    const cancelled = await platform.api(CREATOR, `/v1/projects/${projectId}/jobs/${big.id}/cancel`, {
      method: 'POST',
    });
    expect(cancelled.status).toBe(200);
    expect(((await cancelled.json()) as Job).status).toBe('cancelled');

    // The import settles once its step has seen the cancel and cleaned up.
    let manuscript: Manuscript;
    do {
      await pause(100);
      manuscript = (await (await platform.api(CREATOR, `/v1/projects/${projectId}/manuscript`)).json()) as Manuscript;
    } while (manuscript.status === 'processing');

    // Stopped mid-detection: the analysis never finished, so nothing it would have found was stored.
    expect(manuscript).toMatchObject({
      status: 'failed',
      error: { code: 'cancelled' },
      format: null,
      chapterReport: null,
    });
    expect(lowPriorityThreads(platform.pid)).toBe(0);
    expect((await job(projectId, big.id)).status).toBe('cancelled');
    expect(await bookText(projectId)).toBe(before);

    // Subscribers hear of the cancel, and of no other ending.
    const events = await eventsOfJob(receiver, big.id, ['khipu.job.started', 'khipu.job.cancelled']);
    expect(events.filter((event) => ['khipu.job.completed', 'khipu.job.failed'].includes(event.type))).toEqual([]);
    expect(events.find((event) => event.type === 'khipu.job.cancelled')!.data).toMatchObject({
      tenantId: 't-andes',
      projectId,
      jobId: big.id,
      kind: 'import',
    });
  });
});
