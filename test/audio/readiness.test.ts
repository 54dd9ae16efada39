import { correctionGainDb } from '../../core/audio/masteringTarget';
import {
  evaluateReadiness,
  hasDigitalVoiceDisclosure,
  type MeasuredAudioFile,
  type MeasuredDeliverable,
} from '../../core/audio/readiness';
import { isValidIsbn } from '../../core/projects/isbn';
import { goodLevels, mp3 } from './readinessFixtures';

function acxDeliverable(overrides: Partial<MeasuredDeliverable> = {}): MeasuredDeliverable {
  return {
    files: [
      mp3('opening.mp3', 'opening-credits', { durationSec: 20 }),
      mp3('ch01.mp3', 'chapter'),
      mp3('closing.mp3', 'closing-credits', { durationSec: 10 }),
      mp3('sample.mp3', 'retail-sample', { durationSec: 180 }),
    ],
    cover: { width: 3000, height: 3000, colorSpace: 'rgb', format: 'jpeg' },
    metadata: { isbn: '978-0-306-40615-7', description: 'A novel, narrated by a digital voice.' },
    aiNarrated: true,
    ...overrides,
  };
}

const failed = (report: ReturnType<typeof evaluateReadiness>) => report.rules.filter((r) => !r.passed).map((r) => r.id);

describe('evaluateReadiness', () => {
  it('passes a compliant ACX delivery', () => {
    const report = evaluateReadiness('acx', acxDeliverable());
    expect(failed(report)).toEqual([]);
    expect(report.passed).toBe(true);
  });

  it('reports each failing rule with the measured and expected values', () => {
    const loud = {
      ...goodLevels,
      rmsDb: -16.2,
      truePeakDb: -1.1,
      noiseFloorDb: -52,
      headSilenceMs: 0,
      tailSilenceMs: 7000,
    };
    const files = [
      mp3('ch01.mp3', 'chapter', {
        bitrateMode: 'vbr',
        bitRateKbps: 128,
        sampleRateHz: 48000,
        durationSec: 130 * 60,
        loudness: loud,
      }),
    ];
    const report = evaluateReadiness(
      'acx',
      acxDeliverable({
        files,
        cover: { width: 2000, height: 1800, colorSpace: 'cmyk', format: 'jpeg' },
        metadata: { description: 'A novel.' },
      }),
    );
    expect(failed(report).sort()).toEqual(
      [
        'bitrate',
        'cbr',
        'cover',
        'credits',
        'disclosure',
        'file-length',
        'noise-floor',
        'peak',
        'retail-sample',
        'rms',
        'room-tone-head',
        'room-tone-tail',
        'sample-rate',
      ].sort(),
    );
    expect(report.rules.find((r) => r.id === 'rms')).toMatchObject({
      measured: 'ch01.mp3: -16.2 dB',
      expected: '-23..-18 dB',
    });
    expect(report.rules.find((r) => r.id === 'cover')).toMatchObject({ measured: '2000×1800 CMYK JPEG' });
  });

  it('fails when files mix mono and stereo', () => {
    const files = [mp3('a.mp3', 'chapter'), mp3('b.mp3', 'chapter', { channels: 2, bitRateKbps: 192 })];
    expect(
      failed(evaluateReadiness('acx', acxDeliverable({ files: [...acxDeliverable().files, ...files] }))),
    ).toContain('channels');
  });

  it('Apple Books wants one M4B with titled chapter markers under 23 h', () => {
    const book: MeasuredAudioFile = {
      ...mp3('book.m4b', 'book'),
      formatName: 'mov,mp4,m4a,3gp,3g2,mj2',
      codec: 'aac',
      bitrateMode: 'unknown',
      bitRateKbps: 64,
      durationSec: 10 * 3600,
    };
    const ok = evaluateReadiness('apple', {
      files: [book],
      chapterMarkers: { count: 12, titled: 12 },
      cover: { width: 3000, height: 3000, colorSpace: 'rgb', format: 'jpeg' },
      metadata: { description: 'Narrated by a digital voice.' },
      aiNarrated: true,
    });
    expect(failed(ok)).toEqual([]);
    const bad = evaluateReadiness('apple', {
      files: [{ ...book, durationSec: 24 * 3600 }],
      chapterMarkers: { count: 3, titled: 2 },
      metadata: {},
      aiNarrated: true,
    });
    expect(failed(bad).sort()).toEqual(['chapter-markers', 'cover', 'disclosure', 'total-length'].sort());
  });

  it('Spotify and Kobo require a valid ISBN; Kobo caps file size', () => {
    const noIsbn = acxDeliverable({ metadata: { description: 'narrated by a digital voice' } });
    expect(failed(evaluateReadiness('spotify', noIsbn))).toContain('isbn');
    expect(
      failed(evaluateReadiness('kobo', { ...noIsbn, metadata: { ...noIsbn.metadata, isbn: '978-0-306-40615-8' } })),
    ).toContain('isbn');
    // Thirteen digits with a good check digit are an ISBN only under the book prefixes 978 and 979 (977 is a serial's).
    const serial = { ...noIsbn, metadata: { ...noIsbn.metadata, isbn: '977-0-000-00000-3' } };
    expect(failed(evaluateReadiness('spotify', serial))).toContain('isbn');
    const prefix979 = { ...noIsbn, metadata: { ...noIsbn.metadata, isbn: '979-10-90636-07-1' } };
    expect(failed(evaluateReadiness('spotify', prefix979))).not.toContain('isbn');
    const huge = acxDeliverable({ files: [mp3('ch01.mp3', 'chapter', { sizeBytes: 250 * 1024 * 1024 })] });
    expect(failed(evaluateReadiness('kobo', huge))).toEqual(['file-size']);
  });

  it("counts an M4B's chapter marks against the chapters and credits files the package holds", () => {
    const book: MeasuredAudioFile = {
      ...mp3('Book.m4b', 'book'),
      formatName: 'mov,mp4,m4a,3gp,3g2,mj2',
      codec: 'aac',
      bitrateMode: 'unknown',
      bitRateKbps: 64,
      durationSec: 3600,
    };
    const apple = (chapterMarkers: MeasuredDeliverable['chapterMarkers']) =>
      evaluateReadiness('apple', {
        files: [book],
        chapterMarkers,
        cover: { width: 3000, height: 3000, colorSpace: 'rgb', format: 'jpeg' },
        metadata: { description: 'Narrated by a digital voice.' },
        aiNarrated: true,
      }).rules.find((r) => r.id === 'chapter-markers');
    const threeChaptersAndCredits = { chapters: 3, credits: 2 };
    expect(apple({ count: 5, titled: 5, packaged: threeChaptersAndCredits })).toMatchObject({
      passed: true,
      measured: '3 chapters and the credits (5 markers), 5 titled',
      expected: 'one per chapter and credits file (5), all titled',
      measuredValues: [{ code: 'chapter_markers', params: { chapters: 3, credits: 2, count: 5, titled: 5 } }],
    });
    expect(apple({ count: 3, titled: 3, packaged: { chapters: 3, credits: 0 } })).toMatchObject({
      passed: true,
      measured: '3 chapters, 3 titled',
      expected: 'one per chapter (3), all titled',
    });
    // A mark missing, or one too many, is a book whose chapters a listener cannot find.
    expect(apple({ count: 4, titled: 4, packaged: threeChaptersAndCredits })).toMatchObject({
      passed: false,
      measured: '4 markers, 4 titled',
      measuredValues: [{ code: 'markers', params: { count: 4, titled: 4 } }],
    });
    expect(apple({ count: 5, titled: 4, packaged: threeChaptersAndCredits })).toMatchObject({ passed: false });
    // A package measured before the plan was kept is checked as it was.
    expect(apple({ count: 5, titled: 5 })).toMatchObject({ passed: true, measured: '5 markers, 5 titled' });
  });

  it('Google Play accepts 128 kbps mono MP3 and needs 5 minutes in total', () => {
    const short = {
      ...acxDeliverable(),
      files: [mp3('ch01.mp3', 'chapter', { bitRateKbps: 128, bitrateMode: 'vbr', durationSec: 120 })],
    };
    expect(failed(evaluateReadiness('google', short))).toEqual(['total-length']);
  });
});

