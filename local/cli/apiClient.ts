/**
 * A small client of the public REST API, as any integrator would write it: bearer token, JSON, Idempotency-Key on
 * creating POSTs, and the API's error body turned into a readable message.
 */
import { randomUUID } from 'node:crypto';
import type { JobView } from '../../core/api/jobs';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

const MAX_POLL_FAILURES = 8;

/** Network failures, throttling and server errors pass; a 4xx answer about the request does not. */
export function isTransient(error: unknown): boolean {
  if (error instanceof ApiError) return error.status === 429 || error.status >= 500;
  // undici's TypeError may come from another realm (a test sandbox), so compare by name, not by class.
  const { name, message } = (error ?? {}) as { name?: unknown; message?: unknown };
  return name === 'TypeError' && message === 'fetch failed';
}

export interface RequestOptions {
  method?: string;
  json?: unknown;
  body?: Buffer;
  contentType?: string;
  idempotent?: boolean;
}

export class KhipuApiClient {
  constructor(
    /** Base URL including `/api`, e.g. `http://127.0.0.1:7071/api`. */
    private readonly baseUrl: string,
    private readonly token: string,
  ) {}

  async request<T>(path: string, options: RequestOptions = {}): Promise<T> {
    const headers: Record<string, string> = { authorization: `Bearer ${this.token}` };
    let body: string | Uint8Array | undefined;
    if (options.json !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(options.json);
    } else if (options.body) {
      headers['content-type'] = options.contentType ?? 'application/octet-stream';
      body = new Uint8Array(options.body);
    }
    if (options.idempotent) headers['idempotency-key'] = randomUUID();
    const response = await fetch(`${this.baseUrl}${path}`, { method: options.method ?? 'GET', headers, body });
    const text = await response.text();
    if (!response.ok) {
      let code = 'http_error';
      let message = text.slice(0, 500) || response.statusText;
      try {
        const parsed = JSON.parse(text) as { error?: { code?: string; message?: string; details?: unknown } };
        code = parsed.error?.code ?? code;
        message = parsed.error?.message ?? message;
        const fields = (parsed.error?.details as { fields?: { field: string; message: string }[] } | undefined)?.fields;
        if (fields?.length) message += ` (${fields.map((f) => `${f.field}: ${f.message}`).join('; ')})`;
      } catch {
        // Not our error body (a proxy, a crash page): keep the raw text.
      }
      throw new ApiError(response.status, code, `${options.method ?? 'GET'} ${path} → ${response.status} ${message}`);
    }
    return (text ? JSON.parse(text) : undefined) as T;
  }

  job(projectId: string, jobId: string): Promise<JobView> {
    return this.request<JobView>(`/v1/projects/${projectId}/jobs/${jobId}`);
  }

  /** Polls a job until it ends, handing each snapshot to `onProgress`. */
  async waitForJob(
    projectId: string,
    jobId: string,
    onProgress: (job: JobView) => void,
    pollMs = 500,
  ): Promise<JobView> {
    let failures = 0;
    for (;;) {
      let job: JobView;
      try {
        job = await this.job(projectId, jobId);
        failures = 0;
      } catch (error) {
        // Polling is safe to repeat: ride out a busy or restarting server instead of abandoning a long job.
        if (!isTransient(error) || ++failures > MAX_POLL_FAILURES) throw error;
        await new Promise((resolve) => setTimeout(resolve, Math.min(30_000, pollMs * 2 ** failures)));
        continue;
      }
      onProgress(job);
      if (job.status === 'succeeded' || job.status === 'failed' || job.status === 'cancelled') return job;
      await new Promise((resolve) => setTimeout(resolve, pollMs));
    }
  }

  async download(url: string, destination: string): Promise<number> {
    const { createWriteStream } = await import('node:fs');
    const { pipeline } = await import('node:stream/promises');
    const { Readable } = await import('node:stream');
    const response = await fetch(url);
    if (!response.ok || !response.body) throw new ApiError(response.status, 'download_failed', `download ${url}`);
    let bytes = 0;
    const counted = Readable.fromWeb(response.body as import('node:stream/web').ReadableStream).on('data', (chunk) => {
      bytes += (chunk as Buffer).length;
    });
    await pipeline(counted, createWriteStream(destination));
    return bytes;
  }
}
