/**
 * The platform's processes run the repository's TypeScript through a compile cache (local/supervision): a module
 * edited since the last start must run as edited, and a compiled module must behave as its source says.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { isPrivateFolder, typeScriptNodeArgs } from '../../local/supervision/typeScriptChild';

describe('TypeScript in the platform processes', () => {
  let dir: string;
  const write = (name: string, text: string) => fs.writeFileSync(path.join(dir, name), text);
  const run = (entry: string) =>
    execFileSync(process.execPath, [...typeScriptNodeArgs(), path.join(dir, entry)], { encoding: 'utf8' }).trim();

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'khipu-ts-child-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('runs a module as it is now, never as it was compiled before', () => {
    write('main.ts', "import { greeting } from './greeting';\nconsole.log(greeting);\n");
    write('greeting.ts', "export const greeting: string = 'first';\n");
    expect(run('main.ts')).toBe('first');
    expect(run('main.ts')).toBe('first');
    // Same length, same size, same second: only the content tells the two apart.
    write('greeting.ts', "export const greeting: string = 'other';\n");
    expect(run('main.ts')).toBe('other');
    write('greeting.ts', "export const greeting: string = 'first';\n");
    expect(run('main.ts')).toBe('first');
  });

  it('resolves import() and the file paths as the source has them, and reports errors at source lines', () => {
    write(
      'main.ts',
      [
        'async function main(): Promise<void> {',
        // A package loads with source maps off (the hook's saving); our modules after it must still map.
        `  require(${JSON.stringify(require.resolve('cron-parser'))});`,
        "  const { where } = await import('./nested/where');",
        '  console.log(JSON.stringify({ where: where(), here: __filename }));',
        '}',
        'void main();',
      ].join('\n'),
    );
    fs.mkdirSync(path.join(dir, 'nested'));
    write(
      'nested/where.ts',
      [
        'interface Where {',
        '  dir: string;',
        '  stack: string;',
        '}',
        'export function where(): Where {',
        "  const stack = new Error('here').stack ?? '';",
        '  return { dir: __dirname, stack };',
        '}',
      ].join('\n'),
    );
    const printed = JSON.parse(run('main.ts')) as { where: { dir: string; stack: string }; here: string };
    expect(printed.here).toBe(path.join(dir, 'main.ts'));
    expect(printed.where.dir).toBe(path.join(dir, 'nested'));
    expect(printed.where.stack.split('\n')[1]).toContain(`${path.join(dir, 'nested', 'where.ts')}:6:`);
  });

  it('leaves no esbuild process running in the process that compiled the hook', () => {
    // A process whose temp folder is new compiles the hook, then lists its child processes until no esbuild service
    // is among them (or 30 s have passed).
    write(
      'main.ts',
      [
        "import fs from 'node:fs';",
        `import { typeScriptNodeArgs } from ${JSON.stringify(path.join(__dirname, '../../local/supervision/typeScriptChild'))};`,
        'const hook = typeScriptNodeArgs()[1];',
        'const services = () =>',
        "  fs.readdirSync('/proc').filter((entry) => {",
        '    try {',
        "      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');",
        "      const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);",
        "      return parent === process.pid && fs.readFileSync(`/proc/${entry}/cmdline`, 'utf8').includes('--service');",
        '    } catch {',
        '      return false;',
        '    }',
        '  });',
        'const deadline = Date.now() + 30_000;',
        'const check = () => {',
        '  const running = services();',
        '  if (running.length > 0 && Date.now() < deadline) return void setTimeout(check, 100);',
        '  console.log(JSON.stringify({ hook, running }));',
        '};',
        'check();',
      ].join('\n'),
    );
    const printed = JSON.parse(
      execFileSync(process.execPath, [...typeScriptNodeArgs(), path.join(dir, 'main.ts')], {
        encoding: 'utf8',
        env: { ...process.env, TMPDIR: dir },
      }),
    ) as { hook: string; running: string[] };
    expect(printed.hook.startsWith(dir)).toBe(true);
    expect(printed.running).toEqual([]);
  });

  it('trusts a cache folder only when no other user may write to it', () => {
    const cache = path.join(dir, 'cache');
    fs.mkdirSync(cache, { mode: 0o700 });
    expect(isPrivateFolder(cache)).toBe(true);
    fs.chmodSync(cache, 0o777);
    expect(isPrivateFolder(cache)).toBe(false);
    fs.chmodSync(cache, 0o720);
    expect(isPrivateFolder(cache)).toBe(false);
    fs.chmodSync(cache, 0o755);
    expect(isPrivateFolder(cache)).toBe(true);
    fs.symlinkSync(cache, path.join(dir, 'link'));
    expect(isPrivateFolder(path.join(dir, 'link'))).toBe(false);
  });
});
