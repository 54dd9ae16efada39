/**
 * The emulators run with V8's larger old-generation growth step (local/heapGrowth.ts): without it V8 chose small
 * steps for these slowly allocating processes, and Azurite ran a full collection of its whole heap every few seconds
 * of a production.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startAzurite } from '../../local/emulators/azurite';
import { startCosmos } from '../../local/emulators/cosmos';
import { HEAP_GROWTH_FLAG } from '../../local/heapGrowth';

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
