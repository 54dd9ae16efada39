/**
 * Readiness inputs of a package's encoded files: container facts read from each file's headers, levels measured by
 * the pass that encoded it (the stream the encoder received) or, for a file whose levels are unknown, by decoding it.
 */
import type { LoudnessMeasurement } from '../../core/audio/measurements';
import type { AudioFileRole, MeasuredDeliverable } from '../../core/audio/readiness';
import { descriptionWithDisclosure } from '../../core/packaging';
import type { PackageBookMetadata } from '../../core/packaging';
import type { AudioToolchain } from '../../core/ports/audio';
import { mapLimit } from './mapLimit';

export interface AudioToMeasure {
  path: string;
  name: string;
  role: AudioFileRole;
  loudness?: LoudnessMeasurement;
}

const MEASURE_CONCURRENCY = 2;

export async function measureDeliverable(
  audio: AudioToolchain,
  book: PackageBookMetadata,
  files: AudioToMeasure[],
  options: { coverFile?: string; m4b?: string },
): Promise<MeasuredDeliverable> {
  const measured = await mapLimit(files, MEASURE_CONCURRENCY, (f) =>
    audio.measureDeliverableFile(f.path, f.role, f.name, f.loudness),
  );
  let chapterMarkers: MeasuredDeliverable['chapterMarkers'];
  let coverEmbedded = true;
  if (options.m4b) {
    const probed = await audio.probe(options.m4b);
    chapterMarkers = {
      count: probed.chapters.length,
      titled: probed.chapters.filter((c) => c.title.trim() !== '').length,
    };
    coverEmbedded = probed.coverArt !== undefined;
  }
  const cover = options.coverFile && coverEmbedded ? await audio.measureCover(options.coverFile) : undefined;
  return {
    files: measured,
    chapterMarkers,
    cover,
    metadata: { isbn: book.isbn ?? undefined, description: descriptionWithDisclosure(book) },
    aiNarrated: book.aiNarrated,
  };
}
