import chardet from 'chardet';
import iconv from 'iconv-lite';
import { UnreadableManuscriptError } from '../../core/manuscript/errors';

export interface DecodedText {
  text: string;
  encoding: string;
}

const BOMS: Array<{ bytes: number[]; encoding: string }> = [
  { bytes: [0xef, 0xbb, 0xbf], encoding: 'UTF-8' },
  { bytes: [0xff, 0xfe, 0x00, 0x00], encoding: 'UTF-32LE' },
  { bytes: [0x00, 0x00, 0xfe, 0xff], encoding: 'UTF-32BE' },
  { bytes: [0xff, 0xfe], encoding: 'UTF-16LE' },
  { bytes: [0xfe, 0xff], encoding: 'UTF-16BE' },
];

/** Legacy encodings we trust chardet to tell apart from Windows-1252 (non-Latin scripts). */
const DISTINCT_LEGACY = new Set([
  'Shift_JIS',
  'EUC-JP',
  'ISO-2022-JP',
  'GB18030',
  'Big5',
  'EUC-KR',
  'KOI8-R',
  'windows-1251',
  'ISO-8859-5',
  'ISO-8859-7',
  'windows-1253',
  'ISO-8859-8',
  'windows-1255',
  'ISO-8859-6',
  'windows-1256',
]);

function startsWith(bytes: Buffer, prefix: number[]): boolean {
  return prefix.every((value, i) => bytes[i] === value);
}

function guessLegacyEncoding(bytes: Buffer): string {
  const sample = bytes.subarray(0, 256 * 1024);
  const best = chardet.analyse(sample)[0];
  if (best && best.confidence >= 50 && DISTINCT_LEGACY.has(best.name) && iconv.encodingExists(best.name))
    return best.name;
  // ISO-8859-1 text is valid Windows-1252 (which adds curly quotes and dashes in 0x80–0x9F), as browsers assume.
  return 'windows-1252';
}

/** Control characters that never appear in real prose (tab, LF, CR and form feed excepted). */
// eslint-disable-next-line no-control-regex -- detecting control characters is the point
const CONTROL = /[\u0000-\u0008\u000B\u000E-\u001F\u007F-\u009F\uFFFD]/g;

function assertLooksLikeText(text: string): void {
  if (text.includes('\u0000'))
    throw new UnreadableManuscriptError('the file is binary, not text (it contains NUL bytes)');
  const sample = text.slice(0, 1_000_000);
  const controls = sample.match(CONTROL)?.length ?? 0;
  if (controls > 8 && controls / sample.length > 0.005) {
    throw new UnreadableManuscriptError('the file is binary, not text (too many control characters)');
  }
}

/**
 * Decodes manuscript bytes: BOM first, then strict UTF-8, then a detected legacy encoding (Windows-1252 for Latin
 * text). Line endings become LF; the BOM is dropped. Binary data and empty files are rejected.
 */
export function decodeText(bytes: Buffer): DecodedText {
  const bom = BOMS.find((candidate) => startsWith(bytes, candidate.bytes));
  let encoding: string;
  let text: string;
  if (bom) {
    encoding = bom.encoding;
    text = iconv.decode(bytes.subarray(bom.bytes.length), encoding);
  } else {
    if (bytes.subarray(0, 65536).includes(0)) {
      throw new UnreadableManuscriptError('the file is binary, not text (it contains NUL bytes)');
    }
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
      encoding = 'UTF-8';
    } catch {
      encoding = guessLegacyEncoding(bytes);
      text = iconv.decode(bytes, encoding);
    }
  }
  assertLooksLikeText(text);
  text = text.replace(/\r\n?/g, '\n');
  if (text.trim().length === 0) throw new UnreadableManuscriptError('the file is empty');
  return { text, encoding };
}
