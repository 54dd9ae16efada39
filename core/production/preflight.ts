/**
 * Before a production job spends anything: what would stop it, and what it would have to leave out. Blocking problems
 * (a chapter not planned, a line without a speaker, a speaker without a voice, a voice the engine does not offer, a
 * line too long for one synthesis request) refuse the job; warnings describe what a job that runs would skip (lines or
 * whole chapters with nothing to speak) or which retailer rules its packages would fail (no cover, no ISBN). Pure; the pipeline reads the documents and acts on the findings.
 */
import { isValidIsbn } from '../projects/isbn';
import { RETAIL_SPECS } from '../audio/retailSpecs';
import type { ChapterRecord, CharacterRecord, SegmentRecord } from '../book/records';
import { UNKNOWN_SPEAKER } from '../book/records';
import { NARRATOR_ID } from '../characters/character';
import { DomainError } from '../errors';
import type { PackagePlatform } from '../packaging/types';
import { hasUnspokenPart, spokenPart } from '../planning/speakable';
import { SSML_LIMITS } from '../ssml/planRequests';
import { hasSpeakableText } from '../ssml/text';
import { toSpokenForm } from '../speech/normalize';

export interface ChapterPlanSummary {
  chapter: Pick<ChapterRecord, 'id' | 'title' | 'planStatus' | 'deleted'>;
  segmentCount: number;
  unknownSpeakerSegments: number;
  /** Speaker ids of dialogue segments in the chapter. */
  speakerIds: string[];
}

export type PreflightProblemCode =
  | 'no_chapters'
  | 'chapter_not_planned'
  | 'chapter_empty'
  | 'unknown_speakers'
  | 'voice_missing'
  | 'voice_unavailable'
  | 'segment_too_long'
  | 'nothing_to_speak'
  | 'chapter_silent'
  | 'cover_missing'
  | 'isbn_missing';

/** `blocking`: production is refused before anything is spent. `warning`: it runs, and this is what it leaves out. */
export type ProblemSeverity = 'blocking' | 'warning';

export interface PreflightProblem {
  code: PreflightProblemCode;
  severity: ProblemSeverity;
  message: string;
  chapterId?: string;
  segmentId?: string;
  characterId?: string;
  platform?: PackagePlatform;
}

export interface PreflightOptions {
  /** Let lines without a known speaker be read by the narrator. */
  allowUnknownSpeakers?: boolean;
}

export function findPlanProblems(
  chapters: ChapterPlanSummary[],
  characters: Pick<CharacterRecord, 'characterId' | 'name' | 'voice'>[],
  options: PreflightOptions = {},
): PreflightProblem[] {
  const problems: PreflightProblem[] = [];
  const live = chapters.filter((c) => !c.chapter.deleted);
  if (live.length === 0)
    problems.push({ code: 'no_chapters', severity: 'blocking', message: 'The project has no chapters to produce' });
  const speakers = new Set<string>([NARRATOR_ID]);
  for (const { chapter, segmentCount, unknownSpeakerSegments, speakerIds } of live) {
    if (chapter.planStatus !== 'planned') {
      problems.push({
        code: 'chapter_not_planned',
        severity: 'blocking',
        chapterId: chapter.id,
        message: `Chapter "${chapter.title}" is ${chapter.planStatus === 'stale' ? 'out of date' : 'not planned'}; plan it first`,
      });
    } else if (segmentCount === 0) {
      problems.push({
        code: 'chapter_empty',
        severity: 'blocking',
        chapterId: chapter.id,
        message: `Chapter "${chapter.title}" has no segments`,
      });
    }
    if (unknownSpeakerSegments > 0) {
      problems.push({
        code: 'unknown_speakers',
        severity: options.allowUnknownSpeakers ? 'warning' : 'blocking',
        chapterId: chapter.id,
        message: `Chapter "${chapter.title}" has ${unknownSpeakerSegments} line(s) without a known speaker${
          options.allowUnknownSpeakers ? '; the narrator reads them' : ''
        }`,
      });
    }
    for (const id of speakerIds) if (id !== UNKNOWN_SPEAKER) speakers.add(id);
  }
  const byId = new Map(characters.map((c) => [c.characterId, c]));
  for (const id of [...speakers].sort()) {
    const character = byId.get(id);
    if (!character?.voice) {
      problems.push({
        code: 'voice_missing',
        severity: 'blocking',
        characterId: id,
        message: `${character?.name ?? id} has no voice; cast voices first`,
      });
    }
  }
  return problems;
}

/** Cast voices the engine's catalog no longer offers (a cast made for another engine, a voice withdrawn). */
export function findVoiceProblems(
  characters: Pick<CharacterRecord, 'characterId' | 'name' | 'voice'>[],
  catalog: ReadonlySet<string>,
): PreflightProblem[] {
  return characters
    .filter((c) => c.voice && !catalog.has(c.voice.voiceName))
    .map((c) => ({
      code: 'voice_unavailable',
      severity: 'blocking',
      characterId: c.characterId,
      message: `${c.name}'s voice "${c.voice!.voiceName}" is not offered by the speech engine; cast another voice`,
    }));
}

