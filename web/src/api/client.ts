import type { ApiErrorBody, FieldIssue } from './types';

/** Where the client gets its bearer token and whom it tells when the API no longer accepts it. */
export interface ApiAuth {
  getAccessToken(): string | null;
  onUnauthenticated(): void;
}

let auth: ApiAuth = { getAccessToken: () => null, onUnauthenticated: () => undefined };

export function configureApiAuth(next: ApiAuth): void {
  auth = next;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: FieldIssue[] = [],
    readonly details: Record<string, unknown> = {},
    readonly requestId: string | null = null,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  json?: unknown;
  body?: Blob | ArrayBuffer;
  contentType?: string;
  headers?: Record<string, string>;
  signal?: AbortSignal;
  /** For endpoints that work without signing in, such as the auth bootstrap. */
  anonymous?: boolean;
}

/** Sends a request to the API and returns the raw response when it succeeded; throws `ApiError` otherwise. */
export async function apiFetch(path: string, options: RequestOptions = {}): Promise<Response> {
  const headers = new Headers(options.headers);
  headers.set('Accept', 'application/json');
  const token = options.anonymous ? null : auth.getAccessToken();
  if (token) {
    // Static Web Apps replaces Authorization on proxied calls; the API also reads the custom header.
    headers.set('Authorization', `Bearer ${token}`);
    headers.set('x-khipu-authorization', `Bearer ${token}`);
  }
  let body: BodyInit | undefined;
  if (options.json !== undefined) {
    headers.set('Content-Type', 'application/json');
    body = JSON.stringify(options.json);
  } else if (options.body !== undefined) {
    headers.set('Content-Type', options.contentType ?? 'application/octet-stream');
    body = options.body;
  }
  let response: Response;
  try {
    response = await fetch(`/api${path}`, { method: options.method ?? 'GET', headers, body, signal: options.signal });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiError(0, 'network_error', 'The service could not be reached.');
  }
  if (response.ok) return response;
  const error = await toApiError(response);
  if (response.status === 401 && !options.anonymous) auth.onUnauthenticated();
  throw error;
}

export async function apiJson<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const response = await apiFetch(path, options);
  return (await response.json()) as T;
}

/** For responses without a body (204). */
export async function apiSend(path: string, options: RequestOptions = {}): Promise<void> {
  const response = await apiFetch(path, options);
  await response.arrayBuffer();
}

export interface UploadOptions {
  method?: 'PUT' | 'POST';
  contentType: string;
  onProgress?(loaded: number, total: number): void;
  signal?: AbortSignal;
}

/**
 * Sends a file and reports upload progress, which fetch cannot do: XMLHttpRequest fires `upload.progress` events.
 * Same headers and error handling as `apiFetch`.
 */
export function apiUpload<T>(path: string, file: Blob, options: UploadOptions): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open(options.method ?? 'PUT', `/api${path}`);
    request.setRequestHeader('Accept', 'application/json');
    request.setRequestHeader('Content-Type', options.contentType);
    const token = auth.getAccessToken();
    if (token) {
      request.setRequestHeader('Authorization', `Bearer ${token}`);
      request.setRequestHeader('x-khipu-authorization', `Bearer ${token}`);
    }
    request.upload.onprogress = (event) =>
      options.onProgress?.(event.loaded, event.lengthComputable ? event.total : file.size);
    request.onerror = () => reject(new ApiError(0, 'network_error', 'The service could not be reached.'));
    request.onabort = () => reject(new DOMException('Upload cancelled', 'AbortError'));
    request.onload = () => {
      const response = new Response(request.status === 204 ? null : request.responseText, {
        status: request.status,
        statusText: request.statusText,
        headers: { 'content-type': request.getResponseHeader('content-type') ?? 'application/json' },
      });
      if (response.ok) {
        void response.json().then((body) => resolve(body as T), reject);
        return;
      }
      void toApiError(response).then((error) => {
        if (response.status === 401) auth.onUnauthenticated();
        reject(error);
      });
    };
    options.signal?.addEventListener('abort', () => request.abort());
    request.send(file);
  });
}

async function toApiError(response: Response): Promise<ApiError> {
  let body: Partial<ApiErrorBody> | null = null;
  try {
    body = (await response.json()) as Partial<ApiErrorBody>;
  } catch {
    body = null;
  }
  const error = body?.error;
  if (!error || typeof error.code !== 'string') {
    return new ApiError(response.status, `http_${response.status}`, response.statusText || 'Request failed');
  }
  const details = error.details ?? {};
  const fields = Array.isArray(details.fields) ? details.fields : [];
  return new ApiError(response.status, error.code, error.message, fields, details, error.requestId ?? null);
}
