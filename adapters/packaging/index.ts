/** Retail packaging (ffmpeg, yazl): `buildPackage` turns chapter masters into a measured, retail-ready package. */
export { buildPackage, type PackageDeps } from './buildPackage';
export { writeZip, isSafeEntryName, type ZipEntry } from './zip';
export { sha256File } from './fileHash';
export type {
  PackageRequest,
  PackageResult,
  PackageFile,
  PackagePlatform,
  PackageBookMetadata,
  PackageChapterInput,
  PreviousEncodings,
} from '../../core/packaging';
