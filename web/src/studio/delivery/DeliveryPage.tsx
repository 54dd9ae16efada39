import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { canOnProject } from '../../api/me';
import { PLATFORMS, usePackages, type Package } from '../../api/production';
import { Alert } from '../../ui/Alert';
import { useErrorText } from '../../ui/errorText';
import { Loading } from '../../ui/Loading';
import { ChangedChapters } from '../production/ChapterChanges';
import { chaptersToProduce } from '../deliveryState';
import { useStudio } from '../StudioContext';
import { PackageList } from './PackageList';
import { PackagePreviews } from './PackagePreviews';
import { ReadinessReport } from './ReadinessReport';
import '../../styles/studio2.css';

/** Every package to download; below, per retailer, the newest package's readiness rule by rule and its previews. */
export function DeliveryPage() {
  const { project, me, status } = useStudio();
  const { t } = useTranslation('delivery');
  const errorText = useErrorText();
  const packages = usePackages(project.id);
  if (packages.isPending) return <Loading />;
  if (packages.isError) return <Alert tone="error">{errorText(packages.error)}</Alert>;
  const latest = PLATFORMS.map((platform) => packages.data.find((pkg) => pkg.platform === platform)).filter(
    (pkg): pkg is Package => pkg !== undefined,
  );
  // Export follows the project's "generate audio" rights: admins and the owner.
  const canDownload = canOnProject(me, project, 'projects.update');
  // A production of a selection builds packages of the chapters with audio only: delivered as they are, the book
  // would end early. Said before the download buttons, with the way to the rest.
  const toProduce = chaptersToProduce(status.facts);
  const mastered = status.facts?.chaptersMastered ?? 0;
  const partial = mastered > 0 && mastered < toProduce;
  // Packages are built at the end of a production: while the first one runs, "no package yet" read as if none were
  // coming.
  const producing = status.activeJob?.kind === 'produce';
  return (
    <div className="step-page">
      <header className="step-page__header">
        <h2>{t('title')}</h2>
        <p className="muted">{t('intro')}</p>
      </header>
      {latest.length === 0 ? (
        <Alert tone="info">
          {producing ? t('building') : t('none')}{' '}
          <Link to={`/projects/${encodeURIComponent(project.id)}/production`}>
            {producing ? t('followProduction') : t('toProduction')}
          </Link>
        </Alert>
      ) : (
        <>
          {partial && (
            <Alert tone="warning">
              {t('partial', { done: mastered, total: toProduce, count: toProduce - mastered })}{' '}
              <Link to={`/projects/${encodeURIComponent(project.id)}/production`}>{t('produceTheRest')}</Link>
            </Alert>
          )}
          <ChangedChapters
            projectId={project.id}
            chapters={status.chapters ?? []}
            packages={packages.data}
            linkToProduction
          />
          {/* What can be sent, and whether each is ready, before the dozen rules of each retailer: on a phone the
              rules run to thousands of pixels. */}
          <PackageList projectId={project.id} packages={packages.data} canDownload={canDownload} />
          {latest.map((pkg) => (
            <div key={pkg.id} className="delivery__platform">
              <ReadinessReport pkg={pkg} headingId={`readiness-${pkg.platform}`} />
              <PackagePreviews projectId={project.id} pkg={pkg} />
            </div>
          ))}
        </>
      )}
    </div>
  );
}
