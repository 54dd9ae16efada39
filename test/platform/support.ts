import fs from 'node:fs';
import http from 'node:http';
import { pollBackoff } from '../support/polling';

/** Parent pid and state of a process from /proc (Linux), or undefined once it is gone. */
function stat(pid: number): { ppid: number; state: string } | undefined {
  try {
    // "pid (comm) state ppid ...": comm may hold spaces and parentheses, so read after the last ')'.
    const text = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
    return { state: fields[0]!, ppid: Number(fields[1]) };
  } catch {
    return undefined;
  }
}

/** Every process descended from `pid`, children first. */
export function descendants(pid: number): number[] {
  const parents = new Map<number, number[]>();
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const info = stat(Number(entry));
    if (!info) continue;
    parents.set(info.ppid, [...(parents.get(info.ppid) ?? []), Number(entry)]);
  }
  const found: number[] = [];
  const queue = [pid];
  while (queue.length > 0) {
    for (const child of parents.get(queue.shift()!) ?? []) {
      found.push(child);
      queue.push(child);
    }
  }
  return found;
}

/** Alive and not a zombie (an exited process whose parent has not reaped it yet is not running). */
export function isRunning(pid: number): boolean {
  const info = stat(pid);
  return info !== undefined && info.state !== 'Z' && info.state !== 'X';
}

/** Polls `condition` until it holds or `limitMs` passes; resolves with its last value. */
export async function eventually(condition: () => boolean, limitMs = 30_000): Promise<boolean> {
  const deadline = Date.now() + limitMs;
  const pause = pollBackoff(100);
  while (!condition()) {
    if (Date.now() > deadline) return false;
    await pause();
  }
  return true;
}

/** kill -9 of a process and everything under it, all at once, as a power cut or the OOM killer would. */
export async function killEverything(pid: number): Promise<number[]> {
  const all = [pid, ...descendants(pid)];
  for (const target of all) {
    try {
      process.kill(target, 'SIGKILL');
    } catch {
      // already gone
    }
  }
  // A survivor would go on writing the data directory the restarted platform reads: the test's premise is gone.
  if (!(await eventually(() => all.every((target) => !isRunning(target))))) {
    throw new Error(`still running after kill -9: ${all.filter(isRunning).join(', ')}`);
  }
  return all;
}

export interface HeldRequest {
  /** The response (status, headers, body) whenever it comes; `undefined` status when the connection failed. */
  response: Promise<{ status: number | undefined; headers: http.IncomingHttpHeaders; body: string }>;
  /** Whether the response has arrived yet. */
  answered(): boolean;
  /** Sends `bytes` more and ends the body. */
  finish(bytes: Buffer): void;
}

/**
 * A request whose body is sent in part: headers and `first`, then nothing until `finish`. A server that reads the
 * whole body before answering cannot answer it until then.
 */
export function heldRequest(
  url: string,
  method: string,
  headers: http.OutgoingHttpHeaders,
  first: Buffer,
): HeldRequest {
  let answered = false;
  const req = http.request(url, { method, headers: { 'transfer-encoding': 'chunked', ...headers } });
  const response = new Promise<{ status: number | undefined; headers: http.IncomingHttpHeaders; body: string }>(
    (resolve) => {
      req.on('response', (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          answered = true;
          resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') });
        });
      });
      req.on('error', () => {
        answered = true;
        resolve({ status: undefined, headers: {}, body: '' });
      });
    },
  );
  req.write(first);
  return {
    response,
    answered: () => answered,
    finish(bytes) {
      req.end(bytes);
    },
  };
}

/** Kills `pid` as a crash would (SIGKILL) and waits until it is gone. */
export async function sigkill(pid: number): Promise<void> {
  process.kill(pid, 'SIGKILL');
  await eventually(() => !isRunning(pid));
}
