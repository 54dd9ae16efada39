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

export type DeliveryAttemptOutcome = 'succeeded' | 'failed' | 'dead_lettered';

/** One document per attempt (Cosmos `webhookDeliveries`, pk /tenantId): the tenant-visible delivery log. */
export interface WebhookDeliveryRecord {
  id: string;
  type: 'webhookDelivery';
  tenantId: string;
  subscriptionId: string;
  /** The domain event id, also sent as `webhook-id`: receivers deduplicate on it. */
  eventId: string;
  eventType: string;
  attempt: number;
  outcome: DeliveryAttemptOutcome;
  url: string;
  httpStatus?: number;
  durationMs: number;
  errorCode?: DeliveryErrorCode;
  errorMessage?: string;
  responseExcerpt?: string;
  attemptedAt: string;
  /** Set when another attempt is scheduled. */
  nextAttemptAt?: string;
}
