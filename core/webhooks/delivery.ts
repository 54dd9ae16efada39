/** The contract between the dispatcher (core/orchestration) and the HTTP delivery adapter, plus the delivery log. */

export type DeliveryErrorCode = 'ssrf_refused' | 'timeout' | 'redirect' | 'too_large' | 'network' | 'http_error';

export interface DeliveryRequest {
  url: string;
  headers: Record<string, string>;
  body: string;
  allowLoopback: boolean;
  timeouts: { connectMs: number; responseMs: number };
  maxResponseBytes: number;
}

export interface DeliveryResult {
  /** True only for a 2xx response read completely within the limits. */
  ok: boolean;
  status?: number;
  durationMs: number;
  error?: { code: DeliveryErrorCode; message: string };
  /** Start of the response body (UTF-8, at most 1 KiB) for the delivery log. */
  responseExcerpt?: string;
}

export interface WebhookDeliverer {
  deliver(request: DeliveryRequest): Promise<DeliveryResult>;
}

export const DEFAULT_DELIVERY_LIMITS = {
  timeouts: { connectMs: 5_000, responseMs: 15_000 },
  maxResponseBytes: 64 * 1024,
} as const;
