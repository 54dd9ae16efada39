/**
 * File names inside packages. Titles come from manuscripts and users, so a name is rebuilt from a title rather
 * than trusted: no path separators, no `..`, no control, bidi or zero-width characters, nothing Windows refuses,
 * bounded length. Names are only ever zip entry names or download names, never paths on our disk.
 */
import { RETAIL_SPECS } from '../audio/retailSpecs';
import type { PackagePlatform } from './types';

const MAX_TITLE_CHARS = 80;

/** A title made safe to appear as one path segment; `fallback` when nothing printable is left. */
export function sanitizeTitle(title: string, fallback = 'Untitled'): string {
  const cleaned = title
    .normalize('NFC')
    // eslint-disable-next-line no-control-regex -- control characters are what this removes
    .replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ')
    .replace(/[\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/g, '')
    .replace(/[/\\:*?"<>|]/g, ' ')
    .replace(/\.{2,}/g, '.')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^[.\s-]+|[.\s]+$/g, '');
  const bounded = truncateCodePoints(cleaned, MAX_TITLE_CHARS).replace(/[.\s]+$/g, '');
  return bounded === '' ? fallback : bounded;
}

/** `NN - Title.ext`, numbered with at least two digits (more when the package has ≥ 100 files). */
export function numberedFileName(number: number, total: number, title: string, extension: string): string {
  const width = Math.max(2, String(total).length);
  return `${String(number).padStart(width, '0')} - ${sanitizeTitle(title)}.${safeExtension(extension)}`;
}

/** Download name of the deliverable, e.g. `Pride and Prejudice - ACX.zip` or `Pride and Prejudice.m4b`. */
export function deliverableFileName(bookTitle: string, platform: PackagePlatform): string {
  const title = sanitizeTitle(bookTitle, 'Audiobook');
  if (platform === 'apple') return `${title}.m4b`;
  const label = platform === 'acx' ? 'ACX' : RETAIL_SPECS[platform].label.replace(/\s*\(.*\)$/, '');
  return `${title} - ${sanitizeTitle(label)}.zip`;
}

function safeExtension(extension: string): string {
  const ext = extension.replace(/^\./, '').toLowerCase();
  if (!/^[a-z0-9]{1,5}$/.test(ext)) throw new Error(`unexpected file extension ${JSON.stringify(extension)}`);
  return ext;
}

function truncateCodePoints(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : chars.slice(0, max).join('').trim();
}
