import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { PLATFORMS, type Platform } from '../../api/production';
import type { Job } from '../../api/types';
import { Alert } from '../../ui/Alert';
import { useFormat } from '../../ui/format';
import { KNOWN_RULES } from '../delivery/ReadinessReport';

interface BuiltPackage {
  platform: Platform;
  passed: boolean;
  failedRules: string[];
}

/** The packages an ended production built, as its result records them (nothing when it recorded none). */
export function builtPackages(job: Job): BuiltPackage[] {
  const packages = job.result?.packages;
  if (!Array.isArray(packages)) return [];
  return packages.flatMap((entry: unknown) => {
    if (typeof entry !== 'object' || entry === null) return [];
    const { platform, passed, failedRules } = entry as Record<string, unknown>;
    if (!(PLATFORMS as unknown[]).includes(platform) || typeof passed !== 'boolean') return [];
    const failed = Array.isArray(failedRules) ? failedRules.filter((rule) => typeof rule === 'string') : [];
    return [{ platform: platform as Platform, passed, failedRules: failed }];
  });
}

/**
 * What an ended production's packages came to, on its card: a job that "finished" green while every package failed
 * its retailer's rules (no cover yet) sent the producer to the delivery page to learn the book could not be sent.
 * Each package says whether it is ready and, if not, the rules it fails; the link goes to the delivery page, which
 * says how to fix each.
 */
export function JobPackages({ projectId, job }: { projectId: string; job: Job }) {
  const { t } = useTranslation(['production', 'estimate', 'delivery']);
  const format = useFormat();
  const packages = builtPackages(job);
  if (packages.length === 0) return null;
  const ruleName = (rule: string) =>
    (KNOWN_RULES as readonly string[]).includes(rule)
      ? t(`delivery:rules.${rule as (typeof KNOWN_RULES)[number]}.name`)
      : rule;
  const notReady = packages.filter((pkg) => !pkg.passed).length;
  const delivery = `/projects/${encodeURIComponent(projectId)}/delivery`;
  return (
    <Alert
      tone={notReady > 0 ? 'warning' : 'success'}
      title={notReady > 0 ? t('production:packages.notReady', { count: notReady }) : t('production:packages.allReady')}
    >
      <ul className="job-packages">
        {packages.map((pkg) => (
          <li key={pkg.platform}>
            {pkg.passed
              ? t('production:packages.ready', { platform: t(`estimate:platformNames.${pkg.platform}`) })
              : t('production:packages.fails', {
                  platform: t(`estimate:platformNames.${pkg.platform}`),
                  rules: format.list(pkg.failedRules.map(ruleName)),
                })}
          </li>
        ))}
      </ul>
      <p>
        <Link to={delivery}>{notReady > 0 ? t('production:packages.toFix') : t('production:packages.toDownload')}</Link>
      </p>
    </Alert>
  );
}
