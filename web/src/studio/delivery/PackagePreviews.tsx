import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { previewAudioLink, usePackagePreviews, type PreviewRole } from '../../api/listening';
import type { Package } from '../../api/production';
import { Alert } from '../../ui/Alert';
import { useErrorText } from '../../ui/errorText';

/** Listen to what a retailer plays first: the package's retail sample and its opening and closing credits. */
export function PackagePreviews({ projectId, pkg }: { projectId: string; pkg: Package }) {
  const { t } = useTranslation(['delivery', 'estimate']);
  const errorText = useErrorText();
  const previews = usePackagePreviews(projectId, pkg.id);
  const audioRef = useRef<HTMLAudioElement | null>(null);
  const [error, setError] = useState<unknown>(null);
  const items = previews.data?.items ?? [];
  if (items.length === 0) return null;
  const platform = t(`estimate:platformNames.${pkg.platform}`);
  const play = async (role: PreviewRole) => {
    setError(null);
    try {
      const link = await previewAudioLink(projectId, pkg.id, role);
      if (!audioRef.current) return;
      audioRef.current.src = link.url;
      await audioRef.current.play();
    } catch (failure) {
      setError(failure);
    }
  };
  return (
    <div className="previews">
      <p className="small">{t('previews.title', { platform })}</p>
      <div className="button-row button-row--compact">
        {items.map((item) => (
          <button key={item.role} type="button" className="button button--small" onClick={() => void play(item.role)}>
            {t(`previews.roles.${item.role}`)}
          </button>
        ))}
      </div>
      <audio ref={audioRef} controls className="previews__audio" aria-label={t('previews.player', { platform })} />
      {error !== null && <Alert tone="error">{errorText(error)}</Alert>}
    </div>
  );
}
