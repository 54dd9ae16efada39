import { pollBackoff } from '../../support/polling';
import type { TestPlatform } from '../../support/testPlatform';

/** A short manuscript with two chapters and some dialogue, enough for every per-chapter and per-segment operation. */
export const SMALL_MANUSCRIPT = [
  'Chapter 1',
  '',
  '"Good morning," said Elizabeth. "Is it not a fine day?"',
  '',
  '"It is," replied Mr. Darcy.',
  '',
  'Chapter 2',
  '',
  'The rain fell all afternoon, and nobody went out.',
  '',
  '"We shall stay in," said Jane.',
  '',
].join('\n');

export async function waitForJob(
  platform: TestPlatform,
  user: string,
  projectId: string,
  jobId: string,
  timeoutMs = 120_000,
): Promise<{ status: string; [key: string]: unknown }> {
  const deadline = Date.now() + timeoutMs;
  const pause = pollBackoff(250);
  for (;;) {
    const res = await platform.api(user, `/v1/projects/${projectId}/jobs/${jobId}`);
    const job = (await res.json()) as { status: string };
    if (['succeeded', 'failed', 'cancelled'].includes(job.status)) return job;
    if (Date.now() > deadline) throw new Error(`job ${jobId} did not finish: ${JSON.stringify(job)}`);
    await pause();
  }
}

/** Uploads SMALL_MANUSCRIPT and waits for its import; returns the import job and the chapters. */
export async function importSmallManuscript(
  platform: TestPlatform,
  user: string,
  projectId: string,
): Promise<{ jobId: string; chapterIds: string[] }> {
  const res = await platform.api(user, `/v1/projects/${projectId}/manuscript?fileName=small.txt`, {
    method: 'PUT',
    headers: { 'content-type': 'text/plain' },
    body: SMALL_MANUSCRIPT,
  });
  if (res.status !== 202) throw new Error(`upload failed: ${res.status} ${await res.text()}`);
  const { job } = (await res.json()) as { job: { id: string } };
  const done = await waitForJob(platform, user, projectId, job.id);
  if (done.status !== 'succeeded') throw new Error(`import failed: ${JSON.stringify(done)}`);
  const chapters = (await (await platform.api(user, `/v1/projects/${projectId}/chapters`)).json()) as {
    items: { id: string }[];
  };
  return { jobId: job.id, chapterIds: chapters.items.map((c) => c.id) };
}
