/** Conversions between plain values and the worker's RpcTypedData, on the host's side of the wire. */
import type { RpcHttpCookie, RpcHttpData, RpcTypedData } from './coreTypes';

/** What an `http` output binding looks like to host-side code (extensions, tests). */
export interface HttpOutputValue {
  status: number;
  headers: Record<string, string>;
  cookies: string[];
  body: Buffer;
}

export function typedDataToBuffer(data: RpcTypedData | null | undefined): Buffer {
  if (!data) return Buffer.alloc(0);
  if (data.bytes != null) return Buffer.from(data.bytes.buffer, data.bytes.byteOffset, data.bytes.byteLength);
  if (data.stream != null) return Buffer.from(data.stream.buffer, data.stream.byteOffset, data.stream.byteLength);
  if (data.string != null) return Buffer.from(data.string, 'utf8');
  if (data.json != null) return Buffer.from(data.json, 'utf8');
  if (data.int != null) return Buffer.from(String(data.int), 'utf8');
  if (data.double != null) return Buffer.from(String(data.double), 'utf8');
  return Buffer.alloc(0);
}

function cookieExpires(cookie: RpcHttpCookie): string | null {
  const timestamp = cookie.expires?.value;
  if (!timestamp || timestamp.seconds == null) return null;
  return new Date(Number(timestamp.seconds) * 1000 + Math.floor((timestamp.nanos ?? 0) / 1e6)).toUTCString();
}

/** RFC 6265 Set-Cookie value from the worker's RpcHttpCookie. */
export function formatSetCookie(cookie: RpcHttpCookie): string {
  const attributes = [`${cookie.name ?? ''}=${cookie.value ?? ''}`];
  if (cookie.domain?.value) attributes.push(`Domain=${cookie.domain.value}`);
  if (cookie.path?.value) attributes.push(`Path=${cookie.path.value}`);
  const expires = cookieExpires(cookie);
  if (expires) attributes.push(`Expires=${expires}`);
  if (cookie.maxAge?.value != null) attributes.push(`Max-Age=${Math.trunc(cookie.maxAge.value)}`);
  if (cookie.secure?.value) attributes.push('Secure');
  if (cookie.httpOnly?.value) attributes.push('HttpOnly');
  if (cookie.sameSite === 'lax') attributes.push('SameSite=Lax');
  else if (cookie.sameSite === 'strict') attributes.push('SameSite=Strict');
  else if (cookie.sameSite === 'explicitNone') attributes.push('SameSite=None');
  return attributes.join('; ');
}

export function httpOutputValue(http: RpcHttpData): HttpOutputValue {
  const status = Number.parseInt(http.statusCode ?? '200', 10);
  return {
    status: Number.isInteger(status) ? status : 500,
    headers: { ...(http.headers ?? {}) },
    cookies: (http.cookies ?? []).map(formatSetCookie),
    body: typedDataToBuffer(http.body),
  };
}

/** Host-side value of a binding: JSON is parsed, strings stay strings, bytes become Buffers, http becomes HttpOutputValue. */
export function fromRpcTypedData(data: RpcTypedData | null | undefined): unknown {
  if (data == null) return undefined;
  if (data.json != null) return JSON.parse(data.json);
  if (data.string != null) return data.string;
  if (data.bytes != null || data.stream != null) return typedDataToBuffer(data);
  if (data.http != null) return httpOutputValue(data.http);
  if (data.int != null) return Number(data.int);
  if (data.double != null) return data.double;
  if (data.collectionString?.string) return [...data.collectionString.string];
  if (data.collectionDouble?.double) return [...data.collectionDouble.double];
  if (data.collectionSint64?.sint64) return data.collectionSint64.sint64.map(Number);
  if (data.collectionBytes?.bytes) return data.collectionBytes.bytes.map((bytes) => Buffer.from(bytes));
  return undefined;
}
