/**
 * Readiness: pure evaluation of a measured deliverable against a platform's spec. Every rule reports what was
 * measured and what was expected, so the report explains itself. Measurements come from the encoded files.
 */
import { contentRules, lengthRules } from './deliverableRules';
import { formatRules, levelRules } from './fileRules';
import type { MeasuredDeliverable, ReadinessReport, ReadinessRule } from './readinessReport';
import { RETAIL_SPECS, type RetailPlatform } from './retailSpecs';

export { hasDigitalVoiceDisclosure } from './deliverableRules';
export type {
  AudioFileRole,
  MeasuredAudioFile,
  MeasuredCover,
  MeasuredDeliverable,
  ReadinessReport,
  ReadinessRule,
} from './readinessReport';

export function evaluateReadiness(platform: RetailPlatform, deliverable: MeasuredDeliverable): ReadinessReport {
  const spec = RETAIL_SPECS[platform];
  const rules: ReadinessRule[] = [
    ...formatRules(spec, deliverable.files),
    ...levelRules(spec, deliverable.files),
    ...lengthRules(spec, deliverable),
    ...contentRules(spec, deliverable),
  ];
  return { platform, passed: rules.every((r) => r.passed), rules };
}
