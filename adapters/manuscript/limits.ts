/** Bounds on what an upload may cost us to parse. Defaults follow the issue: 50 MB files, 2000 zip entries, 200 MB inflated. */
export interface ManuscriptLimits {
  maxBytes: number;
  maxZipEntries: number;
  maxInflatedBytes: number;
  /** Entries larger than `ratioCheckMinBytes` may not inflate more than this many times their compressed size. */
  maxCompressionRatio: number;
  ratioCheckMinBytes: number;
  pdfTimeoutMs: number;
  maxPdfPages: number;
  /** Heap cap for the PDF worker thread. */
  pdfMaxHeapMb: number;
}

export const DEFAULT_MANUSCRIPT_LIMITS: ManuscriptLimits = {
  maxBytes: 50 * 1024 * 1024,
  maxZipEntries: 2000,
  maxInflatedBytes: 200 * 1024 * 1024,
  maxCompressionRatio: 200,
  ratioCheckMinBytes: 1024 * 1024,
  pdfTimeoutMs: 60_000,
  maxPdfPages: 5000,
  pdfMaxHeapMb: 512,
};
