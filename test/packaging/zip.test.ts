/**
 * A package zip carries each entry's CRC-32 and sizes in its local header (taken before the entry is written), so
 * the entry's bytes go to the zip untouched and a reader can check each entry as it streams it; with zip64 records
 * forced, as an archive over 4 GiB needs them, it reads back the same.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { crc32 } from 'node:zlib';
import { writeZip, type ZipEntry } from '../../adapters/packaging/zip';
import { listZip, makeTempDir, readZipText } from './helpers';

let dir: string;
let cleanup: () => Promise<void>;
let entries: ZipEntry[];

beforeAll(async () => {
  ({ dir, cleanup } = await makeTempDir('zip-records'));
  const audio = path.join(dir, 'chapter.mp3');
  // Over one read buffer (1 MiB), with bytes that differ along the file (ASCII, so it reads back as text).
  await writeFile(audio, Buffer.from(Array.from({ length: 3_000_001 }, (_, i) => (i * 31 + (i >> 12)) & 0x7f)));
  const manifest = path.join(dir, 'manifest.json');
  await writeFile(manifest, `${JSON.stringify({ files: ['01 - Capítulo 1.mp3'], note: 'x'.repeat(5000) })}\n`);
  entries = [
    { path: audio, name: '01 - Capítulo 1.mp3', compress: false },
    { path: manifest, name: 'manifest.json', compress: true },
  ];
});
afterAll(() => cleanup());

/** The local file headers of a zip, walked from its start. */
function localHeaders(zip: Buffer): { name: string; flags: number; method: number; crc: number; size: number }[] {
  const headers = [];
  let offset = 0;
  while (zip.readUInt32LE(offset) === 0x04034b50) {
    const nameLength = zip.readUInt16LE(offset + 26);
    const extraLength = zip.readUInt16LE(offset + 28);
    const compressed = zip.readUInt32LE(offset + 18);
    headers.push({
      name: zip.toString('utf8', offset + 30, offset + 30 + nameLength),
      flags: zip.readUInt16LE(offset + 6),
      method: zip.readUInt16LE(offset + 8),
      crc: zip.readUInt32LE(offset + 14),
      size: zip.readUInt32LE(offset + 22),
    });
    offset += 30 + nameLength + extraLength + compressed;
  }
  return headers;
}

it('writes each entry’s CRC and size in its local header, with no data descriptor', async () => {
  const out = path.join(dir, 'package.zip');
  const written = await writeZip(entries, out);
  const zip = await readFile(out);
  expect(written.bytes).toBe(zip.length);
  const audio = await readFile(entries[0].path);
  const manifest = await readFile(entries[1].path);
  expect(localHeaders(zip)).toEqual([
    { name: '01 - Capítulo 1.mp3', flags: 0x0800, method: 0, crc: crc32(audio), size: audio.length },
    { name: 'manifest.json', flags: 0x0800, method: 8, crc: crc32(manifest), size: manifest.length },
  ]);
  // The stored entry's bytes are the file's, right after its header.
  const start = zip.indexOf(audio.subarray(0, 64));
  expect(zip.subarray(start, start + audio.length).equals(audio)).toBe(true);
  expect(await readZipText(out, 'manifest.json')).toBe(manifest.toString('utf8'));
  // The same inputs give the same bytes.
  expect((await writeZip(entries, path.join(dir, 'again.zip'))).sha256).toBe(written.sha256);
});

it('reads back the same with zip64 records', async () => {
  const out = path.join(dir, 'zip64.zip');
  await writeZip(entries, out, { forceZip64: true });
  expect(await listZip(out)).toEqual([
    expect.objectContaining({ name: '01 - Capítulo 1.mp3', compressed: false, size: 3_000_001 }),
    expect.objectContaining({ name: 'manifest.json', compressed: true }),
  ]);
  expect(await readZipText(out, 'manifest.json')).toBe(await readFile(entries[1].path, 'utf8'));
  expect(await readZipText(out, '01 - Capítulo 1.mp3')).toBe(await readFile(entries[0].path, 'latin1'));
});
