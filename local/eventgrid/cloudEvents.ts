import type { CloudEventRecord } from './types';

/** Parsing and validation of what publishers POST to the topic, with the status code Event Grid would answer. */

export type ParseResult = { ok: true; events: CloudEventRecord[] } | { ok: false; status: 400 | 415; message: string };

const BATCH_MEDIA_TYPE = 'application/cloudevents-batch+json';
const SINGLE_MEDIA_TYPE = 'application/cloudevents+json';
/** CloudEvents 1.0: lower-case ASCII letters and digits; Event Grid also caps the length. */
const ATTRIBUTE_NAME = /^[a-z0-9]{1,20}$/;
const MAX_ID_LENGTH = 512;
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/i;
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

function parseMediaType(contentType: string | undefined): { mediaType: string; charset?: string } {
  const [mediaType = '', ...parameters] = (contentType ?? '').split(';').map((part) => part.trim());
  const charsetParameter = parameters.find((part) => part.toLowerCase().startsWith('charset='));
  return {
    mediaType: mediaType.toLowerCase(),
    charset: charsetParameter?.slice('charset='.length).replace(/"/g, '').toLowerCase(),
  };
}

function nonEmptyString(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0;
}

export function validateCloudEvent(candidate: unknown, index: number): string | CloudEventRecord {
  const at = `event [${index}]`;
  if (typeof candidate !== 'object' || candidate === null || Array.isArray(candidate)) return `${at} is not an object`;
  const event = candidate as Record<string, unknown>;
  if (event.specversion !== '1.0') return `${at}: specversion must be "1.0"`;
  if (!nonEmptyString(event.id) || event.id.length > MAX_ID_LENGTH) return `${at}: id must be a non-empty string`;
  if (!nonEmptyString(event.source)) return `${at}: source must be a non-empty string`;
  if (!nonEmptyString(event.type)) return `${at}: type must be a non-empty string`;
  for (const optional of ['subject', 'datacontenttype', 'dataschema'] as const) {
    if (event[optional] !== undefined && typeof event[optional] !== 'string')
      return `${at}: ${optional} must be a string`;
  }
  if (event.time !== undefined) {
    if (typeof event.time !== 'string' || !RFC3339.test(event.time) || Number.isNaN(Date.parse(event.time))) {
      return `${at}: time must be an RFC 3339 timestamp`;
    }
  }
  if (event.data !== undefined && event.data_base64 !== undefined) return `${at}: data and data_base64 are exclusive`;
  if (event.data_base64 !== undefined && (typeof event.data_base64 !== 'string' || !BASE64.test(event.data_base64))) {
    return `${at}: data_base64 must be base64`;
  }
  for (const name of Object.keys(event)) {
    if (name !== 'data_base64' && !ATTRIBUTE_NAME.test(name))
      return `${at}: invalid attribute name ${JSON.stringify(name)}`;
  }
  return event as CloudEventRecord;
}

export function parseCloudEventsRequest(contentType: string | undefined, body: Buffer): ParseResult {
  const { mediaType, charset } = parseMediaType(contentType);
  if (mediaType !== BATCH_MEDIA_TYPE && mediaType !== SINGLE_MEDIA_TYPE) {
    return { ok: false, status: 415, message: `content type must be ${BATCH_MEDIA_TYPE} or ${SINGLE_MEDIA_TYPE}` };
  }
  if (charset !== undefined && charset !== 'utf-8') return { ok: false, status: 415, message: 'charset must be utf-8' };
  let parsed: unknown;
  try {
    parsed = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(body));
  } catch {
    return { ok: false, status: 400, message: 'body is not valid UTF-8 JSON' };
  }
  const candidates = mediaType === BATCH_MEDIA_TYPE ? parsed : [parsed];
  if (!Array.isArray(candidates)) return { ok: false, status: 400, message: 'a batch must be a JSON array' };
  if (candidates.length === 0) return { ok: false, status: 400, message: 'the batch is empty' };
  const events: CloudEventRecord[] = [];
  for (const [index, candidate] of candidates.entries()) {
    const result = validateCloudEvent(candidate, index);
    if (typeof result === 'string') return { ok: false, status: 400, message: result };
    events.push(result);
  }
  return { ok: true, events };
}
