import { useTranslation } from 'react-i18next';
import type { WorkflowView } from '../api/types';

export function WorkflowSteps({ workflow }: { workflow: WorkflowView }) {
  const { t } = useTranslation('projects');
  return (
    <ol className="workflow" aria-label={t('workflow.title')}>
      {workflow.steps.map(({ step, state, detail }, index) => {
        const current = step === workflow.currentStep;
        return (
          <li
            key={step}
            className={`workflow__step workflow__step--${state}`}
            aria-current={current ? 'step' : undefined}
          >
            <span className="workflow__marker" aria-hidden="true">
              {state === 'complete' ? '✓' : index + 1}
            </span>
            <span className="workflow__text">
              <span className="workflow__name">{t(`workflow.steps.${step}`)}</span>
              <span className="workflow__state">{t(`workflow.states.${state}`)}</span>
              {detail && <span className="workflow__detail">{detail}</span>}
            </span>
          </li>
        );
      })}
    </ol>
  );
}
