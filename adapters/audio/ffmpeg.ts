/**
 * Child-process plumbing for ffmpeg/ffprobe: argv arrays only (never a shell), a fixed safe prefix, bounded stderr,
 * time limits and abort. Binaries come from @ffmpeg-installer / @ffprobe-installer unless a path is given.
 */
import { spawn } from 'node:child_process';
import type { Writable } from 'node:stream';

export function ffmpegPath(override?: string): string {
  if (override) return override;
  // The installer packages are CJS modules exporting `{ path }`.
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- lazy: only resolve the binary when ffmpeg is used
  return (require('@ffmpeg-installer/ffmpeg') as { path: string }).path;
}

export function ffprobePath(override?: string): string {
  if (override) return override;
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- lazy: only resolve the binary when ffprobe is used
  return (require('@ffprobe-installer/ffprobe') as { path: string }).path;
}

export class FfmpegError extends Error {
  constructor(
    message: string,
    public readonly exitCode: number | null,
    public readonly stderrTail: string,
  ) {
    super(message);
    this.name = 'FfmpegError';
  }
}

export interface RunOptions {
  timeoutMs?: number;
  signal?: AbortSignal;
  /** Path override for the binary (e.g. FFMPEG_PATH from config). */
  binaryPath?: string;
  /** Receives every stderr line, so long analyses can be parsed without keeping the whole log. */
  onStderrLine?: (line: string) => void;
  /** Bytes of stderr tail kept for errors and callers (default 64 KiB). */
  maxStderrBytes?: number;
  /** Bytes of stdout kept (default 8 MiB; ffprobe JSON). */
  maxStdoutBytes?: number;
  /**
   * Receives the tool's standard input (read with `-i pipe:0`), left open when the tool starts, so that another tool
   * can be given it in `writesTo`.
   */
  takeStdin?: (stdin: Writable) => void;
  /**
   * Standard inputs of tools already started (from their `takeStdin`) this tool writes into: the first as `pipe:1`,
   * the others as `pipe:3`, `pipe:4`, …. The tool is handed the pipe itself, so its output goes from process to
   * process through the kernel and never through this one (for a chapter, hundreds of MB that Node would read and
   * write again). This process's copies are closed once the tool has started: each reader sees the end of its input
   * when the tool exits.
   */
  writesTo?: Writable[];
}

export interface RunResult {
  stdout: string;
  stderr: string;
}

const DEFAULT_TIMEOUT_MS = 10 * 60_000;
const SAFE_PREFIX = ['-hide_banner', '-nostdin', '-protocol_whitelist', 'file,pipe'];

export function runFfmpeg(args: readonly string[], options: RunOptions = {}): Promise<RunResult> {
  assertArgv(args);
  return runTool(ffmpegPath(options.binaryPath), [...SAFE_PREFIX, '-nostats', ...args], options);
}

export function runFfprobe(args: readonly string[], options: RunOptions = {}): Promise<RunResult> {
  assertArgv(args);
  // ffprobe has no -nostdin/-nostats.
  return runTool(
    ffprobePath(options.binaryPath),
    ['-hide_banner', '-protocol_whitelist', 'file,pipe', ...args],
    options,
  );
}

function assertArgv(args: unknown): asserts args is string[] {
  if (!Array.isArray(args) || !args.every((a) => typeof a === 'string')) {
    throw new TypeError('ffmpeg arguments must be an array of strings (no shell command lines)');
  }
  if (args.some((a) => a.includes('\0'))) throw new TypeError('ffmpeg arguments must not contain NUL bytes');
}

/** Keeps the last `limit` bytes of a text stream. */
class TailBuffer {
  private chunks: string[] = [];
  private size = 0;
  constructor(private readonly limit: number) {}
  push(text: string): void {
    this.chunks.push(text);
    this.size += text.length;
    while (this.size > this.limit && this.chunks.length > 1) this.size -= this.chunks.shift()!.length;
    if (this.size > this.limit) {
      this.chunks[0] = this.chunks[0].slice(this.size - this.limit);
      this.size = this.limit;
    }
  }
  toString(): string {
    return this.chunks.join('');
  }
}

function runTool(binary: string, argv: string[], options: RunOptions): Promise<RunResult> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  return new Promise((resolve, reject) => {
    if (options.signal?.aborted) {
      reject(new FfmpegError('aborted before start', null, ''));
      return;
    }
    const [firstOutput, ...moreOutputs] = options.writesTo ?? [];
    const child = spawn(binary, argv, {
      stdio: ['pipe', firstOutput ?? 'pipe', 'pipe', ...moreOutputs],
      shell: false,
      windowsHide: true,
    });
    for (const output of options.writesTo ?? []) output.destroy();
    // Standard input and error are always pipes here (only standard output may be another tool's input).
    const stdin = child.stdin!;
    const stderr = child.stderr!;
    // A tool that stops reading early (it failed, or it has what it needs) closes the pipe: its exit tells why.
    stdin.on('error', () => undefined);
    if (options.takeStdin) options.takeStdin(stdin);
    else stdin.end();
    const stderrTail = new TailBuffer(options.maxStderrBytes ?? 64 * 1024);
    const maxStdout = options.maxStdoutBytes ?? 8 * 1024 * 1024;
    const stdoutChunks: Buffer[] = [];
    let stdoutSize = 0;
    let partialLine = '';
    let failure: string | undefined;

    const kill = (reason: string) => {
      if (failure) return;
      failure = reason;
      child.kill('SIGKILL');
    };
    const timer = setTimeout(() => kill(`timed out after ${timeoutMs} ms`), timeoutMs);
    const onAbort = () => kill('aborted');
    options.signal?.addEventListener('abort', onAbort, { once: true });

    // Null when the tool writes its standard output into another tool (`writesTo`).
    child.stdout?.on('data', (chunk: Buffer) => {
      stdoutSize += chunk.length;
      if (stdoutSize > maxStdout) kill(`stdout exceeded ${maxStdout} bytes`);
      else stdoutChunks.push(chunk);
    });
    stderr.setEncoding('utf8');
    stderr.on('data', (text: string) => {
      stderrTail.push(text);
      if (!options.onStderrLine) return;
      const lines = (partialLine + text).split(/\r?\n|\r/);
      partialLine = lines.pop() ?? '';
      if (partialLine.length > 64 * 1024) partialLine = partialLine.slice(-64 * 1024);
      for (const line of lines) options.onStderrLine(line);
    });
    child.on('error', (error) => {
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', onAbort);
      reject(new FfmpegError(`cannot start ${binary}: ${error.message}`, null, ''));
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', onAbort);
      if (partialLine && options.onStderrLine) options.onStderrLine(partialLine);
      const stderr = stderrTail.toString();
      if (failure) reject(new FfmpegError(`ffmpeg ${failure}`, code, stderr));
      else if (code !== 0)
        reject(new FfmpegError(`ffmpeg exited with code ${code}: ${lastLines(stderr, 3)}`, code, stderr));
      else resolve({ stdout: Buffer.concat(stdoutChunks).toString('utf8'), stderr });
    });
  });
}

function lastLines(text: string, count: number): string {
  return text.trim().split(/\r?\n/).slice(-count).join(' | ');
}
