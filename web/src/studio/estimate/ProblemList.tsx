import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { ProductionEstimate } from '../../api/types';
import { Badge } from '../../ui/Badge';

export type Problem = ProductionEstimate['problems'][number];

const PROBLEM_CODES = [
  'no_chapters',
  'chapter_not_planned',
  'chapter_empty',
  'unknown_speakers',
  'voice_missing',
  'voice_unavailable',
  'nothing_to_speak',
  'segment_too_long',
  'chapter_silent',
  'cover_missing',
  'isbn_missing',
] as const;
type ProblemCode = (typeof PROBLEM_CODES)[number];
const isKnown = (code: string): code is ProblemCode => (PROBLEM_CODES as readonly string[]).includes(code);

/** Where in the studio a problem is fixed: the studio page its fields point at, and how the link reads. */
type Place = { to: string; label: 'line' | 'chapter' | 'casting' | 'book' | 'manuscript' };

function placeOf(problem: Problem): Place | null {
  if (problem.chapterId) {
    return {
      to: `plan/${encodeURIComponent(problem.chapterId)}`,
      label: problem.segmentId ? 'line' : 'chapter',
    };
  }
  if (problem.characterId) return { to: 'casting', label: 'casting' };
  if (problem.platform) return { to: '.', label: 'book' };
  if (problem.code === 'no_chapters') return { to: 'manuscript', label: 'manuscript' };
  return null;
}

/**
 * One key per problem, stable across refetches: what it is and where, and for the same problem in the same place
 * (a chapter can have two lines with nothing to speak, told apart only by their segment), its occurrence.
 */
function keysOf(problems: Problem[]): string[] {
  const seen = new Map<string, number>();
  return problems.map((problem) => {
    const base = [problem.code, problem.chapterId, problem.segmentId, problem.characterId, problem.platform].join('|');
    const occurrence = seen.get(base) ?? 0;
    seen.set(base, occurrence + 1);
    return `${base}|${occurrence}`;
  });
}

/**
 * The production preflight's problems, each with its severity (blocking ones refuse the job, warnings say what it
 * leaves out or which retailer rule a package would fail), what it is in the reader's language, and a link to where
 * in the studio it is fixed. A code this build does not know yet shows the server's own (English) message.
 */
export function ProblemList({
  id,
  title,
  empty,
  problems,
  projectId,
  titleOf,
  nameOf,
}: {
  id: string;
  title: string;
  empty?: string;
  problems: Problem[];
  projectId: string;
  titleOf(chapterId?: string): string;
  nameOf(characterId?: string): string;
}) {
  const { t } = useTranslation('estimate');
  const keys = keysOf(problems);
  const studio = `/projects/${encodeURIComponent(projectId)}`;
  const platformName = (problem: Problem) => (problem.platform ? t(`platformNames.${problem.platform}`) : '');

  return (
    <section className="card" aria-labelledby={id}>
      <h3 id={id} className="card__title">
        {title}
      </h3>
      {problems.length === 0 ? (
        <p className="muted">{empty}</p>
      ) : (
        <ul className="plain-list">
          {problems.map((problem, index) => {
            const place = placeOf(problem);
            const chapter = titleOf(problem.chapterId);
            return (
              <li key={keys[index]}>
                <Badge tone={problem.severity === 'blocking' ? 'danger' : 'warning'}>
                  {t(`problems.severity.${problem.severity}`)}
                </Badge>{' '}
                {isKnown(problem.code) ? (
                  t(`problems.codes.${problem.code}`, {
                    chapter,
                    character: nameOf(problem.characterId),
                    platform: platformName(problem),
                  })
                ) : (
                  <>
                    {t('problems.other')} <span lang="en">{problem.message}</span>
                  </>
                )}
                {place && (
                  <>
                    {' '}
                    <Link to={place.to === '.' ? studio : `${studio}/${place.to}`}>
                      {t(`problems.where.${place.label}`, { chapter, platform: platformName(problem) })}
                    </Link>
                  </>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
