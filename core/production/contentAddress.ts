/**
 * Content addressing of rendered audio. A segment's audio is named by the hash of everything that decides its bytes,
 * so an unchanged segment is never synthesized twice and a crashed activity rewrites nothing (create-only writes).
 */
import { createHash } from 'node:crypto';
import { projectBlobPrefix } from '../ports/blobs';
import type { SpeechEngine, SpeechOutputFormat } from '../ports/speech';

export interface SegmentAudioKey {
  spokenText: string;
  voiceName: string;
  style: string | null;
  styleDegree: number | null;
  rate: number;
  pitch: number;
  lexiconVersion: string;
  engine: SpeechEngine;
  outputFormat: SpeechOutputFormat;
  /** Set only when a user asks for a new take of unchanged inputs (regeneration). */
  takeNonce?: string;
}

/** JSON with object keys sorted at every level, so equal values always serialize to equal strings. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** The content address of structured inputs: sha256 of their canonical JSON (sorted keys, undefined left out). */
export function contentKey(value: unknown): string {
  return sha256Hex(canonicalJson(value));
}

export function segmentAudioHash(key: SegmentAudioKey): string {
  return sha256Hex(canonicalJson(key));
}

const HASH = /^[a-f0-9]{64}$/;

export function segmentAudioBlobName(tenantId: string, projectId: string, hash: string): string {
  if (!HASH.test(hash)) throw new TypeError('segment audio hash must be a sha-256 hex digest');
  return `${projectBlobPrefix(tenantId, projectId)}audio/segments/${hash}.wav`;
}

/** The master depends on its segments' audio, their pauses, the room tone and the loudness target. */
export function chapterMasterHash(input: {
  segmentHashes: string[];
  pausesAfterMs: number[];
  headRoomToneMs: number;
  tailRoomToneMs: number;
  target: object;
  format: string;
}): string {
  return sha256Hex(canonicalJson(input));
}

export function chapterMasterBlobName(
  tenantId: string,
  projectId: string,
  chapterId: string,
  masterHash: string,
  extension: 'flac' | 'wav',
): string {
  if (!HASH.test(masterHash)) throw new TypeError('master hash must be a sha-256 hex digest');
  if (!/^[A-Za-z0-9_.-]{1,128}$/.test(chapterId)) throw new TypeError('unsafe chapter id');
  return `${projectBlobPrefix(tenantId, projectId)}audio/chapters/${chapterId}/${masterHash}.${extension}`;
}

/**
 * The level blocks a master's render measured (core/audio/levelBlocks.ts), beside the master and named by the sha256
 * of their stored bytes.
 */
export function chapterLevelsBlobName(masterBlobName: string, sha256: string): string {
  if (!HASH.test(sha256)) throw new TypeError('level blocks hash must be a sha-256 hex digest');
  const folder = masterBlobName.slice(0, masterBlobName.lastIndexOf('/') + 1);
  return `${folder}levels/${sha256}.json.gz`;
}

export function packageBlobPrefix(tenantId: string, projectId: string, packageId: string): string {
  if (!/^[A-Za-z0-9_.-]{1,128}$/.test(packageId)) throw new TypeError('unsafe package id');
  return `${projectBlobPrefix(tenantId, projectId)}packages/${packageId}/`;
}

/** A retail encoding of a master: named by the master's hash and the encoding's own parameters. */
export function chapterEncodingBlobName(
  tenantId: string,
  projectId: string,
  chapterId: string,
  masterHash: string,
  encoding: { codec: string; kbps: number; version: number; extension: string },
): string {
  const master = chapterMasterBlobName(tenantId, projectId, chapterId, masterHash, 'flac');
  const suffix = `${encoding.codec}-${encoding.kbps}k-v${encoding.version}`.replace(/[^a-z0-9-]/gi, '');
  return `${master.slice(0, -'.flac'.length)}-${suffix}.${encoding.extension}`;
}
