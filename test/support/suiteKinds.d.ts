/** A predicate on a test file's absolute path: true when the suite can start a process, thread, server or browser. */
export function integrationSuites(): (testFile: string) => boolean;
/** Every `*.test.ts` under `roots` (folders of `rootDir`), as absolute paths. */
export function testFiles(rootDir: string, roots: string[]): string[];
