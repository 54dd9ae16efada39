/**
 * The emulators run with V8's larger old-generation growth step (local/heapGrowth.ts): without it V8 chose small
 * steps for these slowly allocating processes, and Azurite ran a full collection of its whole heap every few seconds
 * of a production. The separate Functions host runs with the heap an Azure instance gives the worker: sized from this
 * machine's memory instead, it let garbage pile up to four times what it kept, the more the longer the book it planned.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startAzurite } from '../../local/emulators/azurite';
import { startCosmos } from '../../local/emulators/cosmos';
import { FUNCTIONS_WORKER_HEAP_FLAG, HEAP_GROWTH_FLAG } from '../../local/heapGrowth';
import { startTestPlatform } from '../support/testPlatform';

const nodeArgsOf = (pid: number) => {
  const argv = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
  return argv.slice(1, argv.indexOf('--import'));
};

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'khipu-heap-growth-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

test('Azurite starts with the larger heap growth step', async () => {
  const azurite = await startAzurite({ location: path.join(dir, 'azurite') });
  try {
    expect(nodeArgsOf(azurite.pid)).toContain(HEAP_GROWTH_FLAG);
  } finally {
    await azurite.stop();
  }
});

test('the Cosmos emulator starts with the larger heap growth step', async () => {
  const cosmos = await startCosmos({ port: 0, database: 'khipu' });
  try {
    expect(nodeArgsOf(cosmos.pid)).toContain(HEAP_GROWTH_FLAG);
  } finally {
    await cosmos.stop();
  }
});

/** The pids of `pid`'s descendants, from /proc. */
function descendantsOf(pid: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      children.set(parent, [...(children.get(parent) ?? []), Number(entry)]);
    } catch {
      // The process ended while we looked.
    }
  }
  const found: number[] = [];
  const visit = (p: number) => (children.get(p) ?? []).forEach((child) => (found.push(child), visit(child)));
  visit(pid);
  return found;
}

test('the separate Functions host starts with the heap limit of an Azure instance', async () => {
  const platform = await startTestPlatform({ separateHostProcess: true });
  try {
    const host = descendantsOf(platform.pid).find((pid) =>
      fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('appHostProcess'),
    );
    expect(host).toBeDefined();
    expect(nodeArgsOf(host!)).toContain(FUNCTIONS_WORKER_HEAP_FLAG);
    expect(FUNCTIONS_WORKER_HEAP_FLAG).toBe('--max-old-space-size=1024');
  } finally {
    await platform.stop();
  }
}, 180_000);
