import type { ParsedManuscript } from '../../core/manuscript/manuscript';
import { decodeText } from './decode';
import { paragraphBlocks } from './textBlocks';

export function parseTxt(bytes: Buffer): ParsedManuscript {
  const { text, encoding } = decodeText(bytes);
  return { format: 'txt', text, blocks: paragraphBlocks(text), detectedEncoding: encoding, notes: [] };
}
