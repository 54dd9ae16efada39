/** Retail packaging in core: request/result types, layout, names, tags, sample choice, manifest, validation. */
export * from './types';
export { sanitizeTitle, numberedFileName, deliverableFileName } from './fileNames';
export { narratorCredit, descriptionWithDisclosure, tagsFor, creditsScript } from './bookTags';
export {
  pickSampleChapter,
  chooseSampleWindow,
  explicitSampleWindow,
  SAMPLE_LIMITS,
  type TimeWindow,
} from './retailSample';
export { planMp3Files, planM4bChapters, maxFileSeconds, wantsRetailSample, type PlannedAudioFile } from './layout';
export { buildManifest } from './manifest';
export { validatePackageRequest } from './validation';
export { RETAIL_ENCODINGS, encodingsFor, type ChapterEncodingFormat } from './encodings';
export { segmentLayoutOf, layoutQuietRegions, type SegmentLayout } from './segmentLayout';