describe('pure rules', () => {
  it('validates ISBN-10 and ISBN-13 check digits', () => {
    expect(isValidIsbn('978-0-306-40615-7')).toBe(true);
    expect(isValidIsbn('0-306-40615-2')).toBe(true);
    expect(isValidIsbn('080442957X')).toBe(true);
    expect(isValidIsbn('978-0-306-40615-8')).toBe(false);
    expect(isValidIsbn('hello')).toBe(false);
  });

  it('recognises digital-voice disclosures in en/es/pt', () => {
    expect(hasDigitalVoiceDisclosure('This audiobook is narrated by a digital voice.')).toBe(true);
    expect(hasDigitalVoiceDisclosure('Narrado por una voz digital.')).toBe(true);
    expect(hasDigitalVoiceDisclosure('Narrado com uma voz sintética.')).toBe(true);
    expect(hasDigitalVoiceDisclosure('A thrilling story.')).toBe(false);
  });

  it('corrects mastering gain toward the loudness target and the RMS floor', () => {
    const target = { integratedLufs: -20, truePeakDb: -3.5 };
    expect(correctionGainDb({ integratedLufs: -20.2, rmsDb: -21 }, target)).toBe(0);
    expect(correctionGainDb({ integratedLufs: -21, rmsDb: -22 }, target)).toBeCloseTo(1);
    expect(correctionGainDb({ integratedLufs: -20, rmsDb: -24 }, target)).toBeCloseTo(2);
    expect(correctionGainDb({ integratedLufs: -20, rmsDb: -25 }, target, { maxRmsLiftLu: 4 })).toBeCloseTo(3.5);
    expect(correctionGainDb({ integratedLufs: null, rmsDb: null }, target)).toBe(0);
  });
});
