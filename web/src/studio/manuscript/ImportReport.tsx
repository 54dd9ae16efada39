import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { ChapterSummary, Manuscript } from '../../api/types';
import { FileNoteText } from '../../ui/FileNoteText';
import { useFormat } from '../../ui/format';

/** A whole book can leave many doubts; the first ones show at once, the rest on request. */
const DOUBTS_SHOWN_FIRST = 20;

type ChapterWarning = NonNullable<ChapterSummary['detection']>['warnings'][number];

/** The book's own terms for what was kept, in the order a book has them; every other type counts as a chapter. */
type BookPart = 'front' | 'part' | 'chapter' | 'back';
const BOOK_PARTS: BookPart[] = ['front', 'part', 'chapter', 'back'];
const PART_OF_TYPE: Partial<Record<ChapterSummary['chapterType'], BookPart>> = {
  title_page: 'front',
  half_title: 'front',
  copyright: 'front',
  dedication: 'front',
  epigraph: 'front',
  contents: 'front',
  also_by: 'front',
  front_matter: 'front',
  preface: 'front',
  introduction: 'front',
  part: 'part',
  afterword: 'back',
  acknowledgments: 'back',
  about_the_author: 'back',
  credits: 'back',
  colophon: 'back',
  back_matter: 'back',
};

function countBookParts(chapters: ChapterSummary[]): [BookPart, number][] {
  const counts = new Map<BookPart, number>();
  for (const chapter of chapters) {
    const part = PART_OF_TYPE[chapter.chapterType] ?? 'chapter';
    counts.set(part, (counts.get(part) ?? 0) + 1);
  }
  return BOOK_PARTS.flatMap((part) => (counts.has(part) ? [[part, counts.get(part) ?? 0] as [BookPart, number]] : []));
}

interface Doubt {
  chapter: ChapterSummary;
  warning: ChapterWarning;
}

/**
 * What the import found and doubted, so a producer knows what to check before casting: how the chapters were found
 * and with what confidence, what was kept in the book's terms (front matter, parts, chapters, back matter), what was
 * left out of production with the way to restore it, the notes about the file (said in the producer's language
 * from their codes) and each chapter detection doubted, linked to the chapter to fix it in.
 */
export function ImportReport({
  manuscript,
  chapters,
  chapterHref,
  leftOutHref,
}: {
  manuscript: Manuscript;
  /** Undefined while they load: the doubts are not said to be none before they are known. */
  chapters: ChapterSummary[] | undefined;
  chapterHref(chapter: ChapterSummary): string;
  /** Where the sections left out of production are listed, each with its restore button. */
  leftOutHref: string;
}) {
  const { t } = useTranslation('manuscript');
  const format = useFormat();
  const [showAll, setShowAll] = useState(false);
  const report = manuscript.chapterReport;
  const doubts: Doubt[] = (chapters ?? []).flatMap((chapter) =>
    (chapter.detection?.warnings ?? []).map((warning) => ({ chapter, warning })),
  );
  const shown = showAll ? doubts : doubts.slice(0, DOUBTS_SHOWN_FIRST);
  const notes = manuscript.notes;
  const kept = chapters ? countBookParts(chapters.filter((chapter) => !chapter.deleted)) : [];
  if (!report && notes.length === 0) return null;

  return (
    <section className="card import-report" aria-labelledby="import-report-title">
      <h3 id="import-report-title" className="card__title">
        {t('report.title')}
      </h3>
      {report && (
        <dl className="facts">
          <dt>{t('report.sections')}</dt>
          <dd>{t('report.found', { count: report.sections, source: t(`report.sources.${report.source}`) })}</dd>
          <dt>{t('report.confidence')}</dt>
          <dd>{format.percent(report.confidence)}</dd>
          {kept.length > 0 && (
            <>
              <dt>{t('report.keptLabel')}</dt>
              <dd>{format.list(kept.map(([part, count]) => t(`report.kept.${part}`, { count })))}</dd>
            </>
          )}
          {report.notSpoken > 0 && (
            <>
              <dt>{t('report.notSpokenLabel')}</dt>
              <dd>
                {t('report.notSpoken', { count: report.notSpoken })} ·{' '}
                <Link to={leftOutHref}>{t('report.restore')}</Link>
              </dd>
            </>
          )}
        </dl>
      )}

      {notes.length > 0 && (
        <>
          <h4 className="import-report__heading">{t('current.warnings', { count: notes.length })}</h4>
          <ul className="import-report__list">
            {notes.map((note, index) => (
              <li key={index}>
                <FileNoteText note={note} />
              </li>
            ))}
          </ul>
        </>
      )}

      {chapters && <h4 className="import-report__heading">{t('report.doubtsTitle', { count: doubts.length })}</h4>}
      {!chapters ? null : doubts.length === 0 ? (
        <p className="muted">{t('report.noDoubts')}</p>
      ) : (
        <ul className="import-report__list">
          {shown.map(({ chapter, warning }, index) => (
            <li key={`${chapter.id}-${index}`}>
              <Link to={chapterHref(chapter)}>{chapter.title}</Link>
              {': '}
              {t(`report.doubts.${warning.code}`, { words: chapter.stats.words, line: warning.line ?? '' })}
            </li>
          ))}
        </ul>
      )}
      {doubts.length > shown.length && (
        <button type="button" className="button button--secondary" onClick={() => setShowAll(true)}>
          {t('report.showAll', { count: doubts.length })}
        </button>
      )}
    </section>
  );
}
