/**
 * A built retail package: the stored document (Cosmos `packages`, pk tenantId/projectId) and its lifecycle rules.
 * Each build of a platform gets a new version; downloads go through short-lived links until `expiresAt`.
 */
import type { LoudnessMeasurement } from '../audio/measurements';
import type { ReadinessReport } from '../audio/readiness';
import type { AudioFileFacts } from '../audio/readinessReport';
import type { PackageFileRole, PackagePlatform } from '../packaging/types';
import type { ProjectScopedDocument } from '../ports/documents';
import { packageRetentionDaysByPlan, type TenantPlan } from '../tenants/tenant';
import { contentKey } from './contentAddress';

export interface PackageEncodingRecord {
  /** ReusableEncoding.key: what determined the encoded bytes. */
  key: string;
  blobName: string;
  sha256: string;
  /** Sanitized file name inside the package. */
  name: string;
  /** Levels measured when it was encoded: a reused file is not measured again (absent on older records). */
  loudness?: LoudnessMeasurement;
  /**
   * For a retail sample: the window its build chose in the master it was cut from (found by probing the master and
   * scanning its pauses, so a function of the master's bytes and the build revision). A later build of the same
   * revision whose sample comes from the same master takes the window from here and fetches the master only if the
   * sample must be encoded again (absent on other files and older records).
   */
  sampleCut?: SampleCutRecord;
}

/**
 * What an audio file of the package is, as its headers were probed, by the sha256 of its bytes: a later build of the
 * same revision holding a file with those bytes (a chapter retagged as before) takes them instead of probing it.
 */
export interface PackageFileFactsRecord extends AudioFileFacts {
  sha256: string;
  /** PACKAGE_BUILD_REVISION of the build that probed it. */
  revision: number;
}

export interface SampleCutRecord {
  masterSha256: string;
  startSec: number;
  endSec: number;
  /** PACKAGE_BUILD_REVISION of the build that chose it: a window chosen the old way is chosen again. */
  revision: number;
}

/** The files of a package a person listens to before delivering it. */
export const PREVIEW_ROLES = [
  'retail-sample',
  'opening-credits',
  'closing-credits',
] as const satisfies readonly PackageFileRole[];
export type PreviewRole = (typeof PREVIEW_ROLES)[number];

export interface PackagePreviewRecord {
  role: PreviewRole;
  /** The file's name inside the package. */
  name: string;
  blobName: string;
  contentType: string;
}

export interface PackageRecord extends ProjectScopedDocument {
  type: 'package';
  platform: PackagePlatform;
  /** 1, 2, ... per project and platform. */
  version: number;
  jobId: string;
  deliverable: { blobName: string; name: string; bytes: number; sha256: string; contentType: string };
  readiness: ReadinessReport;
  /** The chapters it holds, in order: a regeneration rebuilds the package with these (absent on older records). */
  chapterIds?: string[];
  /**
   * Each chapter's plan revision as its master was made (core/planning/planRevision.ts), by chapter id: a chapter whose
   * revision moved since is not what the package holds. Absent on older records, and for a master made before masters
   * recorded it.
   */
  chapterPlanRevisions?: Record<string, number>;
  /** Encoded files kept beside the deliverable, so the next build re-encodes only what changed. */
  encodings: PackageEncodingRecord[];
  /** Its audio files' probed facts, by the sha256 of their bytes (absent on older records). */
  fileFacts?: PackageFileFactsRecord[];
  /** Its retail sample and credits, stored to be listened to (absent on older records). */
  previews?: PackagePreviewRecord[];
  /**
   * The content address of everything that decided the package's bytes (packageInputKey): a later build with the same
   * key takes this package whole instead of building it again (absent on older records, which are never taken).
   */
  inputKey?: string;
  /** Set when this package is an earlier one taken whole: that package's id. */
  reusedFrom?: string;
  totalDurationSec: number;
  stats: { encoded: number; reused: number };
  expiresAt: string;
  createdAt: string;
  createdBy: string;
}

/**
 * Bumped whenever the way a package is built changes (layout, tags, readiness rules, cutting, what an encode reads), so
 * packages built the old way are built again instead of being taken whole. 2: an M4B not joined from AAC is encoded
 * from every chapter's master, where revision 1 encoded the AAC of the chapters that had one a second time. 3: the MP3
 * files a package encodes itself (the retail sample, a long chapter's parts) are encoded without LAME's bit reservoir.
 */
export const PACKAGE_BUILD_REVISION = 3;

/** What decides a package's bytes and its readiness report, all of it known before a single file is fetched. */
export interface PackageInputs {
  platform: PackagePlatform;
  /** The book's metadata as the package tags it. */
  book: object;
  /** Each chapter in reading order: its id, title, type and master record (which names every encoding by hash). */
  chapters: { id: string; title: string; chapterType: string; master: object }[];
  /** The prepared credits' record blob names (content-addressed). */
  credits: object;
  /** The retail cover's blob name (a new cover upload gets a new name), or null. */
  coverBlobName: string | null;
}

export function packageInputKey(inputs: PackageInputs): string {
  return contentKey({ revision: PACKAGE_BUILD_REVISION, ...inputs });
}

/** Package documents share the container with nothing else, but ids must still be unique per tenant (emulator). */
export function packageDocumentId(jobId: string, platform: PackagePlatform): string {
  return `${jobId}-${platform}`;
}

export function packageExpiresAt(createdAt: Date, plan: TenantPlan): string {
  const days = packageRetentionDaysByPlan[plan];
  return new Date(createdAt.getTime() + days * 86_400_000).toISOString();
}

export function contentTypeOfDeliverable(name: string): string {
  if (name.endsWith('.m4b')) return 'audio/mp4';
  if (name.endsWith('.zip')) return 'application/zip';
  if (name.endsWith('.mp3')) return 'audio/mpeg';
  return 'application/octet-stream';
}
