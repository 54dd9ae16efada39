/**
 * Character detection on the development books (offline engine): recall of the hand-listed main characters, truth
 * characters split into several, detected characters merging several, gender accuracy, spurious characters (matching
 * nobody, with at least SPURIOUS_MIN_LINES attributed lines), the narrator's gender, how many were detected and how
 * long detection took. CHARACTERS_VERBOSE=1 prints the records behind each split, spurious entry and miss
 * (CHARACTERS_VERBOSE=cast also the whole cast).
 */
import { HeuristicCharacterDetection } from '../core/characters/heuristicEngines';
import { BOOK_SLUGS, bookChapters, characterTruth, STORY_SLUGS } from './characters/books';
import { scoreCast, SPURIOUS_MIN_LINES } from './characters/score';
import { verboseReport } from './characters/verbose';
import type { BenchContext, BenchModule, BenchRow } from './types';

const characters: BenchModule = {
  name: 'characters',
  description: `Character detection (heuristic) per development book; spurious = matching no listed character and ≥ ${SPURIOUS_MIN_LINES} lines`,
  async run(context: BenchContext): Promise<BenchRow[]> {
    const engine = new HeuristicCharacterDetection();
    const rows: BenchRow[] = [];
    for (const slug of [...BOOK_SLUGS, ...STORY_SLUGS]) {
      const truth = characterTruth(slug);
      const chapters = await bookChapters(slug, truth.language);
      const started = process.hrtime.bigint();
      const { characters: cast } = await engine.detect({ chapters, language: truth.language });
      const milliseconds = Math.round(Number(process.hrtime.bigint() - started) / 1e6);
      const score = scoreCast(cast, truth);
      context.log(
        `${slug}: missed ${score.missed.join(', ') || '-'}; split ${score.split.join(', ') || '-'}; merged ${
          score.merged.map((m) => `${m.detected} = ${m.truth.join(' + ')}`).join('; ') || '-'
        }; wrong gender ${score.genderWrong.join(', ') || '-'}; spurious ${score.spurious.join(', ') || '-'}`,
      );
      const verbose = context.env.CHARACTERS_VERBOSE;
      if (verbose) verboseReport(slug, score, cast, verbose).forEach((line) => context.log(line));
      rows.push({
        benchmark: 'characters',
        case: `heuristic / ${(STORY_SLUGS as readonly string[]).includes(slug) ? 'story / ' : ''}${slug}`,
        metrics: {
          chapters: chapters.length,
          listed: score.truth,
          recall: score.recall,
          speakerRecall: score.speakers === 0 ? 1 : Math.round((score.speakersRecalled / score.speakers) * 1000) / 1000,
          split: score.split.length,
          merged: score.merged.length,
          genderAccuracy: score.genderAccuracy,
          spurious: score.spurious.length,
          unlisted: score.unlisted.length,
          narratorGender: score.narratorGenderRight ? 'right' : 'wrong',
          detected: score.detected,
          milliseconds,
        },
      });
    }
    return rows;
  },
};

export default characters;
