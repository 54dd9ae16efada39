import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { packageDownloadLink, type Package } from '../../api/production';
import { Alert } from '../../ui/Alert';
import { Badge } from '../../ui/Badge';
import { useErrorText } from '../../ui/errorText';
import { useFormat } from '../../ui/format';
import { CardsTable } from '../../ui/CardsTable';

/**
 * The latest package of each retailer, with its version, size and a download through a link asked for on click; the
 * versions it replaced below, folded. Listed all alike, three productions gave six rows of the same file names and a
 * producer had to read the version column to know which one to send.
 */
export function PackageList({
  projectId,
  packages,
  canDownload,
}: {
  projectId: string;
  packages: Package[];
  canDownload: boolean;
}) {
  const { t } = useTranslation(['delivery', 'estimate']);
  const format = useFormat();
  const errorText = useErrorText();
  const [error, setError] = useState<unknown>(null);
  // Asking for the link takes a moment and the browser's own sign of a download is easy to miss: the button says it
  // is preparing, then a line says which file is on its way, so a producer does not click again.
  const [preparing, setPreparing] = useState<string | null>(null);
  const [started, setStarted] = useState<string | null>(null);
  const download = async (pkg: Package) => {
    setError(null);
    setStarted(null);
    setPreparing(pkg.id);
    try {
      const link = await packageDownloadLink(projectId, pkg.id);
      // The link carries its own short-lived authorization; the browser downloads it as a file.
      window.location.assign(link.url);
      setStarted(link.fileName);
    } catch (failure) {
      setError(failure);
    } finally {
      setPreparing(null);
    }
  };
  const { latest, earlier } = latestFirst(packages);
  const table = (rows: Package[], caption: string) => (
    <CardsTable>
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t('packages.platform')}</th>
          <th scope="col">{t('packages.version')}</th>
          <th scope="col">{t('packages.file')}</th>
          <th scope="col">{t('packages.size')}</th>
          <th scope="col">{t('packages.length')}</th>
          <th scope="col">{t('packages.built')}</th>
          <th scope="col">{t('packages.readiness')}</th>
          <th scope="col">
            <span className="visually-hidden">{t('packages.actions')}</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((pkg) => (
          <tr key={pkg.id}>
            <th scope="row">{t(`estimate:platformNames.${pkg.platform}`)}</th>
            <td data-label={t('packages.version')}>{t('packages.versionNumber', { version: pkg.version })}</td>
            <td className="mono" data-label={t('packages.file')}>
              {pkg.fileName}
            </td>
            <td data-label={t('packages.size')}>{format.bytes(pkg.bytes)}</td>
            <td data-label={t('packages.length')}>{format.duration(pkg.totalDurationSec)}</td>
            <td data-label={t('packages.built')}>{format.dateTime(pkg.createdAt)}</td>
            <td data-label={t('packages.readiness')}>
              <Badge tone={pkg.readiness.passed ? 'success' : 'danger'}>
                {pkg.readiness.passed ? t('readiness.passed') : t('packages.notReady')}
              </Badge>
            </td>
            <td>
              {pkg.expired ? (
                <span className="small muted">{t('packages.expired')}</span>
              ) : (
                canDownload && (
                  <button
                    type="button"
                    className="button button--small"
                    onClick={() => void download(pkg)}
                    disabled={preparing === pkg.id}
                    aria-label={t('packages.downloadLabel', { file: pkg.fileName, version: pkg.version })}
                  >
                    {preparing === pkg.id ? t('packages.preparing') : t('packages.download')}
                  </button>
                )
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </CardsTable>
  );
  return (
    <section className="card" aria-labelledby="package-list">
      <h3 id="package-list" className="card__title">
        {t('packages.title')}
      </h3>
      {table(latest, t('packages.latestCaption'))}
      {earlier.length > 0 && (
        <details className="package-list__earlier">
          <summary>{t('packages.earlier', { count: earlier.length })}</summary>
          {table(earlier, t('packages.earlierCaption'))}
        </details>
      )}
      <p className="small muted package-list__status" role="status">
        {started && t('packages.started', { file: started })}
      </p>
      {error !== null && <Alert tone="error">{errorText(error)}</Alert>}
    </section>
  );
}

/** Each retailer's highest version, in the order the packages came (newest first), and every other version after. */
function latestFirst(packages: Package[]): { latest: Package[]; earlier: Package[] } {
  const newest = new Map<string, Package>();
  for (const pkg of packages) {
    const kept = newest.get(pkg.platform);
    if (!kept || pkg.version > kept.version) newest.set(pkg.platform, pkg);
  }
  const isLatest = (pkg: Package) => newest.get(pkg.platform) === pkg;
  return { latest: packages.filter(isLatest), earlier: packages.filter((pkg) => !isLatest(pkg)) };
}
