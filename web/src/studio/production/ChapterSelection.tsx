import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChapterSummary } from '../../api/types';
import { chapterMatches } from '../chapterSearch';

/**
 * The chapters a production of "a selection" makes, chosen in a long book as a person thinks of them: a range
 * ("chapters 12 to 40"), the chapters without audio, a search by title or number, and one by one. A chapter's number
 * is its place among the live chapters. Searching only narrows the list shown: chapters chosen and hidden by the
 * search stay chosen, and the count of chosen chapters stays in view above the list.
 */
export function ChapterSelection({
  chapters,
  selected,
  onChange,
}: {
  chapters: ChapterSummary[];
  selected: ReadonlySet<string>;
  onChange(selected: Set<string>): void;
}) {
  const { t } = useTranslation('production');
  const [query, setQuery] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const numbered = chapters.map((chapter, index) => ({ chapter, number: index + 1 }));
  const shown = numbered.filter(({ chapter, number }) => chapterMatches(query, chapter.title, number));
  const withoutAudio = chapters.filter((chapter) => !chapter.hasMaster);
  const first = Number(from);
  const last = Number(to);
  const rangeValid =
    Number.isInteger(first) && Number.isInteger(last) && first >= 1 && first <= last && last <= chapters.length;
  const chosen = chapters.filter((chapter) => selected.has(chapter.id)).length;
  const add = (ids: string[]) => onChange(new Set([...selected, ...ids]));

  return (
    <div className="chapter-selection">
      <p className="chapter-selection__count" role="status">
        {t('selection.count', { selected: chosen, count: chapters.length })}
      </p>
      <div className="button-row button-row--compact">
        {withoutAudio.length > 0 && withoutAudio.length < chapters.length && (
          // A book produced in part is finished by producing the rest: one choice, not a click per chapter.
          <button
            type="button"
            className="button button--secondary button--small"
            onClick={() => onChange(new Set(withoutAudio.map((chapter) => chapter.id)))}
          >
            {t('start.selectWithoutAudio', { count: withoutAudio.length })}
          </button>
        )}
        {chosen > 0 && (
          <button type="button" className="button button--secondary button--small" onClick={() => onChange(new Set())}>
            {t('selection.clear')}
          </button>
        )}
      </div>
      <fieldset className="chapter-selection__range">
        <legend className="small">{t('selection.range.legend')}</legend>
        {/* The two bounds stay on one line: wrapped apart, "to" ended one line and its field began the next. */}
        <span className="chapter-selection__bounds">
          <label htmlFor="selection-from">{t('selection.range.from')}</label>
          <input
            id="selection-from"
            type="number"
            inputMode="numeric"
            min={1}
            max={chapters.length}
            value={from}
            onChange={(event) => setFrom(event.target.value)}
          />
          <label htmlFor="selection-to">{t('selection.range.to')}</label>
          <input
            id="selection-to"
            type="number"
            inputMode="numeric"
            min={1}
            max={chapters.length}
            value={to}
            onChange={(event) => setTo(event.target.value)}
          />
        </span>
        <button
          type="button"
          className="button button--secondary button--small"
          disabled={!rangeValid}
          onClick={() => add(chapters.slice(first - 1, last).map((chapter) => chapter.id))}
        >
          {rangeValid ? t('selection.range.add', { from: first, to: last }) : t('selection.range.addAny')}
        </button>
      </fieldset>
      <div className="field field--inline chapter-selection__search">
        <label htmlFor="selection-search">{t('selection.search.label')}</label>
        <input
          id="selection-search"
          type="search"
          value={query}
          placeholder={t('selection.search.placeholder')}
          onChange={(event) => setQuery(event.target.value)}
        />
        {query.trim() !== '' && shown.length > 0 && (
          <button
            type="button"
            className="button button--secondary button--small"
            onClick={() => add(shown.map(({ chapter }) => chapter.id))}
          >
            {t('selection.search.selectShown', { count: shown.length })}
          </button>
        )}
      </div>
      {query.trim() !== '' && shown.length === 0 && (
        <p className="small muted">{t('selection.search.none', { query: query.trim() })}</p>
      )}
      <ul className="plain-list chapter-picker" aria-label={t('start.pickChapters')}>
        {shown.map(({ chapter, number }) => (
          // The number is drawn beside the title (CSS), so the label stays the chapter's own title.
          <li key={chapter.id} data-number={number}>
            <label className="checkbox">
              <input
                type="checkbox"
                checked={selected.has(chapter.id)}
                onChange={(event) => {
                  const next = new Set(selected);
                  if (event.target.checked) next.add(chapter.id);
                  else next.delete(chapter.id);
                  onChange(next);
                }}
              />
              {chapter.title}
            </label>
          </li>
        ))}
      </ul>
    </div>
  );
}
