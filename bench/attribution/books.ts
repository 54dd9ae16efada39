/**
 * Attribution on whole development books, run as production runs them: parse the manuscript, find its chapters,
 * detect the cast over the whole book, segment each chapter and attribute its speakers. The hand-labelled lines of
 * bench/data/books/<slug>/dialogue.json are then found in the book (chapter heading, then the first occurrence of the
 * quote snippet after it), matched to the segment holding them, and the predicted character is compared with the
 * labelled speaker through the names the ground truth lists for that person.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { parseManuscript } from '../../adapters/manuscript';
import { NARRATOR_ID, type Character } from '../../core/characters/character';
import { detectChapters } from '../../core/manuscript/chapters';
import { segmentChapter, type Segment } from '../../core/planning/segmentation';
import { REVIEW_CONFIDENCE } from '../../core/planning/planService';
import type { AttributionEngine, CharacterDetectionEngine, SpeakerLabel } from '../../core/ports/analysis';
import { CONFIDENT, emptyTally, type Tally } from './score';

export const BOOKS_DIR = path.join(__dirname, '..', 'data', 'books');
/** Stories written for the benchmark; those with a dialogue.json are scored here, every chapter held out. */
export const STORIES_DIR = path.join(__dirname, '..', 'data', 'stories');
export const LABELLED_STORIES = [
  'the-ashbys-of-millbrook',
  'the-pryors-of-hadley-green',
  'o-sobrado-dos-sampaios',
  'los-ortega-de-san-clemente',
  'the-whitcombs-of-fairhaven',
  'os-meireles-de-cedofeita',
  'the-hartleys-of-lower-wendham',
  'los-quispe-de-barranco',
  'os-valadares-de-viseu',
  'los-bermejo-de-villar-del-olmo',
  'the-garlands-of-netherby',
  'o-quintal-dos-tavares',
  'the-haddons-of-cedar-falls',
  'los-aranda-de-valdecierzo',
  'the-pennocks-of-tanners-yard',
] as const;
export const DEVELOPMENT_BOOKS = [
  'pride-and-prejudice',
  'a-christmas-carol',
  'dubliners',
  'memorias-postumas-de-bras-cubas',
] as const;

const BookTruthSchema = z.object({
  book: z.string(),
  /** File name of the book in the corpus folder. */
  source: z.string(),
  language: z.string(),
  note: z.string().optional(),
  /** Chapters whose lines were not looked at while the rules were tuned. */
  heldOutChapters: z.array(z.string()),
  speakers: z.record(
    z.string(),
    z.object({ names: z.array(z.string()).min(1), firstPersonNarrator: z.boolean().optional() }),
  ),
  lines: z.array(
    z.object({
      chapter: z.string(),
      quote: z.string().min(1),
      speaker: z.string(),
      /**
       * Labelled after the rules of the held-out part were written and scored apart from both parts, as a second
       * measure on text no rule was fitted to (a line of a held-out chapter may be fresh too).
       */
      fresh: z.boolean().optional(),
      /**
       * Labelled from chapters or passages no other labelled line comes from, before the rules of the unseen part's
       * round were changed: the measure of text nobody tuned for (it wins over fresh and held-out).
       */
      unseen: z.boolean().optional(),
    }),
  ),
});
export type BookTruth = z.infer<typeof BookTruthSchema>;
export type LabelledLine = BookTruth['lines'][number];

