/** A jest reporter: after an in-band run, each suite's CPU seconds (the test process's and its ended children's). */
export default class SuiteCpuReporter {
  constructor(globalConfig: { maxWorkers: number; rootDir?: string }, options?: { write?: (text: string) => void });
  onTestFileStart(test: { path: string }): void;
  onTestFileResult(test: { path: string }): void;
  onRunComplete(): void;
  getLastError(): undefined;
}
