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
const SHARED_CACHE_DIR = path.join(os.tmpdir(), `khipu-ts-${os.userInfo().uid}`);

interface Esbuild {
  version: string;
  transformSync(source: string, options: Record<string, unknown>): { code: string };
  stop(): unknown;
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
  const cacheDir = privateCacheDir();
  const define = {
    KHIPU_TS_CACHE_DIR: JSON.stringify(cacheDir),
    KHIPU_ESBUILD_PATH: JSON.stringify(esbuildPath),
    KHIPU_ESBUILD_VERSION: JSON.stringify(esbuildVersion),
    KHIPU_TSCONFIG: JSON.stringify(fs.readFileSync(TSCONFIG, 'utf8')),
  };
  const source = fs.readFileSync(HOOK_SOURCE, 'utf8');
  const key = createHash('sha256').update(JSON.stringify(define)).update('\0').update(source).digest('hex');
  const target = path.join(cacheDir, `require-hook-${key}.js`);
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
  // esbuild's sync calls run in a worker thread with a service process of its own, which would otherwise stay beside
  // this process for its whole life (a test process counts the processes it started: this one is not the platform's).
  void esbuild.stop();
  writeAtomically(target, code);
  return target;
}

/**
 * The processes run whatever code the cache holds, so it must be ours alone: the shared folder when this user owns it
 * and nobody else may write to it, otherwise a fresh private one for this process (nothing reused, nothing trusted).
 */
function privateCacheDir(): string {
  fs.mkdirSync(SHARED_CACHE_DIR, { recursive: true, mode: 0o700 });
  return isPrivateFolder(SHARED_CACHE_DIR) ? SHARED_CACHE_DIR : fs.mkdtempSync(path.join(os.tmpdir(), 'khipu-ts-'));
}

/** A real folder (not a link to one) of this user that no other user may write to. */
export function isPrivateFolder(dir: string): boolean {
  const info = fs.lstatSync(dir);
  return info.isDirectory() && info.uid === os.userInfo().uid && (info.mode & 0o022) === 0;
}

/** Written under a unique name and renamed into place: processes starting together never read half a file. */
function writeAtomically(file: string, content: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const partial = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}`;
  fs.writeFileSync(partial, content);
  fs.renameSync(partial, file);
}