export function loadBookTruth(slug: string, dir: string = BOOKS_DIR): BookTruth {
  const raw: unknown = JSON.parse(readFileSync(path.join(dir, slug, 'dialogue.json'), 'utf8'));
  return BookTruthSchema.parse(raw);
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** Words separated by any run of whitespace, so a snippet matches across the book's line breaks. */
const flexible = (text: string) => text.trim().split(/\s+/u).map(escapeRegExp).join('\\s+');

function headingOffsets(text: string, heading: string): number[] {
  const pattern = new RegExp(`^[ \\t]*${flexible(heading)}[ \\t]*$`, 'gmu');
  return [...text.matchAll(pattern)].map((match) => match.index);
}

export interface LocatedLine {
  line: LabelledLine;
  /** Offset of the snippet in the parsed book text. */
  offset: number;
  part: TruthPart;
}

/** Which part of the labelled lines a line belongs to: tuned on, held out, the fresh held-out set, or unseen. */
export type TruthPart = 'tuned' | 'heldOut' | 'fresh' | 'unseen';

export interface Located {
  lines: LocatedLine[];
  problems: string[];
}

/**
 * Finds each labelled line: among the occurrences of its chapter heading (a whole line), the one followed most
 * closely by the snippet; the snippet must occur exactly once between that heading and the next labelled heading.
 */
export function locateLines(text: string, truth: BookTruth): Located {
  const headings = [...new Set(truth.lines.map((line) => line.chapter))];
  const headingsAt = new Map(headings.map((heading) => [heading, headingOffsets(text, heading)]));
  const allHeadings = [...headingsAt.values()].flat().sort((a, b) => a - b);
  const heldOut = new Set(truth.heldOutChapters);
  const lines: LocatedLine[] = [];
  const problems: string[] = [];
  for (const line of truth.lines) {
    const where = `${line.chapter} / ${JSON.stringify(line.quote)}`;
    if (!(line.speaker in truth.speakers)) problems.push(`${where}: unknown speaker ${line.speaker}`);
    const snippet = new RegExp(flexible(line.quote), 'gu');
    let best: { heading: number; at: number } | null = null;
    for (const heading of headingsAt.get(line.chapter) ?? []) {
      snippet.lastIndex = heading;
      const match = snippet.exec(text);
      if (match && (!best || match.index - heading < best.at - best.heading)) best = { heading, at: match.index };
    }
    if (!best) {
      problems.push(`${where}: ${headingsAt.get(line.chapter)?.length ? 'quote' : 'heading'} not found`);
      continue;
    }
    const chapterEnd = allHeadings.find((offset) => offset > best.heading) ?? text.length;
    const count = [...text.slice(best.heading, chapterEnd).matchAll(new RegExp(snippet.source, 'gu'))].length;
    if (count !== 1) {
      problems.push(`${where}: the quote occurs ${count} times in its chapter`);
      continue;
    }
    const part: TruthPart = line.unseen
      ? 'unseen'
      : line.fresh
        ? 'fresh'
        : heldOut.has(line.chapter)
          ? 'heldOut'
          : 'tuned';
    lines.push({ line, offset: best.at, part });
  }
  for (const chapter of truth.heldOutChapters)
    if (!headings.includes(chapter)) problems.push(`held-out chapter ${chapter} has no labelled line`);
  return { lines, problems };
}

const LEADING_WORDS = /^(?:the|my|his|her|our|o|a|os|as|el|la|los|las|meu|minha|seu|sua)\s+/u;

/** Names compare without case, accents, full stops or a leading article/possessive: "Mr. Darcy" = "mr darcy". */
export function normalName(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[’‘`]/gu, "'")
    .replace(/\./gu, ' ')
    .replace(/\s+/gu, ' ')
    .trim()
    .replace(LEADING_WORDS, '');
}

/**
 * Whether a predicted speaker is the labelled person. The book's narrator voice is right for a first-person
 * narrator's lines. A character is right when its name is one of the labelled person's names, or, when its name
 * names nobody in the ground truth, when one of its aliases names the labelled person and none names another.
 */
export function speakerMatches(truth: BookTruth, labelled: string, predicted: Character | undefined): boolean {
  const person = truth.speakers[labelled];
  if (!person || !predicted) return false;
  if (predicted.id === NARRATOR_ID) return person.firstPersonNarrator === true;
  const own = new Set(person.names.map(normalName));
  const name = normalName(predicted.name);
  if (own.has(name)) return true;
  const others = new Set(
    Object.entries(truth.speakers)
      .filter(([key]) => key !== labelled)
      .flatMap(([, other]) => other.names.map(normalName)),
  );
  if (others.has(name)) return false;
  const aliases = predicted.aliases.map(normalName);
  return aliases.some((alias) => own.has(alias)) && !aliases.some((alias) => others.has(alias));
}

export interface Engines {
  characters: CharacterDetectionEngine;
  attribution: AttributionEngine;
}

export interface BookResult {
  /** Labelled lines scored, split into the part used while tuning and the held-out part. */
  development: Tally;
  heldOut: Tally;
  fresh: Tally;
  unseen: Tally;
  /** The whole book's plan. */
  segments: number;
  dialogueSegments: number;
  /** Segments a person would be asked to review (unknown speaker or confidence below the review threshold). */
  flagged: number;
  characters: number;
  problems: string[];
  /** Every labelled line as scored (for calibration by confidence band). */
  scored: ScoredLine[];
  /** Each wrong or unknown labelled line (for reading the failures while tuning). */
  misses: (ScoredLine & { segment: string })[];
}

export interface ScoredLine {
  line: LabelledLine;
  part: TruthPart;
  predicted: string;
  confidence: number;
  right: boolean;
}

interface PlannedSegment {
  segment: Segment;
  chapterStart: number;
  label: SpeakerLabel;
}

/** Runs the production pipeline on one book and scores its labelled lines. */
export async function runBook(truth: BookTruth, corpusDir: string, engines: Engines): Promise<BookResult> {
  const bytes = readFileSync(path.join(corpusDir, truth.source));
  const parsed = await parseManuscript(bytes, { fileName: truth.source });
  const chapters = detectChapters(parsed).map((chapter, index) => ({
    ...chapter,
    id: `${truth.book}-c${index}`,
    text: parsed.text.slice(chapter.startOffset, chapter.endOffset),
  }));
  const detection = await engines.characters.detect({
    chapters: chapters.map((chapter) => ({ id: chapter.id, text: chapter.text, language: truth.language })),
    language: truth.language,
  });
  const cast = new Map(detection.characters.map((character) => [character.id, character]));

  const planned: PlannedSegment[] = [];
  for (const chapter of chapters) {
    const segments = segmentChapter(chapter.text, { headingText: chapter.headingText, language: truth.language });
    const ids = segments.map((segment) => `${chapter.id}-s${segment.index}`);
    const { labels } = await engines.attribution.attribute({
      chapter: { id: chapter.id, language: truth.language },
      segments: segments.map((segment, i) => ({
        id: ids[i],
        kind: segment.kind,
        text: segment.text,
        chapterId: chapter.id,
        index: segment.index,
        boundaryBefore: segment.boundaryBefore,
      })),
      characters: detection.characters,
    });
    const byId = new Map(labels.map((label) => [label.segmentId, label]));
    segments.forEach((segment, i) => {
      const label = byId.get(ids[i]) ?? { segmentId: ids[i], speakerId: 'unknown', confidence: 0 };
      planned.push({ segment, chapterStart: chapter.startOffset, label });
    });
  }

  const located = locateLines(parsed.text, truth);
  const result: BookResult = {
    development: emptyTally(),
    heldOut: emptyTally(),
    fresh: emptyTally(),
    unseen: emptyTally(),
    segments: planned.length,
    dialogueSegments: planned.filter(({ segment }) => segment.kind === 'dialogue').length,
    flagged: planned.filter(({ label }) => label.speakerId === 'unknown' || label.confidence < REVIEW_CONFIDENCE)
      .length,
    characters: detection.characters.length,
    problems: located.problems,
    scored: [],
    misses: [],
  };
  for (const { line, offset, part } of located.lines) {
    const holder = planned.find(
      ({ segment, chapterStart }) =>
        chapterStart + segment.startOffset <= offset && offset < chapterStart + segment.endOffset,
    );
    const tally = { tuned: result.development, heldOut: result.heldOut, fresh: result.fresh, unseen: result.unseen }[
      part
    ];
    tally.segments++;
    const label = holder?.label;
    const known = label !== undefined && label.speakerId !== 'unknown';
    if (!known || label.confidence < REVIEW_CONFIDENCE) tally.flagged++;
    const right = known && speakerMatches(truth, line.speaker, cast.get(label.speakerId));
    const scored: ScoredLine = {
      line,
      part,
      predicted: !known ? 'unknown' : (cast.get(label.speakerId)?.name ?? label.speakerId),
      confidence: known ? label.confidence : 0,
      right,
    };
    result.scored.push(scored);
    if (!right) result.misses.push({ ...scored, segment: holder?.segment.text ?? '' });
    if (!known) continue;
    tally.labelled++;
    if (right) tally.correct++;
    if (label.confidence >= CONFIDENT) {
      tally.confident++;
      if (right) tally.confidentCorrect++;
    }
  }
  return result;
}
