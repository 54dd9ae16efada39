/** Retail packaging (ffmpeg, yazl): `buildPackage` turns chapter masters into a measured, retail-ready package. */
export { buildPackage } from './buildPackage';
export type { SampleCut } from './buildPackage';
export { isSafeEntryName } from './zip';
export type { PreviousEncodings } from '../../core/packaging';
