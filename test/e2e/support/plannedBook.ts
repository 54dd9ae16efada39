import { waitFor } from './session';

/**
 * A producer's setup through the public API, for browser tests that need a book with a history: a two-chapter
 * manuscript with dialogue, uploaded, its characters detected and cast, and planned, each job followed to its end.
 */

/** Two chapters, two speakers and a line of narration: enough for a plan, a cast and a production in seconds. */
export const MILL_MANUSCRIPT = [
  'Chapter 1',
  '',
  '"Good morning," said Margaret. "Shall we walk to the mill?"',
  '',
  '"We shall," replied Thomas.',
  '',
  'Chapter 2',
  '',
  'The mill wheel turned slowly in the evening light.',
  '',
].join('\n');

export interface ApiInit {
  method?: string;
  json?: unknown;
  body?: string;
  type?: string;
}

export type BearerApi = <T = unknown>(apiPath: string, init?: ApiInit) => Promise<T>;

/** The API through the studio's own origin (`/api`), as the signed-in user whose access token is given. */
export function bearerApi(webUrl: string, token: string): BearerApi {
  return async <T>(apiPath: string, init: ApiInit = {}) => {
    const response = await fetch(`${webUrl}/api${apiPath}`, {
      method: init.method ?? 'GET',
      headers: { authorization: `Bearer ${token}`, 'content-type': init.type ?? 'application/json' },
      body: init.body ?? (init.json === undefined ? undefined : JSON.stringify(init.json)),
    });
    if (!response.ok) {
      throw new Error(`${init.method ?? 'GET'} ${apiPath}: ${response.status} ${await response.text()}`);
    }
    return (await response.json()) as T;
  };
}

/** Waits for a started job to end and expects it to have succeeded (the job's id is in the failure message). */
export async function jobSucceeded(
  api: BearerApi,
  projectId: string,
  started: { job: { id: string } },
  timeoutMs: number,
): Promise<void> {
  let status = '';
  await waitFor(
    async () => {
      status = (await api<{ status: string }>(`/v1/projects/${projectId}/jobs/${started.job.id}`)).status;
      return ['succeeded', 'failed', 'cancelled'].includes(status);
    },
    timeoutMs,
    `job ${started.job.id}`,
  );
  expect({ job: started.job.id, status }).toEqual({ job: started.job.id, status: 'succeeded' });
}

/** A new project holding the mill manuscript, planned and cast; returns its id. */
export async function plannedMillBook(
  api: BearerApi,
  metadata: { title: string; authors: string[] },
  jobTimeoutMs: number,
): Promise<string> {
  const { id } = await api<{ id: string }>('/v1/projects', {
    method: 'POST',
    json: { metadata: { ...metadata, language: 'en-US' } },
  });
  const finished = (started: { job: { id: string } }) => jobSucceeded(api, id, started, jobTimeoutMs);
  await finished(
    await api(`/v1/projects/${id}/manuscript?fileName=mill.txt`, {
      method: 'PUT',
      body: MILL_MANUSCRIPT,
      type: 'text/plain',
    }),
  );
  await finished(await api(`/v1/projects/${id}/characters/detect`, { method: 'POST', json: {} }));
  await api(`/v1/projects/${id}/casting/auto`, { method: 'POST' });
  await finished(await api(`/v1/projects/${id}/plan`, { method: 'POST', json: {} }));
  return id;
}
