/**
 * Readiness rules about the deliverable as a whole: file and total lengths, the single-file and retail-sample rules,
 * chapter markers, credits, the cover, the ISBN and the digital-voice disclosure.
 */
import { isValidIsbn } from '../projects/isbn';
import {
  atMost,
  quantity,
  rangeSaid,
  readinessValue as value,
  type ReadinessValue,
  type Said,
} from './readinessValues';
import {
  inRange,
  perFile,
  type ChapterMarkers,
  type MeasuredCover,
  type MeasuredDeliverable,
  type ReadinessRule,
} from './readinessReport';
import type { RetailSpec } from './retailSpecs';

export function lengthRules(spec: RetailSpec, deliverable: MeasuredDeliverable): ReadinessRule[] {
  const { files } = deliverable;
  const rules: ReadinessRule[] = [];
  const minutes = (sec: number): Said => quantity(sec / 60, 'min', 1);
  // A book under an hour in hours reads "0.05 h": said in minutes, it is the length a producer recognises.
  const hoursOrMinutes = (sec: number): Said => (sec < 3600 ? minutes(sec) : quantity(sec / 3600, 'h', 2));
  if (spec.maxFileMinutes !== undefined) {
    const max = spec.maxFileMinutes;
    rules.push(
      perFile('file-length', 'Length of each file', files, atMost(max, 'min'), (f) => ({
        ok: f.durationSec <= max * 60,
        said: minutes(f.durationSec),
      })),
    );
  }
  if (spec.maxFileBytes !== undefined) {
    const max = spec.maxFileBytes;
    rules.push(
      perFile('file-size', 'Size of each file', files, atMost(Math.round(max / 1048576), 'MB'), (f) => ({
        ok: f.sizeBytes <= max,
        said: quantity(f.sizeBytes / 1048576, 'MB', 1),
      })),
    );
  }
  const total = files.filter((f) => f.role !== 'retail-sample').reduce((sum, f) => sum + f.durationSec, 0);
  if (spec.maxTotalHours !== undefined) {
    rules.push({
      id: 'total-length',
      description: 'Single track length',
      passed: total < spec.maxTotalHours * 3600,
      measured: hoursOrMinutes(total)[0],
      expected: `< ${spec.maxTotalHours} h`,
      measuredValues: [hoursOrMinutes(total)[1]],
      expectedValue: value.lessThan(spec.maxTotalHours, 'h'),
    });
  }
  if (spec.minTotalMinutes !== undefined) {
    rules.push({
      id: 'total-length',
      description: 'Total running time',
      passed: total >= spec.minTotalMinutes * 60,
      measured: minutes(total)[0],
      expected: `≥ ${spec.minTotalMinutes} min`,
      measuredValues: [minutes(total)[1]],
      expectedValue: value.atLeast(spec.minTotalMinutes, 'min'),
    });
  }
  if (spec.packaging === 'single-m4b') {
    rules.push({
      id: 'single-file',
      description: 'One audio file for the whole book',
      passed: files.length === 1,
      measured: `${files.length} files`,
      expected: '1 file',
      measuredValues: [value.fileCount(files.length)],
      expectedValue: value.fileCount(1),
    });
  }
  if (spec.retailSampleMinutes) {
    const range = spec.retailSampleMinutes;
    const sample = files.find((f) => f.role === 'retail-sample');
    rules.push({
      id: 'retail-sample',
      description: 'Retail sample',
      passed: !!sample && inRange(sample.durationSec / 60, range),
      measured: sample ? minutes(sample.durationSec)[0] : 'missing',
      expected: rangeSaid(range, 'min')[0],
      measuredValues: [sample ? minutes(sample.durationSec)[1] : value.state('missing')],
      expectedValue: rangeSaid(range, 'min')[1],
    });
  }
  return rules;
}

/**
 * A book's chapter marks, counted against what the package holds: one titled mark for each of its chapters and credits
 * files. Said as those chapters and credits ("3 chapters and the credits (5 markers)"), since a production of three
 * chapters that read "5 markers" looked like someone else's book.
 */
function chapterMarkersRule(markers: ChapterMarkers | undefined): ReadinessRule {
  const packaged = markers?.packaged;
  const allTitled = !!markers && markers.count > 0 && markers.titled === markers.count;
  const expectedCount = packaged ? packaged.chapters + packaged.credits : undefined;
  const asPackaged = !!markers && !!packaged && markers.count === expectedCount;
  const said: Said = !markers
    ? ['none', value.state('none')]
    : asPackaged
      ? [
          `${packaged.chapters} chapter${packaged.chapters === 1 ? '' : 's'}${packaged.credits ? ` and the credits (${markers.count} markers)` : ''}, ${markers.titled} titled`,
          value.chapterMarkers(packaged.chapters, packaged.credits, markers.titled),
        ]
      : [`${markers.count} markers, ${markers.titled} titled`, value.markers(markers.count, markers.titled)];
  return {
    id: 'chapter-markers',
    description: 'Chapter markers with titles',
    passed: allTitled && (!packaged || asPackaged),
    measured: said[0],
    expected: packaged
      ? `one per chapter${packaged.credits ? ' and credits file' : ''} (${expectedCount}), all titled`
      : '≥ 1, all titled',
    measuredValues: [said[1]],
    expectedValue: packaged ? value.markerPerChapter(packaged.chapters, packaged.credits) : value.allMarkersTitled(1),
  };
}

