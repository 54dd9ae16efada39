/**
 * How a process of the local platform runs this repository's TypeScript: Node's own CommonJS loader with the require
 * hook of typeScriptRequireHook.ts in front (`--require`), instead of `--import tsx`. The hook is TypeScript too: it
 * is compiled here, once per content, into the cache folder that also holds every module it compiles.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';

const HOOK_SOURCE = path.join(__dirname, 'typeScriptRequireHook.ts');
const TSCONFIG = path.join(__dirname, '..', '..', 'tsconfig.json');
/** Per user, like tsx's own cache. Every compiled file is named by a hash of its source, so checkouts can share it. */
const CACHE_DIR = path.join(os.tmpdir(), `khipu-ts-${os.userInfo().uid}`);

interface Esbuild {
  version: string;
  transformSync(source: string, options: Record<string, unknown>): { code: string };
}

let hookPath: string | undefined;

/** Node options that let a child process require `.ts` modules; they go before its entry module. */
export function typeScriptNodeArgs(): string[] {
  hookPath ??= compiledHook();
  return ['--require', hookPath];
}

function compiledHook(): string {
  // The compiler tsx runs on (tsx is what `npm start` and the scripts use), so both compile the same way.
  const fromTsx = createRequire(require.resolve('tsx/package.json'));
  const esbuildPath = fromTsx.resolve('esbuild');
  const esbuildVersion = (JSON.parse(fs.readFileSync(fromTsx.resolve('esbuild/package.json'), 'utf8')) as Esbuild)
    .version;
  const define = {
    KHIPU_TS_CACHE_DIR: JSON.stringify(CACHE_DIR),
    KHIPU_ESBUILD_PATH: JSON.stringify(esbuildPath),
    KHIPU_ESBUILD_VERSION: JSON.stringify(esbuildVersion),
    KHIPU_TSCONFIG: JSON.stringify(fs.readFileSync(TSCONFIG, 'utf8')),
  };
  const source = fs.readFileSync(HOOK_SOURCE, 'utf8');
  const key = createHash('sha256').update(JSON.stringify(define)).update('\0').update(source).digest('hex');
  const target = path.join(CACHE_DIR, `require-hook-${key}.js`);
  if (fs.existsSync(target)) return target;
  // Loaded only on a miss: a test run that starts a hundred platforms compiles the hook once.
  const esbuild = fromTsx(esbuildPath) as Esbuild;
  const { code } = esbuild.transformSync(source, {
    loader: 'ts',
    format: 'cjs',
    platform: 'node',
    target: `node${process.versions.node}`,
    define,
    sourcefile: HOOK_SOURCE,
  });
  writeAtomically(target, code);
  return target;
}

/** Written under a unique name and renamed into place: processes starting together never read half a file. */
function writeAtomically(file: string, content: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const partial = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}`;
  fs.writeFileSync(partial, content);
  fs.renameSync(partial, file);
}
