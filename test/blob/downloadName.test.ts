/**
 * A package's download link names the file as the book's title spells it: the blob store's read link asks the store
 * to send it as an attachment with the exact name (RFC 8187), a plain-ASCII one beside it for old clients. A
 * Portuguese title was saved as "Mem_rias P_stumas de Br_s Cubas.m4b". Against a real Azurite.
 */
import contentDisposition from 'content-disposition';
import type { AzureBlobStore } from '../../adapters/blob/azureBlobStore';
import { startBlobWire, type BlobWire } from '../support/blobWire';

let wire: BlobWire;
let blobs: AzureBlobStore;

beforeAll(async () => {
  wire = await startBlobWire('download-name');
  ({ blobs } = await wire.container('downloadname'));
}, 60_000);

afterAll(async () => {
  await wire?.stop();
});

async function savedAs(fileName: string) {
  await blobs.put('packages/book.m4b', Buffer.from('audio'), 'audio/mp4');
  const response = await fetch(await blobs.readUrl('packages/book.m4b', 60, fileName));
  expect(response.status).toBe(200);
  await response.arrayBuffer();
  const header = response.headers.get('content-disposition') ?? '';
  return { header, parsed: contentDisposition.parse(header) };
}

test('a title with accents is the name the file is saved under, and without them for clients that read only filename', async () => {
  const { header, parsed } = await savedAs('Memórias Póstumas de Brás Cubas.m4b');
  expect(parsed.type).toBe('attachment');
  // The parser prefers filename* (as browsers do): the exact name.
  expect(parsed.parameters.filename).toBe('Memórias Póstumas de Brás Cubas.m4b');
  expect(header).toContain('filename="Memorias Postumas de Bras Cubas.m4b"');
  expect(/[^\x20-\x7e]/.test(header)).toBe(false);
});

test('quotes and slashes in a title cannot break out of the header or name a folder', async () => {
  const { parsed, header } = await savedAs('A "Tale" of 2/3 Cities; part=1.m4b');
  expect(parsed.parameters.filename).toBe('A "Tale" of 2_3 Cities; part=1.m4b');
  expect(header).toContain('filename="A _Tale_ of 2_3 Cities_ part_1.m4b"');
});
