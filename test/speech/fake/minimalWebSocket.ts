/**
 * The server half of RFC 6455, just enough for the Speech SDK's `ws` client: handshake, masked client frames
 * (text, binary, continuation, ping, close), unmasked server frames and close codes. The repo does not depend on
 * `ws` directly (it only arrives with the SDK, without types), so the fake speaks the protocol itself.
 */
import { createHash } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';

const HANDSHAKE_GUID = '258EAFA5-E914-47DA-95CA-C5AB0DC85B11';
const MAX_MESSAGE_BYTES = 4 * 1024 * 1024;

enum Opcode {
  Continuation = 0x0,
  Text = 0x1,
  Binary = 0x2,
  Close = 0x8,
  Ping = 0x9,
  Pong = 0xa,
}

export interface ServerWebSocket {
  readonly request: IncomingMessage;
  onText(listener: (text: string) => void): void;
  onClose(listener: () => void): void;
  sendText(text: string): void;
  sendBinary(payload: Buffer): void;
  close(code: number, reason: string): void;
  readonly isOpen: boolean;
}

/** Completes the upgrade, or answers `false` (after writing a 400) when the request is not a websocket handshake. */
export function acceptWebSocket(request: IncomingMessage, socket: Duplex, head: Buffer): ServerWebSocket | false {
  const key = request.headers['sec-websocket-key'];
  if (typeof key !== 'string' || request.headers.upgrade?.toLowerCase() !== 'websocket') {
    socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
    return false;
  }
  const accept = createHash('sha1')
    .update(key + HANDSHAKE_GUID)
    .digest('base64');
  socket.write(
    'HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n' +
      `Sec-WebSocket-Accept: ${accept}\r\n\r\n`,
  );
  return new Connection(request, socket, head);
}

class Connection implements ServerWebSocket {
  private buffered = Buffer.alloc(0);
  private fragments: Buffer[] = [];
  private fragmentOpcode: Opcode | undefined;
  private open = true;
  private readonly textListeners: ((text: string) => void)[] = [];
  private readonly closeListeners: (() => void)[] = [];

  constructor(
    readonly request: IncomingMessage,
    private readonly socket: Duplex,
    head: Buffer,
  ) {
    socket.on('data', (chunk: Buffer) => this.receive(chunk));
    socket.on('close', () => this.closed());
    socket.on('error', () => this.closed());
    if (head.length > 0) this.receive(head);
  }

  get isOpen(): boolean {
    return this.open;
  }

  onText(listener: (text: string) => void): void {
    this.textListeners.push(listener);
  }

  onClose(listener: () => void): void {
    this.closeListeners.push(listener);
  }

  sendText(text: string): void {
    this.send(Opcode.Text, Buffer.from(text, 'utf8'));
  }

  sendBinary(payload: Buffer): void {
    this.send(Opcode.Binary, payload);
  }

  close(code: number, reason: string): void {
    if (!this.open) return;
    const reasonBytes = Buffer.from(reason, 'utf8').subarray(0, 123);
    const body = Buffer.alloc(2 + reasonBytes.length);
    body.writeUInt16BE(code, 0);
    reasonBytes.copy(body, 2);
    this.send(Opcode.Close, body);
    this.open = false;
    this.socket.end();
  }

  private send(opcode: Opcode, payload: Buffer): void {
    if (!this.open || this.socket.destroyed) return;
    let header: Buffer;
    if (payload.length < 126) {
      header = Buffer.from([0x80 | opcode, payload.length]);
    } else if (payload.length < 65536) {
      header = Buffer.alloc(4);
      header[0] = 0x80 | opcode;
      header[1] = 126;
      header.writeUInt16BE(payload.length, 2);
    } else {
      header = Buffer.alloc(10);
      header[0] = 0x80 | opcode;
      header[1] = 127;
      header.writeBigUInt64BE(BigInt(payload.length), 2);
    }
    this.socket.write(Buffer.concat([header, payload]));
  }

  private receive(chunk: Buffer): void {
    this.buffered = Buffer.concat([this.buffered, chunk]);
    for (;;) {
      const frame = parseFrame(this.buffered);
      if (frame === 'incomplete') return;
      if (frame === 'invalid') {
        this.close(1002, 'protocol error');
        return;
      }
      this.buffered = this.buffered.subarray(frame.consumed);
      this.handle(frame.fin, frame.opcode, frame.payload);
    }
  }

  private handle(fin: boolean, opcode: Opcode, payload: Buffer): void {
    if (opcode === Opcode.Ping) return this.send(Opcode.Pong, payload);
    if (opcode === Opcode.Pong) return;
    if (opcode === Opcode.Close) {
      if (this.open) this.close(payload.length >= 2 ? payload.readUInt16BE(0) : 1000, '');
      return;
    }
    if (opcode !== Opcode.Continuation) {
      this.fragmentOpcode = opcode;
      this.fragments = [];
    }
    this.fragments.push(payload);
    if (this.fragments.reduce((n, f) => n + f.length, 0) > MAX_MESSAGE_BYTES) {
      this.close(1009, 'message too big');
      return;
    }
    if (!fin) return;
    const message = Buffer.concat(this.fragments);
    this.fragments = [];
    if (this.fragmentOpcode === Opcode.Text) {
      const text = message.toString('utf8');
      for (const listener of this.textListeners) listener(text);
    }
  }

  private closed(): void {
    const wasOpen = this.open;
    this.open = false;
    if (!this.socket.destroyed) this.socket.destroy();
    if (wasOpen || this.closeListeners.length > 0) {
      for (const listener of this.closeListeners.splice(0)) listener();
    }
  }
}

type Frame = { fin: boolean; opcode: Opcode; payload: Buffer; consumed: number };

function parseFrame(data: Buffer): Frame | 'incomplete' | 'invalid' {
  if (data.length < 2) return 'incomplete';
  const fin = (data[0]! & 0x80) !== 0;
  const opcode = (data[0]! & 0x0f) as Opcode;
  const masked = (data[1]! & 0x80) !== 0;
  let length = data[1]! & 0x7f;
  let offset = 2;
  if (length === 126) {
    if (data.length < 4) return 'incomplete';
    length = data.readUInt16BE(2);
    offset = 4;
  } else if (length === 127) {
    if (data.length < 10) return 'incomplete';
    const big = data.readBigUInt64BE(2);
    if (big > BigInt(MAX_MESSAGE_BYTES)) return 'invalid';
    length = Number(big);
    offset = 10;
  }
  // Clients must mask every frame (RFC 6455 §5.1).
  if (!masked) return 'invalid';
  if (data.length < offset + 4 + length) return 'incomplete';
  const mask = data.subarray(offset, offset + 4);
  const payload = Buffer.from(data.subarray(offset + 4, offset + 4 + length));
  for (let i = 0; i < payload.length; i++) payload[i]! ^= mask[i % 4]!;
  return { fin, opcode, payload, consumed: offset + 4 + length };
}
