import { useLayoutEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink, useLocation } from 'react-router-dom';
import { jobFraction } from '../api/jobs';
import { ProgressBar } from '../ui/ProgressBar';
import { studioSteps, type StepView, type StudioStatus } from './steps';

const MARKS: Record<StepView['state'], string> = { done: '✓', running: '…', attention: '!', todo: '' };

/** The workflow steps as the studio's navigation: each a link, with its state in words and live progress. */
export function StepNav({ status }: { status: StudioStatus }) {
  const { t } = useTranslation('studio');
  const steps = studioSteps(status);
  const base = `/projects/${encodeURIComponent(status.project.id)}`;
  const list = useRef<HTMLOListElement>(null);
  const { pathname } = useLocation();
  useLayoutEffect(() => keepCurrentStepShown(list.current), [pathname]);
  useLayoutEffect(() => showFocusedStepWhole(list.current), []);
  return (
    <nav className="step-nav" aria-labelledby="step-nav-title">
      <h2 id="step-nav-title" className="step-nav__title">
        {t('nav.title')}
      </h2>
      <ol ref={list} className="step-nav__list" aria-label={t('nav.title')}>
        {steps.map((step, index) => (
          <li key={step.id} className={`step-nav__item step-nav__item--${step.state}`}>
            <NavLink end to={step.path ? `${base}/${step.path}` : base} className="step-nav__link">
              <span className="step-nav__marker" aria-hidden="true">
                {MARKS[step.state] || index + 1}
              </span>
              <span className="step-nav__text">
                <span className="step-nav__name">{t(`steps.${step.id}`)}</span>
                <span className="step-nav__state">
                  {t(`states.${step.state}`)}
                  {step.detail && <> · {t(`details.${step.detail.key}`, step.detail.values)}</>}
                </span>
                {step.attention && (
                  <span className="step-nav__attention">
                    {t(`attention.${step.attention.key}`, { count: step.attention.count })}
                  </span>
                )}
              </span>
            </NavLink>
            {step.job && (
              <ProgressBar
                label={t('nav.jobProgress', { step: t(`steps.${step.id}`) })}
                value={jobFraction(step.job)}
              />
            )}
          </li>
        ))}
      </ol>
    </nav>
  );
}

/**
 * On a narrow screen the steps are one row that scrolls sideways, which opened on the first two steps whatever the
 * page: the step the producer is on is scrolled to the middle of the row instead (the page itself does not move). The
 * steps widen as their counts arrive, so this holds until the producer scrolls the row themselves.
 */
function keepCurrentStepShown(list: HTMLOListElement | null): (() => void) | undefined {
  if (!list) return undefined;
  const show = () => {
    const current = list.querySelector('[aria-current="page"]')?.closest('li');
    if (!current || list.scrollWidth <= list.clientWidth) return;
    const row = list.getBoundingClientRect();
    const step = current.getBoundingClientRect();
    if (step.left >= row.left && step.right <= row.right) return;
    list.scrollLeft += step.left - row.left - (row.width - step.width) / 2;
  };
  show();
  if (typeof ResizeObserver === 'undefined') return undefined;
  const resized = new ResizeObserver(show);
  for (const item of list.children) resized.observe(item);
  const stop = () => resized.disconnect();
  const touched = ['pointerdown', 'wheel', 'keydown'] as const;
  for (const event of touched) list.addEventListener(event, stop, { once: true, passive: true });
  return () => {
    stop();
    for (const event of touched) list.removeEventListener(event, stop);
  };
}

/**
 * The browser scrolls a focused link into the row only until part of it shows: tabbing along the row on a tablet left
 * the focused step cut at the row's edge, its name half hidden. The whole step is brought in.
 */
function showFocusedStepWhole(list: HTMLOListElement | null): (() => void) | undefined {
  if (!list) return undefined;
  const show = (event: FocusEvent) => {
    // jsdom, under the unit tests, has no scrollIntoView.
    if (event.target instanceof Element) event.target.scrollIntoView?.({ block: 'nearest', inline: 'nearest' });
  };
  list.addEventListener('focusin', show);
  return () => list.removeEventListener('focusin', show);
}
