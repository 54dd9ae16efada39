/** A predicate on a test file's absolute path: true when the suite can start a process, thread, server or browser. */
export function integrationSuites(): (testFile: string) => boolean;
/** Every `*.test.ts` under `roots` (folders of `rootDir`), as absolute paths. */
export function testFiles(rootDir: string, roots: string[]): string[];
/** A predicate on an integration suite's absolute path: true when it must not share the machine with another suite. */
export function soloSuites(): (testFile: string) => boolean;
