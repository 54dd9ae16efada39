/** Turns an activity or sub-orchestration failure into the job's error code and a message a user can act on. */
export function failureOf(error: unknown): { code: string; message: string } {
  const raw = error instanceof Error ? error.message : String(error);
  const message = cleanMessage(raw);
  if (/Speech synthesis failed permanently/i.test(raw)) return { code: 'tts_failed', message };
  if (/not ready for production/i.test(raw)) return { code: 'plan_incomplete', message };
  if (/quota exceeded/i.test(raw)) return { code: 'quota_exceeded', message };
  return { code: 'production_failed', message };
}

/** Durable wraps failures of activities and sub-orchestrations in its own prefixes; keep the innermost reason. */
function cleanMessage(raw: string): string {
  const lines = raw.split('\n').map((line) => line.trim());
  const reason =
    lines.find((line) => /Speech synthesis failed permanently|not ready for production|quota exceeded/i.test(line)) ??
    lines[0] ??
    'Production failed';
  const inner =
    /(Speech synthesis failed permanently.*|The plan is not ready for production.*|Monthly character quota exceeded.*)/i.exec(
      reason,
    );
  return (inner ? inner[1] : withoutWrappers(reason)).slice(0, 1000);
}

/**
 * "OrchestrationFailure: Orchestrator function 'renderChapter' failed: DomainError: Audio … was not found" is read by
 * a producer: the wrappers and error class names say nothing to them, the reason at the end does.
 */
function withoutWrappers(reason: string): string {
  let inner = reason;
  for (;;) {
    const next = inner
      .replace(/^\w*Failure: Orchestrator function '[^']*' failed: /, '')
      .replace(/^Activity function '[^']*' failed: /, '')
      .replace(/^[A-Z]\w*Error: /, '');
    if (next === inner) return inner || reason;
    inner = next;
  }
}
