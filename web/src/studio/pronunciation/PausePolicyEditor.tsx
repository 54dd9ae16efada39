import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { pauseBoundaries, PAUSE_BOUNDS_MS } from '@core/planning/pausePolicy';
import { ApiError } from '../../api/client';
import { usePausePolicy, useSavePausePolicy } from '../../api/lexicon';
import type { PausePolicy } from '../../api/types';
import { Alert } from '../../ui/Alert';
import { useErrorText } from '../../ui/errorText';
import { useFormat } from '../../ui/format';
import { Loading } from '../../ui/Loading';
import { useToast } from '../../ui/Toasts';
import { useValuesDraft } from '../../ui/useTextDraft';
import { useStudio } from '../StudioContext';

type Boundary = (typeof pauseBoundaries)[number];

/** Silence after each kind of boundary, in milliseconds; a value equal to the default is not stored as an override. */
export function PausePolicyEditor() {
  const { project, access } = useStudio();
  const policy = usePausePolicy(project.id);
  if (policy.isPending) return <Loading />;
  if (!policy.data) return null;
  return <PausePolicyForm policy={policy.data} canEdit={access.canEdit} />;
}

/** The pauses as the form's fields hold them, as text by boundary. */
const asFields = (values: Record<Boundary, number>) =>
  Object.fromEntries(pauseBoundaries.map((b) => [b, String(values[b])])) as Record<Boundary, string>;
const asValues = (fields: Record<Boundary, string>) =>
  Object.fromEntries(pauseBoundaries.map((b) => [b, Number(fields[b])])) as Record<Boundary, number>;

function PausePolicyForm({ policy, canEdit }: { policy: PausePolicy; canEdit: boolean }) {
  const { project } = useStudio();
  const { t } = useTranslation('pronunciation');
  const format = useFormat();
  const errorText = useErrorText();
  const toast = useToast();
  const save = useSavePausePolicy(project.id);
  // The form stays while the policy is saved or read again (a new ETag, or after a refused save): each value being
  // typed is kept unless someone else changed that pause, whose value then shows with the conflict notice.
  const [overruled, setOverruled] = useState(false);
  const draft = useValuesDraft(asFields(policy.effective), () => setOverruled(true));
  const values = asValues(draft.values);
  const setValues = (next: Record<Boundary, number>) => draft.edit(asFields(next));
  const invalid = pauseBoundaries.filter(
    (boundary) =>
      !Number.isInteger(values[boundary]) ||
      values[boundary] < PAUSE_BOUNDS_MS.min ||
      values[boundary] > PAUSE_BOUNDS_MS.max,
  );
  const conflict = (save.error instanceof ApiError && save.error.status === 412) || overruled;
  return (
    <section className="card" aria-labelledby="pauses-title">
      <h3 id="pauses-title" className="card__title">
        {t('pauses.title')}
      </h3>
      <p className="muted small">{t('pauses.intro')}</p>
      <div className="form__grid form__grid--three form__grid--aligned">
        {pauseBoundaries.map((boundary) => (
          <div key={boundary} className={`field${invalid.includes(boundary) ? ' field--invalid' : ''}`}>
            <label htmlFor={`pause-${boundary}`}>{t(`pauses.boundaries.${boundary}`)}</label>
            <input
              id={`pause-${boundary}`}
              type="number"
              min={PAUSE_BOUNDS_MS.min}
              max={PAUSE_BOUNDS_MS.max}
              step={50}
              value={values[boundary]}
              disabled={!canEdit}
              aria-describedby={`pause-${boundary}-hint`}
              aria-invalid={invalid.includes(boundary) ? true : undefined}
              onChange={(event) => setValues({ ...values, [boundary]: Number(event.target.value) })}
            />
            <p id={`pause-${boundary}-hint`} className="field__hint">
              {t('pauses.default', { value: format.number(policy.defaults[boundary]) })}
            </p>
          </div>
        ))}
      </div>
      {invalid.length > 0 && (
        <Alert tone="error">
          {t('pauses.range', { min: format.number(PAUSE_BOUNDS_MS.min), max: format.number(PAUSE_BOUNDS_MS.max) })}
        </Alert>
      )}
      {(save.error ?? conflict) && (
        <Alert tone={conflict ? 'warning' : 'error'}>{conflict ? t('pauses.conflict') : errorText(save.error)}</Alert>
      )}
      {canEdit && (
        <div className="button-row">
          <button
            type="button"
            className="button button--primary"
            disabled={invalid.length > 0 || save.isPending}
            onClick={() => {
              const overrides = Object.fromEntries(
                pauseBoundaries.filter((b) => values[b] !== policy.defaults[b]).map((b) => [b, values[b]]),
              );
              draft.sent(asFields(values));
              setOverruled(false);
              save.mutate({ overrides, etag: policy.etag }, { onSuccess: () => toast.show(t('pauses.saved')) });
            }}
          >
            {t('pauses.save')}
          </button>
          <button type="button" className="button button--secondary" onClick={() => setValues({ ...policy.defaults })}>
            {t('pauses.reset')}
          </button>
        </div>
      )}
    </section>
  );
}
