/**
 * The Speech SDK's websocket message framing as the service sends it (see the SDK's WebsocketMessageFormatter):
 * text messages are CRLF headers, a blank line and a JSON body; binary `audio` messages are a 2-byte big-endian
 * header length, the ASCII headers and the PCM payload. Plus the fake's deterministic tone.
 */

export function parseTextMessage(text: string): { headers: Record<string, string>; body: string } {
  const split = text.indexOf('\r\n\r\n');
  const head = split >= 0 ? text.slice(0, split) : text;
  const body = split >= 0 ? text.slice(split + 4) : '';
  const headers: Record<string, string> = {};
  for (const line of head.split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  return { headers, body };
}

export function readOutputFormat(body: string): string | undefined {
  try {
    const context = JSON.parse(body) as { synthesis?: { audio?: { outputFormat?: unknown } } };
    const format = context.synthesis?.audio?.outputFormat;
    return typeof format === 'string' ? format : undefined;
  } catch {
    return undefined;
  }
}

export function sampleRateOf(outputFormat: string): number {
  const khz = /raw-(\d+)khz-16bit-mono-pcm/.exec(outputFormat)?.[1];
  return khz ? Number(khz) * 1000 : 24000;
}

export function textMessage(path: string, requestId: string, body: unknown): string {
  return (
    `X-RequestId: ${requestId}\r\nContent-Type: application/json; charset=utf-8\r\nPath: ${path}\r\n\r\n` +
    JSON.stringify(body)
  );
}

export function audioMessage(requestId: string, streamId: string, pcm: Buffer): Buffer {
  const header = Buffer.from(`X-RequestId: ${requestId}\r\nX-StreamId: ${streamId}\r\nPath: audio\r\n`, 'ascii');
  const length = Buffer.alloc(2);
  length.writeUInt16BE(header.length, 0);
  return Buffer.concat([length, header, pcm]);
}

/** 150 ms plus 40 ms per spoken character (markup removed), capped at a minute; pitch from the voice name. */
export function tonePcm(document: string, sampleRate: number): Buffer {
  const spoken = document
    .replace(/<[^>]*>/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  const voice = /<voice\b[^>]*\bname\s*=\s*["']([^"']+)["']/.exec(document)?.[1] ?? '';
  let hash = 0;
  for (const char of voice) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  const frequency = 200 + (hash % 300);
  const seconds = Math.min(60, 0.15 + 0.04 * Array.from(spoken).length);
  const samples = Math.round(seconds * sampleRate);
  const pcm = Buffer.alloc(samples * 2);
  for (let i = 0; i < samples; i++) {
    pcm.writeInt16LE(Math.round(6000 * Math.sin((2 * Math.PI * frequency * i) / sampleRate)), i * 2);
  }
  return pcm;
}
