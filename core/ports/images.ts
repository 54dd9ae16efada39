import type { FileNote } from '../common/fileNotes';
import type { IncomingFile, StagedFile } from './uploads';

/** Cover image processing port (sharp in production and locally). */
export interface ProcessedCover {
  width: number;
  height: number;
  originalFormat: 'jpeg' | 'png';
  /** 3000×3000 sRGB JPEG that satisfies every retailer. */
  retailJpeg: Buffer;
  /** Small JPEG for lists. */
  thumbnailJpeg: Buffer;
  /** What the conversion changed (colour space, transparency). */
  notes: FileNote[];
  /** The file as uploaded, staged on local disk while `use` runs (to be stored as the original). */
  original: StagedFile;
}

export interface CoverProcessor {
  /**
   * Checks and converts an uploaded cover and hands the result to `use`; the staged original is removed once `use`
   * settles. Throws ValidationError / DomainError('unsupported_media_type') with a reason the user can act on.
   */
  process<T>(image: IncomingFile, use: (cover: ProcessedCover) => Promise<T>): Promise<T>;
}
