import { failureOf } from './productionFailure';

describe('a failed production as the job records it', () => {
  it('keeps the reason, not the wrappers of the orchestration and the error class', () => {
    const wrapped = new Error(
      "OrchestrationFailure: Orchestrator function 'renderChapter' failed: DomainError: Audio 6e8e.wav was not found",
    );
    expect(failureOf(wrapped)).toEqual({ code: 'production_failed', message: 'Audio 6e8e.wav was not found' });
  });

  it('still says a known reason in its own words', () => {
    const wrapped = new Error(
      "OrchestrationFailure: Orchestrator function 'renderChapter' failed: Error: Monthly character quota exceeded (10)",
    );
    expect(failureOf(wrapped)).toEqual({ code: 'quota_exceeded', message: 'Monthly character quota exceeded (10)' });
  });

  it('keeps a message without wrappers as it is', () => {
    expect(failureOf(new Error('ffmpeg exited with code 1')).message).toBe('ffmpeg exited with code 1');
  });
});
