/**
 * Loaded with `node --require` in front of the local platform's TypeScript entry modules (see typeScriptChild.ts):
 * lets Node's own CommonJS loader require `.ts` files, each compiled by esbuild once and then served from a cache
 * keyed by the file's content, so an edited source is always compiled again and an unchanged one never is.
 *
 * It does what `--import tsx` did for these processes for less CPU at every start: no ESM loader thread and no
 * resolver patched for every package the app requires, since this code is CommonJS with extensionless relative
 * imports that Node resolves by itself once `.ts` is a known extension.
 *
 * The constants below are written in by typeScriptChild.ts when it compiles this file, and are part of every cache key.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import Module from 'node:module';
import path from 'node:path';

declare const KHIPU_TS_CACHE_DIR: string;
declare const KHIPU_ESBUILD_PATH: string;
declare const KHIPU_ESBUILD_VERSION: string;
/** The text of the repository's tsconfig.json (esbuild reads the options that change its output, as tsx did). */
declare const KHIPU_TSCONFIG: string;

interface Esbuild {
  version: string;
  transformSync(source: string, options: Record<string, unknown>): { code: string };
}

/**
 * The output tsx gave these modules (CommonJS for this Node, names kept, inline source maps for stacks), except that
 * `import()` becomes `require()`: tsx resolved it with its ESM loader, Node's own ESM loader cannot find extensionless
 * TypeScript files.
 */
const TRANSFORM_OPTIONS = {
  loader: 'ts',
  format: 'cjs',
  supported: { 'dynamic-import': false },
  platform: 'node',
  target: `node${process.versions.node}`,
  keepNames: true,
  sourcemap: 'inline',
  tsconfigRaw: KHIPU_TSCONFIG,
};

type CompiledModule = Module & { _compile(code: string, filename: string): void };
const extensions = (Module as unknown as { _extensions: Record<string, (module: Module, filename: string) => void> })
  ._extensions;

let esbuild: Esbuild | undefined;
const loadEsbuild = () => (esbuild ??= Module.createRequire(KHIPU_ESBUILD_PATH)(KHIPU_ESBUILD_PATH) as Esbuild);
// A warm cache never loads esbuild at all: its version comes written in, like the cache folder.
const optionsKey = `${KHIPU_ESBUILD_VERSION}\n${JSON.stringify(TRANSFORM_OPTIONS)}`;

function compiled(filename: string): string {
  const source = fs.readFileSync(filename, 'utf8');
  const key = createHash('sha256').update(optionsKey).update('\0').update(filename).update('\0').update(source);
  const cached = path.join(KHIPU_TS_CACHE_DIR, `${key.digest('hex')}.js`);
  try {
    return fs.readFileSync(cached, 'utf8');
  } catch {
    const { code } = loadEsbuild().transformSync(source, { ...TRANSFORM_OPTIONS, sourcefile: filename });
    // Written under a unique name and renamed into place: processes starting together never read half a file.
    const partial = `${cached}.${process.pid}.${Math.random().toString(36).slice(2)}`;
    fs.mkdirSync(KHIPU_TS_CACHE_DIR, { recursive: true, mode: 0o700 });
    fs.writeFileSync(partial, code);
    fs.renameSync(partial, cached);
    return code;
  }
}

/**
 * Source maps are for our own modules. Packages under node_modules load with them off: Node would otherwise read and
 * parse every package's `.js.map` file at load time (a tenth of a platform process's start), to rewrite stack
 * frames inside packages.
 */
function withoutPackageSourceMaps(loadJavaScript: (module: Module, filename: string) => void) {
  let loadingPackages = 0;
  return (module: Module, filename: string) => {
    if (!filename.includes(`${path.sep}node_modules${path.sep}`)) return loadJavaScript(module, filename);
    if (loadingPackages++ === 0) process.setSourceMapsEnabled(false);
    try {
      loadJavaScript(module, filename);
    } finally {
      if (--loadingPackages === 0) process.setSourceMapsEnabled(true);
    }
  };
}

if (!extensions['.ts']) {
  process.setSourceMapsEnabled(true);
  extensions['.ts'] = (module, filename) => (module as CompiledModule)._compile(compiled(filename), filename);
  extensions['.js'] = withoutPackageSourceMaps(extensions['.js']!);
}
