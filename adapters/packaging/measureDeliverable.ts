/**
 * Readiness inputs of a package's encoded files: container facts read from each file's headers (or, for a file whose
 * bytes an earlier build probed, what it read then), levels measured by the pass that encoded it (the stream the
 * encoder received) or, for a file whose levels are unknown, by decoding it.
 */
import type { LoudnessMeasurement, ProbeResult } from '../../core/audio/measurements';
import type { AudioFileRole, MeasuredDeliverable } from '../../core/audio/readiness';
import type { AudioFileFacts, MeasuredAudioFile } from '../../core/audio/readinessReport';
import { descriptionWithDisclosure } from '../../core/packaging';
import type { PackageBookMetadata } from '../../core/packaging';
import type { AudioToolchain } from '../../core/ports/audio';
import { mapLimit } from './mapLimit';

export interface AudioToMeasure {
  path: string;
  name: string;
  role: AudioFileRole;
  loudness?: LoudnessMeasurement;
  /** The file's probe, when the step that wrote it took one. */
  probed?: ProbeResult;
  /** What an earlier build probed in a file of the same bytes: with its levels known, the file is not opened. */
  facts?: AudioFileFacts;
}

function measuredBefore(file: AudioToMeasure): MeasuredAudioFile | undefined {
  if (!file.facts || !file.loudness) return undefined;
  return {
    name: file.name,
    role: file.role,
    ...file.facts,
    loudness: { ...file.loudness, durationSec: file.facts.durationSec },
  };
}

const MEASURE_CONCURRENCY = 2;

export async function measureDeliverable(
  audio: AudioToolchain,
  book: PackageBookMetadata,
  files: AudioToMeasure[],
  options: {
    coverFile?: string;
    m4b?: string;
    /** What the M4B was built from, one chapter mark each: the chapter marks are counted against it. */
    m4bHolds?: { chapters: number; credits: number };
  },
): Promise<MeasuredDeliverable> {
  // The M4B's one probe gives its chapter marks and cover art and the file's own measurement: each ffprobe process
  // costs this large process a fork.
  const m4b = options.m4b ? await audio.probe(options.m4b) : undefined;
  const measured = await mapLimit(
    files,
    MEASURE_CONCURRENCY,
    async (f) =>
      measuredBefore(f) ??
      audio.measureDeliverableFile(f.path, f.role, f.name, f.loudness, f.path === options.m4b ? m4b : f.probed),
  );
  let chapterMarkers: MeasuredDeliverable['chapterMarkers'];
  let coverEmbedded = true;
  if (m4b) {
    chapterMarkers = {
      count: m4b.chapters.length,
      titled: m4b.chapters.filter((c) => c.title.trim() !== '').length,
      packaged: options.m4bHolds,
    };
    coverEmbedded = m4b.coverArt !== undefined;
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
