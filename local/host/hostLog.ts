/** Structured log lines of the local host: one JSON object per line. */

export type HostLogger = (line: object) => void;

export interface InvocationLogLine {
  type: 'invocation';
  function: string;
  invocationId: string;
  trigger: string;
  durationMs: number;
  outcome: 'success' | 'failure';
  error?: string;
}

export const writeJsonLine: HostLogger = (line) => {
  process.stdout.write(`${JSON.stringify(line)}\n`);
};

export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message;
  if (error && typeof error === 'object' && typeof (error as { message?: unknown }).message === 'string') {
    return (error as { message: string }).message; // errors thrown in another realm fail `instanceof Error`
  }
  return String(error);
}