/** Markup around one segment's text in its request (speak, voice, prosody, style); generous on purpose. */
const REQUEST_OVERHEAD_BYTES = 1024;
/** Characters of a segment quoted in a problem or in a job's list of skipped lines. */
export const EXCERPT_CHARS = 80;

export type SegmentForPreflight = Pick<SegmentRecord, 'id' | 'index' | 'kind' | 'text' | 'unspokenChars'>;

/** The spoken form of each segment, as production will send it (see core/production/speechPlan.ts). */
function spokenFormOf(segment: SegmentForPreflight, language: string): string {
  return toSpokenForm(spokenPart(segment), language, { isHeading: segment.kind === 'heading' }).trim();
}

function tooLongForOneRequest(spoken: string): boolean {
  const seconds = (Array.from(spoken).length / SSML_LIMITS.charsPerMinute) * 60;
  // Escaping can grow a character to six bytes ("&quot;"); count the worst case for the markup characters.
  const bytes = Buffer.byteLength(spoken, 'utf8') + 5 * (spoken.match(/[<>&"']/g)?.length ?? 0);
  return seconds > SSML_LIMITS.maxAudioSeconds || bytes + REQUEST_OVERHEAD_BYTES > SSML_LIMITS.maxBytes;
}

/**
 * Lines of one chapter production would have to skip (nothing to speak) or could not send (too long for a request),
 * judged on what each says: a script's speaker label is never said, so it is not counted towards a request's size, and
 * a label alone is silent on purpose, not a line skipped. A chapter where nothing at all is speakable is reported
 * once, as skipped whole.
 */
export function findSegmentProblems(
  chapter: Pick<ChapterRecord, 'id' | 'title'>,
  segments: SegmentForPreflight[],
  language: string,
): PreflightProblem[] {
  const silent: PreflightProblem[] = [];
  const tooLong: PreflightProblem[] = [];
  let said = 0;
  for (const segment of segments) {
    const spoken = spokenFormOf(segment, language);
    const where = `line ${segment.index + 1} of "${chapter.title}"`;
    if (!hasSpeakableText(spoken)) {
      if (hasUnspokenPart(segment)) continue;
      silent.push({
        code: 'nothing_to_speak',
        severity: 'warning',
        chapterId: chapter.id,
        segmentId: segment.id,
        message: `Nothing to speak in ${where} (${JSON.stringify(segment.text.trim().slice(0, EXCERPT_CHARS))}); production skips it`,
      });
      continue;
    }
    said++;
    if (tooLongForOneRequest(spoken)) {
      tooLong.push({
        code: 'segment_too_long',
        severity: 'blocking',
        chapterId: chapter.id,
        segmentId: segment.id,
        message: `${where} is too long for one synthesis request (${SSML_LIMITS.maxAudioSeconds / 60} minutes of speech or ${SSML_LIMITS.maxBytes / 1024} KB); split it`,
      });
    }
  }
  if (segments.length > 0 && said === 0) {
    return [
      {
        code: 'chapter_silent',
        severity: 'warning',
        chapterId: chapter.id,
        message: `Chapter "${chapter.title}" has nothing to speak; production leaves it out`,
      },
    ];
  }
  return [...silent, ...tooLong];
}

/** What each requested retailer's readiness rules would refuse because of the project's own data. */
export function findPackageProblems(
  project: { cover: unknown; metadata: { isbn?: string | null } },
  platforms: readonly PackagePlatform[],
): PreflightProblem[] {
  const problems: PreflightProblem[] = [];
  for (const platform of platforms) {
    const spec = RETAIL_SPECS[platform];
    const fails = (code: PreflightProblemCode, what: string) =>
      problems.push({
        code,
        severity: 'warning',
        platform,
        message: `${what}: the ${spec.label} package will be built but fail that retailer's rule`,
      });
    if (!project.cover) fails('cover_missing', 'No cover art');
    const isbn = project.metadata.isbn;
    if (spec.isbnRequired && !(isbn && isValidIsbn(isbn))) fails('isbn_missing', 'No valid ISBN');
  }
  return problems;
}

export function blockingProblems(problems: PreflightProblem[]): PreflightProblem[] {
  return problems.filter((problem) => problem.severity === 'blocking');
}

/** A line or a chapter a production left out, as its job result lists it. */
export interface SkippedItem {
  chapterId: string;
  segmentId?: string;
  reason: 'nothing_to_speak';
  /** The text as written, shortened. */
  text?: string;
}

export class PlanIncompleteError extends DomainError {
  constructor(problems: PreflightProblem[]) {
    super(
      'unprocessable',
      `The plan is not ready for production: ${problems
        .slice(0, 3)
        .map((p) => p.message)
        .join('; ')}${problems.length > 3 ? ` (and ${problems.length - 3} more)` : ''}`,
      { reason: 'plan_incomplete', problems: problems.slice(0, 50) },
    );
  }
}