export function contentRules(spec: RetailSpec, deliverable: MeasuredDeliverable): ReadinessRule[] {
  const rules: ReadinessRule[] = [];
  if (spec.needsChapterMarkers) rules.push(chapterMarkersRule(deliverable.chapterMarkers));
  if (spec.needsCredits) {
    const roles = new Set(deliverable.files.map((f) => f.role));
    const both = roles.has('opening-credits') && roles.has('closing-credits');
    rules.push({
      id: 'credits',
      description: 'Opening and closing credits',
      passed: both,
      measured: both ? 'present' : 'missing',
      expected: 'opening and closing credits files',
      measuredValues: [value.state(both ? 'present' : 'missing')],
      expectedValue: value.state('opening_and_closing_credits'),
    });
  }
  rules.push(coverRule(spec, deliverable.cover));
  if (spec.isbnRequired) {
    const isbn = deliverable.metadata.isbn;
    rules.push({
      id: 'isbn',
      description: 'ISBN present and valid',
      passed: !!isbn && isValidIsbn(isbn),
      measured: isbn ?? 'missing',
      expected: 'valid ISBN-10 or ISBN-13',
      measuredValues: [isbn ? value.literal(isbn) : value.state('missing')],
      expectedValue: value.state('valid_isbn'),
    });
  }
  if (spec.disclosureRequired && deliverable.aiNarrated) {
    const disclosed = hasDigitalVoiceDisclosure(deliverable.metadata.description ?? '');
    rules.push({
      id: 'disclosure',
      description: 'Digital-voice narration disclosed in the description',
      passed: disclosed,
      measured: disclosed ? 'present' : 'missing',
      expected: '"narrated by a digital voice" or equivalent',
      measuredValues: [value.state(disclosed ? 'present' : 'missing')],
      expectedValue: value.state('digital_voice_statement'),
    });
  }
  return rules;
}

function coverRule(spec: RetailSpec, cover: MeasuredCover | undefined): ReadinessRule {
  const c = spec.cover;
  const expected = `${c.square ? 'square ' : ''}≥ ${c.minPx} px${c.maxPx ? ` and ≤ ${c.maxPx} px` : ''}, ${c.rgb ? 'RGB ' : ''}${c.formats.join('/').toUpperCase()}`;
  const expectedValue: ReadinessValue = {
    code: 'cover_expected',
    params: {
      minPx: c.minPx,
      maxPx: c.maxPx ?? 0,
      square: c.square ? 1 : 0,
      rgb: c.rgb ? 1 : 0,
      formats: c.formats.join('/').toUpperCase(),
    },
  };
  if (!cover) {
    return {
      id: 'cover',
      description: 'Cover art',
      passed: false,
      measured: 'missing',
      expected,
      measuredValues: [value.state('missing')],
      expectedValue,
    };
  }
  const passed =
    Math.min(cover.width, cover.height) >= c.minPx &&
    (c.maxPx === undefined || Math.max(cover.width, cover.height) <= c.maxPx) &&
    (!c.square || cover.width === cover.height) &&
    (!c.rgb || cover.colorSpace === 'rgb') &&
    (c.formats as string[]).includes(cover.format);
  return {
    id: 'cover',
    description: 'Cover art',
    passed,
    measured: `${cover.width}×${cover.height} ${cover.colorSpace.toUpperCase()} ${cover.format.toUpperCase()}`,
    expected,
    measuredValues: [
      {
        code: 'cover_measured',
        params: {
          width: cover.width,
          height: cover.height,
          colorSpace: cover.colorSpace.toUpperCase(),
          format: cover.format.toUpperCase(),
        },
      },
    ],
    expectedValue,
  };
}

const DISCLOSURE =
  /(digital|synthetic|synthesi[sz]ed|computer[- ]generated|ai[- ]generated|artificial)\s+(voice|narrat)|narrat\w*\s+by\s+(a|an)\s+(digital|synthetic|ai|virtual)|\bvoz\s+(digital|sintética|sintetica|artificial)|\bnarra(do|da|ción|cao|ção)\s+(por|com)\s+(una?|um)\s+voz\s+(digital|sintética|sintetica)/i;

export function hasDigitalVoiceDisclosure(description: string): boolean {
  return DISCLOSURE.test(description);
}
