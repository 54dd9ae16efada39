import { useCallback, useLayoutEffect, useRef, useState } from 'react';
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
  const hidden = useHiddenSteps(list);
  const page = (direction: 1 | -1) => {
    const row = list.current;
    row?.scrollBy?.({ left: direction * row.clientWidth * 0.8, behavior: 'smooth' });
  };
  return (
    <nav className="step-nav" aria-labelledby="step-nav-title">
      <h2 id="step-nav-title" className="step-nav__title">
        {t('nav.title')}
      </h2>
      <div className="step-nav__row">
        {hidden.before && (
          // The links stay reachable by keyboard (a focused step is scrolled in): these are for a finger or a mouse.
          <button
            type="button"
            tabIndex={-1}
            className="step-nav__more step-nav__more--before"
            aria-label={t('nav.earlier')}
            title={t('nav.earlier')}
            onClick={() => page(-1)}
          >
            <span aria-hidden="true">‹</span>
          </button>
        )}
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
        {hidden.after && (
          <button
            type="button"
            tabIndex={-1}
            className="step-nav__more step-nav__more--after"
            aria-label={t('nav.later')}
            title={t('nav.later')}
            onClick={() => page(1)}
          >
            <span aria-hidden="true">›</span>
          </button>
        )}
      </div>
    </nav>
  );
}

/**
 * Whether steps lie beyond either end of the row. On a narrow screen the steps are one row that scrolls sideways, and
 * a phone shows no scrollbar: the step at the edge was cut mid-word with nothing saying the row went on. The page
 * shows an arrow on each side that has more.
 */
function useHiddenSteps(list: React.RefObject<HTMLOListElement | null>): { before: boolean; after: boolean } {
  const [hidden, setHidden] = useState({ before: false, after: false });
  const measure = useCallback(() => {
    const row = list.current;
    if (!row) return;
    // A pixel of slack: a row scrolled to its end may stop a fraction short of it.
    const before = row.scrollLeft > 1;
    const after = row.scrollLeft + row.clientWidth < row.scrollWidth - 1;
    setHidden((was) => (was.before === before && was.after === after ? was : { before, after }));
  }, [list]);
  useLayoutEffect(() => {
    const row = list.current;
    if (!row) return undefined;
    measure();
    row.addEventListener('scroll', measure, { passive: true });
    const resized = typeof ResizeObserver === 'undefined' ? undefined : new ResizeObserver(measure);
    resized?.observe(row);
    for (const item of row.children) resized?.observe(item);
    return () => {
      row.removeEventListener('scroll', measure);
      resized?.disconnect();
    };
  }, [list, measure]);
  return hidden;
}

/** The width of the arrows over the ends of the row (`.step-nav__more` in studio.css). */
const ARROW_REMS = 2.75;

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
    // The arrows over the row's ends hide what is under them: a step there read as cut ("ningún paquete cumple las
    // reglas de su t…" on a phone), so only the part between them counts as shown.
    const arrow = ARROW_REMS * parseFloat(getComputedStyle(document.documentElement).fontSize || '16');
    if (step.left >= row.left + arrow && step.right <= row.right - arrow) return;
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
