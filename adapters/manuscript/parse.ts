import { findGutenbergBody } from '../../core/manuscript/gutenberg';
import { refusedFormatOf } from '../../core/manuscript/sniff';
import { sliceManuscript, type ParsedManuscript } from '../../core/manuscript/manuscript';
import {
  ManuscriptTooLargeError,
  UnreadableManuscriptError,
  UnsupportedFormatError,
} from '../../core/manuscript/errors';
import { parseDocx } from './docx';
import { parseEpub } from './epub';
import { parseHtml } from './html';
import { DEFAULT_MANUSCRIPT_LIMITS, type ManuscriptLimits } from './limits';
import { parseMarkdown } from './markdown';
import { parsePdf } from './pdf';
import { parseTxt } from './txt';
import { openSafeZip } from './zip';
import { fileNotes } from '../../core/common/fileNotes';
import { withNotesGathered, type WithFootnotes } from './gatheredNotes';

export interface ManuscriptUpload {
  /** The client's file name: a hint only, never trusted over the bytes. */
  fileName?: string;
  contentType?: string;
  /** The book's language (BCP 47): names what the reader adds, such as the heading gathered notes go under. */
  language?: string;
  limits?: Partial<ManuscriptLimits>;
}

function startsWith(bytes: Buffer, magic: number[]): boolean {
  return magic.every((value, i) => bytes[i] === value);
}

function extensionOf(fileName: string | undefined): string {
  const match = /\.([A-Za-z0-9]{1,10})$/.exec(fileName ?? '');
  return match ? match[1].toLowerCase() : '';
}

function isZip(bytes: Buffer): boolean {
  return startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06]);
}

async function zipKind(bytes: Buffer, limits: ManuscriptLimits): Promise<'docx' | 'epub'> {
  const zip = await openSafeZip(bytes, limits);
  try {
    if (zip.has('META-INF/container.xml')) return 'epub';
    if (zip.has('mimetype') && (await zip.read('mimetype')).toString('ascii').trim() === 'application/epub+zip')
      return 'epub';
    if (zip.has('word/document.xml')) return 'docx';
  } finally {
    zip.close();
  }
  throw new UnsupportedFormatError('a zip archive that is neither DOCX nor EPUB');
}

function looksLikeHtml(bytes: Buffer): boolean {
  const head = bytes
    .subarray(0, 2048)
    .toString('latin1')
    .replace(/^\uFEFF|^\xEF\xBB\xBF/, '')
    .trimStart()
    .toLowerCase();
  return /^(?:<\?xml[^>]*>\s*)?(?:<!--[\s\S]*?-->\s*)*(?:<!doctype html|<html[\s>])/.test(head);
}

function textFlavour(bytes: Buffer, upload: ManuscriptUpload): 'txt' | 'markdown' | 'html' {
  const extension = extensionOf(upload.fileName);
  const type = (upload.contentType ?? '').toLowerCase();
  if (['html', 'htm', 'xhtml'].includes(extension) || /html/.test(type) || looksLikeHtml(bytes)) return 'html';
  if (['md', 'markdown'].includes(extension) || /markdown/.test(type)) return 'markdown';
  return 'txt';
}

/**
 * Reads an uploaded manuscript in any supported format into the format-neutral shape. The bytes decide the format
 * (magic numbers, zip contents); the file name and content type only pick between text flavours.
 * Throws ManuscriptTooLargeError (413), UnsupportedFormatError (415) or UnreadableManuscriptError (422).
 */
export async function parseManuscript(bytes: Buffer, upload: ManuscriptUpload = {}): Promise<ParsedManuscript> {
  const limits = { ...DEFAULT_MANUSCRIPT_LIMITS, ...upload.limits };
  if (bytes.length > limits.maxBytes) throw new ManuscriptTooLargeError(bytes.length, limits.maxBytes);
  if (bytes.length === 0) throw new UnreadableManuscriptError('the file is empty');

  const { footnotes = [], ...parsed } = await parseByFormat(bytes, upload, limits);
  if (parsed.text.trim().length === 0) throw new UnreadableManuscriptError('the manuscript contains no text');
  const body = findGutenbergBody(parsed.text);
  const result = body.stripped
    ? {
        ...sliceManuscript(parsed, body.start, body.end),
        notes: [
          ...parsed.notes,
          fileNotes.gutenbergBoilerplateRemoved(),
          ...(body.wordsOfFurtherBooks ? [fileNotes.gutenbergFurtherBooksLeftOut(body.wordsOfFurtherBooks)] : []),
        ],
      }
    : parsed;
  if (result.text.trim().length === 0) throw new UnreadableManuscriptError('the manuscript contains no book text');
  // Notes are gathered into the body, never after a Project Gutenberg licence that is cut away.
  return withNotesGathered(result, footnotes, upload.language);
}

async function parseByFormat(
  bytes: Buffer,
  upload: ManuscriptUpload,
  limits: ManuscriptLimits,
): Promise<WithFootnotes> {
  const extension = extensionOf(upload.fileName);
  if (isZip(bytes)) {
    return (await zipKind(bytes, limits)) === 'epub' ? parseEpub(bytes, limits) : parseDocx(bytes, limits);
  }
  if (bytes.subarray(0, 1024).includes('%PDF-')) return parsePdf(bytes, limits, upload.language);
  if (['docx', 'epub', 'pdf'].includes(extension)) {
    throw new UnreadableManuscriptError(
      `the file is named .${extension} but its content is not a valid ${extension.toUpperCase()}`,
    );
  }
  const refused = refusedFormatOf(bytes);
  if (refused) throw new UnsupportedFormatError(refused);

  switch (textFlavour(bytes, upload)) {
    case 'html':
      return parseHtml(bytes);
    case 'markdown':
      return parseMarkdown(bytes, upload.language);
    default:
      return parseTxt(bytes);
  }
}
