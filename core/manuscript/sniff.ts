import { UnreadableManuscriptError, UnsupportedFormatError } from './errors';

/** Formats recognised by their first bytes and refused (415) rather than misread as text. */
const REFUSED_SIGNATURES: Array<{ magic: number[]; name: string }> = [
  { magic: [0xd0, 0xcf, 0x11, 0xe0], name: 'legacy Word/OLE document (.doc)' },
  { magic: [0x89, 0x50, 0x4e, 0x47], name: 'PNG image' },
  { magic: [0xff, 0xd8, 0xff], name: 'JPEG image' },
  { magic: [0x47, 0x49, 0x46, 0x38], name: 'GIF image' },
  { magic: [0x1f, 0x8b], name: 'gzip archive' },
  { magic: [0x52, 0x61, 0x72, 0x21], name: 'RAR archive' },
  { magic: [0x37, 0x7a, 0xbc, 0xaf], name: '7-Zip archive' },
  { magic: [0x7b, 0x5c, 0x72, 0x74, 0x66], name: 'RTF document' },
  { magic: [0x49, 0x44, 0x33], name: 'MP3 audio' },
  { magic: [0x7f, 0x45, 0x4c, 0x46], name: 'executable (ELF)' },
  { magic: [0x4d, 0x5a], name: 'executable (PE)' },
];

/** The name of a format we refuse that the bytes start with, if any. */
export function refusedFormatOf(bytes: Uint8Array): string | undefined {
  return REFUSED_SIGNATURES.find((signature) => startsWith(bytes, signature.magic))?.name;
}

const ZIP = [0x50, 0x4b];
const UTF16_BOMS = [
  [0xff, 0xfe],
  [0xfe, 0xff],
];
const SNIFF_BYTES = 64 * 1024;

function startsWith(bytes: Uint8Array, magic: number[]): boolean {
  return magic.length <= bytes.length && magic.every((value, i) => bytes[i] === value);
}

function containsPdfMarker(bytes: Uint8Array): boolean {
  return Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, 1024)).includes('%PDF-');
}

/**
 * The checks cheap enough to answer an upload synchronously (415/422 before anything is stored). Everything else —
 * zip bombs, broken documents, undecodable text — is found by the background import and recorded on the job.
 */
export function refuseObviouslyBadManuscript(bytes: Uint8Array): void {
  if (bytes.length === 0) throw new UnreadableManuscriptError('the file is empty');
  const refused = refusedFormatOf(bytes);
  if (refused) throw new UnsupportedFormatError(refused);
  if (startsWith(bytes, ZIP) || containsPdfMarker(bytes)) return;
  if (UTF16_BOMS.some((bom) => startsWith(bytes, bom))) return;
  if (bytes.subarray(0, SNIFF_BYTES).includes(0)) {
    throw new UnreadableManuscriptError('the file is binary, not text (it contains NUL bytes)');
  }
}
