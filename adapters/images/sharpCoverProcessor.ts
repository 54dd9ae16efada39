import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import sharp, { type Metadata } from 'sharp';
import { DomainError, ValidationError } from '../../core/errors';
import type { CoverProcessor, ProcessedCover } from '../../core/ports/images';
import type { IncomingFile } from '../../core/ports/uploads';
import { type FileNote, fileNotes } from '../../core/common/fileNotes';

/** Retail covers: square, at least 2400 px (ACX); 3000×3000 sRGB JPEG satisfies every retailer. */
export const COVER_MIN_PX = 2400;
export const COVER_RETAIL_PX = 3000;
export const COVER_THUMB_PX = 320;
/** Decompression-bomb guard: refuse images whose header declares more pixels than this. */
export const COVER_MAX_PIXELS = 12_000 * 12_000;

const acceptedTypes: Record<string, 'jpeg' | 'png'> = { 'image/jpeg': 'jpeg', 'image/png': 'png' };

/**
 * The upload is staged in a private temp file (the decoder reads it more than once, and the original is stored from
 * it) rather than held in memory; the file goes when the caller is done with the result.
 */
export const sharpCoverProcessor: CoverProcessor = {
  async process<T>(upload: IncomingFile, use: (cover: ProcessedCover) => Promise<T>): Promise<T> {
    const declared = acceptedTypes[upload.contentType.split(';')[0].trim().toLowerCase()];
    if (!declared) throw new DomainError('unsupported_media_type', 'Covers must be image/jpeg or image/png');
    await upload.head(); // an empty body is refused as such, not as an unreadable image
    const dir = await mkdtemp(path.join(os.tmpdir(), 'khipu-cover-'));
    try {
      const image = path.join(dir, 'original');
      await pipeline(upload.open(), createWriteStream(image, { flags: 'wx' }));
      const bytes = (await stat(image)).size;
      const processed = await convert(image, declared);
      return await use({ ...processed, original: { bytes, open: () => createReadStream(image) } });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  },
};

async function convert(image: string, declared: 'jpeg' | 'png'): Promise<Omit<ProcessedCover, 'original'>> {
  let meta: Metadata;
  try {
    meta = await sharp(image, { limitInputPixels: COVER_MAX_PIXELS, failOn: 'error' }).metadata();
  } catch {
    throw new ValidationError('The file is not a readable JPEG or PNG image', [
      { field: 'body', message: 'unreadable image' },
    ]);
  }
  if (meta.format !== declared) {
    throw new DomainError('unsupported_media_type', `The file is ${meta.format ?? 'unknown'}, not ${declared}`);
  }
  const width = meta.width ?? 0;
  const height = meta.height ?? 0;
  if (width * height > COVER_MAX_PIXELS) {
    throw new ValidationError('The image has too many pixels', [
      { field: 'body', message: `at most ${COVER_MAX_PIXELS} pixels` },
    ]);
  }
  if (width !== height) {
    throw new ValidationError('Retail covers must be square', [
      { field: 'body', message: `image is ${width}×${height}` },
    ]);
  }
  if (width < COVER_MIN_PX) {
    throw new ValidationError(`Covers must be at least ${COVER_MIN_PX}×${COVER_MIN_PX} pixels`, [
      { field: 'body', message: `image is ${width}×${height}` },
    ]);
  }
  const notes: FileNote[] = [];
  if (meta.space && meta.space !== 'srgb') notes.push(fileNotes.coverColorSpaceConverted(meta.space));
  if (meta.hasAlpha) notes.push(fileNotes.coverTransparencyFlattened());
  const normalized = () =>
    sharp(image, { limitInputPixels: COVER_MAX_PIXELS })
      .rotate()
      .flatten({ background: '#ffffff' })
      .toColorspace('srgb');
  try {
    const [retailJpeg, thumbnailJpeg] = await Promise.all([
      normalized()
        .resize(COVER_RETAIL_PX, COVER_RETAIL_PX, { fit: 'cover' })
        .jpeg({ quality: 92, chromaSubsampling: '4:4:4' })
        .toBuffer(),
      normalized().resize(COVER_THUMB_PX, COVER_THUMB_PX, { fit: 'cover' }).jpeg({ quality: 80 }).toBuffer(),
    ]);
    return { width, height, originalFormat: declared, retailJpeg, thumbnailJpeg, notes };
  } catch {
    throw new ValidationError('The image could not be decoded', [{ field: 'body', message: 'corrupt image data' }]);
  }
}
