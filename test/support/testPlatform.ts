import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { typeScriptNodeArgs } from '../../local/supervision/typeScriptChild';

const REPO_ROOT = path.resolve(__dirname, '..', '..');
const READY_MARKER = 'KHIPU_PLATFORM_READY';
const HOST_RESTARTED_MARKER = 'KHIPU_HOST_RESTARTED';

export interface PlatformUrls {
  api: string;
  identity: string;
  eventGrid: string;
  cosmos: string;
  blob: string;
  web?: string;
}

export interface TestPlatform {
  urls: PlatformUrls;
  env: Record<string, string>;
  dataDir: string;
  /** The platform process (the Functions host runs in it unless `separateHostProcess`). */
  pid: number;
  /** A bearer token for a seeded or stored user (by email), from the dev identity provider. */
  token(email: string): Promise<string>;
  /** fetch against the API with a user's token; `path` is under /api, e.g. `/v1/projects`. */
  api(user: string | null, path: string, init?: RequestInit & { json?: unknown }): Promise<Response>;
  /** With `captureOutput`: every line the platform process wrote to stdout and stderr so far (its logs among them). */
  output(): string[];
  /** SIGKILL, as a crash would. */
  kill(): Promise<void>;
  /**
   * With `separateHostProcess`: SIGKILL only the Functions host (storage, Cosmos and Event Grid live on) and wait
   * for a new host process on the same URL.
   */
  crashHost(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * The whole local platform, exactly as `npm start` runs it, in a child process on ephemeral ports with a
 * throwaway data folder (or a given one, to test restarts).
 */
export async function startTestPlatform(
  options: {
    web?: boolean;
    env?: Record<string, string>;
    dataDir?: string;
    verbose?: boolean;
    separateHostProcess?: boolean;
    /** Keep what the platform process prints, for `output()`. */
    captureOutput?: boolean;
    /** How long the platform may take to report ready before the start fails (and the platform is stopped). */
    startTimeoutMs?: number;
  } = {},
): Promise<TestPlatform> {
  const dataDir = options.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'khipu-test-'));
  const ports = { functions: 0, identity: 0, eventGrid: 0, cosmos: 0, blob: 0, queue: 0, table: 0, web: 0 };
  const child = spawn(
    process.execPath,
    [
      ...typeScriptNodeArgs(),
      path.join(REPO_ROOT, 'local', 'platformProcess.ts'),
      JSON.stringify({
        dataDir,
        ports,
        web: options.web,
        env: options.env,
        verbose: options.verbose,
        separateHostProcess: options.separateHostProcess,
      }),
    ],
    // stdin is a pipe only this process writes to: when the test runner dies, the platform sees it close and stops.
    { cwd: REPO_ROOT, stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, NODE_ENV: 'test' } },
  );
  const captured: string[] = [];
  if (options.captureOutput) {
    child.stdout!.on('data', (chunk: Buffer) => captured.push(chunk.toString()));
    child.stderr!.on('data', (chunk: Buffer) => captured.push(chunk.toString()));
  }
  const ready = await waitForReady(child, options.startTimeoutMs ?? START_TIMEOUT_MS).catch(async (error: unknown) => {
    // A platform that was slow, not dead, would otherwise go on running (emulators, host) beside every later suite of
    // this worker, taking the cores they need: a start that fails leaves nothing of it running.
    await stopStartingPlatform(child);
    if (!options.dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
    throw error;
  });
  const { token, api } = platformClient(ready.urls);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    ...ready,
    dataDir,
    pid: child.pid!,
    token,
    api,
    output: () => captured.join('').split('\n'),
    async kill() {
      child.kill('SIGKILL');
      await exited;
    },
    async crashHost() {
      if (!options.separateHostProcess) throw new Error('crashHost needs separateHostProcess');
      const restarted = new Promise<string>((resolve) => {
        const onData = (chunk: Buffer) => {
          const line = chunk
            .toString()
            .split('\n')
            .find((l) => l.startsWith(HOST_RESTARTED_MARKER));
          if (!line) return;
          child.stdout!.off('data', onData);
          resolve(line);
        };
        child.stdout!.on('data', onData);
      });
      child.kill('SIGUSR2');
      const line = await restarted;
      if (!line.endsWith(' OK')) throw new Error(line);
    },
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), STOP_GRACE_MS);
        await exited;
        clearTimeout(timer);
      }
      if (!options.dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** `token` and `api` for a running platform, each caller with its own token cache. */
export function platformClient(urls: PlatformUrls): Pick<TestPlatform, 'token' | 'api'> {
  const tokens = new Map<string, string>();
  const token = async (email: string) => {
    if (!tokens.has(email)) {
      // A password grant only mints a token: safe to ask for twice.
      const res = await fetchOnceMoreAfterReset(`${urls.identity}/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ grant_type: 'password', username: email }),
      });
      if (!res.ok) throw new Error(`token for ${email}: ${res.status} ${await res.text()}`);
      tokens.set(email, ((await res.json()) as { access_token: string }).access_token);
    }
    return tokens.get(email)!;
  };
  const api: TestPlatform['api'] = async (user, apiPath, init = {}) => {
    const headers = new Headers(init.headers);
    if (user) headers.set('authorization', `Bearer ${await token(user)}`);
    let body = init.body;
    if (init.json !== undefined) {
      headers.set('content-type', 'application/json');
      body = JSON.stringify(init.json);
    }
    const request = { ...init, headers, body };
    const method = (init.method ?? 'GET').toUpperCase();
    return method === 'GET' || method === 'HEAD'
      ? fetchOnceMoreAfterReset(`${urls.api}${apiPath}`, request)
      : fetch(`${urls.api}${apiPath}`, request);
  };
  return { token, api };
}

const CONNECTION_RESET_CODES = ['ECONNRESET', 'EPIPE', 'UND_ERR_SOCKET'];

/**
 * For a request the server may receive twice: sent again once when its connection failed before any answer. A
 * keep-alive connection the platform closed while it sat idle fails the next request sent on it, which a loaded
 * machine makes likelier (the client's idle timer and the server's close both run late), most of all between suites
 * that share a platform. A platform that is down fails the second attempt too, and a writing request is never resent.
 */
async function fetchOnceMoreAfterReset(url: string, init: RequestInit): Promise<Response> {
  try {
    return await fetch(url, init);
  } catch (error) {
    const code = ((error as { cause?: { code?: unknown } }).cause ?? {}).code;
    if (!CONNECTION_RESET_CODES.includes(String(code))) throw error;
    return fetch(url, init);
  }
}

const START_TIMEOUT_MS = 90_000;
const STOP_GRACE_MS = 15_000;

/**
 * SIGTERM to a platform process that has not reported ready (it stops whatever it started), SIGKILL if it has not
 * exited in time.
 */
async function stopStartingPlatform(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), STOP_GRACE_MS);
  await exited;
  clearTimeout(timer);
}

function waitForReady(
  child: ChildProcess,
  timeoutMs: number,
): Promise<{ urls: PlatformUrls; env: Record<string, string> }> {
  return new Promise((resolve, reject) => {
    let stdout = '';
    let stderr = '';
    const timer = setTimeout(() => reject(new Error(`platform did not start:\n${stderr}`)), timeoutMs);
    // Listens only until the marker: the platform's log lines that follow are not kept or searched again.
    const onData = (chunk: Buffer) => {
      stdout += chunk.toString();
      const line = stdout.split('\n').find((l) => l.startsWith(READY_MARKER));
      if (line) {
        clearTimeout(timer);
        child.stdout!.off('data', onData);
        resolve(JSON.parse(line.slice(READY_MARKER.length + 1)));
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (chunk: Buffer) => {
      stderr = (stderr + chunk.toString()).slice(-20_000);
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`platform exited with ${code}:\n${stderr}`));
    });
  });
}

export const minimalMetadata = (title = 'Pride and Prejudice') => ({
  title,
  authors: ['Jane Austen'],
  language: 'en-GB',
});
