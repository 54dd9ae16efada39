/** Cover image processing port (sharp in production and locally). */
export interface ProcessedCover {
  width: number;
  height: number;
  originalFormat: 'jpeg' | 'png';
  /** 3000×3000 sRGB JPEG that satisfies every retailer. */
  retailJpeg: Buffer;
  /** Small JPEG for lists. */
  thumbnailJpeg: Buffer;
  warnings: string[];
}

export interface CoverProcessor {
  /** Throws ValidationError / DomainError('unsupported_media_type') with a reason the user can act on. */
  process(image: Buffer, declaredContentType: string): Promise<ProcessedCover>;
}
