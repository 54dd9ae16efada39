/**
 * The layout of a package: which audio files it holds, in listening order, with their names, tags and sources.
 * Pure: cut windows for long chapters and the sample are decided by the caller (they need the audio) and passed in.
 */
import { RETAIL_SPECS } from '../audio/retailSpecs';
import type { AudioTags } from '../ports/audio';
import { tagsFor } from './bookTags';
import { numberedFileName } from './fileNames';
import type { TimeWindow } from './retailSample';
import type { PackageChapterInput, PackagePlatform, PackageRequest } from './types';

export type AudioFileRole = 'chapter' | 'opening-credits' | 'closing-credits' | 'retail-sample';

export interface PlannedAudioFile {
  role: AudioFileRole;
  /** Zip entry name (sanitized). */
  name: string;
  title: string;
  /** The master to encode from. */
  source: string;
  chapterIndex?: number;
  /** Encode only this part of the source, re-padded with room tone (split parts, the sample). */
  window?: TimeWindow;
  part?: number;
  tags: AudioTags;
}

export const OPENING_CREDITS_TITLE = 'Opening Credits';
export const CLOSING_CREDITS_TITLE = 'Closing Credits';
export const RETAIL_SAMPLE_NAME = 'Retail Sample.mp3';

/** Margin under the retailer's cap for the room tone the cut parts get back at head and tail. */
const SPLIT_MARGIN_SEC = 10;

/** Longest program audio per file in seconds (already under the cap by the room-tone margin), or undefined. */
export function maxFileSeconds(platform: PackagePlatform, overrideMinutes?: number): number | undefined {
  const spec = RETAIL_SPECS[platform];
  if (spec.packaging === 'single-m4b') return undefined;
  const limits: number[] = [];
  if (spec.maxFileMinutes !== undefined) limits.push(spec.maxFileMinutes * 60);
  // MP3 CBR 192 kbps: bytes / 24,000 per second; 2 % kept for tags and frame padding.
  if (spec.maxFileBytes !== undefined) limits.push((spec.maxFileBytes * 0.98) / 24_000);
  if (overrideMinutes !== undefined) limits.push(overrideMinutes * 60);
  if (limits.length === 0) return undefined;
  return Math.max(1, Math.min(...limits) - SPLIT_MARGIN_SEC);
}

/** Does the platform get a retail sample with this request? */
export function wantsRetailSample(request: Pick<PackageRequest, 'platform' | 'retailSample'>): boolean {
  if (request.platform === 'apple' || request.retailSample === 'none') return false;
  if (typeof request.retailSample === 'object') return true;
  return RETAIL_SPECS[request.platform].retailSampleMinutes !== undefined;
}

/**
 * Per-chapter MP3 layout: `00 - Opening Credits`, then every file in listening order numbered from 01 (a split
 * chapter takes one number per part), closing credits last, and the retail sample outside the numbering.
 */
export function planMp3Files(
  request: Pick<PackageRequest, 'book' | 'chapters' | 'credits'>,
  chapterWindows: (TimeWindow[] | undefined)[],
  sample?: { chapterIndex: number; window: TimeWindow },
): PlannedAudioFile[] {
  const { book, chapters } = request;
  const opening = request.credits?.openingFile ?? undefined;
  const closing = request.credits?.closingFile ?? undefined;
  const bodyCount = chapters.reduce((sum, _c, i) => sum + (chapterWindows[i]?.length ?? 1), 0) + (closing ? 1 : 0);
  const total = bodyCount + (opening ? 1 : 0);
  const track = (n: number) => `${n}/${total}`;
  const planned: PlannedAudioFile[] = [];
  let number = 0;
  if (opening) {
    planned.push({
      role: 'opening-credits',
      name: numberedFileName(0, bodyCount, OPENING_CREDITS_TITLE, 'mp3'),
      title: OPENING_CREDITS_TITLE,
      source: opening,
      tags: tagsFor(book, { title: OPENING_CREDITS_TITLE, track: track(1) }),
    });
  }
  const offset = opening ? 1 : 0;
  for (const [chapterIndex, chapter] of chapters.entries()) {
    const windows = chapterWindows[chapterIndex];
    const parts = windows && windows.length > 1 ? windows : [undefined];
    for (const [partIndex, window] of parts.entries()) {
      number += 1;
      const title = window ? partTitle(chapter, partIndex + 1, parts.length) : chapter.title;
      planned.push({
        role: 'chapter',
        name: numberedFileName(number, bodyCount, title, 'mp3'),
        title,
        source: chapter.masterFile,
        chapterIndex,
        window,
        part: window ? partIndex + 1 : undefined,
        tags: tagsFor(book, { title, track: track(number + offset) }),
      });
    }
  }
  if (closing) {
    number += 1;
    planned.push({
      role: 'closing-credits',
      name: numberedFileName(number, bodyCount, CLOSING_CREDITS_TITLE, 'mp3'),
      title: CLOSING_CREDITS_TITLE,
      source: closing,
      tags: tagsFor(book, { title: CLOSING_CREDITS_TITLE, track: track(number + offset) }),
    });
  }
  if (sample) {
    const title = `${book.title} (Retail Sample)`;
    planned.push({
      role: 'retail-sample',
      name: RETAIL_SAMPLE_NAME,
      title,
      source: chapters[sample.chapterIndex].masterFile,
      chapterIndex: sample.chapterIndex,
      window: sample.window,
      tags: tagsFor(book, { title }),
    });
  }
  return planned;
}

/** M4B chapter list: credits become chapters of their own around the book's chapters. */
export function planM4bChapters(
  request: Pick<PackageRequest, 'chapters' | 'credits'>,
): { title: string; file: string; chapterIndex?: number }[] {
  const opening = request.credits?.openingFile ?? undefined;
  const closing = request.credits?.closingFile ?? undefined;
  return [
    ...(opening ? [{ title: OPENING_CREDITS_TITLE, file: opening }] : []),
    ...request.chapters.map((c, chapterIndex) => ({ title: c.title, file: c.masterFile, chapterIndex })),
    ...(closing ? [{ title: CLOSING_CREDITS_TITLE, file: closing }] : []),
  ];
}

function partTitle(chapter: PackageChapterInput, part: number, count: number): string {
  return `${chapter.title} (Part ${part} of ${count})`;
}
